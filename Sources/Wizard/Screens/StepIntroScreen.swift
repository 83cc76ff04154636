import ISPCore
import Messages
import TerminalUI

/// A step's guidance, before its questions.
extension WizardState {
    static let stepIntroBindings: [KeyBinding] = [
        KeyBinding([.enter], bar: (key: "Enter", action: .wizardBarStart), help: (keys: "Enter",
                   meaning: Message(.wizardHelpStartStep)), .startStep),
    ]

    func drawStepIntro(into grid: inout ScreenGrid) {
        guard let index = currentStep else { return }
        let step = guide.steps[index]
        let width = contentWidth
        var row = contentTop
        // The guidance is ours, not the guide's words: said as the derived questions and our hints are.
        row += grid.putWrapped(language.text(.wizardGuidanceMark), row: row, column: 1, width: width, maxRows: 1,
                               style: .muted)
        row += grid.putWrapped(step.guidance, row: row, column: 1, width: width, maxRows: contentRows - 5)
        row += 1
        let standing = standing(ofStep: index, in: ReadinessSummary(guide: guide, session: session))
        let progress = language.text(.wizardStepIntroProgress, [
            "count": .integer(step.prompts.count), "answered": .integer(standing.answered),
            "standing": .text(standing.label),
        ])
        grid.put(ellipsized(progress, width: width), row: row, column: 1, style: .muted)
        row += 2
        grid.put(ellipsized(language.text(.wizardStepIntroStart), width: width), row: row, column: 1,
                 style: .title)
        if let worksheet = step.worksheet {
            grid.put(ellipsized(language.text(.wizardStepIntroWorksheet, ["title": .text(worksheet.title)]),
                                width: width), row: row + 1, column: 1)
        }
    }
}
