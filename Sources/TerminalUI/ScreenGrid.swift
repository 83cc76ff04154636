import DisplayWidth

/// What a cell is, by its role on the screen; a `Theme` decides how each role looks (attributes and colours),
/// so that the monochrome look, colours and high contrast are one table, not choices spread over the screens.
public struct Style: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Headings, the question, the screen's title.
    public static let title = Style(rawValue: 1 << 0)
    /// The title bar and the key bar.
    public static let bar = Style(rawValue: 1 << 1)
    /// What stands out on a bar: a key's name, the partnership's name.
    public static let barKey = Style(rawValue: 1 << 2)
    /// The label of the field that has the focus.
    public static let focus = Style(rawValue: 1 << 3)
    /// The highlighted line or choice, where keys act.
    public static let selected = Style(rawValue: 1 << 4)
    /// A chosen option, when its row does not have the focus.
    public static let chosen = Style(rawValue: 1 << 5)
    /// Hints, frames and separators.
    public static let muted = Style(rawValue: 1 << 6)
    /// The line a text is typed on.
    public static let field = Style(rawValue: 1 << 7)
    /// What must not be missed: a failed save, a read-only session.
    public static let warning = Style(rawValue: 1 << 8)
    /// A step's band: Not ready, Developing, Ready.
    public static let notReady = Style(rawValue: 1 << 9)
    public static let developing = Style(rawValue: 1 << 10)
    public static let ready = Style(rawValue: 1 << 11)

    /// A rating's stage, 0 (Not started) to 4 (Institutionalised).
    public static func stage(_ value: Int) -> Style {
        Style(rawValue: 1 << (12 + UInt32(min(max(value, 0), 4))))
    }

    /// A QR code: dark blocks on a light ground whatever the terminal's own colours, so that phones can read it.
    public static let qrCode = Style(rawValue: 1 << 17)

    /// Every role with its name, as the golden screens and themes name them.
    public static let roles: [(style: Style, name: String)] = [
        (.title, "title"), (.bar, "bar"), (.barKey, "bar-key"), (.focus, "focus"), (.selected, "selected"),
        (.chosen, "chosen"), (.muted, "muted"), (.field, "field"), (.warning, "warning"),
        (.notReady, "not-ready"), (.developing, "developing"), (.ready, "ready"),
    ] + (0...4).map { (Style.stage($0), "stage-\($0)") } + [(.qrCode, "qr-code")]

    /// The roles' names joined with `+` (`bar+bar-key`), for reading a screen's styles as text.
    public var name: String {
        Self.roles.filter { contains($0.style) }.map(\.name).joined(separator: "+")
    }
}

/// One terminal cell. A wide character fills its cell and marks the next one as its continuation.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: Style
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = [], isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

public struct Size: Equatable, Sendable {
    public var rows: Int
    public var columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }
}

public struct Point: Equatable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// A frame: the cells the terminal should show and where its cursor stands.
public struct ScreenGrid: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes (the focused field's caret); nil hides it.
    public var cursor: Point?

    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: .blank, count: max(size.rows, 0) * max(size.columns, 0))
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// Writes text from a position, clipped at `limit` cells (or the right edge), and returns the columns used.
    /// A wide character that would straddle the limit is not drawn half; the cell is left blank.
    @discardableResult
    public mutating func put(_ text: some Sequence<Character>, row: Int, column: Int, style: Style = [], limit: Int? = nil)
        -> Int
    {
        guard row >= 0, row < size.rows, column >= 0 else { return 0 }
        let end = min(size.columns, column + (limit ?? size.columns))
        var position = column
        for character in text {
            let width = character.displayWidth
            if width == 0 { continue }
            if position + width > end { break }
            clearStraddlers(row: row, from: position, to: position + width)
            cells[row * size.columns + position] = Cell(character, style: style)
            if width == 2 {
                cells[row * size.columns + position + 1] = Cell(" ", style: style, isContinuation: true)
            }
            position += width
        }
        return position - column
    }

    /// Fills a row segment with blanks in a style (a bar's background, say).
    public mutating func fill(row: Int, columns: Range<Int>, style: Style = []) {
        guard row >= 0, row < size.rows else { return }
        let range = columns.clamped(to: 0..<size.columns)
        clearStraddlers(row: row, from: range.lowerBound, to: range.upperBound)
        for column in range {
            cells[row * size.columns + column] = Cell(" ", style: style)
        }
    }

    /// Overwriting half of a wide character blanks its other half, so no orphan halves remain.
    private mutating func clearStraddlers(row: Int, from start: Int, to end: Int) {
        let base = row * size.columns
        if start > 0, start < size.columns, cells[base + start].isContinuation {
            cells[base + start - 1] = Cell(" ", style: cells[base + start - 1].style)
        }
        if end < size.columns, cells[base + end].isContinuation {
            cells[base + end] = Cell(" ", style: cells[base + end].style)
        }
    }

    /// The grid as plain text, one line a row with trailing blanks removed: what a reviewer reads in a test.
    public var text: String {
        (0..<size.rows).map { rowText($0) }.joined(separator: "\n")
    }

    /// One row's characters, wide ones once, trailing blanks removed.
    public func rowText(_ row: Int) -> String {
        var line = ""
        for column in 0..<size.columns where !self[row, column].isContinuation {
            line.append(self[row, column].character)
        }
        while line.last == " " { line.removeLast() }
        return line
    }
}
