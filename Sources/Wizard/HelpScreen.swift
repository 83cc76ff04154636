import ISPCore
import TerminalUI

/// Every key of the wizard; the README's key table says the same.
extension WizardState {
    static let helpLines: [(keys: String, meaning: String)] = [
        ("Ctrl-N, PgDn", "next screen (in long notes PgDn scrolls them)"),
        ("Ctrl-P, PgUp", "previous screen (in long notes PgUp scrolls them)"),
        ("Tab, Shift-Tab", "next / previous field"),
        ("0 1 2 3 4", "rate: Not started … Institutionalised"),
        ("n, d", "rate Not applicable, Don't know"),
        ("← →", "change the rating or choice"),
        ("Enter", "new line in notes; next field elsewhere"),
        ("Esc", "step map (Esc again returns)"),
        ("x", "on the summary: save it as a text file"),
        ("Ctrl-S", "save now (it saves as you go)"),
        ("F1", "this help"),
        ("Ctrl-Q, F10, Ctrl-C", "quit; everything is saved"),
    ]

    func drawHelp(into grid: inout ScreenGrid) {
        let keyWidth = 21
        var row = contentTop
        for line in Self.helpLines where row < contentEnd - 1 {
            grid.put(line.keys, row: row, column: 2, style: .bold)
            grid.put(ellipsized(line.meaning, width: contentWidth - keyWidth - 1), row: row, column: keyWidth + 2)
            row += 1
        }
        if row + 1 < contentEnd {
            grid.putWrapped("Questions come from \(guide.source)", row: row + 1, column: 1, width: contentWidth,
                            maxRows: contentEnd - row - 1, style: .dim)
        }
    }
}
