import ISPCore
import TerminalUI

/// A step's guidance, before its questions.
extension WizardState {
    static let stepIntroBindings: [KeyBinding] = [
        KeyBinding([.enter], bar: (key: "Enter", action: "start"), help: (keys: "Enter",
                   meaning: "new line in notes; next field or the first question elsewhere"), .startStep),
    ]

    func drawStepIntro(into grid: inout ScreenGrid) {
        guard let index = currentStep else { return }
        let step = guide.steps[index]
        let width = contentWidth
        var row = contentTop
        row += grid.putWrapped(step.guidance, row: row, column: 1, width: width, maxRows: contentRows - 4)
        row += 1
        let standing = standing(ofStep: index, in: ReadinessSummary(guide: guide, session: session))
        grid.put(ellipsized("\(step.prompts.count) questions · \(standing.answered) answered · \(standing.label)",
                            width: width), row: row, column: 1, style: .muted)
        row += 2
        grid.put(ellipsized("Press Enter or Ctrl-N to start with question 1.", width: width), row: row, column: 1,
                 style: .title)
        if let worksheet = step.worksheet {
            grid.put(ellipsized("Press w for the step's worksheet: \(worksheet.title).", width: width), row: row + 1,
                     column: 1)
        }
    }
}
