import Messages

/// The records that flags, reports, merges and comparisons read by their field ids (see `BuiltInWorksheets.swift`):
/// the stakeholder register, the convening plan, the ground rules, the action plan, the mediator and the partners'
/// contributions.
///
/// Every field is looked up in the guide first, so that a guide without one of them (or with a column of another
/// kind) has none of it, and gives no flag about it, rather than reading a stray value from the file.
public struct PartnershipRecords: Sendable {
    public static let register = FieldAddress(worksheet: "s2", field: "register")
    public static let convener = FieldAddress(worksheet: "s4", field: "convener")
    public static let acceptance = FieldAddress(worksheet: "s4", field: "acceptance")
    public static let stakeholderAcceptance = FieldAddress(worksheet: "s4", field: "stakeholderAcceptance")
    public static let mediator = FieldAddress(worksheet: "s6", field: "mediator")
    public static let contributions = FieldAddress(worksheet: "s6", field: "contributions")
    public static let groundRules = FieldAddress(worksheet: "s6", field: "groundRules")
    public static let actions = FieldAddress(worksheet: "s6", field: "actions")
    /// The three sectors the guide brings together, by the ids of their choices.
    public static let threeSectors = [Sector.government, .business, .civilSociety].map(\.rawValue)

    public let guide: Guide
    public let session: Session
    /// The current names of the rows references point at.
    public let rowNames: RowNames

    public init(guide: Guide, session: Session) {
        self.guide = guide
        self.session = session
        rowNames = RowNames(guide: guide, session: session)
    }

    /// An organisation of the stakeholder register.
    public struct Organisation: Sendable, Equatable {
        public var row: RecordRow
        public var name: String
        /// The id of its sector's choice, nil when none is chosen.
        public var sector: String?
        /// The id of its readiness to collaborate, nil when none is chosen.
        public var readiness: String?
        /// The self-assessment a merge took it from, if any.
        public var from: MergedFrom?
    }

    /// An action of the action plan, numbered by its place in the plan.
    public struct PlannedAction: Sendable, Equatable {
        public var number: Int
        public var row: RecordRow
        public var text: String
        /// The owner organisation's name as it reads now: the register row's while it exists, else the copy;
        /// empty when there is none.
        public var ownerOrganisation: String
        public var ownerPerson: String
        /// The due date: a date, text that is not one, or nil when nothing was typed.
        public var due: DateEntry?
        /// The id of its status, nil when none is chosen.
        public var status: String?
        public var from: MergedFrom?

        /// Whether an organisation or a person owns it.
        public var hasOwner: Bool { !ownerOrganisation.isBlank || !ownerPerson.isBlank }

        /// Past its due date and neither done nor dropped. An action due today is not overdue, and one without a
        /// real date never is.
        public func isOverdue(today: CalendarDate) -> Bool {
            guard let date = due?.date, status != "done", status != "dropped" else { return false }
            return date < today
        }

        /// "Action 2, “Survey the wells”," as a flag names it; "Action 2 (no text yet)" without text.
        var named: Message {
            text.isBlank ? Message(.flagActionUnnamed, ["number": .integer(number)])
                : Message(.flagActionNamed, ["number": .integer(number), "text": .text(text.excerpt(limit: 60))])
        }
    }

    /// A ground rule, agreed or not.
    public struct GroundRule: Sendable, Equatable {
        public var row: RecordRow
        public var text: String
        public var agreed: Bool
    }

    // MARK: Reading

    /// The list of rows at an address, when the guide has one there.
    func listField(_ address: FieldAddress) -> RecordField? {
        guard let field = guide.field(at: address), case .rows = field.kind else { return nil }
        return field
    }

    /// A column of the list at an address, when the guide has it with the expected kind.
    func column(_ id: String, of address: FieldAddress, _ matches: (RecordField.Kind) -> Bool) -> RecordField? {
        guard let column = listField(address)?.column(id), matches(column.kind) else { return nil }
        return column
    }

    /// The organisations of the register, in its order; nil when the guide has no register.
    public var register: [Organisation]? {
        guard listField(Self.register) != nil else { return nil }
        let sector = column("sector", of: Self.register, \.isChoice)
        let readiness = column("readiness", of: Self.register, \.isChoice)
        return session.rows(of: Self.register, in: guide).map { row in
            Organisation(row: row, name: session.rowName(row, of: Self.register, in: guide),
                         sector: sector.flatMap { row.cells[$0.id]?.string },
                         readiness: readiness.flatMap { row.cells[$0.id]?.string }, from: MergedFrom(row))
        }
    }

    /// The actions of the plan, numbered from 1; nil when the guide has no action plan.
    public var actions: [PlannedAction]? {
        guard listField(Self.actions) != nil else { return nil }
        let text = column("action", of: Self.actions) { _ in true }
        let owner = column("ownerOrganisation", of: Self.actions, \.isReference)
        let person = column("ownerPerson", of: Self.actions) { _ in true }
        let due = column("due", of: Self.actions) { $0 == .date }
        let status = column("status", of: Self.actions, \.isChoice)
        return session.rows(of: Self.actions, in: guide).enumerated().map { index, row in
            var ownerName = ""
            if let owner, case .reference(let address) = owner.kind,
                let reference = row.cells[owner.id].flatMap(RecordReference.init)
            {
                ownerName = rowNames.name(of: reference, to: address)
            }
            return PlannedAction(
                number: index + 1, row: row, text: text.map { row.text($0.id) } ?? "", ownerOrganisation: ownerName,
                ownerPerson: person.map { row.text($0.id) } ?? "",
                due: due.flatMap { row.cells[$0.id] }.flatMap(DateEntry.init),
                status: status.flatMap { row.cells[$0.id]?.string }, from: MergedFrom(row))
        }
    }

    /// The ground rules (the guide's defaults while the list was never changed); nil when the guide has none.
    public var groundRules: [GroundRule]? {
        guard listField(Self.groundRules) != nil else { return nil }
        let agreed = column("agreed", of: Self.groundRules, \.isChoice)
        return session.rows(of: Self.groundRules, in: guide).map { row in
            GroundRule(row: row, text: session.rowName(row, of: Self.groundRules, in: guide),
                       agreed: agreed.flatMap { row.cells[$0.id]?.string } == "agreed")
        }
    }

    /// The convener's name as it reads now, nil when the guide has no convener or none is named.
    public var convenerName: String? {
        referenceName(at: Self.convener)
    }

    /// The name a reference field's value reads as now, nil when the guide has no such field or none is named.
    func referenceName(at field: FieldAddress) -> String? {
        guard case .reference(let address)? = guide.field(at: field)?.kind,
            let reference = session.record(at: field.path).flatMap(RecordReference.init)
        else { return nil }
        let name = rowNames.name(of: reference, to: address)
        return name.isBlank ? nil : name
    }

    /// Each sector of the acceptance grid with the id of its answer (nil while unanswered); empty when the guide
    /// has no such grid. A row beyond the three sectors (the donor) left unanswered is there only while the register
    /// has an organisation of that sector: a partnership without a donor is not asked about one.
    public var acceptance: [(sector: Choice, answer: String?)] {
        guard case .grid(.fixed(let sectors), .choice)? = guide.field(at: Self.acceptance)?.kind else { return [] }
        let registered = Set(register?.compactMap(\.sector) ?? [])
        return sectors.compactMap { sector in
            let answer = session.record(at: Self.acceptance.path + [.key(sector.id)])?.string
            guard answer != nil || Self.threeSectors.contains(sector.id) || registered.contains(sector.id)
            else { return nil }
            return (sector, answer)
        }
    }

    /// Each major stakeholder listed as asked about the convener, by its name as it reads now, with the id of its
    /// answer (nil while unanswered); rows naming nobody are left out, and all when the guide has no such list.
    public var stakeholderAcceptance: [(stakeholder: String, answer: String?)] {
        guard case .reference(let address)? = column("stakeholder", of: Self.stakeholderAcceptance, \.isReference)?
            .kind,
            column("accepts", of: Self.stakeholderAcceptance, \.isChoice) != nil
        else { return [] }
        return session.rows(of: Self.stakeholderAcceptance, in: guide).compactMap { row in
            guard let reference = row.cells["stakeholder"].flatMap(RecordReference.init) else { return nil }
            let name = rowNames.name(of: reference, to: address)
            return name.isBlank ? nil : (name, row.cells["accepts"]?.string)
        }
    }

    /// The mediator's name as it reads now, nil when the guide has no mediator or none is named.
    public var mediatorName: String? {
        referenceName(at: Self.mediator)
    }

    /// Whether a partner's contribution is recorded: a row of the contributions naming a partner or a contribution;
    /// nil when the guide has no such list.
    public var hasContribution: Bool? {
        guard listField(Self.contributions) != nil else { return nil }
        return session.rows(of: Self.contributions, in: guide).contains { $0.json.holdsContent }
    }

    /// The label of a choice of a list's column, the id itself when the guide has no such choice, nil for none.
    func label(_ id: String?, column columnID: String, of address: FieldAddress) -> String? {
        guard let id else { return nil }
        return listField(address)?.column(columnID)?.kind.choices.first { $0.id == id }?.label ?? id
    }

    /// The number of the step whose worksheet holds a field, counted from 1.
    func stepNumber(of address: FieldAddress) -> Int? {
        guide.steps.firstIndex { $0.worksheet?.id == address.worksheet }.map { $0 + 1 }
    }
}

/// The name of each row of every list that names its rows, read once, so that a plan of hundreds of actions
/// pointing into a register of a thousand organisations does not read the register for each of them.
public struct RowNames: Sendable {
    private let names: [FieldAddress: [String: String]]

    public init(guide: Guide, session: Session) {
        var names: [FieldAddress: [String: String]] = [:]
        for worksheet in guide.worksheets {
            for field in worksheet.fields {
                guard case .rows(_, _, let nameColumn?) = field.kind else { continue }
                let address = FieldAddress(worksheet: worksheet.id, field: field.id)
                names[address] = Dictionary(session.rows(of: address, in: guide).map { ($0.id, $0.text(nameColumn)) },
                                            uniquingKeysWith: { first, _ in first })
            }
        }
        self.names = names
    }

    /// A reference's name as it reads now, as `Session.name(of:to:in:)` reads it: the row's current name while the
    /// row exists and has one, else the copy kept with the reference.
    public func name(of reference: RecordReference, to address: FieldAddress) -> String {
        guard let id = reference.id, let name = names[address]?[id], !name.isBlank else { return reference.name }
        return name
    }
}

/// The self-assessment a merged row came from: the participant it became and its organisation, kept in the row's
/// `from` cell.
public struct MergedFrom: Sendable, Equatable, Codable {
    public var participantID: String
    public var organisation: String

    public init(participantID: String, organisation: String) {
        self.participantID = participantID
        self.organisation = organisation
    }

    /// The cell a merge adds to each row it takes from a self-assessment.
    static let cell = "from"

    init?(_ row: RecordRow) {
        guard let object = row.cells[Self.cell]?.object, let id = object["participantID"]?.string else { return nil }
        self.init(participantID: id, organisation: object["organisation"]?.string ?? "")
    }

    var json: JSONValue {
        .object(["participantID": .string(participantID), "organisation": .string(organisation)])
    }
}

extension FieldAddress {
    /// The path of the field's value in the session's records.
    public var path: [RecordKey] { [.key(worksheet), .key(field)] }
}

extension RecordField.Kind {
    var isChoice: Bool {
        if case .choice = self { return true }
        return false
    }

    var isReference: Bool {
        if case .reference = self { return true }
        return false
    }
}

extension JSONValue {
    /// Whether anything was typed or chosen in the value: text that is not blank, a number, a flag, or a list or
    /// object holding any of those. Empty objects and rows with nothing in them hold nothing.
    public var holdsContent: Bool {
        switch self {
        case .null: false
        case .bool, .number, .integer: true
        case .string(let text): !text.isBlank
        case .array(let items): items.contains(where: \.holdsContent)
        case .object(let fields): fields.contains { $0.key != "id" && $0.value.holdsContent }
        }
    }
}
