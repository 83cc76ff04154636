/// Widths for the columns of a table: as many columns, in order, as fit at their least widths, one cell
/// apart; the room left over goes to the columns that can grow, the first of them taking a double share.
public struct ColumnLayout: Equatable, Sendable {
    public struct Column: Equatable, Sendable {
        public var minimum: Int
        public var grows: Bool

        public init(minimum: Int, grows: Bool) {
            self.minimum = minimum
            self.grows = grows
        }
    }

    /// The width of each column shown; columns that do not fit are left out from the end.
    public private(set) var widths: [Int]

    public init(_ columns: [Column], width: Int) {
        var shown: [Column] = []
        var used = 0
        for column in columns {
            let needed = used + (shown.isEmpty ? 0 : 1) + column.minimum
            guard needed <= width else { break }
            shown.append(column)
            used = needed
        }
        widths = shown.map(\.minimum)
        let growing = shown.indices.filter { shown[$0].grows }
        guard let first = growing.first else { return }
        let shares = growing.count + 1
        let spare = width - used
        for index in growing {
            widths[index] += spare / shares * (index == first ? 2 : 1)
        }
        // What the division leaves goes to the first growing column.
        widths[first] += spare - spare / shares * shares
    }

    /// The column each shown column starts at, from `origin`.
    public func starts(from origin: Int) -> [Int] {
        var column = origin
        return widths.map { width in
            defer { column += width + 1 }
            return column
        }
    }
}
