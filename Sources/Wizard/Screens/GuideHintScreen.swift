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

    /// F2 on a question the wizard shows translated: the guide's English original.
    static let originalBinding = KeyBinding(
        [.function(2)], bar: (key: "F2", action: .translationBarOriginal),
        help: (keys: "F2", meaning: Message(.translationHelpOriginal)), .showOriginal)

    /// Draws the F3 box over the content of the question screen.
    func drawGuideHint(into grid: inout ScreenGrid) {
        guard let prompt = currentPrompt, let step = currentStep else { return }
        var about = prompt.notes(in: language).dropFirst(prompt.readingCount).joined(separator: " ")
        if prompt.hint == nil {
            about = [about, language.text(.wizardGuideHintNoHint)].filter { !$0.isEmpty }.joined(separator: " ")
        }
        drawBox(into: &grid, title: language.text(.wizardGuideHintTitle), paragraphs: [
            (about, [], 1), (language.text(.wizardGuidanceMark), .muted, 0), (guide.steps[step].guidance, [], 0),
        ])
    }

    /// Draws the F2 box: the question, its scale and its hint as the English guide writes them.
    func drawOriginal(into grid: inout ScreenGrid) {
        guard let prompt = currentPrompt, let original = guide.englishOriginal(of: prompt.id) else { return }
        let english = [original.text, original.scale, original.hint].compactMap { $0 }
        let intro = language.text(original.hint == nil ? .translationBoxIntroNoHint : .translationBoxIntro)
        drawBox(into: &grid, title: language.text(.translationBoxTitle),
                paragraphs: [(intro, .muted, 1)] + english.map { ($0, [], 1) })
    }

    /// A box over the content of the question screen: its title in the frame, then paragraphs, each with its style
    /// and the blank lines after it, as many as fit.
    private func drawBox(into grid: inout ScreenGrid, title: String,
                         paragraphs: [(text: String, style: Style, gap: Int)]) {
        let top = contentTop
        let height = contentEnd - top
        for row in top..<contentEnd { grid.fill(row: row, columns: 0..<size.columns) }
        drawFrame(into: &grid, title: title, top: top, height: height, focused: true)
        let width = size.columns - 6
        let end = top + height - 1
        var row = top + 1
        for paragraph in paragraphs where row < end {
            row += grid.putWrapped(paragraph.text, row: row, column: 3, width: width, maxRows: end - row,
                                   style: paragraph.style) + paragraph.gap
        }
    }
}
