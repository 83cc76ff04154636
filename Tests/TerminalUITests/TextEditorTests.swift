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
}
