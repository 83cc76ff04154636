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
        // Nearly every field has no comma, quote or line break, which its scalars tell faster than its characters.
        let mayNeedQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0.isLineBreak }
        guard mayNeedQuotes, value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        // Most fields are quoted for a comma or a line break, and hold no quote to double.
        let escaped = value.utf8.contains(UInt8(ascii: "\"")) ? value.replacing("\"", with: "\"\"") : value
        return "\"" + escaped + "\""
    }
}
