import DisplayWidth
import Testing

@testable import TerminalUI

/// Types text into an editor key by key.
private func typing(_ text: String, into editor: inout TextEditor, width: Int = 20, height: Int = 3) {
    for character in text {
        _ = editor.handle(character == "\n" ? .enter : .character(character), width: width, height: height)
    }
}

/// What a box of the given size shows, with the caret drawn as `|`.
private func render(_ editor: TextEditor, width: Int = 20, height: Int = 3) -> String {
    var grid = ScreenGrid(size: Size(rows: height, columns: width))
    editor.draw(into: &grid, at: Point(row: 0, column: 0), width: width, height: height, focused: true)
    guard let cursor = grid.cursor else { return grid.text }
    var rows = (0..<height).map { grid.rowText($0) }
    var line = Array(rows[cursor.row])
    var column = 0
    var index = 0
    while column < cursor.column && index < line.count {
        column += line[index].displayWidth
        index += 1
    }
    while column < cursor.column {
        line.append(" ")
        column += 1
        index = line.count
    }
    line.insert("|", at: index)
    rows[cursor.row] = String(line)
    return rows.joined(separator: "\n")
}

@Suite struct TextEditorTests {
    @Test func typingWrapsWordsAndKeepsTheCaretAfterTheLastCharacter() {
        var editor = TextEditor()
        typing("Partners share the problem", into: &editor)
        #expect(editor.text == "Partners share the problem")
        #expect(render(editor) == "Partners share the\nproblem|\n")
    }

    @Test func theCaretStandsAfterWideCharactersOnTheRightColumn() {
        var editor = TextEditor()
        typing("政府和企业", into: &editor)
        var grid = ScreenGrid(size: Size(rows: 3, columns: 20))
        editor.draw(into: &grid, at: Point(row: 1, column: 2), width: 20, height: 3, focused: true)
        #expect(grid.cursor == Point(row: 1, column: 12))
    }

    @Test func backspaceAndDeleteRemoveWholeCharacters() {
        var editor = TextEditor(text: "café水")
        _ = editor.handle(.backspace, width: 20, height: 3)
        #expect(editor.text == "café")
        _ = editor.handle(.home, width: 20, height: 3)
        _ = editor.handle(.delete, width: 20, height: 3)
        #expect(editor.text == "afé")
        #expect(editor.handle(.backspace, width: 20, height: 3) == .ignored)
    }

    @Test func aPastedTabKeepsTheWordsApart() {
        var editor = TextEditor()
        editor.insert("Name\tSector\nAna\tGovernment", width: 40, height: 5)
        #expect(editor.text == "Name    Sector\nAna    Government")
        var field = TextEditor(singleLine: true)
        field.insert("a\tb", width: 20, height: 1)
        #expect(field.text == "a    b")
    }

    @Test func aCombiningMarkTypedAloneJoinsThePreviousCharacter() {
        var editor = TextEditor()
        typing("cafe\u{301}", into: &editor)
        #expect(editor.characters.count == 4)
        #expect(editor.text == "cafe\u{301}")
    }

    @Test func upAndDownKeepTheColumnAcrossAShortLine() {
        var editor = TextEditor(text: "abcdefgh\nab\nabcdefgh")
        _ = editor.handle(.up, width: 20, height: 5)
        _ = editor.handle(.up, width: 20, height: 5)
        #expect(render(editor, height: 5) == "abcdefgh|\nab\nabcdefgh\n\n")
        _ = editor.handle(.down, width: 20, height: 5)
        #expect(render(editor, height: 5) == "abcdefgh\nab|\nabcdefgh\n\n")
        _ = editor.handle(.down, width: 20, height: 5)
        #expect(render(editor, height: 5) == "abcdefgh\nab\nabcdefgh|\n\n")
        #expect(editor.handle(.down, width: 20, height: 5) == .ignored)
    }

    @Test func homeAndEndMoveWithinTheWrappedLine() {
        var editor = TextEditor(text: "one two three four")
        _ = editor.handle(.home, width: 10, height: 3)
        #expect(render(editor, width: 10) == "one two\nthree\n|four")
        _ = editor.handle(.up, width: 10, height: 3)
        _ = editor.handle(.end, width: 10, height: 3)
        #expect(render(editor, width: 10) == "one two\nthree|\nfour")
    }

    @Test func pageKeysScrollLongNotesAndAreLeftToTheScreenForShortOnes() {
        var short = TextEditor(text: "one line")
        #expect(short.handle(.pageDown, width: 20, height: 3) == .ignored)
        var long = TextEditor(text: (1...8).map { "line \($0)" }.joined(separator: "\n"))
        _ = long.handle(.pageUp, width: 20, height: 3)
        #expect(render(long) == "line 3             ▲\nline 4\nline 5|             ▼")
        #expect(long.handle(.pageDown, width: 20, height: 3) == .moved)
        #expect(render(long) == "line 6             ▲\nline 7\nline 8|")
    }

    @Test func aOneLineFieldLeavesEnterToTheScreenAndFlattensPastedLines() {
        var field = TextEditor(singleLine: true)
        #expect(field.handle(.enter, width: 20, height: 1) == .ignored)
        field.insert("Água\r\npara todos", width: 20, height: 1)
        #expect(field.text == "Água para todos")
        var notes = TextEditor()
        notes.insert("a\r\nb\rc\u{7}", width: 20, height: 3)
        #expect(notes.text == "a\nb\nc")
        #expect(TextEditor(text: "notes edited\r\nelsewhere").text == "notes edited\nelsewhere")
    }

    @Test func aOneLineFieldScrollsSidewaysToKeepTheCaretInView() {
        var field = TextEditor(text: "Partenariat pour l’eau 水资源管理", singleLine: true)
        #expect(render(field, width: 12, height: 1) == "水资源管理|")
        _ = field.handle(.home, width: 12, height: 1)
        #expect(render(field, width: 12, height: 1) == "|Partenariat▶")
        #expect(field.handle(.up, width: 12, height: 1) == .ignored)
        _ = field.handle(.end, width: 12, height: 1)
        #expect(field.cursor == field.characters.count)
    }

    @Test func aLongOneLineFieldShowsItsEndWhileTypedAndItsStartOnceLeft() {
        var field = TextEditor(singleLine: true)
        field.insert("Partenariat pour l’eau", width: 12, height: 1)
        #expect(render(field, width: 12, height: 1) == "pour l’eau|")
        var grid = ScreenGrid(size: Size(rows: 1, columns: 12))
        field.draw(into: &grid, at: Point(row: 0, column: 0), width: 12, height: 1, focused: false)
        #expect(grid.rowText(0) == "Partenariat▶")
        #expect(grid.cursor == nil)
    }
}

/// What a key costs in long notes: the characters wrapping looks at, counted by the editor.
@Suite struct TextEditorCostTests {
    /// A paragraph of mixed Latin, accented and CJK text, about 1,000 characters.
    static let paragraph = String(repeating: "Les ministères et les ONG 政府和企业 coopèrent à Ñandú. ", count: 22)

    /// Notes of `count` such paragraphs, laid out in a box, the caret in the middle of the middle paragraph.
    static func notes(paragraphs count: Int) -> TextEditor {
        var editor = TextEditor(text: Array(repeating: paragraph, count: count).joined(separator: "\n"))
        editor.layOut(width: 74, height: 12)
        for _ in 0..<(count / 2) * paragraph.count + paragraph.count / 2 {
            _ = editor.handle(.left, width: 74, height: 12)
        }
        return editor
    }

    /// The characters wrapped for each key in turn.
    static func workPerKey(paragraphs count: Int) -> [Int] {
        var editor = notes(paragraphs: count)
        let keys: [Key] = [.character("a"), .character("水"), .character("\u{301}"), .backspace, .delete, .enter,
                           .backspace, .up, .down, .pageUp, .pageDown, .home, .end]
        return keys.map { key in
            let before = editor.wrappedCharacterCount
            _ = editor.handle(key, width: 74, height: 12)
            return editor.wrappedCharacterCount - before
        }
    }

    @Test func aKeyWrapsOnlyItsParagraphHoweverLongTheNotes() {
        let short = Self.workPerKey(paragraphs: 3)
        let long = Self.workPerKey(paragraphs: 100)
        #expect(long == short)
        // An edit wraps the paragraph it changed (grown by the two characters typed; Enter wraps the two halves);
        // moving wraps nothing.
        #expect(long.allSatisfy { $0 <= Self.paragraph.count + 2 })
        #expect(long.suffix(6).allSatisfy { $0 == 0 })
    }

    @Test func aPasteWrapsWhatItBringsAndTheParagraphItLandsIn() {
        var editor = Self.notes(paragraphs: 100)
        let before = editor.wrappedCharacterCount
        let pasted = "Premier paragraphe\n第二段\nthird"
        editor.insert(pasted, width: 74, height: 12)
        #expect(editor.wrappedCharacterCount - before == Self.paragraph.count + pasted.count - 2)
    }

    @Test func theNotesStayWhatWasTypedAfterEditsAcrossParagraphs() {
        var editor = TextEditor(text: "one\ntwo\nthree")
        _ = editor.handle(.up, width: 20, height: 3)
        _ = editor.handle(.home, width: 20, height: 3)
        _ = editor.handle(.backspace, width: 20, height: 3)
        #expect(editor.text == "onetwo\nthree")
        #expect(editor.cursor == 3)
        editor.insert("1\n2\n", width: 20, height: 3)
        #expect(editor.text == "one1\n2\ntwo\nthree")
        #expect(render(editor, height: 4) == "one1\n2\n|two\nthree")
        _ = editor.handle(.end, width: 20, height: 3)
        _ = editor.handle(.delete, width: 20, height: 3)
        #expect(editor.text == "one1\n2\ntwothree")
        #expect(render(editor, height: 4) == "one1\n2\ntwo|three\n")
    }
}

/// Random editing, checked after every key against what must always hold.
@Suite struct TextEditorInvariantTests {
    /// A small deterministic generator, so that a failure can be replayed from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static let keys: [Key] = [
        .character("a"), .character("é"), .character("水"), .character(" "), .character("\u{301}"),
        .character("🤝"), .enter, .backspace, .delete, .left, .right, .up, .down, .home, .end, .pageUp,
        .pageDown,
    ]

    @Test(arguments: [false, true])
    func caretAndWrappingStayConsistentUnderRandomKeys(singleLine: Bool) {
        for seed in UInt64(1)...40 {
            var random = SplitMix(state: seed)
            var editor = TextEditor(singleLine: singleLine)
            let width = Int.random(in: 4...30, using: &random)
            let height = singleLine ? 1 : Int.random(in: 1...6, using: &random)
            for step in 0..<300 {
                let key = Self.keys.randomElement(using: &random) ?? .left
                _ = editor.handle(key, width: width, height: height)
                let context = "seed \(seed), step \(step), key \(key), text \(editor.text.debugDescription)"
                #expect((0...editor.characters.count).contains(editor.cursor), "\(context)")
                let lines = editor.layout(width: width)
                var next = 0
                for line in lines {
                    #expect(line.range.lowerBound == next, "lines leave a gap: \(context)")
                    if !singleLine {
                        let cells = editor.characters[line.range].reduce(0) { $0 + $1.displayWidth }
                        #expect(cells <= max(width - 1, 2), "a line is too wide: \(context)")
                    }
                    next = line.next
                }
                #expect(next == editor.characters.count, "lines do not reach the end: \(context)")
                if !singleLine {
                    // Wrapping paragraph by paragraph as keys come gives what wrapping the whole text at once gives.
                    #expect(lines == wrapLines(editor.characters, width: width - 1), "\(context)")
                }
                #expect(editor.text == String(editor.characters), "\(context)")
                var grid = ScreenGrid(size: Size(rows: height + 2, columns: width + 2))
                editor.draw(into: &grid, at: Point(row: 1, column: 1), width: width, height: height, focused: true)
                let cursor = grid.cursor
                #expect(cursor.map { (1...height).contains($0.row) && (1..<width + 1).contains($0.column) } == true,
                        "the caret is outside its box: \(context)")
            }
        }
    }
}
