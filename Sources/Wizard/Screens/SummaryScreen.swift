import ISPCore
import Messages
import TerminalUI

/// A line of the summary as the screen shows it, with its style and what a theme may colour in it.
public struct SummaryLine: Equatable, Sendable {
    var text: String
    var style: Style
    var colouring: ReportLine.Colouring?
}

/// The readiness summary, the same lines `isp-wizard summary` prints, scrollable.
extension WizardState {
    /// Builds the summary and wraps it to the screen: when the summary opens, the terminal is resized or the
    /// session saved. Not on every key, since a register of a thousand organisations takes 0.1 s to lay out.
    mutating func layOutSummary() {
        summaryLines = SummaryReport(guide: guide, session: session, language: language).lines.flatMap { line in
            let style: Style = line.kind == .text || line.kind == .blank ? [] : .title
            return wrapReportLine(line, width: contentWidth).map {
                SummaryLine(text: $0, style: style, colouring: line.colouring)
            }
        }
    }

    /// Draws a summary line, its band or its shades in the band's colours.
    private func drawSummaryLine(_ line: SummaryLine, row: Int, into grid: inout ScreenGrid) {
        switch line.colouring {
        case .band(let band)?:
            grid.put(line.text, row: row, column: 1, style: line.style.union(Style(band: band)), limit: contentWidth)
        case .shades?:
            var column = 1
            for character in line.text where column <= contentWidth {
                let shade: Style = character == "█" ? .ready : character == "▒" ? .developing
                    : character == "░" ? .notReady : []
                column += grid.put(String(character), row: row, column: column, style: line.style.union(shade))
            }
        case nil:
            grid.put(line.text, row: row, column: 1, style: line.style, limit: contentWidth)
        }
    }

    static let summaryBindings: [KeyBinding] = [
        KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end],
                   bar: (key: "↑↓ PgUp PgDn", action: .wizardBarScroll),
                   help: nil, .scrollSummary),
        KeyBinding([.character("x")], bar: (key: "x", action: .wizardBarExport), help: (keys: "x",
                   meaning: Message(.handoutHelp)), .exportSummary),
    ]

    /// What `x` offers, each under its letter: the summary, the hand-out, the meeting record in each format, or the
    /// summary and the record all at once.
    /// The key bar names a file by its ending (".md"), or the summary and all of them by a word.
    static let exportChoices: [(key: Character, exports: [ReportExport], bar: Message, line: MessageID)] = [
        ("s", [.summary], Message(.wizardBarSummary), .wizardExportSummary),
        ("o", [.handout], Message(.handoutBar), .handoutExport),
        ("m", [.record(.markdown)], ending(".md"), .wizardExportMarkdown),
        ("h", [.record(.html)], ending(".html"), .wizardExportHtml),
        ("c", [.record(.csv)], ending(".csv"), .wizardExportCsv),
        ("j", [.record(.json)], ending(".json"), .wizardExportJson),
        ("a", ReportExport.all, Message(.wizardBarAll), .wizardExportAll),
    ]

    private static func ending(_ ending: String) -> Message {
        Message(.wizardBarEnding, ["ending": .text(ending)])
    }

    /// The letters of what to export, and Esc to cancel (as any other key does).
    static let exportChoiceBindings = exportChoices.map { choice in
        KeyBinding(answering: choice.key, bar: choice.bar, .chooseExport)
    }

    /// The letter after `x`: what to export.
    mutating func chooseExport(_ key: Key) -> [Effect] {
        isChoosingExport = false
        guard case .character(let character) = key,
            let choice = Self.exportChoices.first(where: { String($0.key) == character.lowercased() })
        else { return [] }
        return [.export(choice.exports)]
    }

    mutating func performSummaryCommand(_ command: Command, key: Key) -> [Effect] {
        guard command == .scrollSummary else {
            isChoosingExport = true
            return []
        }
        let lastTop = max(summaryLines.count - contentRows, 0)
        switch key {
        case .up: summaryScroll = max(summaryScroll - 1, 0)
        case .down: summaryScroll = min(summaryScroll + 1, lastTop)
        case .pageUp where summaryScroll > 0: summaryScroll = max(summaryScroll - contentRows, 0)
        case .pageUp: return goBack()
        case .pageDown where summaryScroll < lastTop: summaryScroll = min(summaryScroll + contentRows - 1, lastTop)
        case .home: summaryScroll = 0
        case .end: summaryScroll = lastTop
        default: break
        }
        return []
    }

    func drawSummary(into grid: inout ScreenGrid) {
        let lines = summaryLines
        let shown = scrolledLines(count: lines.count, top: min(summaryScroll, max(lines.count - contentRows, 0)),
                                  rows: contentRows)
        for (offset, line) in lines[shown.range].enumerated() {
            drawSummaryLine(line, row: contentTop + offset, into: &grid)
        }
        if shown.more {
            drawMoreMark(hidden: lines.count - shown.range.upperBound, row: contentEnd - 1, into: &grid)
        }
        if isChoosingExport { drawExportChoices(into: &grid) }
    }

    /// The choices of `x`, framed over the bottom of the summary: each letter, what it saves and the file's ending.
    private func drawExportChoices(into grid: inout ScreenGrid) {
        let choices = Self.exportChoices
        let top = contentEnd - choices.count - 3
        for row in top..<contentEnd { grid.fill(row: row, columns: 0..<size.columns, style: []) }
        drawFrame(into: &grid, title: language.text(.wizardExportTitle), top: top, height: choices.count + 3,
                  focused: true)
        for (offset, choice) in choices.enumerated() {
            let ending = choice.exports.count == 1 ? "." + choice.exports[0].fileSuffix
                : language.text(.wizardExportFiveFiles)
            let line = language.text(.wizardExportChoice, [
                "what": .message(Message(choice.line)), "ending": .text(ending),
            ])
            grid.put(ellipsized("\(choice.key)  \(line)", width: size.columns - 6),
                     row: top + 1 + offset, column: 3)
        }
        grid.put("Esc  " + language.text(.wizardBarCancel), row: top + 1 + choices.count, column: 3, style: .muted)
    }
}
