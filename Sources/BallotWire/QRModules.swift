/// A QR code as its square of modules, so the wizard can draw it without linking a QR library.
///
/// On the wire each row is a string of `1` (dark) and `0` (light), top row first.
public struct QRModules: Codable, Sendable, Equatable {
    public var rows: [String]

    public init(rows: [String]) {
        self.rows = rows
    }

    /// Modules along a side (21 for version 1, 4 more for each version after it).
    public var size: Int { rows.count }

    /// The QR version the size says, 1 to 40; nil when the rows are not a QR code's square.
    public var version: Int? {
        let isSquare = rows.allSatisfy { $0.utf8.count == size }
        guard isSquare, size >= 21, (size - 17) % 4 == 0, size <= 177 else { return nil }
        return (size - 17) / 4
    }

    public func isDark(row: Int, column: Int) -> Bool {
        guard rows.indices.contains(row) else { return false }
        let modules = rows[row].utf8
        guard column >= 0, column < modules.count else { return false }
        return modules[modules.index(modules.startIndex, offsetBy: column)] == UInt8(ascii: "1")
    }

    /// The code as terminal lines of half blocks (`▀`, `▄`, `█`, space), two rows of modules a line, with a
    /// light margin of `quietZone` modules around it (scanners want 4; 2 usually do on a screen).
    ///
    /// The blocks mark `ink` modules: `.dark` for dark text on a light background; `.light` for light text on a
    /// dark one, where the blocks draw the light modules and the background gives the dark.
    public func halfBlockLines(quietZone: Int = 2, ink: Ink = .dark) -> [String] {
        let side = size + 2 * quietZone
        let isInk = { (row: Int, column: Int) -> Bool in
            isDark(row: row - quietZone, column: column - quietZone) == (ink == .dark)
        }
        return stride(from: 0, to: side, by: 2).map { row in
            String((0..<side).map { column -> Character in
                switch (isInk(row, column), row + 1 < side && isInk(row + 1, column)) {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
            })
        }
    }

    /// Which modules the blocks of `halfBlockLines` draw.
    public enum Ink: Sendable {
        case dark, light
    }
}
