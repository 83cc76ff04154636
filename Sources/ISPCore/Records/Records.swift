#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Messages

/// One step of a path into the session's records: a key of an object, or the row of a list with this id.
public enum RecordKey: Hashable, Sendable {
    case key(String)
    case row(String)
}

extension JSONValue {
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The id of a row (an object with a string `id`).
    var rowID: String? { object?["id"]?.string }

    /// The value at a path, or nil when any part of it is missing.
    public func value(at path: some Collection<RecordKey>) -> JSONValue? {
        guard let first = path.first else { return self }
        switch (first, self) {
        case (.key(let key), .object(let object)):
            return object[key]?.value(at: path.dropFirst())
        case (.row(let id), .array(let rows)):
            return rows.first { $0.rowID == id }?.value(at: path.dropFirst())
        default:
            return nil
        }
    }

    /// Sets (or with nil removes) the value at a path, making the objects on the way; a row must exist.
    ///
    /// The container is taken out of `self` before it changes, so that a list of a thousand rows is changed in
    /// place rather than copied on every keystroke.
    public mutating func setValue(_ value: JSONValue?, at path: some Collection<RecordKey>) {
        guard let first = path.first else {
            self = value ?? .null
            return
        }
        let rest = path.dropFirst()
        switch first {
        case .key(let key):
            var object = self.object ?? [:]
            self = .null
            if rest.isEmpty {
                object[key] = value
            } else {
                var child = object.removeValue(forKey: key) ?? .object([:])
                child.setValue(value, at: rest)
                object[key] = child
            }
            self = .object(object)
        case .row(let id):
            guard var rows = array, let index = rows.firstIndex(where: { $0.rowID == id }) else { return }
            self = .null
            var child = rows[index]
            rows[index] = .null
            child.setValue(value, at: rest)
            rows[index] = child
            self = .array(rows)
        }
    }
}

/// A row of a list: its id, which never changes, and its cells by column id.
public struct RecordRow: Equatable, Sendable, Identifiable {
    public var id: String
    public var cells: [String: JSONValue]

    public init(id: String = Identifier.make(), cells: [String: JSONValue] = [:]) {
        self.id = id
        self.cells = cells
    }

    public var json: JSONValue {
        var object = cells
        object["id"] = .string(id)
        return .object(object)
    }

    /// A cell's text: a text, or a date as typed.
    public func text(_ column: String) -> String {
        cells[column].map(recordText) ?? ""
    }
}

/// A row of a list that another field points at: the row's id and a copy of its name, so that the record
/// still reads when the row is renamed or removed; or, with no id, a name typed in.
public struct RecordReference: Equatable, Sendable {
    public var id: String?
    public var name: String

    public init(id: String?, name: String) {
        self.id = id
        self.name = name
    }

    public init?(_ json: JSONValue) {
        if let name = json.string {
            self.init(id: nil, name: name)
            return
        }
        guard let object = json.object else { return nil }
        self.init(id: object["id"]?.string, name: object["name"]?.string ?? "")
    }

    public var json: JSONValue {
        var object: [String: JSONValue] = ["name": .string(name)]
        if let id { object["id"] = .string(id) }
        return .object(object)
    }
}

/// The text of a simple value: a text, a date (valid or as typed), or a choice's id; a number or a flag (a hand
/// edit) as the file holds it.
func recordText(_ value: JSONValue) -> String {
    if let text = value.string { return text }
    if let entry = DateEntry(value) { return entry.text }
    if let reference = RecordReference(value) { return reference.name }
    return value.cellText
}

extension Session {
    /// The records value at a path that starts with a worksheet id.
    public func record(at path: [RecordKey]) -> JSONValue? {
        guard case .key(let worksheet)? = path.first else { return nil }
        return records[worksheet]?.value(at: path.dropFirst())
    }

    /// Sets or removes the value at a path that starts with a worksheet id.
    public mutating func setRecord(_ value: JSONValue?, at path: [RecordKey]) {
        guard case .key(let worksheet)? = path.first else { return }
        var sheet = records.removeValue(forKey: worksheet) ?? .object([:])
        sheet.setValue(value, at: path.dropFirst())
        if sheet.object?.isEmpty == false || sheet.array != nil { records[worksheet] = sheet }
    }

    /// The rows of a list: as stored, or the list's defaults while it has never been changed. A stored default row
    /// (the guide's ground rules) has the guide's text in each cell it stores none of.
    ///
    /// Every object of a stored list is a row. One without a text `id` (a hand edit, another tool), or with the id
    /// of a row before it, is read with an id derived from the session and its place, the same at every reading,
    /// so that it shows, is edited and is deleted on its own; `identifyRows(in:)` stores those ids. Items that are
    /// not objects are no rows: `setRows` keeps them.
    public func rows(of address: FieldAddress, in guide: Guide) -> [RecordRow] {
        let defaults = guide.field(at: address)?.defaultRows ?? []
        if let stored = storedList(address) {
            var seen = Set<String>(minimumCapacity: stored.count)
            return stored.enumerated().compactMap { index, item in
                guard var cells = item.object else { return nil }
                if let own = cells.removeValue(forKey: "id")?.string, seen.insert(own).inserted {
                    guard let defaultRow = defaults.first(where: { $0.id == own }) else {
                        return RecordRow(id: own, cells: cells)
                    }
                    return RecordRow(id: own, cells: cells.merging(defaultRow.cells.mapValues(JSONValue.string)) {
                        stored, _ in stored
                    })
                }
                var attempt = 0
                while true {
                    let id = Identifier.derived(from: "row\n\(participantID)\n\(address)\n\(index)\n\(attempt)")
                    if seen.insert(id).inserted { return RecordRow(id: id, cells: cells) }
                    attempt += 1
                }
            }
        }
        return defaults.map { row in RecordRow(id: row.id, cells: row.cells.mapValues(JSONValue.string)) }
    }

    /// A list's items as stored, rows or not; nil while it has its defaults.
    func storedList(_ address: FieldAddress) -> [JSONValue]? {
        records[address.worksheet]?.value(at: [.key(address.field)])?.array
    }

    /// The rows of a list as stored (none while it has its defaults), each an object with an `id`.
    func storedRows(of address: FieldAddress) -> [[String: JSONValue]] {
        storedList(address)?.compactMap(\.object) ?? []
    }

    /// How many rows a list has, without reading them.
    public func rowCount(of address: FieldAddress, in guide: Guide) -> Int {
        storedList(address).map { items in items.count { $0.object != nil } }
            ?? (guide.field(at: address)?.defaultRows.count ?? 0)
    }

    /// Removes a row of a list and the values that grids over the list keep for it (a deleted organisation's
    /// commitment); references to it keep their copy of its name.
    public mutating func removeRow(_ id: String, of address: FieldAddress, in guide: Guide) {
        setRows(rows(of: address, in: guide).filter { $0.id != id }, of: address, in: guide)
        for worksheet in guide.worksheets {
            for field in worksheet.fields {
                guard case .grid(.rowsOf(address), _) = field.kind else { continue }
                setRecord(nil, at: [.key(worksheet.id), .key(field.id), .key(id)])
            }
        }
    }

    /// How many references in the records point at the row with this id (a convener, action owners).
    public func referenceCount(to rowID: String) -> Int {
        func count(in value: JSONValue) -> Int {
            switch value {
            case .object(let object):
                let isReference = object.count == 2 && object["id"]?.string == rowID && object["name"] != nil
                return (isReference ? 1 : 0) + object.values.reduce(0) { $0 + count(in: $1) }
            case .array(let values):
                return values.reduce(0) { $0 + count(in: $1) }
            default:
                return 0
            }
        }
        return records.values.reduce(0) { $0 + count(in: $1) }
    }

    /// Stores a list's rows, after the stored items that are no rows (kept as they were read).
    public mutating func setRows(_ rows: [RecordRow], of address: FieldAddress) {
        let kept = storedList(address)?.filter { $0.object == nil } ?? []
        setRecord(.array(rows.map(\.json) + kept), at: [.key(address.worksheet), .key(address.field)])
    }

    /// Stores a list's rows as `setRows(_:of:)` does, but a default row's cells that hold the guide's text by the
    /// row's id alone: an unedited ground rule stores no text, so that it shows in each reader's language.
    public mutating func setRows(_ rows: [RecordRow], of address: FieldAddress, in guide: Guide) {
        let defaults = guide.field(at: address)?.defaultRows ?? []
        guard !defaults.isEmpty else { return setRows(rows, of: address) }
        setRows(rows.map { row in
            guard let defaultRow = defaults.first(where: { $0.id == row.id }) else { return row }
            return RecordRow(id: row.id, cells: row.cells.filter { column, value in
                defaultRow.cells[column].map { value != .string($0) } ?? true
            })
        }, of: address)
    }

    /// Stores the ids that `rows(of:in:)` gives the rows of the guide's lists that have none of their own, or
    /// share one with a row before them, so that each can be changed by its id.
    public mutating func identifyRows(in guide: Guide) {
        for worksheet in guide.worksheets {
            for field in worksheet.fields {
                guard case .rows = field.kind else { continue }
                let address = FieldAddress(worksheet: worksheet.id, field: field.id)
                let stored = storedRows(of: address)
                let ids = Set(stored.compactMap { $0["id"]?.string })
                if ids.count < stored.count { setRows(rows(of: address, in: guide), of: address, in: guide) }
            }
        }
    }

    /// Stores a list's defaults before its first change (by their ids), so that a cell of a default row can be set.
    public mutating func storeDefaultRows(of address: FieldAddress, in guide: Guide) {
        guard records[address.worksheet]?.value(at: [.key(address.field)])?.array == nil else { return }
        setRows(rows(of: address, in: guide), of: address, in: guide)
    }

    /// The name of a row of a list: the text of the list's name column.
    public func rowName(_ row: RecordRow, of address: FieldAddress, in guide: Guide) -> String {
        guard case .rows(_, _, let nameColumn?)? = guide.field(at: address)?.kind else { return "" }
        return row.text(nameColumn)
    }

    /// A reference's name as it reads now: the row's current name while the row exists, else the copy.
    ///
    /// Looks the row up in the stored list as it is, without reading every row: an action plan's owners are
    /// looked up in a register of a thousand organisations on every frame.
    public func name(of reference: RecordReference, to address: FieldAddress, in guide: Guide) -> String {
        guard let id = reference.id, let nameColumn = guide.field(at: address)?.nameColumn,
            let row = records[address.worksheet]?.value(at: [.key(address.field)])?.array?.lazy
                .compactMap(\.object).first(where: { $0["id"]?.string == id }),
            let name = row[nameColumn]?.string, !name.isBlank
        else { return reference.name }
        return name
    }

    /// Whether the session holds any record at all.
    public var hasRecords: Bool {
        records.values.contains { $0.object?.isEmpty == false || $0.array?.isEmpty == false }
    }
}

/// A date as the user typed it: a real calendar date, or text that is not one yet (`2027-02-30`), which
/// is kept as typed, never stored as a date, until it is fixed.
public enum DateEntry: Equatable, Sendable {
    case date(CalendarDate)
    case invalid(String)

    /// What was typed; nil when nothing was.
    public init?(typed text: String) {
        let trimmed = text.trimmed
        if trimmed.isEmpty { return nil }
        self = CalendarDate(parsing: trimmed).map(DateEntry.date) ?? .invalid(text)
    }

    /// A date is stored as `"2027-03-15"`, text that is not a date as `{"typed": "2027-02-30"}`. Either is read
    /// as typed text, so that a file that holds text that is no date as a plain string (or a date as typed) shows
    /// it as it is: never as a date unless it is one, never as nothing.
    public init?(_ json: JSONValue) {
        guard let text = json.string ?? json.object?["typed"]?.string else { return nil }
        self.init(typed: text)
    }

    public var json: JSONValue {
        switch self {
        case .date(let date): .string(date.description)
        case .invalid(let typed): .object(["typed": .string(typed)])
        }
    }

    public var text: String {
        switch self {
        case .date(let date): date.description
        case .invalid(let typed): typed
        }
    }

    public var date: CalendarDate? {
        if case .date(let date) = self { return date }
        return nil
    }

    /// Why the text is not a date, in a sentence; nil for a date.
    public var problem: Message? {
        guard case .invalid(let typed) = self else { return nil }
        return CalendarDate.problem(with: typed.trimmed)
    }
}

/// A day of the Gregorian calendar, without a time or a time zone.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads exactly `YYYY-MM-DD`.
    public init?(parsing text: String) {
        guard let parts = Self.parts(of: text) else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(width - digits.count, 0)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The months' names, January first.
    private static let monthNames: [MessageID] = [
        .monthJanuary, .monthFebruary, .monthMarch, .monthApril, .monthMay, .monthJune, .monthJuly, .monthAugust,
        .monthSeptember, .monthOctober, .monthNovember, .monthDecember,
    ]

    private static func parts(of text: String) -> (year: Int, month: Int, day: Int)? {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].count == 4, pieces[1].count == 2, pieces[2].count == 2,
            pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(pieces[0]), let month = Int(pieces[1]), let day = Int(pieces[2])
        else { return nil }
        return (year, month, day)
    }

    /// Why text is not a date, in a sentence.
    static func problem(with text: String) -> Message {
        guard let parts = parts(of: text) else { return Message(.dateFormat) }
        guard (1...12).contains(parts.month) else { return Message(.dateNoMonth, ["month": .integer(parts.month)]) }
        guard parts.year >= 1 else { return Message(.dateNoYearZero) }
        return Message(.dateNoDay, [
            "date": .text(text), "month": .message(Message(monthNames[parts.month - 1])), "year": .integer(parts.year),
            "count": .integer(days(inMonth: parts.month, year: parts.year)),
        ])
    }
}

extension String {
    /// The text without white space at either end.
    public var trimmed: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
