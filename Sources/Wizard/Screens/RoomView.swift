import ISPCore
import Messages
import TerminalUI

/// The room view (`v`): what to project, without key bar or rows.
extension WizardState {
    /// `r` reveals an open ballot's votes from the room view; `v` or `Esc` goes back to the question.
    mutating func handleRoomViewKey(_ key: Key) -> [Effect] {
        if ballot != nil, key == .character("r") || key == .character("R") {
            return performBallotCommand(.revealBallot, key: key)
        }
        if key == .escape || Self.roomViewBinding.matches(key) { isShowingRoomView = false }
        return []
    }

    func drawRoomView(into grid: inout ScreenGrid) {
        guard let prompt = currentPrompt else { return }
        grid.putWrapped(prompt.text, row: 1, column: 2, width: max(size.columns - 4, 1), maxRows: size.rows - 2,
                        style: .title)
    }
}
