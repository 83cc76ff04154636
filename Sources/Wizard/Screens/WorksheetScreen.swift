import DisplayWidth
import ISPCore
import Messages
import TerminalUI

/// Where the user is on a worksheet: the focused entry of the page (or of the row being edited), the text
/// being typed into it, a list of rows opened from the page.
public struct SheetState: Equatable, Sendable {
    /// The focused entry: of the page, or of the row being edited when a list is open.
    var focus = 0
    /// The focused entry's text, when it is typed into (text, long text, a date, a reference's name), or a
    /// checklist item's note while it is open.
    var editor: TextEditor?
    /// True while long text or a checklist item's note is open (Enter or typing opened it): then Enter is a new
    /// line and ↑ ↓ move in the text; otherwise they move between entries.
    var isEditingText = false
    /// A list of rows opened from the page, and the page's focus to return to.
    var list: RowList?
    var pageFocus = 0
    /// The register's names, while one is being chosen for a reference.
    var picker: RowPicker?
}

/// Choosing a row of a list for a reference, as fzf does: what is typed narrows the names, ↑ ↓ choose one.
struct RowPicker: Equatable, Sendable {
    var query = TextEditor(singleLine: true)
    /// The highlighted match; nil when nothing matches.
    var selection: Int?
}

/// A list of rows opened from a worksheet: the highlighted row, the order shown, the row being edited.
struct RowList: Equatable, Sendable {
    var address: FieldAddress
    /// Index of the highlighted row in the order shown.
    var selection = 0
    /// Rows grouped by sector rather than in the order entered.
    var bySector = false
    var editedRowID: String?
    /// A row waiting for `y` to delete it.
    var pendingDeletion: String?
}

extension WizardState {
    static let worksheetBindings: [KeyBinding] = [
        KeyBinding([.up, .down, .home, .end], bar: nil, help: (keys: "↑ ↓",
                   meaning: Message(.wizardHelpSheetMove)), .moveInSheet),
        KeyBinding([.enter], bar: nil, help: (keys: "Enter",
                   meaning: Message(.wizardHelpSheetEnter)),
                   .openEntry),
    ]

    static let openWorksheetBinding = KeyBinding([.character("w")], bar: (key: "w", action: .wizardBarWorksheet),
                                                 help: (keys: "w", meaning: Message(.wizardHelpOpenWorksheet)),
                                                 .openWorksheet)

    /// The step whose worksheet is on screen.
    var worksheetStep: Int? {
        if case .worksheet(let step) = screen { return step }
        return nil
    }

    var currentWorksheet: Worksheet? {
        worksheetStep.flatMap { guide.steps[$0].worksheet }
    }

    /// The entries on view: the page's, or the columns of the row being edited.
    var sheetEntries: [RecordEntry] {
        guard let worksheet = currentWorksheet else { return [] }
        guard let list = sheet.list else { return session.entries(of: worksheet, in: guide) }
        guard let rowID = list.editedRowID else { return [] }
        return session.entries(ofRow: rowID, in: list.address, guide: guide)
    }

    var focusedEntry: RecordEntry? {
        let entries = sheetEntries
        return entries.indices.contains(sheet.focus) ? entries[sheet.focus] : nil
    }

    /// Whether the entries (of the page or a row) are on view, rather than a list of rows.
    var showsEntries: Bool { sheet.list == nil || sheet.list?.editedRowID != nil }

    /// Focuses an entry and, when it is typed into, fills its editor from the session.
    mutating func focusEntry(_ index: Int) {
        let entries = sheetEntries
        sheet.focus = entries.isEmpty ? 0 : min(max(index, 0), entries.count - 1)
        sheet.isEditingText = false
        sheet.picker = nil
        sheet.editor = nil
        guard entries.indices.contains(sheet.focus) else { return }
        let entry = entries[sheet.focus]
        switch entry.input {
        case .text, .date, .reference:
            sheet.editor = TextEditor(text: session.text(of: entry, in: guide), singleLine: true)
        case .longText:
            sheet.editor = TextEditor(text: session.text(of: entry, in: guide))
        case .choice, .rows:
            break
        }
    }

    /// The width of an entry's editor, and its height: one line, or a box for long text and notes.
    var entryEditorWidth: Int { max(contentWidth - 2, 3) }
    func entryEditorHeight(for entry: RecordEntry) -> Int {
        guard entry.input == .longText || entry.notePath != nil else { return 1 }
        return isRoomy ? 5 : 3
    }

    // MARK: Keys

    /// Typing into the focused entry (its text, a long text or note being written, the register's search), or
    /// nil when it types nothing with the key; the entry's other keys are its bindings (`sheetEntryBindings`).
    mutating func handleSheetKey(_ key: Key) -> [Effect]? {
        guard showsEntries, let entry = focusedEntry else { return nil }
        if sheet.picker != nil { return typeIntoPicker(key, entry: entry) }
        if sheet.isEditingText { return typeIntoEditor(key, entry: entry) }
        switch entry.input {
        case .text, .date, .reference:
            return typeIntoEditor(key, entry: entry)
        case .longText:
            // Typing opens the text: then Enter is a new line and ↑ ↓ move in it, until Esc or Tab.
            if [.up, .down, .pageUp, .pageDown].contains(key) { return nil }
            let effects = typeIntoEditor(key, entry: entry)
            if effects == [.saveSoon] { sheet.isEditingText = true }
            return effects
        case .choice, .rows:
            return nil
        }
    }

    /// The keys of the focused entry beyond typing: choosing, clearing, today's date, and Enter where it opens
    /// something (long text, a note, the register's names, a list); none while text is being written.
    var sheetEntryBindings: [KeyBinding] {
        guard showsEntries, let entry = focusedEntry else { return [] }
        if sheet.picker != nil { return Self.registerPickerBindings }
        if sheet.isEditingText { return [] }
        switch entry.input {
        case .choice(let choices):
            // Del clears only what was chosen.
            let isChosen = session.choiceID(of: entry) != nil
            let choose = Self.entryChoiceBindings(count: choices.count)
                .filter { isChosen || $0.command != .clearEntry }
            return entry.notePath == nil ? choose : choose + [Self.openNoteBinding]
        case .date: return [Self.todayBinding]
        case .reference(let address):
            return session.rowCount(of: address, in: guide) > 0 ? [Self.openRegisterBinding] : []
        case .longText: return [Self.openLongTextBinding]
        case .rows: return [Self.openListBinding]
        case .text: return []
        }
    }

    /// A choice entry's keys: a digit chooses and moves on, as on the rating rows; ← → (and Space) change the
    /// choice, Del clears it.
    static func entryChoiceBindings(count: Int) -> [KeyBinding] {
        [
            KeyBinding((1...max(count, 1)).map { .character(Character(String($0))) },
                       bar: (key: "1-\(count) ←→", action: .wizardBarChoose),
                       help: (keys: "1 … 9", meaning: Message(.wizardHelpSheetChoose)),
                       .chooseInEntry),
            KeyBinding([.left, .right, .character(" ")], bar: nil,
                       help: (keys: "← →", meaning: Message(.wizardHelpChangeRating)), .chooseInEntry),
            KeyBinding([.delete, .backspace], bar: (key: "Del", action: .wizardBarClear),
                       help: (keys: "Del", meaning: Message(.wizardHelpSheetClear)), .clearEntry),
        ]
    }

    /// Enter where it opens part of an entry; the worksheet's Enter line in the help names them all.
    static let openNoteBinding = KeyBinding([.enter], bar: (key: "Enter", action: .wizardBarNote), help: nil,
                                            .openInEntry)
    static let openRegisterBinding = KeyBinding([.enter], bar: (key: "Enter", action: .wizardBarRegister), help: nil,
                                                .openInEntry)
    static let openLongTextBinding = KeyBinding([.enter], bar: (key: "Enter", action: .wizardBarNewLines), help: nil,
                                                .openInEntry)
    static let openListBinding = KeyBinding([.enter], bar: (key: "Enter", action: .wizardBarOpen), help: nil,
                                            .openInEntry)

    static let todayBinding = KeyBinding([.character("t")], bar: (key: "t", action: .wizardBarToday),
                                         help: (keys: "t", meaning: Message(.wizardHelpToday)), .typeToday)

    /// The register's names being chosen from for a reference: typing narrows them.
    static let registerPickerBindings: [KeyBinding] = [
        KeyBinding([.enter], bar: (key: "↑↓ Enter", action: .wizardBarChoose),
                   help: (keys: "↑ ↓ Enter", meaning: Message(.wizardHelpPick)),
                   .takePick),
        KeyBinding([.up, .down, .home, .end], bar: nil, help: nil, .moveInPicker),
    ]

    /// Every table of a worksheet entry, for the help of the other screens and the README's key table.
    static let sheetEntryTables: [KeyBinding] = entryChoiceBindings(count: 9)
        + [openNoteBinding, openRegisterBinding, openLongTextBinding, openListBinding, todayBinding]
        + registerPickerBindings

    /// Runs a command of the focused entry's bindings.
    mutating func performSheetEntryCommand(_ command: Command, key: Key) -> [Effect] {
        guard let entry = focusedEntry else { return [] }
        switch (command, entry.input) {
        case (.chooseInEntry, .choice(let choices)):
            return choose(key, entry: entry, choices: choices)
        case (.clearEntry, _):
            apply(.store(entry, nil))
            return [.save]
        case (.typeToday, _):
            sheet.editor = TextEditor(text: CalendarDate.today().description, singleLine: true)
            return storeEditor(in: entry)
        case (.openInEntry, .choice):
            sheet.editor = TextEditor(text: session.note(of: entry))
            sheet.isEditingText = true
            return []
        case (.openInEntry, .reference):
            openPicker(for: entry)
            return []
        case (.openInEntry, .longText):
            sheet.isEditingText = true
            return []
        case (.openInEntry, .rows(let address)):
            openList(address)
            return []
        case (.moveInPicker, _):
            movePick(key, entry: entry)
            return []
        case (.takePick, _):
            return takePick(entry: entry)
        default:
            return []
        }
    }

    /// A key for the entry's editor: stored when it changed the text; nil when the editor does not use it.
    private mutating func typeIntoEditor(_ key: Key, entry: RecordEntry) -> [Effect]? {
        guard var editor = sheet.editor else { return nil }
        switch editor.handle(key, width: entryEditorWidth, height: entryEditorHeight(for: entry)) {
        case .edited:
            sheet.editor = editor
            return storeEditor(in: entry)
        case .moved:
            sheet.editor = editor
            return []
        case .ignored:
            return nil
        }
    }

    /// Stores what the editor holds: in the entry, or as a checklist item's note.
    private mutating func storeEditor(in entry: RecordEntry) -> [Effect] {
        guard let text = sheet.editor?.text else { return [] }
        if entry.notePath != nil {
            apply(.storeNote(entry, text))
        } else {
            apply(.storeTyped(entry, text))
        }
        return [.saveSoon]
    }

    /// A digit chooses and moves on; ← →, and Space as →, change the choice.
    private mutating func choose(_ key: Key, entry: RecordEntry, choices: [Choice]) -> [Effect] {
        if case .character(let digit) = key, let number = digit.wholeNumberValue {
            guard choices.indices.contains(number - 1) else { return [] }
            apply(.store(entry, .string(choices[number - 1].id)))
            return [.save] + nextEntry()
        }
        let current = session.choiceID(of: entry).flatMap { id in choices.firstIndex { $0.id == id } }
        guard let chosen = ChoiceRow.index(from: current, moving: key == .character(" ") ? .right : key,
                                           count: choices.count), chosen != current
        else { return [] }
        apply(.store(entry, .string(choices[chosen].id)))
        return [.save]
    }

    // MARK: Choosing from the register

    mutating func openPicker(for entry: RecordEntry) {
        sheet.picker = RowPicker()
        let selection: Int? = pickerMatches(for: entry).isEmpty ? nil : 0
        sheet.picker?.selection = selection
    }

    /// The rows of the reference's list whose names hold what is typed, accents and letter case aside.
    func pickerMatches(for entry: RecordEntry) -> [RecordRow] {
        guard case .reference(let address) = entry.input else { return [] }
        let rows = session.rows(of: address, in: guide)
        let typed = (sheet.picker?.query.text ?? "").trimmed.searchKey
        guard !typed.isEmpty else { return rows }
        return rows.filter { session.rowName($0, of: address, in: guide).searchKey.contains(typed) }
    }

    /// ↑ ↓ Home End highlight another of the names that match.
    private mutating func movePick(_ key: Key, entry: RecordEntry) {
        guard let selection = sheet.picker?.selection else { return }
        let last = pickerMatches(for: entry).count - 1
        sheet.picker?.selection = switch key {
        case .up: max(selection - 1, 0)
        case .down: min(selection + 1, last)
        case .home: 0
        default: last
        }
    }

    /// Enter takes the highlighted name or, when nothing matches, the name as typed; with nothing typed it
    /// closes the names. Esc (in `perform`) closes them and changes nothing.
    private mutating func takePick(entry: RecordEntry) -> [Effect] {
        guard let picker = sheet.picker else { return [] }
        let matches = pickerMatches(for: entry)
        if let selection = picker.selection, matches.indices.contains(selection) {
            apply(.storeReference(entry, matches[selection]))
        } else if !picker.query.text.isBlank {
            apply(.storeTyped(entry, picker.query.text.trimmed))
        } else {
            sheet.picker = nil
            return []
        }
        return [.save] + nextEntry()
    }

    /// Typing narrows the names; the picker takes every other key, so that none reaches the entries behind it.
    private mutating func typeIntoPicker(_ key: Key, entry: RecordEntry) -> [Effect] {
        guard var picker = sheet.picker, picker.query.handle(key, width: entryEditorWidth, height: 1) == .edited
        else { return [] }
        sheet.picker = picker
        let selection: Int? = pickerMatches(for: entry).isEmpty ? nil : 0
        sheet.picker?.selection = selection
        return []
    }

    /// Enter on an entry: the next one; after a row's last column, back to its list.
    mutating func nextEntry() -> [Effect] {
        if sheet.list != nil, sheet.focus + 1 >= sheetEntries.count {
            closeRowForm()
            return [.save]
        }
        focusEntry(min(sheet.focus + 1, max(sheetEntries.count - 1, 0)))
        return [.save]
    }

    mutating func performSheetCommand(_ command: Command, key: Key) -> [Effect] {
        let count = sheetEntries.count
        switch command {
        case .moveInSheet where count > 0:
            switch key {
            case .up: focusEntry(sheet.focus - 1)
            case .down: focusEntry(sheet.focus + 1)
            case .home: focusEntry(0)
            default: focusEntry(count - 1)
            }
            return [.save]
        case .openEntry:
            return nextEntry()
        default:
            return []
        }
    }

    /// Esc on a worksheet closes, in turn, the register's names, an open text or note, a row, a list; false
    /// when nothing was open.
    mutating func closeSheetPart() -> Bool {
        if sheet.picker != nil {
            sheet.picker = nil
        } else if sheet.isEditingText {
            sheet.isEditingText = false
            if focusedEntry?.notePath != nil { sheet.editor = nil }
        } else if sheet.list?.editedRowID != nil {
            closeRowForm()
        } else if sheet.list != nil {
            sheet.list = nil
            focusEntry(sheet.pageFocus)
        } else {
            return false
        }
        return true
    }

    /// Pastes into the text being typed on a worksheet: the picker's search, or the entry's text.
    mutating func pasteIntoSheet(_ text: String) -> [Effect] {
        guard let entry = focusedEntry else { return [] }
        if var picker = sheet.picker {
            picker.query.insert(text, width: entryEditorWidth, height: 1)
            sheet.picker = picker
            let selection: Int? = pickerMatches(for: entry).isEmpty ? nil : 0
            sheet.picker?.selection = selection
            return []
        }
        guard var editor = sheet.editor else { return [] }
        editor.insert(text, width: entryEditorWidth, height: entryEditorHeight(for: entry))
        sheet.editor = editor
        return storeEditor(in: entry)
    }

    /// The keys the focused entry takes, for the key bar.
    var sheetFieldHints: [BarItem] {
        sheetEntryBindings.compactMap { $0.barItem(in: language) }
    }

    // MARK: Drawing

    func drawWorksheet(into grid: inout ScreenGrid) {
        guard let worksheet = currentWorksheet else { return }
        if let list = sheet.list {
            if list.editedRowID == nil {
                drawRowList(list, into: &grid)
            } else {
                drawRowForm(list, into: &grid)
            }
            return
        }
        var top = contentTop
        if let intro = worksheet.intro {
            top += grid.putWrapped(intro, row: top, column: 1, width: contentWidth, maxRows: 2, style: .muted)
            if isRoomy { top += 1 }
        }
        drawEntries(into: &grid, top: top)
    }

    /// The entries from `top`, scrolled to keep the focused one in view, and right under them the focused
    /// entry's details.
    func drawEntries(into grid: inout ScreenGrid, top: Int) {
        let entries = sheetEntries
        guard entries.indices.contains(sheet.focus) else { return }
        let focusedEntry = entries[sheet.focus]
        let width = contentWidth
        // The details take what the focused entry needs, and at least a few rows so that the entries move less
        // from one entry to the next; at most half the screen.
        var scratch = ScreenGrid(size: size)
        let detailHeight = min(max(drawDetail(of: focusedEntry, into: &scratch, top: 0), 4),
                               max((contentEnd - top) / 2, 3))
        let listRows = contentEnd - top - detailHeight - 1

        // Each line is a heading or an entry; a blank heading ends a group before an entry of no group.
        var lines: [ListLine] = []
        var heading: String?
        for (index, entry) in entries.enumerated() {
            if entry.heading != heading { lines.append(ListLine(heading: entry.heading ?? "", item: index)) }
            heading = entry.heading
            lines.append(ListLine(heading: nil, item: index))
        }
        let labelWidth = min(entries.map(\.label.displayWidth).max() ?? 0, width - 2 - 2 - max(14, width / 3))
        let shown = ListLine.window(lines, selected: sheet.focus, rows: listRows)
        for (offset, line) in lines[shown.range].enumerated() {
            let row = top + offset
            if let heading = line.heading {
                grid.put(ellipsized(heading, width: width), row: row, column: 1, style: .title)
                continue
            }
            let entry = entries[line.item]
            let focused = line.item == sheet.focus
            let style: Style = focused ? .selected : []
            if focused { grid.fill(row: row, columns: 1..<width + 1, style: style) }
            grid.put((focused ? "▸ " : "  ") + ellipsized(entry.label, width: labelWidth), row: row, column: 1,
                     style: style)
            let value = entryValueLine(entry)
            let valueColumn = 1 + 2 + labelWidth + 2
            grid.put(ellipsized(value.text, width: width + 1 - valueColumn), row: row, column: valueColumn,
                     style: focused ? style : value.style)
        }
        if shown.more {
            drawMoreMark(hidden: lines.count - shown.range.upperBound, row: top + shown.range.count, into: &grid)
        }
        let detailTop = top + shown.range.count + (shown.more ? 1 : 0) + 1
        grid.put(String(repeating: "─", count: width), row: detailTop - 1, column: 1, style: .muted)
        drawDetail(of: focusedEntry, into: &grid, top: detailTop, maxRows: contentEnd - detailTop)
    }

    /// An entry's value on its line: what it holds (a checklist item's note after its mark), "–" when nothing,
    /// a mark on a date that is not one.
    private func entryValueLine(_ entry: RecordEntry) -> (text: String, style: Style) {
        let value = if case .rows(let address) = entry.input {
            language.text(.wizardSheetRowCount, ["count": .integer(session.rowCount(of: address, in: guide))])
        } else {
            session.text(of: entry, in: guide)
        }
        let note = session.note(of: entry)
        let text = note.isEmpty ? value : "\(value.isEmpty ? "–" : value) · \(note)"
        let firstLine = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let shown = firstLine.count > 1 ? firstLine[0] + " …" : text
        if case .date = entry.input, session.record(at: entry.path).flatMap(DateEntry.init)?.problem != nil {
            return (language.text(.wizardSheetNotADate, ["text": .text(text)]), .warning)
        }
        if case .rows = entry.input {
            return (language.text(.wizardSheetEntersList, ["rows": .text(String(shown))]), [])
        }
        return shown.isEmpty ? ("–", .muted) : (String(shown), [])
    }

    /// The focused entry in full: its label, hint, and its input to type into or choose; returns the rows used.
    @discardableResult
    func drawDetail(of entry: RecordEntry, into grid: inout ScreenGrid, top: Int, maxRows: Int = .max) -> Int {
        guard maxRows > 0 else { return 0 }
        let width = contentWidth
        let bottom = top + maxRows
        var row = top
        let label = entry.heading.map { "\($0) · \(entry.label)" } ?? entry.label
        row += grid.putWrapped(label, row: row, column: 1, width: width, maxRows: min(3, bottom - row), style: .focus)
        if let hint = entry.hint, row < bottom {
            row += grid.putWrapped(hint, row: row, column: 1, width: width, maxRows: 1, style: .muted)
        }
        let inputOrigin = Point(row: row, column: 3)
        switch entry.input {
        case .choice(let choices):
            let selected = session.choiceID(of: entry).flatMap { id in choices.firstIndex { $0.id == id } }
            let choiceRow = ChoiceRow(labels: choices.enumerated().map { "\($0.offset + 1) \($0.element.label)" },
                                      selected: selected)
            if row < bottom {
                choiceRow.draw(into: &grid, at: inputOrigin, width: min(entryEditorWidth, width - 2),
                               focused: !sheet.isEditingText)
                row += min(choiceRow.height(width: entryEditorWidth), bottom - row)
            }
            if entry.notePath != nil, row < bottom {
                if sheet.isEditingText, let editor = sheet.editor {
                    grid.put(language.text(.wizardSheetNoteEditing), row: row, column: 1, style: .muted)
                    row += 1
                    let height = min(entryEditorHeight(for: entry), bottom - row)
                    editor.draw(into: &grid, at: Point(row: row, column: 3), width: entryEditorWidth, height: height,
                                focused: true, style: .field)
                    row += height
                } else {
                    let note = session.note(of: entry)
                    let line = note.isEmpty ? language.text(.wizardSheetNoNote)
                        : language.text(.wizardSheetNote, ["note": .text(note)])
                    grid.put(ellipsized(line, width: width),
                             row: row, column: 1, style: .muted)
                    row += 1
                }
            }
        case .rows(let address):
            let count = session.rowCount(of: address, in: guide)
            row += grid.putWrapped(language.text(.wizardSheetRows, ["count": .integer(count)]), row: row, column: 1,
                                   width: width,
                                   maxRows: bottom - row, style: .muted)
        case .reference where sheet.picker != nil:
            row += drawPicker(for: entry, into: &grid, row: row, maxRows: bottom - row)
        case .text, .longText, .date, .reference:
            guard let editor = sheet.editor, row < bottom else { break }
            let height = min(entryEditorHeight(for: entry), bottom - row)
            editor.draw(into: &grid, at: inputOrigin, width: entryEditorWidth, height: height, focused: true,
                        style: .field)
            row += height
            row += drawInputNote(for: entry, into: &grid, row: row, maxRows: bottom - row)
        }
        return row - top
    }

    /// The register's names being chosen from: the search typed, then the names that hold it.
    private func drawPicker(for entry: RecordEntry, into grid: inout ScreenGrid, row: Int, maxRows: Int) -> Int {
        guard let picker = sheet.picker, maxRows > 0, case .reference(let address) = entry.input else { return 0 }
        let width = contentWidth
        let find = language.text(.wizardSheetFind)
        grid.put(find, row: row, column: 1, style: .muted)
        let queryColumn = 1 + find.displayWidth + 1
        picker.query.draw(into: &grid, at: Point(row: row, column: queryColumn), width: max(width + 1 - queryColumn, 3),
                          height: 1,
                          focused: true, style: .field)
        let matches = pickerMatches(for: entry)
        guard let selection = picker.selection, !matches.isEmpty else {
            let typed = picker.query.text.trimmed
            let message = typed.isEmpty ? language.text(.wizardSheetRegisterEmpty)
                : language.text(.wizardSheetNoMatch, ["typed": .text(typed)])
            return 1 + grid.putWrapped(message, row: row + 1, column: 3, width: width - 2, maxRows: maxRows - 1,
                                       style: .muted)
        }
        let shown = max(min(maxRows - 1, 6), 1)
        let first = max(0, selection - shown + 1)
        for (offset, match) in matches.enumerated().dropFirst(first).prefix(shown) {
            let selected = offset == selection
            let name = session.rowName(match, of: address, in: guide)
            let shownName = name.isEmpty ? language.text(.wizardSheetNoName) : name
            grid.put(ellipsized((selected ? "▸ " : "  ") + shownName, width: width - 2),
                     row: row + 1 + offset - first, column: 3, style: selected ? .selected : [])
        }
        return 1 + min(matches.count - first, shown)
    }

    /// Under a date, its problem or how to type it; under a reference, whether it is in the register, or
    /// the register's rows to choose from.
    private func drawInputNote(for entry: RecordEntry, into grid: inout ScreenGrid, row: Int, maxRows: Int) -> Int {
        guard maxRows > 0 else { return 0 }
        let width = contentWidth
        switch entry.input {
        case .date:
            if let problem = session.record(at: entry.path).flatMap(DateEntry.init)?.problem {
                return grid.putWrapped(language.text(.wizardSheetKeptAsTyped, ["problem": .message(problem)]),
                                       row: row, column: 3,
                                       width: width - 2, maxRows: min(maxRows, 2), style: .warning)
            }
            return grid.putWrapped(language.text(.wizardSheetDateHint), row: row, column: 3,
                                   width: width - 2, maxRows: 1, style: .muted)
        case .reference(let address):
            let reference = session.record(at: entry.path).flatMap(RecordReference.init)
            let linked = reference?.id.map { id in session.rows(of: address, in: guide).contains { $0.id == id } }
            let note: String =
                switch (reference, linked) {
                case (nil, _): language.text(.wizardSheetReferenceEmpty)
                case (_, true?): language.text(.wizardSheetReferenceInRegister)
                case (_, false?): language.text(.wizardSheetReferenceRemoved)
                case (_, nil): language.text(.wizardSheetReferenceNotInRegister)
                }
            return grid.putWrapped(note, row: row, column: 3, width: width - 2, maxRows: 1, style: .muted)
        default:
            return 0
        }
    }
}

/// A line of a scrolling list: a heading, or the item with this index.
struct ListLine {
    var heading: String?
    var item: Int

    /// The lines that show in `rows` rows: from one that keeps the selected item in view (and the heading just
    /// above it), the last row left for "▼ more" when lines follow.
    static func window(_ lines: [ListLine], selected: Int, rows: Int) -> (range: Range<Int>, more: Bool) {
        guard lines.count > rows else { return (0..<lines.count, false) }
        let usable = max(rows - 1, 1)
        let selectedLine = lines.firstIndex { $0.heading == nil && $0.item == selected } ?? 0
        var first = max(0, selectedLine - usable + 1)
        if first == selectedLine, first > 0, lines[first - 1].heading != nil { first -= 1 }
        // At the end there is nothing more to announce: the last row shows a line instead.
        if first + rows >= lines.count { return (max(lines.count - rows, 0)..<lines.count, false) }
        return (first..<first + usable, true)
    }
}
