import DisplayWidth
import ISPCore
import Messages
import TerminalUI

/// Every key of the wizard, from the binding tables; the README's key table says the same.
extension WizardState {
    func drawHelp(into grid: inout ScreenGrid) {
        let keyWidth = 21
        var row = contentTop
        // Opened on a question, the help first says how to read its scale.
        if let scale = currentPrompt?.scale {
            row += grid.putWrapped(language.text(.wizardHelpScale, ["scale": .text(scale)]), row: row, column: 1,
                                   width: contentWidth,
                                   maxRows: 2, style: .title)
            row += 1
        }
        // A meaning longer than its column wraps under itself, the keys on its first line: a line cut short
        // would lose what the key does, in a longer language most of all.
        let lines = helpLines.flatMap { line in
            wrap(line.meaning, width: max(contentWidth - keyWidth - 1, 1)).enumerated().map { index, part in
                (keys: index == 0 ? line.keys : "", meaning: part)
            }
        }
        let shown = scrolledLines(count: lines.count, top: min(helpScroll, max(lines.count - 1, 0)),
                                  rows: contentEnd - 1 - row)
        for line in lines[shown.range] {
            grid.put(line.keys, row: row, column: 2, style: .title)
            grid.put(line.meaning, row: row, column: keyWidth + 2)
            row += 1
        }
        if shown.more {
            drawMoreMark(hidden: lines.count - shown.range.upperBound, row: row, into: &grid)
            row += 1
        }
        if row + 1 < contentEnd {
            grid.putWrapped(language.text(.wizardHelpSource, ["source": .text(guide.source)]), row: row + 1, column: 1,
                            width: contentWidth,
                            maxRows: contentEnd - row - 1, style: .muted)
        }
    }
}
