import ISPCore
import TerminalUI

/// The readiness summary, the same lines `isp-wizard summary` prints, scrollable.
extension WizardState {
    /// The summary wrapped to the screen, each line with its style.
    var summaryLines: [(text: String, style: Style)] {
        SummaryReport(guide: guide, session: session).lines.flatMap { line in
            let style: Style = line.kind == .text || line.kind == .blank ? [] : .bold
            return wrapReportLine(line, width: contentWidth).map { ($0, style) }
        }
    }

    mutating func handleSummaryKey(_ key: Key) -> [Effect]? {
        let lastTop = max(summaryLines.count - contentRows, 0)
        switch key {
        case .up: summaryScroll = max(summaryScroll - 1, 0)
        case .down: summaryScroll = min(summaryScroll + 1, lastTop)
        case .pageUp where summaryScroll > 0: summaryScroll = max(summaryScroll - contentRows, 0)
        case .pageDown where summaryScroll < lastTop: summaryScroll = min(summaryScroll + contentRows, lastTop)
        case .home: summaryScroll = 0
        case .end: summaryScroll = lastTop
        case .character("x"), .character("X"): return [.exportSummary]
        default: return nil
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
            grid.put("▼ more", row: contentEnd - 1, column: size.columns - 8, style: .reverse)
        }
    }

    var summaryKeys: KeyBar {
        KeyBar([(key: "↑↓ PgUp PgDn", action: "scroll"), (key: "x", action: "export"), KeyHint.back, KeyHint.map,
                KeyHint.help, KeyHint.quit])
    }
}
