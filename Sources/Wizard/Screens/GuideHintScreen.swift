import ISPCore
import Messages
import TerminalUI

/// The box F3 opens over a question: the rest of what the guide says about it (whether it is derived, the hint,
/// quoted or in our words) and the step's guidance, marked as our summary. The question screen at 80x24 leaves
/// the hint behind this key, as issue 16 orders it.
extension WizardState {
    /// The key that opens the box, as the key bar and the question screen write it.
    static let guideHintKey = "F3"

    /// F3 on a question, whatever field has the focus: no text is typed with it. F2 is kept for the guide's
    /// English original.
    static let guideHintBinding = KeyBinding(
        [.function(3)], bar: (key: guideHintKey, action: .wizardBarGuideHint),
        help: (keys: guideHintKey, meaning: Message(.wizardHelpGuideHint)), .showGuideHint)

    /// The key bar while the box is open: Esc (or F3 again) closes it.
    var guideHintKeyBar: KeyBar {
        KeyBar([item("Esc", .wizardBarClose)] + [KeyBinding.quit.barItem(in: language)].compactMap { $0 })
    }

    /// Draws the box over the content of the question screen.
    func drawGuideHint(into grid: inout ScreenGrid) {
        guard let prompt = currentPrompt, let step = currentStep else { return }
        let top = contentTop
        let height = contentEnd - top
        for row in top..<contentEnd { grid.fill(row: row, columns: 0..<size.columns) }
        drawFrame(into: &grid, title: language.text(.wizardGuideHintTitle), top: top, height: height, focused: true)
        let width = size.columns - 6
        let end = top + height - 1
        var row = top + 1
        var about = prompt.notes(in: language).dropFirst(prompt.readingCount).joined(separator: " ")
        if prompt.hint == nil {
            about = [about, language.text(.wizardGuideHintNoHint)].filter { !$0.isEmpty }.joined(separator: " ")
        }
        row += grid.putWrapped(about, row: row, column: 3, width: width, maxRows: end - row) + 1
        guard row < end else { return }
        row += grid.putWrapped(language.text(.wizardGuidanceMark), row: row, column: 3, width: width,
                               maxRows: end - row, style: .muted)
        grid.putWrapped(guide.steps[step].guidance, row: row, column: 3, width: width, maxRows: end - row)
    }
}
