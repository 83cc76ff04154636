/// One thing to fill in on a worksheet: a value at a path in the records, or a list of rows that opens on its
/// own. A worksheet's grids and checklists give one entry per row or item, so that every screen and the plain
/// mode walk the same entries in the same order.
public struct RecordEntry: Equatable, Sendable {
    public enum Input: Equatable, Sendable {
        case text
        case longText
        case choice([Choice])
        case date
        /// A row of the list at the address, or a name typed in.
        case reference(FieldAddress)
        /// The list of rows at the address.
        case rows(FieldAddress)
    }

    public var path: [RecordKey]
    /// What a grid's or checklist's entries are under (the grid's label, the checklist item's group); they are
    /// labelled by their row or item.
    public var heading: String?
    public var label: String
    public var hint: String?
    public var input: Input
    /// For a checklist item: where its note is kept.
    public var notePath: [RecordKey]?
    /// For a grid over a list's rows: where a copy of the row's name is kept beside the value, and the name.
    public var nameCopy: (path: [RecordKey], name: String)?

    public static func == (lhs: RecordEntry, rhs: RecordEntry) -> Bool {
        lhs.path == rhs.path && lhs.heading == rhs.heading && lhs.label == rhs.label && lhs.hint == rhs.hint
            && lhs.input == rhs.input && lhs.notePath == rhs.notePath && lhs.nameCopy?.path == rhs.nameCopy?.path
            && lhs.nameCopy?.name == rhs.nameCopy?.name
    }

    /// The input of a simple kind (the columns of a list, a grid's cell).
    public static func input(for kind: RecordField.Kind) -> Input {
        switch kind {
        case .longText: .longText
        case .choice(let choices): .choice(choices)
        case .date: .date
        case .reference(let address): .reference(address)
        case .text, .grid, .checklist, .rows: .text
        }
    }
}

extension Session {
    /// The entries of a worksheet page, in order.
    public func entries(of worksheet: Worksheet, in guide: Guide) -> [RecordEntry] {
        worksheet.fields.flatMap { field -> [RecordEntry] in
            let path: [RecordKey] = [.key(worksheet.id), .key(field.id)]
            switch field.kind {
            case .grid(.fixed(let rows), let cell):
                return rows.map { row in
                    RecordEntry(path: path + [.key(row.id)], heading: field.label, label: row.label, hint: field.hint,
                                input: RecordEntry.input(for: cell))
                }
            case .grid(.rowsOf(let address), let cell):
                // Read from the stored rows as they are: a register can have a thousand.
                let nameColumn = guide.field(at: address)?.nameColumn ?? ""
                return storedRows(of: address).compactMap { row in
                    guard let id = row["id"]?.string else { return nil }
                    let name = row[nameColumn]?.string ?? ""
                    return RecordEntry(path: path + [.key(id), .key("value")], heading: field.label,
                                       label: name.isBlank ? "(no name)" : name, hint: field.hint,
                                       input: RecordEntry.input(for: cell),
                                       nameCopy: (path: path + [.key(id), .key("name")], name: name))
                }
            case .checklist(let items, let marks):
                return items.map { item in
                    RecordEntry(path: path + [.key(item.id), .key("mark")], heading: item.group,
                                label: item.label, hint: field.hint, input: .choice(marks),
                                notePath: path + [.key(item.id), .key("note")])
                }
            case .rows:
                return [RecordEntry(path: path, label: field.label, hint: field.hint,
                                    input: .rows(FieldAddress(worksheet: worksheet.id, field: field.id)))]
            case .text, .longText, .choice, .date, .reference:
                return [RecordEntry(path: path, label: field.label, hint: field.hint,
                                    input: RecordEntry.input(for: field.kind))]
            }
        }
    }

    /// The entries of one row of a list: its columns.
    public func entries(ofRow rowID: String, in address: FieldAddress, guide: Guide) -> [RecordEntry] {
        let path: [RecordKey] = [.key(address.worksheet), .key(address.field), .row(rowID)]
        return (guide.field(at: address)?.columns ?? []).map { column in
            RecordEntry(path: path + [.key(column.id)], label: column.label, hint: column.hint,
                        input: RecordEntry.input(for: column.kind))
        }
    }

    /// An entry's value as a line of text: a choice's label, a date as typed, a reference's current name, or
    /// for a list how many rows it has. Empty when nothing is there.
    public func text(of entry: RecordEntry, in guide: Guide) -> String {
        text(of: value(of: entry, in: guide), as: entry.input, in: guide)
    }

    /// An entry's value: as stored, or the guide's text of a cell of a list's default row (the guide's ground rules)
    /// that stores none, while the list has never been changed or still has the row.
    public func value(of entry: RecordEntry, in guide: Guide) -> JSONValue? {
        if let value = record(at: entry.path) { return value }
        guard entry.path.count == 4, case .key(let worksheet) = entry.path[0], case .key(let field) = entry.path[1],
            case .row(let id) = entry.path[2], case .key(let column) = entry.path[3]
        else { return nil }
        let address = FieldAddress(worksheet: worksheet, field: field)
        guard let text = guide.field(at: address)?.defaultRows.first(where: { $0.id == id })?.cells[column],
            storedList(address).map({ list in list.contains { $0.rowID == id } }) ?? true
        else { return nil }
        return .string(text)
    }

    /// A value as a line of text, read as an entry of this input reads it; a value of another kind than the input
    /// takes (a number in a text, a list in a choice: a hand edit) as the file holds it, as reports show it.
    public func text(of value: JSONValue?, as input: RecordEntry.Input, in guide: Guide) -> String {
        switch input {
        case .text, .longText:
            return value.map { $0.string ?? $0.cellText } ?? ""
        case .choice(let choices):
            guard let id = value?.string else { return value?.cellText ?? "" }
            return choices.first { $0.id == id }?.label ?? id
        case .date:
            return value.map { DateEntry($0)?.text ?? $0.cellText } ?? ""
        case .reference(let address):
            guard let value else { return "" }
            return RecordReference(value).map { name(of: $0, to: address, in: guide) } ?? value.cellText
        case .rows(let address):
            // The count alone: the screens say it in the reader's language.
            return String(rowCount(of: address, in: guide))
        }
    }

    /// How much a worksheet holds: its values filled in, and the rows of its lists.
    public func filledCount(of worksheet: Worksheet, in guide: Guide) -> Int {
        entries(of: worksheet, in: guide).reduce(0) { count, entry in
            if case .rows(let address) = entry.input { return count + storedRows(of: address).count }
            return count + (record(at: entry.path)?.holdsContent == true ? 1 : 0)
        }
    }

    /// The id of an entry's choice, if one is made.
    public func choiceID(of entry: RecordEntry) -> String? {
        record(at: entry.path)?.string
    }

    /// Stores an entry's value (nil or an empty text removes it, but a default row's cell keeps an empty text, so
    /// that the guide's shows no more), the copy of a row's name beside it, and a list's default rows first when
    /// the entry is a cell of one of them.
    public mutating func store(_ value: JSONValue?, in entry: RecordEntry, guide: Guide) {
        if entry.path.count > 2, case .key(let worksheet) = entry.path[0], case .key(let field) = entry.path[1],
            case .row = entry.path[2]
        {
            storeDefaultRows(of: FieldAddress(worksheet: worksheet, field: field), in: guide)
        }
        let kept = value?.string?.isEmpty == true ? nil : value
        setRecord(kept, at: entry.path)
        if kept == nil, self.value(of: entry, in: guide) != nil { setRecord(.string(""), at: entry.path) }
        if let copy = entry.nameCopy { setRecord(kept == nil ? nil : .string(copy.name), at: copy.path) }
    }

    /// Stores typed text in an entry: text as it is, a date as a date or, when it is not one, as typed, a
    /// reference to the row of that name when the list has one (as the register's picker finds names: case and
    /// accents ignored), else to the name alone.
    public mutating func storeTyped(_ text: String, in entry: RecordEntry, guide: Guide) {
        switch entry.input {
        case .date:
            store(DateEntry(typed: text)?.json, in: entry, guide: guide)
        case .reference(let address):
            let key = text.trimmed.searchKey
            let named = rows(of: address, in: guide).first { row in
                rowName(row, of: address, in: guide).trimmed.searchKey == key
            }
            if let named {
                storeReference(to: named, in: entry, guide: guide)
            } else {
                store(text.isBlank ? nil : RecordReference(id: nil, name: text).json, in: entry, guide: guide)
            }
        default:
            store(.string(text), in: entry, guide: guide)
        }
    }

    /// A checklist item's note.
    public func note(of entry: RecordEntry) -> String {
        entry.notePath.flatMap { record(at: $0)?.string } ?? ""
    }

    /// Stores a checklist item's note; an empty one is removed.
    public mutating func storeNote(_ text: String, of entry: RecordEntry) {
        guard let notePath = entry.notePath else { return }
        setRecord(text.isEmpty ? nil : .string(text), at: notePath)
    }

    /// Points a reference entry at a row of its list, copying the row's name.
    public mutating func storeReference(to row: RecordRow, in entry: RecordEntry, guide: Guide) {
        guard case .reference(let address) = entry.input else { return }
        store(RecordReference(id: row.id, name: rowName(row, of: address, in: guide)).json, in: entry, guide: guide)
    }
}

extension Guide {
    /// The list that workshop participants' organisations go into: a worksheet's field `register` that names
    /// its rows (the stakeholder register of step 2), if the guide has one.
    public var participantRegister: FieldAddress? {
        worksheets.lazy.compactMap { worksheet in
            worksheet.field("register")?.nameColumn.map { _ in
                FieldAddress(worksheet: worksheet.id, field: "register")
            }
        }.first
    }
}

extension Session {
    /// Adds a row for each participant's organisation that the list does not name yet (ignoring letter case and
    /// the spaces around), each once, in the participants' order, with the participant's sector when the list
    /// has a `sector` choice that offers it; returns the rows added.
    @discardableResult
    public mutating func addParticipantOrganisations(to address: FieldAddress, in guide: Guide) -> [RecordRow] {
        guard let field = guide.field(at: address), let nameColumn = field.nameColumn else { return [] }
        let sectors = field.column("sector")?.kind.choices.map(\.id) ?? []
        let rows = rows(of: address, in: guide)
        var named = Set(rows.map { rowName($0, of: address, in: guide).trimmed.lowercased() })
        var added: [RecordRow] = []
        for participant in participants {
            let name = participant.organisation.trimmed
            guard !name.isEmpty, named.insert(name.lowercased()).inserted else { continue }
            var row = RecordRow(cells: [nameColumn: .string(name)])
            if let sector = participant.sector?.rawValue, sectors.contains(sector) {
                row.cells["sector"] = .string(sector)
            }
            added.append(row)
        }
        if !added.isEmpty { setRows(rows + added, of: address, in: guide) }
        return added
    }
}
