/// How many terminal cells text occupies, and where it may wrap.
///
/// The tables follow Unicode's East Asian Width (Wide and Fullwidth) and emoji presentation, as glibc's
/// `wcwidth` does in a UTF-8 locale, so that our layout and the terminal agree on every column.

extension Unicode.Scalar {
    /// Cells this scalar takes on its own: 0 for combining marks and format characters, 2 for wide ones.
    public var displayWidth: Int {
        let value = self.value
        if value < 0x300 { return value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1 }
        // CJK ideographs and Hangul syllables, most of what wide text holds, have no marks among them.
        if (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) { return 2 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul vowels and finals join the syllable
        if properties.isEmojiPresentation { return 2 }
        return Self.wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1B000...0x1B2FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// The cells of a scalar that is a character of its own next to any other such scalar, nil for any other: tab,
    /// line feed, printable ASCII and Latin-1, dashes and quotes, CJK punctuation, ideographs and full-width forms,
    /// Hangul syllables; most of what reports hold. Text of these alone can be measured and wrapped by its scalars,
    /// without finding where its characters end. (None of them joins a mark, a joiner or a jamo, which are not.)
    var loneWidth: Int? {
        switch value {
        case 0x09, 0x0A: 0
        case 0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027: 1
        case 0x3000...0x3029, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60: 2
        default: nil
        }
    }
}

extension Character {
    /// Cells this grapheme cluster takes: the width of its base, widened by an emoji variation selector.
    public var displayWidth: Int {
        // Printable ASCII, most of what is typed, needs no Unicode property look-up.
        if let byte = asciiByte { return byte >= 0x20 && byte < 0x7F ? 1 : 0 }
        guard let base = unicodeScalars.first else { return 0 }
        let width = base.displayWidth
        if width == 1, unicodeScalars.count > 1, base.properties.isEmoji,
            unicodeScalars.contains(where: { $0.value == 0xFE0F })
        {
            return 2
        }
        // A lone combining mark still needs a cell to be seen.
        return width == 0 && base.properties.generalCategory != .control && base.properties.generalCategory != .format
            ? 1 : width
    }

    /// The byte of a character that is one ASCII byte, else nil: cheaper than comparing characters, which compares
    /// strings.
    var asciiByte: UInt8? {
        let bytes = utf8
        return bytes.count == 1 ? bytes.first : nil
    }
}

extension StringProtocol {
    /// Cells the whole text takes on one line.
    public var displayWidth: Int {
        var cells = 0
        for scalar in unicodeScalars {
            guard let width = scalar.loneWidth else { return reduce(0) { $0 + $1.displayWidth } }
            cells += width
        }
        return cells
    }
}

/// One line of wrapped text: `range` indexes the characters shown on it.
public struct WrappedLine: Equatable, Sendable {
    public var range: Range<Int>
    /// Where the next line starts: past a newline, or past the space a soft wrap swallowed, or `range.upperBound`.
    public var next: Int

    public init(range: Range<Int>, next: Int) {
        self.range = range
        self.next = next
    }

    /// Whether the position just after the line's last character still belongs to this line
    /// (true when a newline or a swallowed space separates it from the next line).
    public var ownsEnd: Bool { next > range.upperBound }
}

/// What wrapping needs to know of a character: its cells, and its byte when it is one ASCII byte (a space, a line
/// feed).
private struct WrapUnit {
    var cells: Int
    var byte: UInt8?
}

/// Wraps characters into lines of at most `width` cells, breaking after spaces and around wide
/// characters where it can and inside a word only when the word alone is wider than the line.
/// A space that falls exactly at a wrap is swallowed, so no line starts with it.
/// Always returns at least one line, so an empty text still has a place for the cursor.
public func wrapLines(_ characters: [Character], width: Int) -> [WrappedLine] {
    wrapLines(characters.map { WrapUnit(cells: $0.displayWidth, byte: $0.asciiByte) }, width: width)
}

private func wrapLines(_ characters: [WrapUnit], width: Int) -> [WrappedLine] {
    let width = max(width, 2)
    var lines: [WrappedLine] = []
    var lineStart = 0
    var lineWidth = 0
    var lastBreak: Int?  // where the next line would start if we broke at the last opportunity
    var index = 0
    while index < characters.count {
        let character = characters[index]
        let byte = character.byte
        if byte == 0x0A {
            lines.append(WrappedLine(range: lineStart..<index, next: index + 1))
            index += 1
            (lineStart, lineWidth, lastBreak) = (index, 0, nil)
            continue
        }
        let cells = character.cells
        if lineWidth + cells > width && index > lineStart {
            if byte == 0x20 {
                lines.append(WrappedLine(range: lineStart..<index, next: index + 1))
                index += 1
                (lineStart, lineWidth, lastBreak) = (index, 0, nil)
                continue
            }
            let breakAt = cells == 2 ? index : (lastBreak ?? index)
            lines.append(WrappedLine(range: lineStart..<breakAt, next: breakAt))
            lineStart = breakAt
            lineWidth = characters[breakAt..<index].reduce(0) { $0 + $1.cells }
            lastBreak = nil
            continue
        }
        lineWidth += cells
        index += 1
        // A line may break after a space and around a wide (CJK) character.
        if byte == 0x20 || cells == 2 { lastBreak = index }
    }
    lines.append(WrappedLine(range: lineStart..<characters.count, next: characters.count))
    return lines
}

/// Wraps a string into display lines of at most `width` cells (see `wrapLines`), without trailing spaces.
public func wrap(_ text: String, width: Int) -> [String] {
    // No character takes more cells than it has UTF-8 bytes: a text of no more bytes than the line has cells, and
    // no line break, is one line, as most report lines are.
    if text.utf8.count <= max(width, 2) && !text.utf8.contains(0x0A) { return [text.withoutTrailingSpaces] }
    var units: [WrapUnit] = []
    // Where each character starts in `text`, in UTF-8 bytes, and its end: a line is cut from the text, not rebuilt
    // from characters.
    var bounds: [Int] = []
    var offset = 0
    for scalar in text.unicodeScalars {
        guard let cells = scalar.loneWidth else { break }
        units.append(WrapUnit(cells: cells, byte: scalar.isASCII ? UInt8(scalar.value) : nil))
        bounds.append(offset)
        offset += UTF8.width(scalar)
    }
    if offset < text.utf8.count {
        // A scalar that may join the one before it: the text goes by characters.
        (units, bounds, offset) = ([], [], 0)
        for character in text {
            units.append(WrapUnit(cells: character.displayWidth, byte: character.asciiByte))
            bounds.append(offset)
            offset += character.utf8.count
        }
    }
    bounds.append(offset)
    let utf8 = text.utf8
    return wrapLines(units, width: width).map { line in
        let start = utf8.index(utf8.startIndex, offsetBy: bounds[line.range.lowerBound])
        let end = utf8.index(utf8.startIndex, offsetBy: bounds[line.range.upperBound])
        return text[start..<end].withoutTrailingSpaces
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The text with the spaces at its end left off.
    public var withoutTrailingSpaces: String {
        var text = self[...]
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
