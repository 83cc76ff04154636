import DisplayWidth

/// One input of a form: a line of text, or a choice among labels (nil while nothing is chosen).
public enum FieldInput: Equatable, Sendable {
    case text(TextEditor)
    case choice(labels: [String], selected: Int?)
}

/// A labelled input: drawn as its label with the input on the next line, indented; answers keys and pastes.
public struct FormField: Equatable, Sendable {
    public var label: String
    public var input: FieldInput

    public init(label: String, input: FieldInput) {
        self.label = label
        self.input = input
    }

    /// A one-line text field holding `text`.
    public static func text(_ label: String, _ text: String) -> FormField {
        FormField(label: label, input: .text(TextEditor(text: text, singleLine: true)))
    }

    /// A choice among `labels`, `selected` being the chosen one's index.
    public static func choice(_ label: String, labels: [String], selected: Int?) -> FormField {
        FormField(label: label, input: .choice(labels: labels, selected: selected))
    }

    /// The input's width inside a form of `width` cells (it is indented by two).
    static func inputWidth(_ width: Int) -> Int { max(width - 2, 1) }

    /// Rows taken: the label and the input.
    public func height(width: Int) -> Int {
        switch input {
        case .text: 2
        case .choice(let labels, let selected):
            1 + ChoiceRow(labels: labels, selected: selected).height(width: Self.inputWidth(width))
        }
    }

    /// The keys this field uses beyond typing, for the key bar; `choose` is the word for choosing, in the reader's
    /// language.
    public func keyHints(choose: String) -> [(key: String, action: String)] {
        if case .choice(let labels, _) = input { return [(key: "1-\(labels.count) ←→", action: choose)] }
        return []
    }

    /// Applies a key; Enter is left to the form.
    public mutating func handle(_ key: Key, width: Int) -> KeyOutcome {
        switch input {
        case .text(var editor):
            guard key != .enter else { return .ignored }
            let outcome = editor.handle(key, width: Self.inputWidth(width), height: 1)
            input = .text(editor)
            return outcome
        case .choice(let labels, let selected):
            guard let index = Self.chosenIndex(from: selected, key: key, count: labels.count) else { return .ignored }
            input = .choice(labels: labels, selected: index)
            return index == selected ? .moved : .edited
        }
    }

    /// A digit chooses by number (1 the first), as everywhere in the wizard; ← and → move.
    private static func chosenIndex(from selected: Int?, key: Key, count: Int) -> Int? {
        if case .character(let character) = key, let number = character.wholeNumberValue {
            return (1...count).contains(number) ? number - 1 : nil
        }
        return ChoiceRow.index(from: selected, moving: key, count: count)
    }

    /// Whether a digit chose here, so that the form moves on to the next field.
    func isChosenByDigit(_ key: Key) -> Bool {
        guard case .choice = input, case .character(let character) = key else { return false }
        return character.wholeNumberValue != nil
    }

    /// Inserts pasted text into a text field; a choice takes no paste.
    public mutating func paste(_ text: String, width: Int) -> KeyOutcome {
        guard case .text(var editor) = input else { return .ignored }
        editor.insert(text, width: Self.inputWidth(width), height: 1)
        input = .text(editor)
        return .edited
    }

    public func draw(into grid: inout ScreenGrid, at origin: Point, width: Int, focused: Bool) {
        grid.put(label, row: origin.row, column: origin.column, style: focused ? .focus : [], limit: width)
        let inputOrigin = Point(row: origin.row + 1, column: origin.column + 2)
        switch input {
        case .text(let editor):
            editor.draw(into: &grid, at: inputOrigin, width: Self.inputWidth(width), height: 1, focused: focused,
                        style: .field)
        case .choice(let labels, let selected):
            ChoiceRow(labels: labels, selected: selected).draw(into: &grid, at: inputOrigin,
                                                               width: Self.inputWidth(width), focused: focused)
        }
    }

    /// The text of a text field.
    public var text: String? {
        if case .text(let editor) = input { return editor.text }
        return nil
    }

    /// The chosen index of a choice.
    public var selectedIndex: Int? {
        if case .choice(_, let selected) = input { return selected }
        return nil
    }
}

/// Fields one under another with one focused: Tab and Shift-Tab, Up and Down (on choices), and Enter move
/// between them.
public struct Form: Equatable, Sendable {
    public var fields: [FormField]
    public private(set) var focus: Int

    public init(fields: [FormField], focus: Int = 0) {
        self.fields = fields
        self.focus = fields.isEmpty ? 0 : min(max(focus, 0), fields.count - 1)
    }

    public var focusedField: FormField? {
        fields.indices.contains(focus) ? fields[focus] : nil
    }

    /// What a key did to the form.
    public enum Outcome: Equatable, Sendable {
        /// The field at this index changed.
        case edited(Int)
        case moved
        /// Enter on the last field: the form is done.
        case finished
        case ignored
    }

    /// Moves the focus by `offset` fields, wrapping around.
    public mutating func moveFocus(by offset: Int) {
        guard !fields.isEmpty else { return }
        focus = (focus + offset % fields.count + fields.count) % fields.count
    }

    public mutating func handle(_ key: Key, width: Int) -> Outcome {
        guard fields.indices.contains(focus) else { return .ignored }
        switch fields[focus].handle(key, width: width) {
        case .edited:
            let edited = focus
            // A digit chooses and moves on, as on the rating rows.
            if fields[focus].isChosenByDigit(key), focus + 1 < fields.count { focus += 1 }
            return .edited(edited)
        case .moved: return .moved
        case .ignored: break
        }
        switch key {
        case .enter:
            guard focus + 1 < fields.count else { return .finished }
            focus += 1
            return .moved
        default:
            return .ignored
        }
    }

    public mutating func paste(_ text: String, width: Int) -> Outcome {
        guard fields.indices.contains(focus), fields[focus].paste(text, width: width) == .edited else {
            return .ignored
        }
        return .edited(focus)
    }

    /// Draws the fields from `origin`, `spacing` blank rows apart, and returns the row after the last one.
    @discardableResult
    public func draw(into grid: inout ScreenGrid, at origin: Point, width: Int, spacing: Int, focused: Bool = true)
        -> Int
    {
        var row = origin.row
        for (index, field) in fields.enumerated() {
            field.draw(into: &grid, at: Point(row: row, column: origin.column), width: width,
                       focused: focused && index == focus)
            row += field.height(width: width) + spacing
        }
        return row - spacing
    }
}
