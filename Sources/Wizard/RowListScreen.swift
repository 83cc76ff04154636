import DisplayWidth
import ISPCore
import TerminalUI

/// A list of rows opened from a worksheet (the register, the action plan…): a table to add, insert, edit,
/// delete and reorder rows in, each row edited as a form of its columns.
extension WizardState {
    static let rowListBindings: [KeyBinding] = [
        KeyBinding([.up, .down, .home, .end, .pageUp, .pageDown], bar: nil, help: nil,
                   .selectRow),
        KeyBinding([.character("a")], bar: (key: "a", action: "add"), help: (keys: "a",
                   meaning: "lists: add a row at the end"), .addRow),
        KeyBinding([.character("i")], bar: nil, help: (keys: "i",
                   meaning: "lists: insert a row above the highlighted one"), .insertRow),
        KeyBinding([.enter, .character("e")], bar: (key: "Enter", action: "edit"), help: (keys: "Enter, e",
                   meaning: "lists: edit the highlighted row"), .editRow),
        KeyBinding([.delete, .character("d")], bar: (key: "Del", action: "delete"), help: (keys: "Del, d",
                   meaning: "lists: delete the highlighted row (asks first)"), .deleteRow),
        KeyBinding([.character("p")], bar: (key: "p", action: "participants"), help: (keys: "p",
                   meaning: "register: add the participants' organisations"), .addParticipantOrganisations),
        KeyBinding([.character("s")], bar: (key: "s", action: "sectors"), help: (keys: "s",
                   meaning: "lists: group by sector, or back to the order entered"), .toggleSectorOrder),
        KeyBinding([.character("[")], bar: (key: "[ ]", action: "move"), help: (keys: "[ ]",
                   meaning: "lists: move the row up / down"), .moveRowUp),
        KeyBinding([.character("]")], bar: nil, help: nil, .moveRowDown),
    ]

    /// The list's bindings that apply to it: sorting where it has a sector, moving while it is in the order
    /// entered, the participants' organisations in a register of a workshop with participants.
    func rowListBindings(for list: RowList) -> [KeyBinding] {
        let field = guide.field(at: list.address)
        let rowCount = session.rowCount(of: list.address, in: guide)
        return Self.rowListBindings.filter { binding in
            switch binding.command {
            case .toggleSectorOrder: field?.column("sector") != nil
            case .moveRowUp, .moveRowDown: !list.bySector && rowCount > 1
            case .editRow, .deleteRow, .insertRow, .selectRow: rowCount > 0
            case .addParticipantOrganisations:
                list.address == guide.participantRegister && session.participants.contains { !$0.organisation.isBlank }
            default: true
            }
        }
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
        sheet.editsNote = false
        sheet.pickerSelection = nil
    }

    mutating func performRowCommand(_ command: Command, key: Key) -> [Effect] {
        guard var list = sheet.list else { return [] }
        let shown = shownRows(list)
        let selected = shown.indices.contains(list.selection) ? shown[list.selection] : nil
        var rows = session.rows(of: list.address, in: guide)
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
            rows.insert(row, at: command == .insertRow ? storedIndex ?? 0 : rows.count)
            session.setRows(rows, of: list.address)
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
            if selected.cells.values.allSatisfy({ recordIsEmpty($0) }) { return deleteRow(selected.id) }
            list.pendingDeletion = selected.id
            sheet.list = list
            return []
        case .moveRowUp, .moveRowDown:
            guard !list.bySector, let storedIndex else { return [] }
            let target = storedIndex + (command == .moveRowUp ? -1 : 1)
            guard rows.indices.contains(target) else { return [] }
            rows.swapAt(storedIndex, target)
            session.setRows(rows, of: list.address)
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
        default:
            return []
        }
    }

    private func recordIsEmpty(_ value: JSONValue) -> Bool {
        switch value {
        case .null: true
        case .string(let text): text.isBlank
        case .object(let object): object.values.allSatisfy(recordIsEmpty)
        default: false
        }
    }

    /// `y` deletes the row waiting for it; any other key keeps it.
    mutating func answerRowDeletion(_ key: Key) -> [Effect] {
        guard let id = sheet.list?.pendingDeletion else { return [] }
        sheet.list?.pendingDeletion = nil
        return key == .character("y") || key == .character("Y") ? deleteRow(id) : []
    }

    private mutating func deleteRow(_ id: String) -> [Effect] {
        guard var list = sheet.list else { return [] }
        var rows = session.rows(of: list.address, in: guide)
        rows.removeAll { $0.id == id }
        session.setRows(rows, of: list.address)
        list.selection = min(list.selection, max(rows.count - 1, 0))
        list.pendingDeletion = nil
        sheet.list = list
        return [.save]
    }

    /// Adds each participant's organisation that the register does not name yet, with its sector.
    private mutating func addParticipantOrganisations(to list: RowList) -> [Effect] {
        let added = session.addParticipantOrganisations(to: list.address, in: guide).count
        status = .rowsAdded(added)
        return added > 0 ? [.save] : []
    }

    // MARK: Drawing

    func drawRowList(_ list: RowList, into grid: inout ScreenGrid) {
        guard let field = guide.field(at: list.address) else { return }
        let width = contentWidth
        let rows = shownRows(list)
        var row = contentTop
        let order = list.bySector ? "grouped by sector" : "in the order entered"
        let count = rows.count == 1 ? "1 row" : "\(rows.count) rows"
        grid.put(ellipsized("\(field.label) · \(count) · \(order)", width: width), row: row, column: 1, style: .muted)
        row += isRoomy ? 2 : 1
        guard !rows.isEmpty else {
            grid.putWrapped("No rows yet. Press a to add one.", row: row, column: 1, width: width)
            return
        }
        let numberWidth = String(rows.count).count
        let columns = field.columns
        let layout = ColumnLayout(columns.map { column in
            switch column.kind {
            case .choice(let choices):
                ColumnLayout.Column(minimum: min(choices.map(\.label.displayWidth).max() ?? 4, 13), grows: false)
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
                    let label = sector.flatMap { id in sectorLabels.first { $0.id == id }?.label } ?? "No sector"
                    lines.append(ListLine(heading: label, item: index))
                    group = .some(sector)
                }
            }
            lines.append(ListLine(heading: nil, item: index))
        }
        let listRows = contentEnd - row - (list.pendingDeletion == nil ? 0 : 2)
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
            grid.put((selected ? "▸ " : "  ") + String(line.item + 1).leftPadded(to: numberWidth), row: screenRow,
                     column: 1, style: style)
            let shownRow = rows[line.item]
            for (index, start) in starts.enumerated() {
                let column = columns[index]
                let text = session.text(of: shownRow.cells[column.id], as: RecordEntry.input(for: column.kind),
                                        in: guide).split(separator: "\n").first.map(String.init) ?? ""
                grid.put(ellipsized(text, width: layout.widths[index]), row: screenRow, column: start, style: style)
            }
        }
        if shown.more { grid.put("  ▼ more", row: row + shown.range.count, column: 1, style: .muted) }
        if let id = list.pendingDeletion, let pending = rows.first(where: { $0.id == id }) {
            let name = session.rowName(pending, of: list.address, in: guide)
            let question = "Delete \(name.isBlank ? "this row" : "“\(name)”")? y deletes, any other key keeps it."
            grid.putWrapped(question, row: contentEnd - 2, column: 1, width: width, maxRows: 2, style: .warning)
        }
    }

    func drawRowForm(_ list: RowList, into grid: inout ScreenGrid) {
        guard let field = guide.field(at: list.address), let rowID = list.editedRowID else { return }
        let rows = shownRows(list)
        let number = (rows.firstIndex { $0.id == rowID } ?? 0) + 1
        grid.put(ellipsized("\(field.label) · row \(number) of \(rows.count)", width: contentWidth),
                 row: contentTop, column: 1, style: .title)
        drawEntries(into: &grid, top: contentTop + (isRoomy ? 2 : 1))
    }
}
