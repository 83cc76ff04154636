import DisplayWidth

/// An editable text that wraps words by display width: a multi-line notes box or a one-line field.
///
/// The editor keeps the caret and the scroll position; the box's size is passed in with each key,
/// so the same editor follows the terminal when it is resized.
public struct TextEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index in `characters` before which the caret stands.
    public private(set) var cursor: Int
    /// The first wrapped line shown in the box.
    public private(set) var scrollTop = 0
    /// The column Up and Down try to keep, so a short line in between does not pull the caret left.
    private var goalColumn: Int?
    public let isSingleLine: Bool
    /// The wrapping of the text at the width last used, so that a key and the redraw after it wrap it once.
    private var wrapped: (width: Int, lines: [WrappedLine])?

    public init(text: String = "", singleLine: Bool = false) {
        let characters = Array(singleLine ? text.replacingNewlines : text.normalisedNewlines)
        self.characters = characters
        self.cursor = characters.count
        self.isSingleLine = singleLine
    }

    public var text: String { String(characters) }

    /// Editors are equal when they hold the same text, caret and view; the remembered wrapping does not count.
    public static func == (lhs: TextEditor, rhs: TextEditor) -> Bool {
        lhs.characters == rhs.characters && lhs.cursor == rhs.cursor && lhs.scrollTop == rhs.scrollTop
            && lhs.goalColumn == rhs.goalColumn && lhs.isSingleLine == rhs.isSingleLine
    }

    public enum Outcome: Equatable, Sendable {
        /// The text changed.
        case edited
        /// Only the caret or the scroll position changed.
        case moved
        /// The key means nothing here; the screen around the editor may use it.
        case ignored
    }

    /// Applies a key in a box of `width` × `height` cells.
    public mutating func handle(_ key: Key, width: Int, height: Int) -> Outcome {
        let lines = layout(width: width)
        let (line, column) = location(of: cursor, in: lines)
        let outcome: Outcome
        switch key {
        case .character(let character) where !character.isControl:
            if cursor > 0, character.unicodeScalars.first?.displayWidth == 0 {
                // A combining mark or joiner typed on its own joins the character before it, as on screen.
                replace(cursor - 1..<cursor, with: Array(String(characters[cursor - 1]) + String(character)))
            } else {
                replace(cursor..<cursor, with: [character])
            }
            outcome = .edited
        case .enter where !isSingleLine:
            replace(cursor..<cursor, with: ["\n"])
            outcome = .edited
        case .backspace where cursor > 0:
            replace(cursor - 1..<cursor, with: [])
            outcome = .edited
        case .delete where cursor < characters.count:
            replace(cursor..<cursor + 1, with: [])
            outcome = .edited
        case .left where cursor > 0:
            cursor -= 1
            outcome = .moved
        case .right where cursor < characters.count:
            cursor += 1
            outcome = .moved
        case .home:
            cursor = lines[line].range.lowerBound
            outcome = .moved
        case .end:
            cursor = lines[line].ownsEnd || line == lines.count - 1
                ? lines[line].range.upperBound : max(lines[line].range.upperBound - 1, lines[line].range.lowerBound)
            outcome = .moved
        case .up where line > 0:
            moveVertically(to: line - 1, column: column, lines: lines)
            return adjustScroll(width: width, height: height, lines: lines, outcome: .moved)
        case .down where line < lines.count - 1:
            moveVertically(to: line + 1, column: column, lines: lines)
            return adjustScroll(width: width, height: height, lines: lines, outcome: .moved)
        case .pageUp where lines.count > height && line > 0:
            moveVertically(to: max(line - height, 0), column: column, lines: lines)
            scrollTop = max(scrollTop - height, 0)
            return adjustScroll(width: width, height: height, lines: lines, outcome: .moved)
        case .pageDown where lines.count > height && line < lines.count - 1:
            moveVertically(to: min(line + height, lines.count - 1), column: column, lines: lines)
            scrollTop += height
            return adjustScroll(width: width, height: height, lines: lines, outcome: .moved)
        default:
            return .ignored
        }
        goalColumn = nil
        // Moving the caret leaves the wrapping as it was; only an edit needs it again.
        return adjustScroll(width: width, height: height, lines: outcome == .edited ? layout(width: width) : lines, outcome: outcome)
    }

    /// Inserts text at the caret, as a paste does; a one-line field turns newlines into spaces. A tab becomes
    /// four spaces, so that words pasted from a table do not run together.
    public mutating func insert(_ text: String, width: Int, height: Int) {
        let lines = isSingleLine ? text.replacingNewlines : text.normalisedNewlines
        let filtered = lines.replacing("\t", with: "    ").filter { !$0.isControl || $0 == "\n" }
        replace(cursor..<cursor, with: Array(filtered))
        goalColumn = nil
        _ = adjustScroll(width: width, height: height, lines: layout(width: width), outcome: .edited)
    }

    /// Draws the visible lines into a box; when focused, puts the terminal cursor on the caret.
    /// The box's last column is kept for the caret at a line's end and for the ▲/▼ scroll marks.
    public func draw(into grid: inout ScreenGrid, at origin: Point, width: Int, height: Int, focused: Bool,
                     style: Style = []) {
        guard width > 2, height > 0 else { return }
        if isSingleLine {
            drawSingleLine(into: &grid, at: origin, width: width, focused: focused, style: style)
            return
        }
        let lines = layout(width: width)
        let top = visibleTop(lines: lines, height: height)
        for row in 0..<height {
            grid.fill(row: origin.row + row, columns: origin.column..<origin.column + width, style: style)
            let index = top + row
            guard index < lines.count else { continue }
            grid.put(characters[lines[index].range], row: origin.row + row, column: origin.column, style: style,
                     limit: width - 1)
        }
        if top > 0 { grid.put("▲", row: origin.row, column: origin.column + width - 1, style: style) }
        if top + height < lines.count {
            grid.put("▼", row: origin.row + height - 1, column: origin.column + width - 1, style: style)
        }
        if focused {
            let (line, column) = location(of: cursor, in: lines)
            grid.cursor = Point(row: origin.row + line - top, column: origin.column + min(column, width - 1))
        }
    }

    /// A one-line field scrolls sideways: the caret stays in view, ▶ says the text goes on.
    private func drawSingleLine(into grid: inout ScreenGrid, at origin: Point, width: Int, focused: Bool,
                                style: Style) {
        var start = 0
        if characters[..<cursor].reduce(0, { $0 + $1.displayWidth }) > width - 2 {
            start = cursor
            var used = 0
            while start > 0 && used + characters[start - 1].displayWidth <= width - 2 {
                start -= 1
                used += characters[start].displayWidth
            }
        }
        grid.fill(row: origin.row, columns: origin.column..<origin.column + width, style: style)
        let shown = grid.put(characters[start...], row: origin.row, column: origin.column, style: style,
                             limit: width - 1)
        if characters[start...].reduce(0, { $0 + $1.displayWidth }) > shown {
            grid.put("▶", row: origin.row, column: origin.column + width - 1, style: style)
        }
        if focused {
            let column = characters[start..<cursor].reduce(0) { $0 + $1.displayWidth }
            grid.cursor = Point(row: origin.row, column: origin.column + column)
        }
    }

    /// The wrapped lines of the text in a box `width` cells wide.
    public func layout(width: Int) -> [WrappedLine] {
        if let wrapped, wrapped.width == width { return wrapped.lines }
        if isSingleLine { return [WrappedLine(range: characters.indices, next: characters.count)] }
        return wrapLines(characters, width: width - 1)
    }

    /// The wrapped line and display column of a character index.
    func location(of index: Int, in lines: [WrappedLine]) -> (line: Int, column: Int) {
        for (number, line) in lines.enumerated() {
            let isLast = number == lines.count - 1
            if index >= line.range.lowerBound && (index < line.range.upperBound
                || (index == line.range.upperBound && (line.ownsEnd || isLast)))
            {
                return (number, characters[line.range.lowerBound..<index].reduce(0) { $0 + $1.displayWidth })
            }
        }
        return (lines.count - 1, 0)
    }

    private mutating func replace(_ range: Range<Int>, with new: [Character]) {
        characters.replaceSubrange(range, with: new)
        wrapped = nil
        cursor = range.lowerBound + new.count
    }

    private mutating func moveVertically(to target: Int, column: Int, lines: [WrappedLine]) {
        let goal = goalColumn ?? column
        let line = lines[target]
        var index = line.range.lowerBound
        var used = 0
        while index < line.range.upperBound {
            let width = characters[index].displayWidth
            if used + width > goal { break }
            used += width
            index += 1
        }
        // A soft-wrapped line's end belongs to the next line: stop one short of it.
        if index == line.range.upperBound && !line.ownsEnd && target < lines.count - 1 && index > line.range.lowerBound {
            index -= 1
        }
        cursor = index
        goalColumn = goal
    }

    private mutating func adjustScroll(width: Int, height: Int, lines: [WrappedLine], outcome: Outcome) -> Outcome {
        scrollTop = visibleTop(lines: lines, height: height)
        wrapped = (width, lines)
        return outcome
    }

    /// The first line to show: the stored scroll position, moved just enough to show the caret.
    private func visibleTop(lines: [WrappedLine], height: Int) -> Int {
        let line = location(of: cursor, in: lines).line
        var top = min(scrollTop, max(lines.count - height, 0))
        if line < top { top = line }
        if line >= top + height { top = line - height + 1 }
        return max(top, 0)
    }
}

extension Character {
    /// C0 and C1 controls other than what the editor handles as keys.
    var isControl: Bool {
        unicodeScalars.first.map { $0.properties.generalCategory == .control } ?? false
    }
}

extension String {
    var replacingNewlines: String {
        String(map { $0.isNewline ? " " : $0 })
    }

    /// CR LF and lone CR (from pastes and other systems) become LF.
    public var normalisedNewlines: String {
        String(map { $0.isNewline ? "\n" : $0 })
    }
}
