import DisplayWidth
import ISPCore
import Messages
import TerminalUI

/// The session details: partnership name, focal issue, mode, and who answers.
extension WizardState {
    var formWidth: Int { contentWidth }

    mutating func handleSetupKey(_ key: Key) -> [Effect]? {
        switch setupForm.handle(key, width: formWidth) {
        case .edited(let index):
            let mode = session.mode
            apply(.setDetail(index, setupForm.fields[index]))
            if session.mode != mode {
                // The fields of the other mode come and go; the focus stays on the mode.
                setupForm = Form(fields: setupBindings.map { $0.field(session) }, focus: index)
            }
            return setupForm.fields[index].text == nil ? [.save] : [.saveSoon]
        case .moved:
            return []
        case .finished:
            return goForward()
        case .ignored:
            return nil
        }
    }

    mutating func pasteIntoSetup(_ text: String) -> [Effect] {
        guard case .edited(let index) = setupForm.paste(text, width: formWidth) else { return [] }
        apply(.setDetail(index, setupForm.fields[index]))
        return [.saveSoon]
    }

    func drawSetup(into grid: inout ScreenGrid) {
        let spacing = contentRows >= 18 ? 1 : 0
        let lastRow = setupForm.draw(into: &grid, at: Point(row: contentTop, column: 1), width: formWidth,
                                     spacing: spacing)
        if lastRow + 1 < contentEnd {
            let hint: MessageID = session.mode == .workshop ? .wizardSetupHintWorkshop : .wizardSetupHintSelfAssessment
            let hintRow = contentEnd - 1 - (lastRow + 2 < contentEnd ? 1 : 0)
            grid.putWrapped(language.text(hint), row: hintRow, column: 1, width: contentWidth, maxRows: 1,
                            style: .muted)
            if let roundLine {
                // Above the hint, a blank line apart when there is room, on the rows the fields left.
                let lines = wrap(roundLine, width: contentWidth)
                let room = hintRow - lastRow - 1
                let shown = min(lines.count, room)
                let gap = room > shown ? 1 : 0
                grid.putLines(lines, row: hintRow - gap - shown, column: 1, width: contentWidth, maxRows: shown,
                              style: .title)
            }
        }
    }

    /// In a later round of the partnership: which round, and how many answers carried over from the last one are
    /// still to confirm.
    private var roundLine: String? {
        guard session.round > 1 else { return nil }
        let round: [String: MessageArgument] = ["round": .integer(session.round)]
        let toConfirm = session.unconfirmedAnswers
        guard toConfirm > 0 else { return language.text(.wizardSetupRound, round) }
        return language.text(.wizardSetupRoundToConfirm, round.merging(["count": .integer(toConfirm)]) { $1 })
    }
}
