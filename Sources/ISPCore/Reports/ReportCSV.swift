#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension DocumentTable {
    /// The table as CSV (RFC 4180): a header row, CRLF line ends, a field quoted when it holds a comma, quote or
    /// line break, quotes doubled. UTF-8 with a byte-order mark, so that spreadsheet programs show accents and CJK.
    ///
    /// Controls are shown visibly, and a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
    /// gets a `'` in front, so that no spreadsheet takes it for a formula.
    public var csv: Data {
        var text = "\u{FEFF}"
        for row in [columns] + rows {
            text += columns.indices.map { index in Self.csvField(index < row.count ? row[index] : "") }
                .joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    static func csvField(_ cell: String) -> String {
        var value = cell.visibleControls
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        // By scalar, not by character: a comma or a quote with a combining mark after it is one character, but
        // still a comma or a quote to a spreadsheet.
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0.isLineBreak }) else { return value }
        var quoted = "\""
        quoted.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            quoted.unicodeScalars.append(scalar)
            if scalar == "\"" { quoted.unicodeScalars.append(scalar) }
        }
        quoted += "\""
        return quoted
    }
}
