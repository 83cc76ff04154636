import ISPCore
import Messages
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
        if let readOnlyReason { return language.text(readOnlyReason.message) }
        guard let saveFailure else { return nil }
        let reason: [String: MessageArgument] = [
            "reason": .message(saveFailure.shortReason ?? Message(.wizardAlertUnknownReason)),
        ]
        // The longest wording that fits; the shortest fits 60 columns.
        let wordings = [
            language.text(.wizardAlertNotSavedLong, reason), language.text(.wizardAlertNotSavedMedium, reason),
            language.text(.wizardAlertNotSavedShort, reason), language.text(.wizardAlertNotSavedShortest),
        ]
        return wordings.first { $0.displayWidth <= contentWidth } ?? wordings[wordings.count - 1]
    }

    /// Width of content, inside a one-cell margin on each side.
    var contentWidth: Int { size.columns - 2 }

    /// "Preparing the Ground › Step 3 of 7 › Question 2 of 6", or the screen's name.
    var locationLine: String {
        let steps = guide.steps
        func place(_ id: MessageID, step: Int, _ more: [String: MessageArgument] = [:]) -> String {
            language.text(id, more.merging([
                "phase": .text(guide.phase(of: steps[step])?.title ?? ""), "step": .integer(step + 1),
                "steps": .integer(steps.count),
            ]) { own, _ in own })
        }
        switch screen {
        case .setup: return language.text(.wizardLocationSetup)
        case .participants: return language.text(.wizardLocationParticipants)
        case .map: return language.text(.wizardLocationMap)
        case .summary: return language.text(.wizardLocationSummary)
        case .stepIntro(let step): return place(.wizardLocationStepIntro, step: step)
        case .question(let step, let prompt):
            return place(.wizardLocationQuestion, step: step, [
                "question": .integer(prompt + 1), "questions": .integer(steps[step].prompts.count),
            ])
        case .worksheet(let step): return place(.wizardLocationWorksheet, step: step)
        }
    }

    var screenTitle: String {
        switch screen {
        case .setup: language.text(.wizardScreenTitleSetup)
        case .participants: language.text(.wizardScreenTitleParticipants)
        case .map: language.text(.wizardScreenTitleMap)
        case .summary: language.text(.wizardScreenTitleSummary)
        case .stepIntro(let step), .question(let step, _): guide.steps[step].title
        case .worksheet(let step): guide.steps[step].worksheet?.title ?? guide.steps[step].title
        }
    }

    /// Marks the row under a scrolling list (help, worksheet, list of rows, summary) whose `hidden` lines follow
    /// below the screen, in the same words everywhere.
    func drawMoreMark(hidden: Int, row: Int, into grid: inout ScreenGrid) {
        grid.put(language.text(.wizardMore, ["count": .integer(hidden)]), row: row, column: 2, style: .muted)
    }

    func drawChrome(into grid: inout ScreenGrid, keys: KeyBar) {
        let width = size.columns
        grid.fill(row: 0, columns: 0..<width, style: .bar)
        // A status that fits beside the title goes there; a longer one takes the where-you-are line until the next
        // key, where it has the whole width, rather than being cut in the middle of a sentence.
        let statusText = status?.text(in: language) ?? ""
        let fitsTitleBar = statusText.displayWidth <= width - 26
        let right = fitsTitleBar ? statusText : ""
        let title = " " + language.text(.wizardTitle, ["session": .text(session.displayName(in: language))])
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
