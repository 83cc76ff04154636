import Messages

/// A step's worksheet: what the partners write down in it (a register, a plan), as fields.
///
/// Worksheets are data in the guide, so an edited or translated guide changes their labels and choices;
/// what is typed into them is kept in the session's records under the worksheet's id, by field id, and
/// choices are stored by their ids, never their labels.
public struct Worksheet: Codable, Sendable, Equatable {
    /// The key of the worksheet's values in the session's records.
    public var id: String
    public var title: String
    /// A line or two on what to write down, shown above the fields.
    public var intro: String?
    public var fields: [RecordField]

    public init(id: String, title: String, intro: String? = nil, fields: [RecordField]) {
        self.id = id
        self.title = title
        self.intro = intro
        self.fields = fields
    }

    public func field(_ id: String) -> RecordField? {
        fields.first { $0.id == id }
    }
}

/// One of a fixed set of answers: its id is stored, its label shown.
public struct Choice: Codable, Sendable, Equatable {
    public var id: String
    public var label: String

    public init(_ id: String, _ label: String) {
        self.id = id
        self.label = label
    }
}

/// An item of a checklist, in a group such as "Government strengths".
public struct ChecklistItem: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var group: String

    public init(_ id: String, _ label: String, group: String) {
        self.id = id
        self.label = label
        self.group = group
    }
}

/// A row a list starts with until it is first changed (the guide's ground rules), its cells by column id.
public struct DefaultRow: Codable, Sendable, Equatable {
    public var id: String
    public var cells: [String: String]

    public init(id: String, cells: [String: String]) {
        self.id = id
        self.cells = cells
    }
}

/// Where a list of rows lives: `s2.register` is the field `register` of the worksheet `s2`.
public struct FieldAddress: Codable, Sendable, Hashable, CustomStringConvertible {
    public var worksheet: String
    public var field: String

    public init(worksheet: String, field: String) {
        self.worksheet = worksheet
        self.field = field
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "Should name a list as WORKSHEET.FIELD, such as \"s2.register\"."))
        }
        self.init(worksheet: parts[0], field: parts[1])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String { "\(worksheet).\(field)" }
}

/// A field of a worksheet, or a column of a list of rows.
public struct RecordField: Sendable, Equatable {
    public var id: String
    public var label: String
    /// Help in a line, shown under the label while the field is focused.
    public var hint: String?
    public var kind: Kind

    public init(_ id: String, _ label: String, hint: String? = nil, _ kind: Kind) {
        self.id = id
        self.label = label
        self.hint = hint
        self.kind = kind
    }

    public indirect enum Kind: Sendable, Equatable {
        /// A line of text.
        case text
        /// Paragraphs of text.
        case longText
        case choice([Choice])
        /// A calendar date, typed as YYYY-MM-DD.
        case date
        /// One value (text or a choice) for each of some rows: fixed ones such as the sectors, or one for each
        /// row of a list elsewhere (each organisation of the register).
        case grid(rows: GridRows, cell: Kind)
        /// Items each marked with one of `marks`, and a note.
        case checklist(items: [ChecklistItem], marks: [Choice])
        /// A table of rows, each with an id; `nameColumn` names a row where another field refers to it.
        case rows(columns: [RecordField], defaults: [DefaultRow], nameColumn: String?)
        /// A row of a list elsewhere (its id and a copy of its name), or a name typed in.
        case reference(to: FieldAddress)

        /// The name of the kind in a guide file.
        public var typeName: String {
            switch self {
            case .text: "text"
            case .longText: "long-text"
            case .choice: "choice"
            case .date: "date"
            case .grid: "grid"
            case .checklist: "checklist"
            case .rows: "rows"
            case .reference: "reference"
            }
        }

        static let typeNames = ["text", "long-text", "choice", "date", "grid", "checklist", "rows", "reference"]

        /// The choices of a choice, else none.
        public var choices: [Choice] {
            if case .choice(let choices) = self { return choices }
            return []
        }
    }

    /// The rows of a grid: fixed, or those of a list.
    public enum GridRows: Sendable, Equatable {
        case fixed([Choice])
        case rowsOf(FieldAddress)
    }

    /// The columns of a list of rows, else none.
    public var columns: [RecordField] {
        if case .rows(let columns, _, _) = kind { return columns }
        return []
    }

    public func column(_ id: String) -> RecordField? {
        columns.first { $0.id == id }
    }

    /// The column that names the rows of a list, else nil.
    public var nameColumn: String? {
        if case .rows(_, _, let nameColumn) = kind { return nameColumn }
        return nil
    }

    /// The rows a list starts with, else none.
    public var defaultRows: [DefaultRow] {
        if case .rows(_, let defaults, _) = kind { return defaults }
        return []
    }
}

extension RecordField: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, label, hint, type, choices, rows, rowsOf, cell, items, marks, columns, defaults, nameColumn, to
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        label = try container.decode(String.self, forKey: .label)
        hint = try container.decodeIfPresent(String.self, forKey: .hint)
        kind = try Self.decodeKind(container)
    }

    /// A kind from the `type` key and the keys that kind uses; a grid's `cell` is a kind without id or label.
    private static func decodeKind(_ container: KeyedDecodingContainer<CodingKeys>) throws -> Kind {
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "text": return .text
        case "long-text": return .longText
        case "date": return .date
        case "choice": return .choice(try container.decode([Choice].self, forKey: .choices))
        case "grid":
            let rows: GridRows =
                if let address = try container.decodeIfPresent(FieldAddress.self, forKey: .rowsOf) {
                    .rowsOf(address)
                } else {
                    .fixed(try container.decode([Choice].self, forKey: .rows))
                }
            return .grid(rows: rows, cell: try decodeKind(container.nestedContainer(keyedBy: CodingKeys.self,
                                                                                    forKey: .cell)))
        case "checklist":
            return .checklist(items: try container.decode([ChecklistItem].self, forKey: .items),
                              marks: try container.decode([Choice].self, forKey: .marks))
        case "rows":
            return .rows(columns: try container.decode([RecordField].self, forKey: .columns),
                         defaults: try container.decodeIfPresent([DefaultRow].self, forKey: .defaults) ?? [],
                         nameColumn: try container.decodeIfPresent(String.self, forKey: .nameColumn))
        case "reference":
            return .reference(to: try container.decode(FieldAddress.self, forKey: .to))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "Names an unknown field type \"\(type.excerpt(limit: 30))\"; the types are "
                    + Kind.typeNames.joined(separator: ", ") + ".")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(label, forKey: .label)
        try container.encodeIfPresent(hint, forKey: .hint)
        try Self.encode(kind, into: &container)
    }

    private static func encode(_ kind: Kind, into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encode(kind.typeName, forKey: .type)
        switch kind {
        case .text, .longText, .date: break
        case .choice(let choices): try container.encode(choices, forKey: .choices)
        case .grid(let rows, let cell):
            switch rows {
            case .fixed(let choices): try container.encode(choices, forKey: .rows)
            case .rowsOf(let address): try container.encode(address, forKey: .rowsOf)
            }
            var cellContainer = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .cell)
            try encode(cell, into: &cellContainer)
        case .checklist(let items, let marks):
            try container.encode(items, forKey: .items)
            try container.encode(marks, forKey: .marks)
        case .rows(let columns, let defaults, let nameColumn):
            try container.encode(columns, forKey: .columns)
            if !defaults.isEmpty { try container.encode(defaults, forKey: .defaults) }
            try container.encodeIfPresent(nameColumn, forKey: .nameColumn)
        case .reference(let address):
            try container.encode(address, forKey: .to)
        }
    }
}

extension Guide {
    /// The worksheets of the guide's steps, in step order.
    public var worksheets: [Worksheet] { steps.compactMap(\.worksheet) }

    /// The worksheet with this id.
    public func worksheet(_ id: String) -> Worksheet? {
        steps.lazy.compactMap(\.worksheet).first { $0.id == id }
    }

    /// The field a list address names.
    public func field(at address: FieldAddress) -> RecordField? {
        worksheet(address.worksheet)?.field(address.field)
    }

    /// The first thing wrong with the worksheets, naming its place, or nil when they are sound: ids unique,
    /// choices given, lists of rows holding only simple columns, references pointing at a list that names
    /// its rows.
    func worksheetProblem() -> Message? {
        var worksheetIDs: Set<String> = []
        let places = phases.enumerated().flatMap { phase in
            phase.element.steps.indices.map { "phases[\(phase.offset)].steps[\($0)]" }
        }
        for (step, stepPlace) in zip(steps, places) {
            guard let worksheet = step.worksheet else { continue }
            let place = "\(stepPlace).worksheet"
            if worksheet.id.isBlank { return .problem(.fileProblemEmpty, at: "\(place).id") }
            if !worksheetIDs.insert(worksheet.id).inserted {
                return .problem(.fileProblemUsedTwice, at: "\(place).id", ["value": .text(worksheet.id.excerpt())])
            }
            if let problem = fieldsProblem(worksheet.fields, place: "\(place).fields", allowLists: true) {
                return problem
            }
        }
        return nil
    }

    /// The fields of a worksheet (`allowLists`) or the columns of a list: a column may not take the name of a
    /// cell every row may hold, its id and the self-assessment a merge took it from.
    private func fieldsProblem(_ fields: [RecordField], place: String, allowLists: Bool) -> Message? {
        var ids: Set<String> = []
        for (index, field) in fields.enumerated() {
            let fieldPlace = "\(place)[\(index)]"
            if field.id.isBlank || field.id == "id" {
                return .problem(.guideProblemIdReserved, at: "\(fieldPlace).id")
            }
            if !allowLists && field.id == MergedFrom.cell {
                return .problem(.guideProblemIdReservedInList, at: "\(fieldPlace).id",
                                ["mergedFrom": .text(MergedFrom.cell)])
            }
            if !ids.insert(field.id).inserted {
                return .problem(.fileProblemUsedTwice, at: "\(fieldPlace).id", ["value": .text(field.id.excerpt())])
            }
            if field.label.isBlank { return .problem(.fileProblemEmpty, at: "\(fieldPlace).label") }
            if let problem = kindProblem(field.kind, place: fieldPlace, allowLists: allowLists) { return problem }
        }
        return nil
    }

    private func kindProblem(_ kind: RecordField.Kind, place: String, allowLists: Bool) -> Message? {
        switch kind {
        case .text, .longText, .date:
            return nil
        case .choice(let choices):
            return choicesProblem(choices, place: "\(place).choices")
        case .grid(let rows, let cell):
            switch cell {
            case .text, .longText, .choice: break
            default: return .problem(.guideProblemGridCell, at: "\(place).cell")
            }
            if case .fixed(let choices) = rows, let problem = choicesProblem(choices, place: "\(place).rows") {
                return problem
            }
            if case .rowsOf(let address) = rows, let problem = listProblem(address, place: "\(place).rowsOf") {
                return problem
            }
            return kindProblem(cell, place: "\(place).cell", allowLists: false)
        case .checklist(let items, let marks):
            if items.isEmpty { return .problem(.fileProblemEmpty, at: "\(place).items") }
            if Set(items.map(\.id)).count != items.count {
                return .problem(.guideProblemIdTwice, at: "\(place).items")
            }
            return choicesProblem(marks, place: "\(place).marks")
        case .rows(let columns, let defaults, let nameColumn):
            guard allowLists else { return .problem(.guideProblemListInList, at: place) }
            if columns.isEmpty { return .problem(.fileProblemEmpty, at: "\(place).columns") }
            for (index, column) in columns.enumerated() {
                switch column.kind {
                case .text, .longText, .choice, .date, .reference: break
                default: return .problem(.guideProblemColumnKind, at: "\(place).columns[\(index)]")
                }
            }
            if let nameColumn, !columns.contains(where: { $0.id == nameColumn }) {
                return .problem(.guideProblemNameColumnMissing, at: "\(place).nameColumn",
                                ["column": .text(nameColumn.excerpt())])
            }
            if Set(defaults.map(\.id)).count != defaults.count {
                return .problem(.guideProblemIdTwice, at: "\(place).defaults")
            }
            return fieldsProblem(columns, place: "\(place).columns", allowLists: false)
        case .reference(let address):
            return listProblem(address, place: "\(place).to")
        }
    }

    private func choicesProblem(_ choices: [Choice], place: String) -> Message? {
        if choices.isEmpty { return .problem(.fileProblemEmpty, at: place) }
        if Set(choices.map(\.id)).count != choices.count { return .problem(.guideProblemIdTwice, at: place) }
        if choices.contains(where: { $0.id.isBlank || $0.label.isBlank }) {
            return .problem(.guideProblemEmptyChoice, at: place)
        }
        return nil
    }

    /// A reference or a grid must name a list of rows that says which column names its rows.
    private func listProblem(_ address: FieldAddress, place: String) -> Message? {
        let named: [String: MessageArgument] = ["address": .text(address.description.excerpt())]
        guard case .rows(_, _, let nameColumn)? = field(at: address)?.kind else {
            return .problem(.guideProblemNotList, at: place, named)
        }
        return nameColumn == nil ? .problem(.guideProblemNoNameColumn, at: place, named) : nil
    }
}
