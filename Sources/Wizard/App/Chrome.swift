import ISPCore
import TerminalUI

/// The frame around every screen: title bar, where-you-are line, screen title, separator and key bar.
extension WizardState {
    /// Whether the terminal is tall enough for the separator line and spare blank lines.
    var isRoomy: Bool { size.rows >= 24 }

    /// The first row below the chrome.
    var contentTop: Int { isRoomy ? 4 : 3 }

    /// The row of the key bar.
    var keyBarRow: Int { size.rows - 1 }

    /// The row below a screen's content: the alert line when there is one, else the key bar.
    var contentEnd: Int { alert == nil ? keyBarRow : keyBarRow - 1 }

    /// Rows available to a screen's content.
    var contentRows: Int { contentEnd - contentTop }

    /// What must not be missed, on a line of its own above the key bar: a failing save, or a read-only session.
    var alert: String? {
        if let readOnlyReason { return readOnlyReason }
        guard let saveFailure else { return nil }
        let reason = saveFailure.reason ?? "the file could not be written"
        // The longest wording that fits; the shortest fits 60 columns.
        let wordings = [
            "NOT SAVED: \(reason). Your answers are still held here; free some space, then press Ctrl-S to retry.",
            "NOT SAVED: \(reason). Answers still held; free space, then Ctrl-S to retry.",
            "NOT SAVED: \(reason). Answers held; free space, Ctrl-S.",
            "NOT SAVED. Answers held; free disk space, then Ctrl-S.",
        ]
        return wordings.first { $0.displayWidth <= contentWidth } ?? wordings[wordings.count - 1]
    }

    /// Width of content, inside a one-cell margin on each side.
    var contentWidth: Int { size.columns - 2 }

    /// "Preparing the Ground › Step 3 of 7 › Question 2 of 6", or the screen's name.
    var locationLine: String {
        let steps = guide.steps
        switch screen {
        case .setup: return "Session details"
        case .participants: return "Participants"
        case .map: return "Step map"
        case .summary: return "Readiness summary"
        case .stepIntro(let step):
            return "\(phaseTitle(step)) › Step \(step + 1) of \(steps.count)"
        case .question(let step, let prompt):
            return "\(phaseTitle(step)) › Step \(step + 1) of \(steps.count) › Question \(prompt + 1) of "
                + "\(steps[step].prompts.count)"
        case .worksheet(let step):
            return "\(phaseTitle(step)) › Step \(step + 1) of \(steps.count) › Worksheet"
        }
    }

    private func phaseTitle(_ step: Int) -> String {
        guide.phase(of: guide.steps[step])?.title ?? ""
    }

    var screenTitle: String {
        switch screen {
        case .setup: "About this partnership"
        case .participants: "Who is in the room"
        case .map: "Choose a step"
        case .summary: "How ready is the partnership?"
        case .stepIntro(let step), .question(let step, _): guide.steps[step].title
        case .worksheet(let step): guide.steps[step].worksheet?.title ?? guide.steps[step].title
        }
    }

    func drawChrome(into grid: inout ScreenGrid, keys: KeyBar) {
        let width = size.columns
        grid.fill(row: 0, columns: 0..<width, style: .bar)
        // A status that fits beside the title goes there; a longer one takes the where-you-are line until the next
        // key, where it has the whole width, rather than being cut in the middle of a sentence.
        let statusText = status?.text ?? ""
        let fitsTitleBar = statusText.displayWidth <= width - 26
        let right = fitsTitleBar ? statusText : ""
        let title = " ISP Start-up Wizard · \(session.displayName)"
        grid.put(ellipsized(title, width: width - right.displayWidth - 2), row: 0, column: 0, style: [.bar, .barKey])
        if !right.isEmpty {
            grid.put(right, row: 0, column: width - right.displayWidth - 1, style: .bar)
        }
        if fitsTitleBar {
            grid.put(ellipsized(locationLine, width: contentWidth), row: 1, column: 1)
        } else if let status {
            // A path's end (the file name) matters most; a sentence's start.
            let shown = status.namesAPath ? ellipsizedInMiddle(statusText, width: contentWidth)
                : ellipsized(statusText, width: contentWidth)
            grid.put(shown, row: 1, column: 1, style: .focus)
        }
        grid.put(ellipsized(screenTitle, width: contentWidth), row: 2, column: 1, style: .title)
        if isRoomy {
            grid.put(String(repeating: "─", count: width), row: 3, column: 0, style: .muted)
        }
        if let alert {
            grid.fill(row: contentEnd, columns: 0..<width, style: .warning)
            grid.put(ellipsized(alert, width: contentWidth), row: contentEnd, column: 1, style: .warning)
        }
        keys.draw(into: &grid, row: keyBarRow)
    }
}
