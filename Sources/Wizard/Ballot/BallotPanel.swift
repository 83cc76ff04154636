import BallotWire
import DisplayWidth
import ISPCore
import Messages
import TerminalUI

/// An open ballot on the question screen: in place of the rating and the notes, the QR code on the left and, on
/// its right, the kind of ballot, the count of votes (never a vote), the address, and a named ballot's
/// participants, for `l`.
extension WizardState {
    /// The QR code's lines, drawn dark on light with a margin of two modules.
    var ballotCodeLines: [String] {
        guard case .listening(_, let code) = ballotLink else { return [] }
        return code.halfBlockLines()
    }

    /// "5 of 7 voted", or "5 votes" in an anonymous ballot.
    func ballotCount(_ ballot: OpenBallot) -> String {
        guard let voters = ballot.voters else { return language.text(.pollPanelCount, ["count": .integer(ballot.votes)]) }
        return language.text(.pollPanelCountOf, ["votes": .integer(ballot.votes), "count": .integer(voters)])
    }

    /// Where phones vote, or that the server is starting or failed.
    var ballotAddressLine: String {
        switch ballotLink {
        case .listening(let url, _): language.text(.pollPanelOpen, ["url": .text(url.visibleControls)])
        case .failed(let problem): language.text(problem)
        case .off, .starting: language.text(.pollPanelStarting)
        }
    }

    func drawBallotPanel(into grid: inout ScreenGrid, ballot: OpenBallot, top: Int) {
        let code = ballotCodeLines
        let fitsCode = !code.isEmpty && top + code.count <= contentEnd && code[0].displayWidth + 30 <= contentWidth
        let textColumn = fitsCode ? 2 + code[0].displayWidth + 2 : 1
        let width = max(size.columns - textColumn - 1, 1)
        if fitsCode {
            for (offset, line) in code.enumerated() {
                grid.put(line, row: top + offset, column: 2, style: .qrCode)
            }
        }
        var row = top
        let heading = language.text(ballot.kind == .named ? .pollPanelNamed : .pollPanelAnonymous)
        row += grid.putWrapped(heading, row: row, column: textColumn, width: width, maxRows: 2, style: .title)
        row += 1
        let count = ballot.isRevealing ? language.text(.pollPanelRevealing) : ballotCount(ballot)
        row += grid.putWrapped(count, row: row, column: textColumn, width: width, maxRows: 1, style: .focus)
        row += grid.putWrapped(language.text(.pollPanelHidden, ["key": .text("r")]), row: row, column: textColumn,
                               width: width, maxRows: 2, style: .muted)
        row += 1
        row += grid.putWrapped(ballotAddressLine, row: row, column: textColumn, width: width, maxRows: 3)
        if !fitsCode, !code.isEmpty {
            row += grid.putWrapped(language.text(.pollPanelQrHidden, ["key": .text("v")]), row: row,
                                   column: textColumn, width: width, maxRows: 2, style: .muted)
        }
        guard ballot.kind == .named else { return }
        // While the ballot asks something ("Discard 5 votes…?"), its two lines are left to it.
        let voterRows = row + 1..<max(row + 1, isAskingAboutBallot ? contentEnd - 2 : contentEnd)
        drawBallotVoters(into: &grid, ballot: ballot, rows: voterRows, column: textColumn, width: width)
    }

    /// A named ballot's participants, the highlighted one for `l`, a mark beside those who have voted; never a
    /// vote.
    private func drawBallotVoters(into grid: inout ScreenGrid, ballot: OpenBallot, rows: Range<Int>, column: Int,
                                  width: Int) {
        guard !rows.isEmpty else { return }
        let participants = session.participants
        let top = max(0, ballot.selection - rows.count + 1)
        for (offset, index) in participants.indices.dropFirst(top).prefix(rows.count).enumerated() {
            let selected = index == ballot.selection
            let name = participants[index].displayName(number: index + 1, in: language)
            let mark = ballot.voted.contains(participants[index].id) ? "✓ " : "  "
            let line = (selected ? "▸" : " ") + mark + name
            grid.put(ellipsized(line, width: width), row: rows.lowerBound + offset, column: column,
                     style: selected ? .selected : [])
        }
    }
}
