import DisplayWidth
import ISPCore
import Messages
import TerminalUI

/// A list of rows opened from a worksheet (the register, the action plan…): a table to add, insert, edit,
/// delete and reorder rows in, each row edited as a form of its columns.
extension WizardState {
    /// In the key bar's order: what is cut first on a narrow terminal comes last; Enter needs no telling.
    static let rowListBindings: [KeyBinding] = [
        KeyBinding([.up, .down, .home, .end, .pageUp, .pageDown], bar: nil, help: (keys: "↑ ↓ Home End",
                   meaning: Message(.wizardHelpListsMove)), .selectRow),
        KeyBinding([.character("a")], bar: (key: "a", action: .wizardBarAdd), help: (keys: "a",
                   meaning: Message(.wizardHelpListsAdd)), .addRow),
        KeyBinding([.character("p")], bar: (key: "p", action: .wizardBarAddOrganisations), help: (keys: "p",
                   meaning: Message(.wizardHelpRegisterAddOrganisations)), .addParticipantOrganisations),
        KeyBinding([.delete, .character("d")], bar: (key: "Del", action: .wizardBarDelete), help: (keys: "Del, d",
                   meaning: Message(.wizardHelpListsDelete)), .deleteRow),
        KeyBinding([.character("s")], bar: (key: "s", action: .wizardBarSectors), help: (keys: "s",
                   meaning: Message(.wizardHelpListsSectors)), .toggleSectorOrder),
        KeyBinding([.character("["), .character("]")], bar: (key: "[ ]", action: .wizardBarMove), help: (keys: "[ ]",
                   meaning: Message(.wizardHelpListsMoveRow)), .moveRow),
        KeyBinding((1...9).map { .character(Character(String($0))) }, bar: nil, help: (keys: "1 … 9",
                   meaning: Message(.wizardHelpListsChoose)),
                   .chooseInRow),
        KeyBinding([.enter, .character("e")], bar: nil, help: (keys: "Enter, e",
                   meaning: Message(.wizardHelpListsEdit)), .editRow),
        KeyBinding([.character("i")], bar: nil, help: (keys: "i",
                   meaning: Message(.wizardHelpListsInsert)), .insertRow),
    ]

    /// The list's bindings that apply to it: sorting where it has a sector, moving while it is in the order
    /// entered, the participants' organisations in a register of a workshop with participants.
    func rowListBindings(for list: RowList) -> [KeyBinding] {
        let field = guide.field(at: list.address)
        let rowCount = session.rowCount(of: list.address, in: guide)
        return Self.rowListBindings.filter { binding in
            switch binding.command {
            case .toggleSectorOrder: field?.column("sector") != nil
            case .moveRow: !list.bySector && rowCount > 1
            case .editRow, .deleteRow, .insertRow, .selectRow: rowCount > 0
            case .chooseInRow: rowCount > 0 && firstChoiceColumn(of: list) != nil
            case .addParticipantOrganisations:
                list.address == guide.participantRegister && session.participants.contains { !$0.organisation.isBlank }
            default: true
            }
        }
    }

    /// The list's first column of choices, which digits set from the list.
    func firstChoiceColumn(of list: RowList) -> RecordField? {
        guide.field(at: list.address)?.columns.first { !$0.kind.choices.isEmpty }
    }

    /// The list's keys on the key bar: its own, and the digits of its first choice column last, to go first on
    /// a narrow terminal.
    func rowListBar(for list: RowList) -> [BarItem] {
        let digits = firstChoiceColumn(of: list).map { column in
            (key: "1-\(min(column.kind.choices.count, 9))", action: column.label)
        }
        return rowListBindings(for: list).compactMap { $0.barItem(in: language) } + [digits].compactMap { $0 }
    }

    /// The rows in the order shown: as entered, or grouped by sector in the order of the sector's choices.
    func shownRows(_ list: RowList) -> [RecordRow] {
        let rows = session.rows(of: list.address, in: guide)
        guard list.bySector, let sector = guide.field(at: list.address)?.column("sector") else { return rows }
        let order = sector.kind.choices.map(\.id)
        func rank(_ row: RecordRow) -> Int {
            row.cells["sector"]?.string.flatMap { order.firstIndex(of: $0) } ?? order.count
        }
        return rows.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }

    mutating func openList(_ address: FieldAddress) {
        sheet.pageFocus = sheet.focus
        sheet.list = RowList(address: address)
        sheet.editor = nil
    }

    /// Back from a row's form to its list, the row still highlighted.
    mutating func closeRowForm() {
        guard var list = sheet.list, let rowID = list.editedRowID else { return }
        list.editedRowID = nil
        list.selection = shownRows(list).firstIndex { $0.id == rowID } ?? list.selection
        sheet.list = list
        sheet.editor = nil
        sheet.isEditingText = false
        sheet.picker = nil
    }

    mutating func performRowCommand(_ command: Command, key: Key) -> [Effect] {
        guard var list = sheet.list else { return [] }
        let shown = shownRows(list)
        let selected = shown.indices.contains(list.selection) ? shown[list.selection] : nil
        let rows = session.rows(of: list.address, in: guide)
        let storedIndex = selected.flatMap { row in rows.firstIndex { $0.id == row.id } }
        switch command {
        case .selectRow:
            let page = max(contentRows - 3, 1)
            let last = max(shown.count - 1, 0)
            switch key {
            case .up: list.selection = max(list.selection - 1, 0)
            case .down: list.selection = min(list.selection + 1, last)
            case .pageUp: list.selection = max(list.selection - page, 0)
            case .pageDown: list.selection = min(list.selection + page, last)
            case .home: list.selection = 0
            default: list.selection = last
            }
            sheet.list = list
            return []
        case .addRow, .insertRow:
            let row = RecordRow()
            apply(.insertRow(row, at: command == .insertRow ? storedIndex ?? 0 : rows.count, of: list.address))
            list.editedRowID = row.id
            sheet.list = list
            focusEntry(0)
            return [.save]
        case .editRow:
            guard let selected else { return [] }
            list.editedRowID = selected.id
            sheet.list = list
            focusEntry(0)
            return []
        case .deleteRow:
            guard let selected else { return [] }
            // An empty row goes at once; one with something in it is asked about.
            if !selected.json.holdsContent { return deleteRow(selected.id) }
            list.pendingDeletion = selected.id
            sheet.list = list
            return []
        case .moveRow:
            guard !list.bySector, let storedIndex else { return [] }
            let target = storedIndex + (key == .character("[") ? -1 : 1)
            guard rows.indices.contains(target) else { return [] }
            apply(.moveRow(from: storedIndex, to: target, of: list.address))
            list.selection = target
            sheet.list = list
            return [.save]
        case .toggleSectorOrder:
            list.bySector.toggle()
            list.selection = selected.flatMap { row in shownRows(list).firstIndex { $0.id == row.id } } ?? 0
            sheet.list = list
            return []
        case .addParticipantOrganisations:
            return addParticipantOrganisations(to: list)
        case .chooseInRow:
            guard let selected, let column = firstChoiceColumn(of: list), case .character(let digit) = key,
                let number = digit.wholeNumberValue, column.kind.choices.indices.contains(number - 1),
                let entry = session.entries(ofRow: selected.id, in: list.address, guide: guide)
                    .first(where: { $0.path.last == .key(column.id) })
            else { return [] }
            apply(.store(entry, .string(column.kind.choices[number - 1].id)))
            list.selection = min(list.selection + 1, shown.count - 1)
            sheet.list = list
            return [.save]
        default:
            return []
        }
    }

    /// `y`: deletes the row waiting for it.
    mutating func answerRowDeletion() -> [Effect] {
        guard let id = sheet.list?.pendingDeletion else { return [] }
        sheet.list?.pendingDeletion = nil
        return deleteRow(id)
    }

    private mutating func deleteRow(_ id: String) -> [Effect] {
        guard var list = sheet.list else { return [] }
        apply(.deleteRow(id: id, of: list.address))
        list.selection = min(list.selection, max(session.rowCount(of: list.address, in: guide) - 1, 0))
        list.pendingDeletion = nil
        sheet.list = list
        return [.save]
    }

    /// Adds each participant's organisation that the register does not name yet, with its sector.
    private mutating func addParticipantOrganisations(to list: RowList) -> [Effect] {
        apply(.addParticipantOrganisations(to: list.address))
        return status == .organisationsAdded([]) ? [] : [.save]
    }

    // MARK: Drawing

    func drawRowList(_ list: RowList, into grid: inout ScreenGrid) {
        guard let field = guide.field(at: list.address) else { return }
        let width = contentWidth
        let rows = shownRows(list)
        var row = contentTop
        let heading = language.text(.wizardListHeading, [
            "list": .text(field.label), "count": .integer(rows.count),
            "order": .message(Message(list.bySector ? .wizardListBySector : .wizardListAsEntered)),
        ])
        grid.put(ellipsized(heading, width: width), row: row, column: 1, style: .muted)
        row += isRoomy ? 2 : 1
        guard !rows.isEmpty else {
            grid.putWrapped(language.text(.wizardListEmpty), row: row, column: 1, width: width)
            return
        }
        let flags = actionFlags(in: list)
        // Lists with flags (the action plan) keep a column for the mark after the number.
        let numberWidth = String(rows.count).count + (flags.isEmpty ? 0 : 2)
        let columns = field.columns
        let layout = ColumnLayout(columns.map { column in
            switch column.kind {
            case .choice(let choices):
                ColumnLayout.Column(minimum: min(choices.map(\.label.displayWidth).max() ?? 4, 14), grows: false)
            case .date: ColumnLayout.Column(minimum: 10, grows: false)
            default: ColumnLayout.Column(minimum: 10, grows: true)
            }
        }, width: width - 2 - numberWidth - 1)
        let starts = layout.starts(from: 1 + 2 + numberWidth + 1)
        for (index, start) in starts.enumerated() {
            grid.put(ellipsized(columns[index].label, width: layout.widths[index]), row: row, column: start,
                     style: .title)
        }
        row += 1

        // Group headings take lines of their own when rows are grouped by sector.
        let sectorLabels = field.column("sector")?.kind.choices ?? []
        var lines: [ListLine] = []
        var group: String?? = .none
        for (index, shownRow) in rows.enumerated() {
            if list.bySector {
                let sector = shownRow.cells["sector"]?.string
                if group != .some(sector) {
                    let label = sector.flatMap { id in sectorLabels.first { $0.id == id }?.label }
                        ?? language.text(.wizardParticipantsNoSector)
                    lines.append(ListLine(heading: label, item: index))
                    group = .some(sector)
                }
            }
            lines.append(ListLine(heading: nil, item: index))
        }
        // The last row tells the highlighted row in full, or asks about deleting it.
        let listRows = contentEnd - row - (list.pendingDeletion == nil ? 1 : 2)
        let shown = ListLine.window(lines, selected: list.selection, rows: listRows)
        for (offset, line) in lines[shown.range].enumerated() {
            let screenRow = row + offset
            if let heading = line.heading {
                grid.put(ellipsized(heading, width: width), row: screenRow, column: 1, style: .title)
                continue
            }
            let selected = line.item == list.selection
            let style: Style = selected ? .selected : []
            if selected {
                grid.fill(row: screenRow, columns: 1..<width + 1, style: style)
                grid.cursor = Point(row: screenRow, column: 1)
            }
            let number = String(line.item + 1).leftPadded(to: String(rows.count).count)
            grid.put((selected ? "▸ " : "  ") + number, row: screenRow, column: 1, style: style)
            let shownRow = rows[line.item]
            if flags[shownRow.id] != nil {
                grid.put("!", row: screenRow, column: 1 + 2 + numberWidth - 1, style: style.union(.warning))
            }
            for (index, start) in starts.enumerated() {
                grid.put(ellipsized(cellLine(shownRow, columns[index]), width: layout.widths[index]), row: screenRow,
                         column: start, style: style)
            }
        }
        if shown.more {
            drawMoreMark(hidden: lines.count - shown.range.upperBound, row: row + shown.range.count, into: &grid)
        }
        if let id = list.pendingDeletion, let pending = rows.first(where: { $0.id == id }) {
            let name = session.rowName(pending, of: list.address, in: guide)
            let references = session.referenceCount(to: id)
            let question: String
            if references > 0 {
                let shownName = name.isBlank ? Message(.wizardListThisRow)
                    : Message(.wizardListQuotedName, ["name": .text(name)])
                question = language.text(.wizardListDeleteReferencedQuestion, [
                    "row": .message(shownName), "count": .integer(references),
                ])
            } else {
                question = name.isBlank ? language.text(.wizardListDeleteQuestion)
                    : language.text(.wizardListDeleteNamedQuestion, ["name": .text(name)])
            }
            grid.putWrapped(question, row: contentEnd - 2, column: 1, width: width, maxRows: 2, style: .warning)
        } else if rows.indices.contains(list.selection) {
            let selected = rows[list.selection]
            if let messages = flags[selected.id] {
                grid.put(ellipsized(messages.joined(separator: " "), width: width), row: contentEnd - 1, column: 1,
                         style: .warning)
            } else {
                let values = columns.map { cellLine(selected, $0) }.filter { !$0.isBlank }
                grid.put(ellipsized(values.joined(separator: " · "), width: width),
                         row: contentEnd - 1, column: 1, style: .muted)
            }
        }
    }

    /// A cell's first line: a choice's label, a date, a reference's current name, text up to its first newline.
    private func cellLine(_ row: RecordRow, _ column: RecordField) -> String {
        session.text(of: row.cells[column.id], as: RecordEntry.input(for: column.kind), in: guide)
            .split(separator: "\n").first.map(String.init) ?? ""
    }

    /// The flags of each action of the action plan, by the action's id; none for other lists.
    private func actionFlags(in list: RowList) -> [String: [String]] {
        guard list.address == PartnershipRecords.actions else { return [:] }
        var flags: [String: [String]] = [:]
        for flag in PartnershipRecords(guide: guide, session: session).flags(today: .today()) {
            if let id = flag.actionID { flags[id, default: []].append(language.text(flag.statement)) }
        }
        return flags
    }

    func drawRowForm(_ list: RowList, into grid: inout ScreenGrid) {
        guard let field = guide.field(at: list.address), let rowID = list.editedRowID else { return }
        let rows = shownRows(list)
        let number = (rows.firstIndex { $0.id == rowID } ?? 0) + 1
        let heading = language.text(.wizardListRowHeading, [
            "list": .text(field.label), "number": .integer(number), "count": .integer(rows.count),
        ])
        grid.put(ellipsized(heading, width: contentWidth),
                 row: contentTop, column: 1, style: .title)
        drawEntries(into: &grid, top: contentTop + (isRoomy ? 2 : 1))
    }
}
