import Messages

/// The partnership's records as parts of a report, built once for the summary and the meeting record: the flags
/// to discuss, a section for each worksheet with something in it, what merged self-assessments kept apart, and
/// records this version does not know; the same records as CSV tables and as JSON, in the reader's language.
///
/// The register is shown by sector, the ground rules with how many are agreed, the action plan as a table; the
/// other worksheets field by field, with the guide's labels. References read the row's current name (the copy
/// when the row is gone). A worksheet with nothing in it shows nothing.
struct RecordsReport {
    /// Where a merge keeps what a self-assessment wrote outside its lists, by participant id (see `Merge.swift`).
    static let partnersKey = "partners"

    let guide: Guide
    let session: Session
    let records: PartnershipRecords
    let flags: [RecordFlag]
    let language: Language

    init(guide: Guide, session: Session, today: CalendarDate, language: Language) {
        self.guide = guide
        self.session = session
        self.language = language
        records = PartnershipRecords(guide: guide, session: session)
        flags = records.flags(today: today)
    }

    /// The worksheets with something in them, in step order.
    var filledWorksheets: [Worksheet] {
        guide.worksheets.filter { worksheet in
            session.records[worksheet.id].map { $0.object != nil && $0.holdsContent } == true
        }
    }

    /// Records under names that are no worksheet of the guide (from another tool or guide), or under a worksheet's
    /// name but not as its fields (a hand edit), kept as they are.
    var otherRecordNames: [String] {
        session.records.keys.filter { name in
            guard name != Self.partnersKey, let value = session.records[name], value.holdsContent else { return false }
            return guide.worksheet(name) == nil || value.object == nil
        }.sorted()
    }

    /// What merged self-assessments wrote outside their lists, in the order of the participants they became.
    var partnerRecords: [PartnerRecords] {
        guard let kept = session.records[Self.partnersKey]?.object else { return [] }
        let order = session.participants.map(\.id)
        return kept.keys.sorted { (order.firstIndex(of: $0) ?? .max, $0) < (order.firstIndex(of: $1) ?? .max, $1) }
            .compactMap { id in
                kept[id].flatMap { PartnerRecords(participantID: id, json: $0, language: language) }
            }
            .filter { $0.records.values.contains(where: \.holdsContent) }
    }

    /// Whether the worksheets hold anything, or raise a flag: then the flags are listed, none or some.
    var hasWorksheetRecords: Bool {
        !flags.isEmpty || !filledWorksheets.isEmpty || !partnerRecords.isEmpty
    }

    /// Whether there is anything to show.
    var isEmpty: Bool {
        !hasWorksheetRecords && otherRecordNames.isEmpty
    }

    // MARK: Sections

    /// The flags in `language`, as a section beside the readiness flags; nothing while the worksheets are empty.
    func flagSections(in language: Language) -> [ReportSection] {
        guard hasWorksheetRecords else { return [] }
        let items = flags.map { ReportListItem(language.text($0.statement)) }
        return [ReportSection(id: "record-flags",
                              heading: language.text(.reportRecordsToDiscuss, ["count": .integer(flags.count)]),
                              blocks: items.isEmpty ? [] : [.list(ReportList(items))])]
    }

    /// The records as sections at `level`; with `complete` (the meeting record) every column of the register and
    /// the action plan and the records this version does not know in full, else a short view.
    func sections(level: Int, complete: Bool) -> [ReportSection] {
        var sections: [ReportSection] = []
        for worksheet in filledWorksheets {
            // The meeting record marks the flagged actions in its plan, as the hand-out does.
            sections.append(ReportSection(id: "worksheet-\(worksheet.id)", heading: worksheet.title, level: level,
                                          blocks: blocks(of: worksheet, in: session, complete: complete,
                                                         actionMarks: complete ? actionMarks : nil)))
        }
        for (index, partner) in partnerRecords.enumerated() {
            sections.append(ReportSection(id: "partner-records-\(index + 1)",
                                          heading: language.text(.reportRecordsKeptFrom,
                                                                 ["partner": .text(partner.describedName)]),
                                          level: level, blocks: blocks(of: partner, complete: complete)))
        }
        let others = otherRecordNames
        if !others.isEmpty {
            let blocks: [ReportBlock] = complete
                ? others.flatMap { name -> [ReportBlock] in
                    [.paragraph(name), .table(DocumentTable(name: otherTableName(name),
                                                            json: session.records[name] ?? .null))]
                }
                : [.paragraph(language.text(.reportRecordsOtherShown,
                                            ["names": .text(others.joined(separator: ", "))]))]
            sections.append(ReportSection(id: "other-records", heading: language.text(.reportRecordsOther),
                                          level: level, blocks: blocks))
        }
        return sections
    }

    /// What the flags say of each action, by its row id ("overdue", "no owner and no due date"), and the name of
    /// the action plan's column that says it: the same marks in the hand-out and the meeting record.
    var actionMarks: (column: String, marks: [String: String]) {
        var marks: [String: [String]] = [:]
        for flag in flags {
            guard let action = flag.actionID else { continue }
            switch flag.kind {
            case .actionOverdue:
                marks[action, default: []].append(language.text(.handoutActionOverdue))
            case .actionIncomplete:
                marks[action, default: []] += flag.missing.compactMap { missing in
                    switch missing {
                    case "owner": language.text(.handoutActionNoOwner)
                    case "due-date": language.text(.handoutActionNoDueDate)
                    default: nil
                    }
                }
            default:
                continue
            }
        }
        return (language.text(.handoutActionColumn), marks.mapValues { language.list($0) })
    }

    /// A worksheet's fields with something in them, as blocks; the ground rules whenever their worksheet shows.
    /// For a `partner`'s records, only the fields outside lists: a merge put its rows in the workshop's lists.
    private func blocks(of worksheet: Worksheet, in view: Session, complete: Bool, partner: Bool = false,
                        actionMarks: (column: String, marks: [String: String])? = nil) -> [ReportBlock]
    {
        worksheet.fields.flatMap { field -> [ReportBlock] in
            if case .rows = field.kind, partner { return [] }
            return blocks(of: field, at: FieldAddress(worksheet: worksheet.id, field: field.id), in: view,
                          complete: complete, partner: partner, actionMarks: actionMarks)
        }
    }

    /// The fields at `addresses` that hold something, as the short view shows them, in the order given: the parts
    /// of the records a hand-out picks, the convener's acceptance on one line. With `actionMarks`, the action plan
    /// has a column of that name with each action's mark (by row id).
    func blocks(of addresses: [FieldAddress], actionMarks: (column: String, marks: [String: String])? = nil)
        -> [ReportBlock]
    {
        addresses.flatMap { address -> [ReportBlock] in
            guard let field = guide.field(at: address) else { return [] }
            return blocks(of: field, at: address, in: session, complete: false, partner: false,
                          actionMarks: actionMarks, acceptanceOnOneLine: true)
        }
    }

    /// One field's blocks: the ground rules whenever their worksheet shows, the convener's acceptance once a
    /// convener is named (with `acceptanceOnOneLine`, the stakeholders' too, and only then), else the field by its
    /// kind when it holds something.
    private func blocks(of field: RecordField, at address: FieldAddress, in view: Session, complete: Bool,
                        partner: Bool, actionMarks: (column: String, marks: [String: String])? = nil,
                        acceptanceOnOneLine: Bool = false) -> [ReportBlock]
    {
        switch address {
        case PartnershipRecords.groundRules where records.listField(address) != nil:
            return groundRuleBlocks(field)
        case PartnershipRecords.acceptance where !partner && records.convenerName != nil:
            return acceptanceBlocks(field, onOneLine: acceptanceOnOneLine)
        case PartnershipRecords.stakeholderAcceptance where acceptanceOnOneLine:
            return records.convenerName == nil ? [] : stakeholderAcceptanceLine(field)
        case _ where view.record(at: address.path)?.holdsContent != true:
            return []
        case PartnershipRecords.register where records.listField(address) != nil:
            return registerBlocks(complete: complete)
        case PartnershipRecords.actions where records.listField(address) != nil:
            return actionBlocks(field, complete: complete, marks: actionMarks)
        default:
            return fieldBlocks(field, address: address, in: view)
        }
    }

    /// A field shown by its kind: a value after its label, a grid's or a checklist's values as a list, a list of
    /// rows as a list (one column) or a table.
    private func fieldBlocks(_ field: RecordField, address: FieldAddress, in view: Session) -> [ReportBlock] {
        let values = FieldValues(field: field, address: address, view: view, guide: guide, names: records.rowNames,
                                 language: language)
        switch field.kind {
        case .text, .longText, .choice, .date, .reference:
            return values.items.first.map { [.paragraph(labelled(field.label, $0.value))] } ?? []
        case .grid:
            let items = values.items.map { ReportListItem(labelled($0.item, $0.value.onOneLine)) }
            return [.paragraph(field.label), .list(ReportList(items))]
        case .checklist(_, let marks):
            // The guide's marks in order, then marks it does not know (kept by their ids), then items only noted.
            var shown = marks.map(\.label)
            for item in values.items where !item.value.isEmpty && !shown.contains(item.value) {
                shown.append(item.value)
            }
            let groups = (shown + [""]).compactMap { mark -> [ReportBlock]? in
                let items = values.items.filter { $0.value == mark }
                guard !items.isEmpty else { return nil }
                let list = ReportList(items.map { item in
                    ReportListItem(item.note.isBlank ? item.item.bidiBalanced()
                        : language.text(.reportRecordsNoted, ["item": .text(item.item.bidiBalanced()),
                                                              "note": .text(item.note.onOneLine)]))
                })
                let name = mark.isEmpty ? language.text(.reportRecordsNotMarked) : mark.bidiBalanced()
                return [.paragraph(counted(name, items.count)), .list(list)]
            }
            return [.paragraph(field.label)] + groups.flatMap { $0 }
        case .rows(let columns, _, _):
            let rows = view.rows(of: address, in: guide).filter { $0.json.holdsContent }
            let heading = ReportBlock.paragraph(counted(field.label.bidiBalanced(), rows.count))
            guard columns.count > 1 else {
                return [heading, .list(ReportList(rows.map { row in
                    ReportListItem(marked(row.text(columns[0].id).onOneLine.bidiBalanced(), ifMerged: row))
                }))]
            }
            return [heading, .table(listTable(field, rows: rows))]
        }
    }

    /// Whether each sector accepts the named convener, a sector not answered yet as "Not asked", as the flags
    /// count it: a list, or the answers after the label on one line.
    private func acceptanceBlocks(_ field: RecordField, onOneLine: Bool) -> [ReportBlock] {
        guard case .grid(_, let cell) = field.kind else { return [] }
        let answers = records.acceptance.map { sector, answer -> String in
            let label = answer.map { id in cell.choices.first { $0.id == id }?.label ?? id }
            return labelled(sector.label, label ?? language.text(.reportRecordsNotAsked))
        }
        if onOneLine { return [.paragraph(labelled(field.label, language.list(answers)))] }
        return [.paragraph(field.label), .list(ReportList(answers.map { ReportListItem($0) }))]
    }

    /// Whether each major stakeholder listed accepts the named convener, after the label on one line as the
    /// sectors' answers; one not answered yet as "Not asked", as the flags count it.
    private func stakeholderAcceptanceLine(_ field: RecordField) -> [ReportBlock] {
        let answers = records.stakeholderAcceptance.map { stakeholder, answer in
            let label = records.label(answer, column: "accepts", of: PartnershipRecords.stakeholderAcceptance)
            return labelled(stakeholder.onOneLine.bidiBalanced(), label ?? language.text(.reportRecordsNotAsked))
        }
        return answers.isEmpty ? [] : [.paragraph(labelled(field.label, language.list(answers)))]
    }

    /// "Label: value", or "Label? value" after a question.
    private func labelled(_ label: String, _ value: String) -> String {
        let arguments: [String: MessageArgument] = ["label": .text(label.bidiBalanced()), "value": .text(value)]
        let asked = label.hasSuffix("?") || label.hasSuffix(":")
        return language.text(asked ? .reportRecordsAnswered : .reportRecordsLabelled, arguments)
    }

    /// "Goals: 4": a part of the records with how many items it has.
    private func counted(_ label: String, _ count: Int) -> String {
        language.text(.reportRecordsCounted, ["label": .text(label), "count": .integer(count)])
    }

    /// A row as `text`, with "— merged from Banco Sol" when a merge took it from a self-assessment.
    private func marked(_ text: String, ifMerged row: RecordRow) -> String {
        guard let from = MergedFrom(row) else { return text }
        return from.organisation.isBlank
            ? language.text(.reportRecordsMergedFromSelfAssessment, ["row": .text(text)])
            : language.text(.reportRecordsMergedFrom, ["row": .text(text), "organisation": .text(from.organisation)])
    }

    /// The register by sector, in the order of the sector's choices, then those without one; each organisation
    /// with its readiness and key people, and with `complete` its other columns.
    private func registerBlocks(complete: Bool) -> [ReportBlock] {
        let organisations = records.register ?? []
        let address = PartnershipRecords.register
        let sectorChoices = records.column("sector", of: address, \.isChoice)?.kind.choices ?? []
        let unknown = Set(organisations.compactMap(\.sector)).subtracting(sectorChoices.map(\.id)).sorted()
        let groups: [(label: String, sector: String?)] = sectorChoices.map { ($0.label, $0.id) }
            + unknown.map { ($0, $0) } + [(language.text(.reportNoSector), nil)]
        let detailColumns = complete
            ? (records.listField(address)?.columns ?? []).filter { !["organisation", "sector", "readiness", "people"]
                .contains($0.id) } : []
        return groups.flatMap { group -> [ReportBlock] in
            let members = organisations.filter { $0.sector == group.sector }
            guard !members.isEmpty else { return [] }
            let items = members.map { organisation in
                let readiness = records.label(organisation.readiness, column: "readiness", of: address)
                let people = organisation.row.text("people").onOneLine.bidiBalanced()
                var text = organisation.name.isBlank ? language.text(.reportRecordsNoName)
                    : organisation.name.onOneLine.bidiBalanced()
                if let readiness {
                    text = language.text(.reportRecordsOrganisationReadiness,
                                         ["organisation": .text(text), "readiness": .text(readiness)])
                }
                if !people.isBlank {
                    text = language.text(.reportRecordsOrganisationPeople,
                                         ["organisation": .text(text), "people": .text(people)])
                }
                text = marked(text, ifMerged: organisation.row)
                let details = detailColumns.compactMap { column -> String? in
                    let value = organisation.row.text(column.id)
                    return value.isBlank ? nil : labelled(column.label, value)
                }
                return ReportListItem(text,
                                      details: details.isEmpty ? [] : [.paragraph(details.joined(separator: "\n"))])
            }
            return [.paragraph(counted(group.label.bidiBalanced(), members.count)), .list(ReportList(items))]
        }
    }

    /// The ground rules, how many are agreed, each with its mark.
    private func groundRuleBlocks(_ field: RecordField) -> [ReportBlock] {
        let rules = records.groundRules ?? []
        let address = PartnershipRecords.groundRules
        let agreedCount = rules.filter(\.agreed).count
        let items = rules.map { rule in
            let mark = records.label(rule.row.cells["agreed"]?.string, column: "agreed", of: address)
            let text = rule.text.onOneLine.bidiBalanced()
            return ReportListItem(marked(mark.map { mark in
                language.text(.reportRecordsGroundRuleMarked, ["rule": .text(text), "mark": .text(mark)])
            } ?? text, ifMerged: rule.row))
        }
        let heading = language.text(.reportRecordsGroundRulesAgreed, [
            "label": .text(field.label.bidiBalanced()), "agreed": .integer(agreedCount),
            "count": .integer(rules.count),
        ])
        return [.paragraph(heading), .list(ReportList(items))]
    }

    /// The action plan as a table: number, action, owner, due date and status, and with `complete` every other
    /// column; with `marks`, a last column of that name with each action's mark by row id. The action and the
    /// owner wrap where the table is narrow.
    private func actionBlocks(_ field: RecordField, complete: Bool,
                              marks: (column: String, marks: [String: String])? = nil) -> [ReportBlock] {
        let actions = records.actions ?? []
        let address = PartnershipRecords.actions
        let label = { (id: String, fallback: MessageID) in
            records.listField(address)?.column(id)?.label ?? language.text(fallback)
        }
        // The record adds the other columns that hold something; they do not wrap, so that a plain text too narrow
        // for them shows the plan an action per item instead.
        let extraColumns = complete
            ? ["resources", "question"].compactMap { records.listField(address)?.column($0) }.filter { column in
                actions.contains { $0.row.cells[column.id]?.holdsContent == true }
            }
            : []
        let merged = complete && actions.contains { $0.from != nil }
        let columns = [language.text(.reportRecordsColumnNumber), label("action", .reportRecordsColumnAction),
                       language.text(.reportRecordsColumnOwner), label("due", .reportRecordsColumnDue),
                       label("status", .reportRecordsColumnStatus)]
            + extraColumns.map(\.label) + (merged ? [language.text(.reportRecordsColumnFrom)] : [])
            + (marks.map { [$0.column] } ?? [])
        let rows = actions.map { action -> [String] in
            let owner = action.ownerPerson.isBlank ? action.ownerOrganisation
                : action.ownerOrganisation.isBlank ? action.ownerPerson
                : language.text(.reportRecordsOwnerOf, ["person": .text(action.ownerPerson.bidiBalanced()),
                                                        "organisation": .text(action.ownerOrganisation)])
            let due = action.due?.shown(in: language) ?? ""
            let status = records.label(action.status, column: "status", of: address) ?? ""
            return ["\(action.number)", action.text, owner, due, status]
                + extraColumns.map { column in
                    displayText(of: action.row.cells[column.id], kind: column.kind, names: records.rowNames,
                                in: language)
                }
                + (merged ? [action.from?.organisation ?? ""] : [])
                + (marks.map { [$0.marks[action.row.id] ?? ""] } ?? [])
        }
        let heading = language.text(.reportRecordsActions, ["label": .text(field.label.bidiBalanced()),
                                                            "count": .integer(actions.count)])
        // The action, its owner and an invalid date's remark wrap where the table is narrow.
        let wrapping: Set = [1, 2, 3]
        return [.paragraph(heading),
                .table(DocumentTable(columns: columns, rows: rows, wrapping: wrapping))]
    }

    /// What a self-assessment wrote outside its lists, worksheet by worksheet.
    private func blocks(of partner: PartnerRecords, complete: Bool) -> [ReportBlock] {
        let view = self.view(of: partner)
        let known = guide.worksheets.flatMap { worksheet -> [ReportBlock] in
            guard partner.records[worksheet.id]?.holdsContent == true else { return [] }
            let blocks = blocks(of: worksheet, in: view, complete: complete, partner: true)
            return blocks.isEmpty ? [] : [.paragraph(worksheet.title)] + blocks
        }
        let unknown = partner.records.keys.filter { guide.worksheet($0) == nil }.sorted().flatMap { name in
            [ReportBlock.paragraph(name), .table(DocumentTable(name: name, json: partner.records[name] ?? .null))]
        }
        return known + unknown
    }

    /// The session with a partner's records in place of the workshop's worksheets they fill, so that their
    /// references still read the workshop's register, where the merge put the partner's rows.
    private func view(of partner: PartnerRecords) -> Session {
        var view = session
        for (name, value) in partner.records { view.records[name] = value }
        return view
    }

    // MARK: Tables

    /// The name of a list's CSV table: its field id in lower case with dashes (`ground-rules`), after its
    /// worksheet's id when another worksheet has a list of the same id or the name is taken (`s7-resources`).
    func tableName(_ address: FieldAddress) -> String {
        let plain = address.field.dashed
        let lists = guide.worksheets.flatMap { worksheet in
            worksheet.fields.compactMap { field -> String? in
                if case .rows = field.kind { return field.id.dashed }
                return nil
            }
        }
        let taken = lists.filter { $0 == plain }.count > 1 || ["answers", "participants", "worksheets"].contains(plain)
        return taken ? "\(address.worksheet)-\(plain)" : plain
    }

    /// A record this version does not know, as a table: `other-` and its name.
    func otherTableName(_ name: String) -> String { "other-\(name)" }

    /// The CSV tables of the records: one for each list of the guide's worksheets (empty lists too, so that the
    /// names stay the same), `worksheets` with every other value, and one for each record this version does not
    /// know.
    var tables: [DocumentTable] {
        let lists = guide.worksheets.flatMap { worksheet in
            worksheet.fields.compactMap { field -> DocumentTable? in
                guard case .rows = field.kind else { return nil }
                let address = FieldAddress(worksheet: worksheet.id, field: field.id)
                var table = listTable(field, rows: session.rows(of: address, in: guide))
                table.name = tableName(address)
                return table
            }
        }
        let others = otherRecordNames.map { name in
            DocumentTable(name: otherTableName(name), json: session.records[name] ?? .null)
        }
        return lists + [worksheetsTable] + others
    }

    /// A list of rows as a table: a column a field, with `From` when a merge took some of the rows from a
    /// self-assessment; its text columns wrap where the table is narrow.
    private func listTable(_ field: RecordField, rows: [RecordRow]) -> DocumentTable {
        let columns = field.columns
        let merged = rows.contains { MergedFrom($0) != nil }
        let wrapping = Set(columns.indices.filter { index in
            switch columns[index].kind {
            case .text, .longText, .reference: true
            default: false
            }
        })
        return DocumentTable(
            columns: columns.map(\.label) + (merged ? [language.text(.reportRecordsColumnFrom)] : []),
            rows: rows.map { row in
                columns.map {
                    displayText(of: row.cells[$0.id], kind: $0.kind, names: records.rowNames, in: language)
                }
                    + (merged ? [MergedFrom(row)?.organisation ?? ""] : [])
            },
            wrapping: wrapping)
    }

    /// Every value of the worksheets outside their lists, a row each; with `From` the values a merge kept from
    /// self-assessments.
    private var worksheetsTable: DocumentTable {
        func rows(in view: Session, from: String?) -> [[String]] {
            guide.worksheets.flatMap { worksheet in
                worksheet.fields.flatMap { field -> [[String]] in
                    if case .rows = field.kind { return [] }
                    let address = FieldAddress(worksheet: worksheet.id, field: field.id)
                    let values = FieldValues(field: field, address: address, view: view, guide: guide,
                                             names: records.rowNames, language: language)
                    return values.items.map { item in
                        [worksheet.title, field.label, item.item, item.value, item.note] + (from.map { [$0] } ?? [])
                    }
                }
            }
        }
        let partners = partnerRecords
        var partnerRows: [[String]] = []
        for partner in partners {
            partnerRows += rows(in: self.view(of: partner), from: partner.describedName)
        }
        let merged = !partnerRows.isEmpty
        let columns: [MessageID] = [.reportRecordsColumnWorksheet, .reportRecordsColumnField,
                                    .reportRecordsColumnItem, .reportRecordsColumnValue, .reportColumnNote]
            + (merged ? [.reportRecordsColumnFrom] : [])
        return DocumentTable(
            name: "worksheets", columns: columns.map { language.text($0) },
            rows: rows(in: session, from: merged ? "" : nil) + partnerRows)
    }

    // MARK: JSON

    /// The register, convening plan, ground rules and action plan as objects with stable keys, for the JSON
    /// summary and record.
    func document(today: CalendarDate) -> RecordsDocument {
        let register = (records.register ?? []).map { organisation in
            RecordsDocument.Organisation(
                id: organisation.row.id, organisation: organisation.name, sector: organisation.sector,
                people: organisation.row.text("people"), role: organisation.row.text("role"),
                alliances: organisation.row.text("alliances"), readiness: organisation.readiness,
                notes: organisation.row.text("notes"), from: organisation.from)
        }
        let rules = session.records[PartnershipRecords.groundRules.worksheet]?.holdsContent == true
            ? (records.groundRules ?? []).map { rule in
                RecordsDocument.GroundRule(id: rule.row.id, rule: rule.text, agreed: rule.agreed)
            }
            : []
        let actions = (records.actions ?? []).map { action in
            RecordsDocument.Action(
                id: action.row.id, number: action.number, action: action.text,
                ownerOrganisation: action.row.cells["ownerOrganisation"].flatMap(RecordReference.init).map {
                    .init(rowID: $0.id, name: action.ownerOrganisation)
                },
                ownerPerson: action.ownerPerson, due: action.due?.date?.description,
                dueAsTyped: action.due?.date == nil ? action.due?.text : nil, resources: action.row.text("resources"),
                status: action.status, question: action.row.cells["question"]?.string,
                overdue: action.isOverdue(today: today), from: action.from)
        }
        return RecordsDocument(register: register, conveningPlan: conveningPlan, groundRules: rules,
                               actionPlan: actions)
    }

    /// The convening plan by its field ids, nil while its worksheet holds nothing.
    private var conveningPlan: RecordsDocument.ConveningPlan? {
        let worksheet = PartnershipRecords.convener.worksheet
        guard session.records[worksheet]?.holdsContent == true, guide.worksheet(worksheet) != nil else { return nil }
        func value(_ field: String) -> JSONValue? { session.record(at: [.key(worksheet), .key(field)]) }
        let firstMeeting = value("firstMeeting").flatMap(DateEntry.init)
        let convener = value("convener").flatMap(RecordReference.init)
        return RecordsDocument.ConveningPlan(
            convener: convener.map { .init(rowID: $0.id, name: records.convenerName ?? $0.name) },
            acceptance: Dictionary(uniqueKeysWithValues: records.acceptance.compactMap { entry in
                entry.answer.map { (entry.sector.id, $0) }
            }),
            venue: value("venue")?.string ?? "", neutral: value("neutral")?.string,
            moderator: value("moderator")?.string ?? "", firstMeeting: firstMeeting?.date?.description,
            firstMeetingAsTyped: firstMeeting?.date == nil ? firstMeeting?.text : nil,
            agenda: value("agenda")?.string ?? "", outcome: value("outcome")?.string)
    }
}

/// What a merge kept of one self-assessment's records outside its lists.
struct PartnerRecords {
    var participantID: String
    var organisation: String
    var sector: String?
    /// By worksheet id, as the self-assessment held them.
    var records: [String: JSONValue]

    /// The language `describedName` is in.
    var language: Language

    init?(participantID: String, json: JSONValue, language: Language) {
        guard let object = json.object else { return nil }
        self.language = language
        self.participantID = participantID
        organisation = object["organisation"]?.string ?? ""
        sector = object["sector"]?.string
        records = object["records"]?.object ?? [:]
    }

    /// "Banco Sol (Business)".
    var describedName: String {
        let name = organisation.isBlank ? language.text(.reportRecordsAPartner)
            : organisation.onOneLine.bidiBalanced()
        guard let sector = sector.flatMap(Sector.init(rawValue:)) else { return name }
        return language.text(.reportRecordsPartnerSector, ["organisation": .text(name),
                                                           "sector": .message(sector.message)])
    }
}

/// The values of a field outside a list, each with what it belongs to: one for a simple field, one for each row
/// of a grid (rows gone from their list too, by their name's copy) and for each checklist item marked or noted.
struct FieldValues {
    struct Item {
        /// The id of the grid's row or the checklist's item; empty for a simple field.
        var key: String
        /// The grid's row or the checklist's item ("Government hindrances: inertia"); empty for a simple field.
        var item: String
        /// As shown: a choice's label, a date as typed (marked when it is not one), a reference's current name.
        var value: String
        var note: String
    }

    var items: [Item] = []

    init(field: RecordField, address: FieldAddress, view: Session, guide: Guide, names: RowNames,
         language: Language) {
        let path = address.path
        switch field.kind {
        case .text, .longText, .choice, .date, .reference:
            let value = displayText(of: view.record(at: path), kind: field.kind, names: names, in: language)
            if !value.isBlank { items = [Item(key: "", item: "", value: value, note: "")] }
        case .grid(.fixed(let rows), let cell):
            items = rows.compactMap { row in
                let value = displayText(of: view.record(at: path + [.key(row.id)]), kind: cell, names: names,
                                        in: language)
                return value.isBlank ? nil : Item(key: row.id, item: row.label, value: value, note: "")
            }
        case .grid(.rowsOf(let list), let cell):
            let rows = view.rows(of: list, in: guide)
            let stored = view.record(at: path)?.object ?? [:]
            let current = rows.map { ($0.id, view.rowName($0, of: list, in: guide)) }
            let present = Set(rows.map(\.id))
            let gone = stored.keys.filter { !present.contains($0) }.sorted().map { id in
                let name = stored[id]?.object?["name"]?.string ?? id
                return (id, language.text(.reportRecordsNoLongerListed, ["name": .text(name)]))
            }
            items = (current + gone).compactMap { id, name in
                let value = displayText(of: stored[id]?.object?["value"], kind: cell, names: names, in: language)
                let item = name.isBlank ? language.text(.reportRecordsNoName) : name
                return value.isBlank ? nil : Item(key: id, item: item, value: value, note: "")
            }
        case .checklist(let checklist, let marks):
            items = checklist.compactMap { item in
                let mark = view.record(at: path + [.key(item.id), .key("mark")])?.string
                let note = view.record(at: path + [.key(item.id), .key("note")])?.string ?? ""
                guard mark != nil || !note.isBlank else { return nil }
                let label = mark.map { id in marks.first { $0.id == id }?.label ?? id } ?? ""
                let grouped = language.text(.reportRecordsGrouped, ["group": .text(item.group.bidiBalanced()),
                                                                    "item": .text(item.label)])
                return Item(key: item.id, item: grouped, value: label, note: note)
            }
        case .rows:
            items = []
        }
    }
}

/// A value as a report shows it: text as typed, a choice's label, a date as typed (" (not a date)" after text that
/// is not one), a reference's current name.
func displayText(of value: JSONValue?, kind: RecordField.Kind, names: RowNames, in language: Language) -> String {
    guard let value else { return "" }
    switch kind {
    case .choice(let choices):
        guard let id = value.string else { return value.cellText }
        return choices.first { $0.id == id }?.label ?? id
    case .date:
        guard let entry = DateEntry(value) else { return value.cellText }
        return entry.shown(in: language)
    case .reference(let address):
        guard let reference = RecordReference(value) else { return value.cellText }
        return names.name(of: reference, to: address)
    case .text, .longText, .grid, .checklist, .rows:
        return value.string ?? value.cellText
    }
}

extension DateEntry {
    /// The date as typed, with " (not a date)" after text that is not one.
    func shown(in language: Language) -> String {
        date == nil ? language.text(.reportRecordsNotADate, ["text": .text(text.bidiBalanced())]) : text
    }
}

/// The records in the JSON summary and record.
struct RecordsDocument: Encodable {
    struct Reference: Encodable {
        /// The row of the register it points at; nil for a name typed in.
        var rowID: String?
        /// The name as it reads now: the row's while it exists, else the copy.
        var name: String
    }

    struct Organisation: Encodable {
        var id: String
        var organisation: String
        var sector: String?
        var people: String
        var role: String
        var alliances: String
        var readiness: String?
        var notes: String
        var from: MergedFrom?
    }

    struct ConveningPlan: Encodable {
        var convener: Reference?
        /// Each sector's answer by id (`yes`, `no`, `not-asked`); sectors without an answer are left out.
        var acceptance: [String: String]
        var venue: String
        var neutral: String?
        var moderator: String
        /// A real date, `2027-01-15`; nil when none is typed or what is typed is not a date.
        var firstMeeting: String?
        /// What was typed when it is not a date.
        var firstMeetingAsTyped: String?
        var agenda: String
        var outcome: String?
    }

    struct GroundRule: Encodable {
        var id: String
        var rule: String
        var agreed: Bool
    }

    struct Action: Encodable {
        var id: String
        var number: Int
        var action: String
        var ownerOrganisation: Reference?
        var ownerPerson: String
        var due: String?
        var dueAsTyped: String?
        var resources: String
        var status: String?
        /// The id of the step 6 question it answers.
        var question: String?
        var overdue: Bool
        var from: MergedFrom?
    }

    var register: [Organisation]
    var conveningPlan: ConveningPlan?
    /// The ground rules once their worksheet holds something (the guide's defaults until then are not listed).
    var groundRules: [GroundRule]
    var actionPlan: [Action]
}

extension String {
    /// An id such as `groundRules` in lower case with dashes: `ground-rules`.
    var dashed: String {
        var result = ""
        for character in self {
            if character.isUppercase, !result.isEmpty { result.append("-") }
            result += character.lowercased()
        }
        return result
    }
}
