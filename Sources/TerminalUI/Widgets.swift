import DisplayWidth

extension ScreenGrid {
    /// Writes word-wrapped text from a row, at most `maxRows` rows, and returns the rows used.
    /// When the text needs more rows, the last one shown ends with "…".
    @discardableResult
    public mutating func putWrapped(_ text: String, row: Int, column: Int, width: Int, maxRows: Int = .max,
                                    style: Style = []) -> Int {
        guard maxRows > 0, width > 0 else { return 0 }
        return putLines(wrap(text, width: width), row: row, column: column, width: width, maxRows: maxRows,
                        style: style)
    }

    /// Writes lines already wrapped to `width`, as `putWrapped` does, and returns the rows used.
    @discardableResult
    public mutating func putLines(_ lines: [String], row: Int, column: Int, width: Int, maxRows: Int = .max,
                                  style: Style = []) -> Int {
        guard maxRows > 0, width > 0 else { return 0 }
        for (offset, line) in lines.prefix(maxRows).enumerated() {
            let isCut = offset == maxRows - 1 && lines.count > maxRows
            put(isCut ? truncated(line, width: width - 1) + "…" : line, row: row + offset, column: column,
                style: style, limit: width)
        }
        return min(lines.count, maxRows)
    }

    /// The marks of a box that scrolls, in its column `column`: ▲ on its first row when lines are hidden above,
    /// ▼ on its last row when lines are hidden below.
    public mutating func putScrollMarks(above: Bool, below: Bool, rows: Range<Int>, column: Int, style: Style) {
        if above { put("▲", row: rows.lowerBound, column: column, style: style) }
        if below { put("▼", row: rows.upperBound - 1, column: column, style: style) }
    }
}

/// The lines of a list of `count` lines, scrolled to line `top`, that show in `rows` rows. When more lines
/// follow, the last row is left to say so (`more`) rather than hiding the end of a line under a mark.
public func scrolledLines(count: Int, top: Int, rows: Int) -> (range: Range<Int>, more: Bool) {
    let first = min(max(top, 0), count)
    guard rows > 0 else { return (first..<first, false) }
    let more = first + rows < count
    return (first..<min(first + rows - (more ? 1 : 0), count), more)
}

/// Cuts text to at most `width` cells without splitting a wide character.
public func truncated(_ text: String, width: Int) -> String {
    var result = ""
    var used = 0
    for character in text {
        used += character.displayWidth
        if used > width { break }
        result.append(character)
    }
    return result
}

/// Cuts text to `width` cells, ending it with "…" when something was cut.
public func ellipsized(_ text: String, width: Int) -> String {
    text.displayWidth <= width ? text : truncated(text, width: max(width - 1, 0)) + "…"
}

/// Text cut to `width` cells in its middle, keeping both ends: a path's folder start and its file name.
public func ellipsizedInMiddle(_ text: String, width: Int) -> String {
    guard text.displayWidth > width, width > 1 else { return text.displayWidth <= width ? text : "" }
    let head = truncated(text, width: (width - 1) / 2)
    var tail: [Character] = []
    var tailWidth = 0
    for character in text.reversed() {
        let characterWidth = String(character).displayWidth
        if head.displayWidth + 1 + tailWidth + characterWidth > width { break }
        tail.append(character)
        tailWidth += characterWidth
    }
    return head + "…" + String(tail.reversed())
}

/// A row of radio choices, `( ) label` and `(•) label`, wrapped onto as many lines as the width needs.
public struct ChoiceRow: Sendable {
    public var labels: [String]
    public var selected: Int?

    public init(labels: [String], selected: Int?) {
        self.labels = labels
        self.selected = selected
    }

    private static let gap = 2

    /// Where each choice starts: line and column, relative to the row's origin.
    public func positions(width: Int) -> [Point] {
        var positions: [Point] = []
        var line = 0
        var column = 0
        for label in labels {
            let cells = label.displayWidth + 4
            if column > 0 && column + cells > width {
                line += 1
                column = 0
            }
            positions.append(Point(row: line, column: column))
            column += cells + Self.gap
        }
        return positions
    }

    /// The choice Left or Right moves to from the current one (the first when none is chosen); nil for other keys.
    public static func index(from current: Int?, moving key: Key, count: Int) -> Int? {
        switch key {
        case .left: current.map { max($0 - 1, 0) } ?? 0
        case .right: current.map { min($0 + 1, count - 1) } ?? 0
        default: nil
        }
    }

    public func height(width: Int) -> Int {
        (positions(width: width).last?.row ?? 0) + 1
    }

    /// Draws the choices; when focused, the chosen one (or the first) is reversed and holds the cursor.
    public func draw(into grid: inout ScreenGrid, at origin: Point, width: Int, focused: Bool) {
        let highlighted = selected ?? 0
        for (index, position) in positions(width: width).enumerated() {
            let mark = index == selected ? "(•) " : "( ) "
            let row = origin.row + position.row
            let column = origin.column + position.column
            let style: Style = focused && index == highlighted ? .selected : (index == selected ? .chosen : [])
            grid.put(mark + labels[index], row: row, column: column, style: style, limit: width - position.column)
            if focused && index == highlighted {
                grid.cursor = Point(row: row, column: column + 1)
            }
        }
    }
}

/// The bottom line: the keys that work on this screen, as `key action` pairs.
public struct KeyBar: Sendable {
    public var items: [(key: String, action: String)]
    /// The keys dropped last when the bar is too narrow (the way on), after every other but help and quit.
    public var kept: Set<String>

    public init(_ items: [(key: String, action: String)], keeping kept: Set<String> = []) {
        self.items = items
        self.kept = kept
    }

    /// Draws as many items as fit, dropping them from the end: the last two (help and quit, by convention) are
    /// always kept, and the `kept` keys go only when nothing else is left to drop.
    public func draw(into grid: inout ScreenGrid, row: Int) {
        var shown = items
        func width(_ list: [(key: String, action: String)]) -> Int {
            list.reduce(0) { $0 + $1.key.displayWidth + $1.action.displayWidth + 3 }
        }
        while width(shown) > grid.size.columns && shown.count > 2 {
            let droppable = shown.indices.dropLast(2).last { !kept.contains(shown[$0].key) }
            shown.remove(at: droppable ?? shown.count - 3)
        }
        grid.fill(row: row, columns: 0..<grid.size.columns, style: .bar)
        var column = 1
        for item in shown {
            column += grid.put(item.key, row: row, column: column, style: [.bar, .barKey])
            column += grid.put(" " + item.action, row: row, column: column, style: .bar)
            column += 2
        }
    }
}
