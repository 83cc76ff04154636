import ISPCore
import TerminalUI

/// The readiness summary, the same lines `isp-wizard summary` prints, scrollable.
extension WizardState {
    /// The summary wrapped to the screen, each line with its style.
    var summaryLines: [(text: String, style: Style)] {
        SummaryReport(guide: guide, session: session).lines.flatMap { line in
            let style: Style = line.kind == .text || line.kind == .blank ? [] : .title
            return wrapReportLine(line, width: contentWidth).map { ($0, style) }
        }
    }

    static let summaryBindings: [KeyBinding] = [
        KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], bar: (key: "↑↓ PgUp PgDn", action: "scroll"),
                   help: nil, .scrollSummary),
        KeyBinding([.character("x")], bar: (key: "x", action: "export"), help: (keys: "x",
                   meaning: "on the summary: save it as a text file"), .exportSummary),
    ]

    mutating func performSummaryCommand(_ command: Command, key: Key) -> [Effect] {
        guard command == .scrollSummary else { return [.exportSummary] }
        let lastTop = max(summaryLines.count - contentRows, 0)
        switch key {
        case .up: summaryScroll = max(summaryScroll - 1, 0)
        case .down: summaryScroll = min(summaryScroll + 1, lastTop)
        case .pageUp where summaryScroll > 0: summaryScroll = max(summaryScroll - contentRows, 0)
        case .pageUp: return goBack()
        case .pageDown where summaryScroll < lastTop: summaryScroll = min(summaryScroll + contentRows, lastTop)
        case .home: summaryScroll = 0
        case .end: summaryScroll = lastTop
        default: break
        }
        return []
    }

    func drawSummary(into grid: inout ScreenGrid) {
        let lines = summaryLines
        let top = min(summaryScroll, max(lines.count - contentRows, 0))
        for (offset, line) in lines.dropFirst(top).prefix(contentRows).enumerated() {
            grid.put(line.text, row: contentTop + offset, column: 1, style: line.style, limit: contentWidth)
        }
        if top + contentRows < lines.count {
            grid.put("▼ more", row: contentEnd - 1, column: size.columns - 8, style: .bar)
        }
    }
}
