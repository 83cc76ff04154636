import DisplayWidth

/// What a key or a paste did to a text editor or a form field.
public enum KeyOutcome: Equatable, Sendable {
    /// The text or the choice changed.
    case edited
    /// Only the caret or the scroll position moved.
    case moved
    /// The key means nothing here; the screen around may use it.
    case ignored
}

/// An editable text that wraps words by display width: a multi-line notes box or a one-line field.
///
/// The editor keeps the caret and the scroll position; the box's size is passed in with each key,
/// so the same editor follows the terminal when it is resized.
///
/// The text is kept as paragraphs (the runs between newlines), each with its own wrapped lines, and running totals
/// over them; so a key re-wraps only the paragraph it changes and a redraw reads only the rows on view, however long
/// the notes grow.
public struct TextEditor: Equatable, Sendable {
    /// The characters between two newlines, and their lines wrapped at the editor's `layoutWidth`.
    private struct Paragraph: Sendable {
        var characters: [Character]
        /// Ranges into `characters`; empty until the editor is laid out.
        var lines: [WrappedLine] = []
        var byteCount: Int

        init(_ characters: some Collection<Character>) {
            self.characters = Array(characters)
            self.byteCount = self.characters.reduce(0) { $0 + $1.utf8.count }
        }
    }

    /// A place in the text: a paragraph, and the index in its characters before which it stands.
    private struct Position: Comparable, Sendable {
        var paragraph: Int
        var offset: Int

        static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.paragraph, lhs.offset) < (rhs.paragraph, rhs.offset)
        }
    }

    /// Never empty: an empty text is one empty paragraph.
    private var paragraphs: [Paragraph]
    private var caret: Position
    /// The first wrapped line shown in the box.
    public private(set) var scrollTop = 0
    /// The column Up and Down try to keep, so a short line in between does not pull the caret left.
    private var goalColumn: Int?
    public let isSingleLine: Bool
    /// The whole text, edited along with the paragraphs so that reading it costs nothing.
    public private(set) var text: String
    /// The box width the paragraphs' lines were wrapped for, nil until the first layout.
    private var layoutWidth: Int?
    /// Per paragraph: its characters and its newline; its UTF-8 bytes and its newline; its wrapped lines.
    private var characterTotals = PrefixSums([])
    private var byteTotals = PrefixSums([])
    private var lineTotals = PrefixSums([])
    /// How many characters wrapping has looked at: the work keys cost, which tests hold to a paragraph's length.
    private(set) var wrappedCharacterCount = 0

    public init(text: String = "", singleLine: Bool = false) {
        let text = singleLine ? text.replacingNewlines : text.normalisedNewlines
        self.text = text
        self.isSingleLine = singleLine
        // A newline is always a character of its own, so splitting on it keeps every other character whole.
        paragraphs = Array(text).split(separator: "\n", omittingEmptySubsequences: false).map { Paragraph($0) }
        caret = Position(paragraph: paragraphs.count - 1, offset: paragraphs[paragraphs.count - 1].characters.count)
        countParagraphs()
    }

    /// Index in `characters` before which the caret stands.
    public var cursor: Int { characterTotals.sum(before: caret.paragraph) + caret.offset }

    /// The text as the editor's characters, newlines included; built on each call, for inspection.
    public var characters: [Character] {
        Array(paragraphs.map(\.characters).joined(separator: ["\n"]))
    }

    /// Editors are equal when they hold the same text, caret and view; the wrapping does not count.
    public static func == (lhs: TextEditor, rhs: TextEditor) -> Bool {
        lhs.text == rhs.text && lhs.caret == rhs.caret && lhs.scrollTop == rhs.scrollTop
            && lhs.goalColumn == rhs.goalColumn && lhs.isSingleLine == rhs.isSingleLine
    }

    /// Applies a key in a box of `width` × `height` cells.
    public mutating func handle(_ key: Key, width: Int, height: Int) -> KeyOutcome {
        layOut(width: width, height: height)
        let place = location(of: caret)
        let lines = paragraphs[caret.paragraph].lines
        let line = lines[place.localLine]
        let lineCount = lineTotals.total
        switch key {
        case .character(let character) where !character.isControl:
            if cursor > 0, character.unicodeScalars.first?.displayWidth == 0 {
                // A combining mark or joiner typed on its own joins the character before it, as on screen.
                let previous = position(before: caret)
                replace(previous..<caret, with: String(self.character(at: previous)) + String(character))
            } else {
                replace(caret..<caret, with: String(character))
            }
        case .enter where !isSingleLine:
            replace(caret..<caret, with: "\n")
        case .backspace where cursor > 0:
            replace(position(before: caret)..<caret, with: "")
        case .delete where caret != end:
            replace(caret..<position(after: caret), with: "")
        case .left where cursor > 0:
            caret = position(before: caret)
        case .right where caret != end:
            caret = position(after: caret)
        case .home:
            caret.offset = line.range.lowerBound
        case .end:
            // A soft-wrapped line's end is the next line's start: stop on its last character instead.
            caret.offset = line.ownsEnd || place.localLine == lines.count - 1
                ? line.range.upperBound : max(line.range.upperBound - 1, line.range.lowerBound)
        case .up where place.line > 0:
            moveVertically(to: place.line - 1, column: place.column)
        case .down where place.line < lineCount - 1:
            moveVertically(to: place.line + 1, column: place.column)
        case .pageUp where lineCount > height && place.line > 0:
            moveVertically(to: max(place.line - height, 0), column: place.column)
            scrollTop = max(scrollTop - height, 0)
        case .pageDown where lineCount > height && place.line < lineCount - 1:
            moveVertically(to: min(place.line + height, lineCount - 1), column: place.column)
            scrollTop += height
        default:
            return .ignored
        }
        switch key {
        case .up, .down, .pageUp, .pageDown: break
        default: goalColumn = nil
        }
        scrollTop = visibleTop(height: height)
        switch key {
        case .character, .enter, .backspace, .delete: return .edited
        default: return .moved
        }
    }

    /// Inserts text at the caret, as a paste does; a one-line field turns newlines into spaces. A tab becomes
    /// four spaces, so that words pasted from a table do not run together.
    public mutating func insert(_ text: String, width: Int, height: Int) {
        layOut(width: width, height: height)
        var pasted = isSingleLine ? text.replacingNewlines : text.normalisedNewlines
        // Most pastes hold no tab or control character: look at their scalars before going through characters.
        if pasted.unicodeScalars.contains(where: { $0.isControl && $0 != "\n" }) {
            pasted = pasted.replacing("\t", with: "    ").filter { !$0.isControl || $0 == "\n" }
        }
        replace(caret..<caret, with: pasted)
        goalColumn = nil
        scrollTop = visibleTop(height: height)
    }

    /// Wraps the text for a box `width` cells wide, unless it is already, and scrolls to show the caret in a box
    /// `height` lines high. Each key does this itself; a screen calls it when it opens or is resized, so that its
    /// first redraw finds the text wrapped.
    public mutating func layOut(width: Int, height: Int) {
        if layoutWidth != width {
            layoutWidth = width
            for index in paragraphs.indices { wrap(index) }
            countParagraphs()
        }
        scrollTop = visibleTop(height: height)
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
        guard layoutWidth == width else {
            var laidOut = self
            laidOut.layOut(width: width, height: height)
            laidOut.draw(into: &grid, at: origin, width: width, height: height, focused: focused, style: style)
            return
        }
        let top = visibleTop(height: height)
        var paragraph = lineTotals.index(containing: top)
        var line = top - lineTotals.sum(before: paragraph)
        for row in 0..<height {
            grid.fill(row: origin.row + row, columns: origin.column..<origin.column + width, style: style)
            guard paragraph < paragraphs.count else { continue }
            grid.put(paragraphs[paragraph].characters[paragraphs[paragraph].lines[line].range],
                     row: origin.row + row, column: origin.column, style: style, limit: width - 1)
            line += 1
            if line == paragraphs[paragraph].lines.count { (paragraph, line) = (paragraph + 1, 0) }
        }
        grid.putScrollMarks(above: top > 0, below: top + height < lineTotals.total,
                            rows: origin.row..<origin.row + height, column: origin.column + width - 1, style: style)
        if focused {
            let place = location(of: caret)
            grid.cursor = Point(row: origin.row + place.line - top,
                                column: origin.column + min(place.column, width - 1))
        }
    }

    /// A one-line field scrolls sideways: while focused the caret stays in view, so typing shows the end; once left
    /// it shows its start. ▶ says the text goes on.
    private func drawSingleLine(into grid: inout ScreenGrid, at origin: Point, width: Int, focused: Bool,
                                style: Style) {
        let characters = paragraphs[0].characters
        let cursor = caret.offset
        var start = 0
        if focused && characters[..<cursor].reduce(0, { $0 + $1.displayWidth }) > width - 2 {
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

    /// The wrapped lines of the whole text in a box `width` cells wide, as ranges into `characters`.
    public func layout(width: Int) -> [WrappedLine] {
        guard layoutWidth == width else {
            var laidOut = self
            laidOut.layOut(width: width, height: 1)
            return laidOut.layout(width: width)
        }
        var lines: [WrappedLine] = []
        var start = 0
        for (index, paragraph) in paragraphs.enumerated() {
            let end = start + paragraph.characters.count
            for (number, line) in paragraph.lines.enumerated() {
                let range = start + line.range.lowerBound..<start + line.range.upperBound
                // A paragraph's last line owns the newline after it.
                let next = number == paragraph.lines.count - 1 && index < paragraphs.count - 1 ? end + 1
                    : start + line.next
                lines.append(WrappedLine(range: range, next: next))
            }
            start = end + 1
        }
        return lines
    }

    /// Wraps one paragraph's characters at the layout width (a one-line field is one line, however long).
    private mutating func wrap(_ index: Int) {
        guard let width = layoutWidth else { return }
        let characters = paragraphs[index].characters
        if isSingleLine {
            paragraphs[index].lines = [WrappedLine(range: characters.indices, next: characters.count)]
        } else {
            paragraphs[index].lines = wrapLines(characters, width: width - 1)
            wrappedCharacterCount += characters.count
        }
    }

    /// The wrapped line of a position (counted in the whole text and in its paragraph) and its display column.
    private func location(of position: Position) -> (line: Int, localLine: Int, column: Int) {
        let paragraph = paragraphs[position.paragraph]
        var localLine = paragraph.lines.count - 1
        for (number, line) in paragraph.lines.enumerated() {
            // A line's end belongs to it when a newline or a swallowed space follows, or nothing does.
            if position.offset < line.range.upperBound
                || (position.offset == line.range.upperBound && (line.ownsEnd || number == paragraph.lines.count - 1))
            {
                localLine = number
                break
            }
        }
        let start = paragraph.lines[localLine].range.lowerBound
        let column = paragraph.characters[start..<max(position.offset, start)].reduce(0) { $0 + $1.displayWidth }
        return (lineTotals.sum(before: position.paragraph) + localLine, localLine, column)
    }

    /// The place just past the last character.
    private var end: Position {
        Position(paragraph: paragraphs.count - 1, offset: paragraphs[paragraphs.count - 1].characters.count)
    }

    /// The place one character earlier; the newline between two paragraphs counts as a character.
    private func position(before position: Position) -> Position {
        if position.offset > 0 { return Position(paragraph: position.paragraph, offset: position.offset - 1) }
        let previous = position.paragraph - 1
        return Position(paragraph: previous, offset: paragraphs[previous].characters.count)
    }

    private func position(after position: Position) -> Position {
        if position.offset < paragraphs[position.paragraph].characters.count {
            return Position(paragraph: position.paragraph, offset: position.offset + 1)
        }
        return Position(paragraph: position.paragraph + 1, offset: 0)
    }

    /// The character just after a position: the newline at a paragraph's end.
    private func character(at position: Position) -> Character {
        let characters = paragraphs[position.paragraph].characters
        return position.offset < characters.count ? characters[position.offset] : "\n"
    }

    /// The UTF-8 offset of a position in `text`.
    private func byteOffset(of position: Position) -> Int {
        byteTotals.sum(before: position.paragraph)
            + paragraphs[position.paragraph].characters[..<position.offset].reduce(0) { $0 + $1.utf8.count }
    }

    /// Replaces the characters between two positions (which may span paragraphs) and puts the caret after the new
    /// ones. Only the paragraphs the edit touches are rebuilt and wrapped again.
    private mutating func replace(_ range: Range<Position>, with new: String) {
        let bytes = text.utf8
        let lower = bytes.index(bytes.startIndex, offsetBy: byteOffset(of: range.lowerBound))
        let upper = bytes.index(bytes.startIndex, offsetBy: byteOffset(of: range.upperBound))
        text.replaceSubrange(lower..<upper, with: new)

        let first = range.lowerBound.paragraph
        let last = range.upperBound.paragraph
        var pieces = Array(new).split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let caretOffset = (pieces.count == 1 ? range.lowerBound.offset : 0) + pieces[pieces.count - 1].count
        pieces[0] = paragraphs[first].characters[..<range.lowerBound.offset] + pieces[0]
        pieces[pieces.count - 1] += paragraphs[last].characters[range.upperBound.offset...]
        let replacement = pieces.map { Paragraph($0) }
        let oldCount = last - first + 1
        paragraphs.replaceSubrange(first...last, with: replacement)
        for index in first..<first + replacement.count { wrap(index) }
        if replacement.count == oldCount {
            // As many paragraphs as before: only their totals change.
            for index in first..<first + replacement.count {
                characterTotals.set(paragraphs[index].characters.count + 1, at: index)
                byteTotals.set(paragraphs[index].byteCount + 1, at: index)
                lineTotals.set(max(paragraphs[index].lines.count, 1), at: index)
            }
        } else {
            countParagraphs()
        }
        caret = Position(paragraph: first + replacement.count - 1, offset: caretOffset)
    }

    /// Totals every paragraph again, after paragraphs were added or removed (integers only: no character is read).
    private mutating func countParagraphs() {
        characterTotals = PrefixSums(paragraphs.map { $0.characters.count + 1 })
        byteTotals = PrefixSums(paragraphs.map { $0.byteCount + 1 })
        // A paragraph not yet wrapped takes a line.
        lineTotals = PrefixSums(paragraphs.map { max($0.lines.count, 1) })
    }

    private mutating func moveVertically(to target: Int, column: Int) {
        let goal = goalColumn ?? column
        let paragraph = lineTotals.index(containing: target)
        let localLine = target - lineTotals.sum(before: paragraph)
        let characters = paragraphs[paragraph].characters
        let lines = paragraphs[paragraph].lines
        let line = lines[localLine]
        var index = line.range.lowerBound
        var used = 0
        while index < line.range.upperBound {
            let width = characters[index].displayWidth
            if used + width > goal { break }
            used += width
            index += 1
        }
        // A soft-wrapped line's end belongs to the next line: stop one short of it.
        if index == line.range.upperBound && !line.ownsEnd && localLine < lines.count - 1
            && index > line.range.lowerBound
        {
            index -= 1
        }
        caret = Position(paragraph: paragraph, offset: index)
        goalColumn = goal
    }

    /// The first line to show: the stored scroll position, moved just enough to show the caret.
    private func visibleTop(height: Int) -> Int {
        let line = location(of: caret).line
        var top = min(scrollTop, max(lineTotals.total - height, 0))
        if line < top { top = line }
        if line >= top + height { top = line - height + 1 }
        return max(top, 0)
    }
}

extension Character {
    /// C0 and C1 controls other than what the editor handles as keys.
    var isControl: Bool {
        unicodeScalars.first?.isControl ?? false
    }
}

extension Unicode.Scalar {
    /// A C0 or C1 control (general category Cc).
    var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    /// A scalar that ends a line other than LF: CR, VT, FF, NEL, the line and paragraph separators.
    var isOtherNewline: Bool { (0x0B...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029 }
}

extension String {
    var replacingNewlines: String {
        guard unicodeScalars.contains(where: { $0 == "\n" || $0.isOtherNewline }) else { return self }
        return String(map { $0.isNewline ? " " : $0 })
    }

    /// CR LF and lone CR (from pastes and other systems) become LF.
    public var normalisedNewlines: String {
        guard unicodeScalars.contains(where: \.isOtherNewline) else { return self }
        return String(map { $0.isNewline ? "\n" : $0 })
    }
}
