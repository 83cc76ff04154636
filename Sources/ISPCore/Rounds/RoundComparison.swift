#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Messages

/// Two rounds of one partnership side by side: each step's score and standing before and after, the questions
/// whose group rating moved by 2 points or more or changed in kind (rated, Not applicable, Don't know for the room),
/// the notes that changed, who joined or left, the worksheets' values that changed (a mediator named, a decision
/// taken), and the rows of the records' lists added, removed or with a choice changed (an action's status, a ground
/// rule agreed).
public struct RoundComparison: Sendable {
    public struct StepChange: Sendable, Equatable {
        public var number: Int
        public var title: String
        public var before: StepReadiness
        public var after: StepReadiness
    }

    /// A question whose group rating (a consensus, a mean or the one voice) moved by 2 points or more.
    public struct RatingMove: Sendable, Equatable {
        public var prompt: PromptReference
        public var before: String
        public var after: String
        /// After minus before, as shown with one decimal.
        public var change: Double
    }

    /// A note changed between the rounds: the group's, or a participant's who took part in both.
    public struct NoteChange: Sendable, Equatable {
        public var prompt: PromptReference
        /// The participant's name, nil for the group's note.
        public var participant: String?
        public var before: String
        public var after: String
        /// The runs of words added and removed, in the note's order.
        public var added: [String]
        public var removed: [String]
    }

    /// What the room found on a question changed between the rounds: recorded, cleared or another finding.
    public struct FindingChange: Sendable, Equatable {
        public var prompt: PromptReference
        public var before: Finding?
        public var after: Finding?
    }

    /// A row of a list of the records (the register, the action plan…) added, removed, or with a choice changed.
    public struct RecordChange: Sendable, Equatable {
        public enum Kind: String, Sendable, Encodable {
            case added, removed, changed
        }

        /// A choice of the row that changed: its column's label, and the labels before and after ("" for none).
        public struct ChoiceChange: Sendable, Equatable, Encodable {
            public var column: String
            public var before: String
            public var after: String
        }

        /// The list's label, such as "Action plan", and where it lives (`s6.actions`).
        public var list: String
        public var address: FieldAddress
        public var kind: Kind
        public var rowID: String
        /// The row's name (its name column, else its first), as it reads in the round that has it; empty when it
        /// has none.
        public var row: String
        public var choices: [ChoiceChange]
    }

    /// A value of a worksheet outside its lists that changed: a field of one value, a grid's cell, a checklist
    /// item's mark or its note.
    public struct ValueChange: Sendable, Equatable {
        /// The number of the step whose worksheet holds it.
        public var stepNumber: Int
        /// The field's label in the guide, and where it lives (`s6.mediator`).
        public var field: String
        public var address: FieldAddress
        /// The grid's row or the checklist's item: its id and its name, as the later round reads it when it has
        /// it; both empty for a field of one value.
        public var itemID: String
        public var item: String
        /// Whether it is a checklist item's note rather than its mark.
        public var isNote: Bool
        /// As shown: text as typed, a choice's label, a reference's name, a date; empty for nothing written.
        public var before: String
        public var after: String
        /// Whether it is text of paragraphs, shown in full under its place.
        public var isLong: Bool
    }

    public let guide: Guide
    public let old: SummaryReport
    public let new: SummaryReport
    public let steps: [StepChange]
    public let moves: [RatingMove]
    /// The questions rated in one round and Not applicable or Don't know for the room in the other, or the reverse.
    public let statusChanges: [ReadinessChanges.StatusChange]
    public let notes: [NoteChange]
    /// The questions whose group finding changed, in guide order.
    public let findings: [FindingChange]
    /// Participants of the new round who were not in the old one (by id), and those of the old one who are gone.
    public let joined: [Participant]
    public let left: [Participant]
    /// The worksheets' values outside their lists that changed, in guide order.
    public let values: [ValueChange]
    /// The rows of the records' lists that changed, list by list in guide order.
    public let records: [RecordChange]
    /// The reader's language: the document's and the ratings' words are in it.
    public var language: Language { new.language }

    public init(guide: Guide, old: Session, new: Session, language: Language = .english) {
        self.guide = guide
        let before = SummaryReport(guide: guide, session: old, language: language)
        let after = SummaryReport(guide: guide, session: new, language: language)
        self.old = before
        self.new = after
        statusChanges = ReadinessChanges(old: before, new: after).statusChanges
        steps = zip(before.summary.steps, after.summary.steps).map { old, new in
            StepChange(number: new.number, title: new.title, before: old, after: new)
        }
        var moves: [RatingMove] = []
        var notes: [NoteChange] = []
        var findings: [FindingChange] = []
        let stayed = new.raters.filter { participant in old.raters.contains { $0.id == participant.id } }
        for (stepIndex, step) in guide.steps.enumerated() {
            for (promptIndex, prompt) in step.prompts.enumerated() {
                let oldAnswer = old.answer(for: prompt.id)
                let newAnswer = new.answer(for: prompt.id)
                let newRating = newAnswer.groupRating(in: new.raters)
                let reference = PromptReference(prompt: prompt, stepNumber: stepIndex + 1,
                                                questionNumber: promptIndex + 1, rating: newRating)
                if let was = oldAnswer.groupRating(in: old.raters).score, let now = newRating.score,
                    abs(tenths(now) - tenths(was)) >= 20 {
                    moves.append(RatingMove(prompt: reference, before: before.ratingLabel(reference),
                                            after: after.ratingLabel(reference),
                                            change: Double(tenths(now) - tenths(was)) / 10))
                }
                if oldAnswer.finding != newAnswer.finding {
                    findings.append(FindingChange(prompt: reference, before: oldAnswer.finding,
                                                  after: newAnswer.finding))
                }
                notes += [NoteChange](prompt: reference, participant: nil, oldAnswer.notes, newAnswer.notes)
                for participant in stayed {
                    notes += [NoteChange](prompt: reference, participant: after.displayName(participant),
                                          oldAnswer.voices[participant.id]?.note ?? "",
                                          newAnswer.voices[participant.id]?.note ?? "")
                }
            }
        }
        self.moves = moves
        self.notes = notes
        self.findings = findings
        joined = new.raters.filter { participant in !old.raters.contains { $0.id == participant.id } }
        left = old.raters.filter { participant in !new.raters.contains { $0.id == participant.id } }
        values = Self.valueChanges(guide: guide, old: before, new: after)
        records = Self.recordChanges(guide: guide, old: old, new: new)
    }

    /// For each field of the guide's worksheets outside their lists, the values that read differently in the two
    /// rounds as the records report shows them: each grid's cell and each checklist item's mark and note on its
    /// own, in the guide's order, a value written in the earlier round only after the rest of its field.
    private static func valueChanges(guide: Guide, old: SummaryReport, new: SummaryReport) -> [ValueChange] {
        guide.steps.enumerated().flatMap { stepIndex, step -> [ValueChange] in
            guard let worksheet = step.worksheet else { return [] }
            return worksheet.fields.flatMap { field -> [ValueChange] in
                if case .rows = field.kind { return [] }
                let address = FieldAddress(worksheet: worksheet.id, field: field.id)
                let items = { (report: SummaryReport) in
                    FieldValues(field: field, address: address, view: report.session, guide: guide,
                                names: report.records.records.rowNames, language: report.language).items
                }
                let (was, now) = (items(old), items(new))
                let before = Dictionary(was.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
                let after = Dictionary(now.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
                let isLongText = switch field.kind {
                case .longText, .grid(_, .longText): true
                default: false
                }
                let keys = now.map(\.key) + was.map(\.key).filter { after[$0] == nil }
                return keys.flatMap { key -> [ValueChange] in
                    let item = after[key]?.item ?? before[key]?.item ?? ""
                    func change(note: Bool, _ before: String, _ after: String) -> ValueChange? {
                        guard before != after else { return nil }
                        let isLong = note || isLongText || (before + after).contains(where: \.isNewline)
                        return ValueChange(stepNumber: stepIndex + 1, field: field.label, address: address,
                                           itemID: key, item: item, isNote: note, before: before, after: after,
                                           isLong: isLong)
                    }
                    return [
                        change(note: false, before[key]?.value ?? "", after[key]?.value ?? ""),
                        change(note: true, before[key]?.note ?? "", after[key]?.note ?? ""),
                    ].compactMap { $0 }
                }
            }
        }
    }

    /// For each list of the guide's worksheets: the rows of the new round that the old one lacks (by id), those gone
    /// from it, and those whose choices changed, in the list's order.
    private static func recordChanges(guide: Guide, old: Session, new: Session) -> [RecordChange] {
        guide.worksheets.flatMap { worksheet in
            worksheet.fields.flatMap { field -> [RecordChange] in
                guard case .rows(let columns, _, let nameColumn) = field.kind else { return [] }
                let address = FieldAddress(worksheet: worksheet.id, field: field.id)
                let before = old.rows(of: address, in: guide)
                let after = new.rows(of: address, in: guide)
                let name = { (row: RecordRow) in row.text(nameColumn ?? columns.first?.id ?? "").onOneLine }
                func change(_ kind: RecordChange.Kind, _ row: RecordRow, _ choices: [RecordChange.ChoiceChange] = [])
                    -> RecordChange
                {
                    RecordChange(list: field.label, address: address, kind: kind, rowID: row.id, row: name(row),
                                 choices: choices)
                }
                let oldByID = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                let newIDs = Set(after.map(\.id))
                let addedOrChanged = after.compactMap { row -> RecordChange? in
                    guard let was = oldByID[row.id] else { return change(.added, row) }
                    let choices = columns.compactMap { column -> RecordChange.ChoiceChange? in
                        let labels = column.kind.choices
                        guard !labels.isEmpty, was.cells[column.id] != row.cells[column.id] else { return nil }
                        let label = { (value: JSONValue?) in
                            value?.string.map { id in labels.first { $0.id == id }?.label ?? id } ?? ""
                        }
                        return .init(column: column.label, before: label(was.cells[column.id]),
                                     after: label(row.cells[column.id]))
                    }
                    return choices.isEmpty ? nil : change(.changed, row, choices)
                }
                return addedOrChanged + before.filter { !newIDs.contains($0.id) }.map { change(.removed, $0) }
            }
        }
    }

    /// The comparison as a document, for text, Markdown and HTML, in the reader's language.
    public var document: ReportDocument {
        let session = new.session
        var intro: [ReportBlock] = []
        if !session.partnership.focalIssue.isBlank {
            let issue = session.partnership.focalIssue
            intro.append(.paragraph(language.text(.reportFocalIssue, ["issue": .text(issue)])))
        }
        intro.append(.paragraph(language.text(.compareRounds, [
            "old": .integer(old.session.round), "oldStarted": .text(old.day(old.session.createdAt)),
            "new": .integer(session.round), "newStarted": .text(new.day(session.createdAt)),
        ])))
        let unconfirmed = session.unconfirmedAnswers
        if unconfirmed > 0 {
            intro.append(.remark(language.text(.compareUnconfirmed, ["round": .integer(session.round),
                                                                     "count": .integer(unconfirmed)])))
        }
        let round = { (number: Int) in language.text(.compareColumnRound, ["round": .integer(number)]) }
        let stepTable = DocumentTable(
            name: "steps",
            columns: [language.text(.reportColumnStep), round(old.session.round), round(session.round),
                      language.text(.compareColumnChange)],
            rows: steps.map { step in
                // No change is figured on a step that shows no score, as the summary shows none.
                let change = step.before.shownScore == nil ? "" : step.before.score.flatMap { was in
                    step.after.shownScore == nil ? nil : step.after.score.map { now in
                        signed(Double(tenths(now) - tenths(was)) / 10)
                    }
                } ?? ""
                return ["\(step.number) \(step.title)", language.text(step.before.figuresMessage),
                        language.text(step.after.figuresMessage), change]
            })
        let moved = moves.map { move in
            ReportListItem(language.text(.compareMove, [
                "place": .text(new.place(move.prompt)), "before": .text(move.before), "after": .text(move.after),
                "change": .text(signed(move.change)), "text": .text(move.prompt.text),
            ]))
        }
        let changedStatus = statusChanges.map { change in
            ReportListItem(language.text(.compareStatusChangeQuestion, ["change": .message(change.message),
                                                                        "text": .text(change.prompt.text)]))
        }
        let changedNotes = notes.map { change in
            var details: [ReportBlock] = [
                .paragraph(language.text(.compareNotesBefore, ["note": .text(shortened(change.before))])),
                .paragraph(language.text(.compareNotesNow, ["note": .text(shortened(change.after))])),
            ]
            if !change.added.isEmpty {
                details.append(.paragraph(language.text(.compareNotesAdded, ["words": .text(quoted(change.added))])))
            }
            if !change.removed.isEmpty {
                details.append(.paragraph(language.text(.compareNotesRemoved,
                                                        ["words": .text(quoted(change.removed))])))
            }
            let place = new.place(change.prompt)
            let text = change.participant.map { name in
                language.text(.compareNotesParticipant, ["place": .text(place), "name": .text(name.bidiBalanced()),
                                                         "text": .text(change.prompt.text)])
            } ?? language.text(.compareNotesGroup, ["place": .text(place), "text": .text(change.prompt.text)])
            return ReportListItem(text, details: details)
        }
        let foundArgument = { (finding: Finding?) in
            MessageArgument.message(finding.map { Message(.compareFound, ["finding": .message($0.message)]) }
                                    ?? Message(.compareNotFound))
        }
        let changedFindings = findings.map { change in
            ReportListItem(language.text(.compareFindingChange, [
                "place": .text(new.place(change.prompt)), "before": foundArgument(change.before),
                "after": foundArgument(change.after), "text": .text(change.prompt.text),
            ]))
        }
        var people: [ReportBlock] = []
        if !joined.isEmpty {
            let names = joined.map { new.describe($0, withSector: true) }.joined(separator: ", ")
            people.append(.paragraph(language.text(.compareJoined, ["names": .text(names)])))
        }
        if !left.isEmpty {
            let names = left.map { old.describe($0, withSector: true) }.joined(separator: ", ")
            people.append(.paragraph(language.text(.compareLeft, ["names": .text(names)])))
        }
        if people.isEmpty { people.append(.paragraph(language.text(.compareSameParticipants))) }
        let valueItems = values.map(valueItem)
        let recordItems = records.map { change in
            let name = change.row.isBlank ? language.text(.reportRecordsNoName) : change.row.excerpt(limit: 60)
            var arguments: [String: MessageArgument] = [
                "list": .text(change.list.bidiBalanced()),
                "row": .message(Message(.compareQuoted, ["text": .text(name)])),
            ]
            switch change.kind {
            case .added: return ReportListItem(language.text(.compareRecordsAdded, arguments))
            case .removed: return ReportListItem(language.text(.compareRecordsRemoved, arguments))
            case .changed:
                let notSet = language.text(.compareRecordsNotSet)
                let choices = change.choices.map { choice in
                    language.text(.compareRecordsChoice, [
                        "column": .text(choice.column.bidiBalanced()),
                        "before": .text(choice.before.isEmpty ? notSet : choice.before.bidiBalanced()),
                        "after": .text(choice.after.isEmpty ? notSet : choice.after.bidiBalanced()),
                    ])
                }
                arguments["choices"] = .text(choices.joined(separator: "; "))
                return ReportListItem(language.text(.compareRecordsChanged, arguments))
            }
        }
        let count = { (count: Int) -> [String: MessageArgument] in ["count": .integer(count)] }
        return ReportDocument(
            title: language.text(.compareTitle, ["name": .text(session.displayName(in: language))]), intro: intro,
            sections: [
                ReportSection(id: "steps", heading: language.text(.compareSteps), blocks: [.table(stepTable)]),
                ReportSection(id: "moves", heading: language.text(.compareMoves, count(moves.count)),
                              blocks: new.questionList(moved)),
                ReportSection(id: "status", heading: language.text(.compareStatusChanges, count(statusChanges.count)),
                              blocks: new.questionList(changedStatus)),
                ReportSection(id: "notes", heading: language.text(.compareNotes, count(notes.count)),
                              blocks: new.questionList(changedNotes)),
            ] + (findings.isEmpty && !old.session.hasFindings && !session.hasFindings ? [] : [
                ReportSection(id: "findings", heading: language.text(.compareFindings, count(findings.count)),
                              blocks: new.questionList(changedFindings)),
            ]) + [
                ReportSection(id: "participants", heading: language.text(.compareParticipants), blocks: people),
            ] + (values.isEmpty && records.isEmpty && !old.session.hasRecords && !session.hasRecords ? [] : [
                ReportSection(id: "values", heading: language.text(.compareValues, count(values.count)),
                              blocks: valueItems.isEmpty ? [] : [.list(ReportList(valueItems))]),
                ReportSection(id: "records", heading: language.text(.compareRecords, count(records.count)),
                              blocks: recordItems.isEmpty ? [] : [.list(ReportList(recordItems))]),
            ]),
            language: language)
    }

    /// A worksheet's value that changed: "Step 6, Mediator: not written → Fundación Agua", or text of paragraphs
    /// in full under its place, as a note's.
    private func valueItem(_ change: ValueChange) -> ReportListItem {
        let arguments: [String: MessageArgument] = [
            "step": .integer(change.stepNumber), "field": .text(change.field.bidiBalanced()),
            "item": .text(change.item.bidiBalanced()),
        ]
        let placeID: MessageID = change.itemID.isEmpty ? .compareValuesField
            : change.isNote ? .compareValuesItemNote : .compareValuesItem
        let place = language.text(placeID, arguments)
        let shown = { (value: String) in value.isEmpty ? language.text(.compareValuesNotWritten) : value }
        guard !change.isLong else {
            return ReportListItem(place, details: [
                .paragraph(language.text(.compareNotesBefore, ["note": .text(shown(change.before))])),
                .paragraph(language.text(.compareNotesNow, ["note": .text(shown(change.after))])),
            ])
        }
        let asked = change.itemID.isEmpty && (change.field.hasSuffix("?") || change.field.hasSuffix(":"))
        return ReportListItem(language.text(asked ? .compareValuesAnswered : .compareValuesChanged, [
            "place": .text(place), "before": .text(shown(change.before).bidiBalanced()),
            "after": .text(shown(change.after).bidiBalanced()),
        ]))
    }

    /// The comparison as JSON (`isp-wizard-comparison`), for other tools.
    public func json() -> Data {
        let document = ComparisonDocument(
            format: "isp-wizard-comparison", schemaVersion: 2, partnershipID: new.session.partnershipID,
            partnership: new.session.partnership,
            before: .init(new: false, of: self), after: .init(new: true, of: self),
            steps: steps.map {
                .init(number: $0.number, title: $0.title, before: .init($0.before, in: language),
                      after: .init($0.after, in: language))
            },
            moves: moves.map { .init(promptID: $0.prompt.promptID, stepNumber: $0.prompt.stepNumber,
                                      questionNumber: $0.prompt.questionNumber, before: $0.before, after: $0.after,
                                      change: $0.change) },
            statusChanges: statusChanges.map { .init(promptID: $0.prompt.promptID, stepNumber: $0.prompt.stepNumber,
                                                     questionNumber: $0.prompt.questionNumber, before: $0.before,
                                                     after: $0.after) },
            notes: notes.map { .init(promptID: $0.prompt.promptID, whose: $0.participant ?? "the group",
                                      before: $0.before, after: $0.after, added: $0.added, removed: $0.removed) },
            findings: findings.map { .init(promptID: $0.prompt.promptID, stepNumber: $0.prompt.stepNumber,
                                           questionNumber: $0.prompt.questionNumber, before: $0.before,
                                           after: $0.after) },
            joined: joined, left: left,
            values: values.map { .init(address: $0.address.description, stepNumber: $0.stepNumber, field: $0.field,
                                       itemID: $0.itemID.isEmpty ? nil : $0.itemID,
                                       item: $0.itemID.isEmpty ? nil : $0.item, part: $0.isNote ? .note : .value,
                                       before: $0.before, after: $0.after) },
            records: records.map { .init(list: $0.list, address: $0.address.description, change: $0.kind,
                                         rowID: $0.rowID, row: $0.row, choices: $0.choices) })
        return ((try? SessionFile.encodeJSON(document)) ?? Data()) + Data("\n".utf8)
    }

    /// A change of a score with its sign, "+0.5", "−1.0" or "±0.0", with the language's decimal separator.
    private func signed(_ change: Double) -> String {
        let id: MessageID = change > 0 ? .compareChangeUp : change < 0 ? .compareChangeDown : .compareChangeNone
        return language.text(id, ["change": .decimal(abs(change))])
    }

    /// A note cut at `limit` characters, its line breaks kept (every format shows them as line breaks).
    private func shortened(_ text: String, limit: Int = 120) -> String {
        guard !text.isBlank else { return language.text(.compareNotesNone) }
        var left = limit
        var lines: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if left <= 0, let last = lines.indices.last {
                lines[last] += "…"
                break
            }
            lines.append(String(line).excerpt(limit: left))
            // Cut there, with its "…".
            if line.count > left { break }
            left -= line.count + 1
        }
        return lines.joined(separator: "\n")
    }

    /// Runs of words, each quoted, separated by commas.
    private func quoted(_ runs: [String]) -> String {
        runs.map { language.text(.compareQuoted, ["text": .text(shortened($0, limit: 60))]) }.joined(separator: ", ")
    }
}

extension [RoundComparison.NoteChange] {
    /// The change of one note, or none when it did not change.
    init(prompt: PromptReference, participant: String?, _ before: String, _ after: String) {
        guard before != after else {
            self = []
            return
        }
        let (added, removed) = wordChanges(from: before, to: after)
        self = [RoundComparison.NoteChange(prompt: prompt, participant: participant, before: before, after: after,
                                           added: added, removed: removed)]
    }
}

/// The runs of words added and removed from one text to the other, by their longest common subsequence of words
/// (the common start and end set aside first; a middle too long to compare word by word counts as replaced).
func wordChanges(from before: String, to after: String) -> (added: [String], removed: [String]) {
    let old = before.split(whereSeparator: \.isWhitespace).map(String.init)
    let new = after.split(whereSeparator: \.isWhitespace).map(String.init)
    var start = 0
    while start < old.count, start < new.count, old[start] == new[start] { start += 1 }
    var end = 0
    while end < old.count - start, end < new.count - start, old[old.count - 1 - end] == new[new.count - 1 - end] {
        end += 1
    }
    let oldMiddle = Array(old[start..<old.count - end])
    let newMiddle = Array(new[start..<new.count - end])
    guard oldMiddle.count * newMiddle.count <= 250_000 else {
        return (newMiddle.isEmpty ? [] : [newMiddle.joined(separator: " ")],
                oldMiddle.isEmpty ? [] : [oldMiddle.joined(separator: " ")])
    }
    // lengths[i][j]: the longest common subsequence of oldMiddle[i...] and newMiddle[j...].
    var lengths = Array(repeating: Array(repeating: 0, count: newMiddle.count + 1), count: oldMiddle.count + 1)
    for i in stride(from: oldMiddle.count - 1, through: 0, by: -1) {
        for j in stride(from: newMiddle.count - 1, through: 0, by: -1) {
            lengths[i][j] = oldMiddle[i] == newMiddle[j] ? lengths[i + 1][j + 1] + 1
                : Swift.max(lengths[i + 1][j], lengths[i][j + 1])
        }
    }
    var added: [String] = []
    var removed: [String] = []
    var addedRun: [String] = []
    var removedRun: [String] = []
    func closeRuns() {
        if !addedRun.isEmpty { added.append(addedRun.joined(separator: " ")) }
        if !removedRun.isEmpty { removed.append(removedRun.joined(separator: " ")) }
        addedRun = []
        removedRun = []
    }
    var (i, j) = (0, 0)
    while i < oldMiddle.count || j < newMiddle.count {
        if i < oldMiddle.count, j < newMiddle.count, oldMiddle[i] == newMiddle[j] {
            closeRuns()
            i += 1
            j += 1
        } else if j < newMiddle.count, i == oldMiddle.count || lengths[i][j + 1] >= lengths[i + 1][j] {
            addedRun.append(newMiddle[j])
            j += 1
        } else {
            removedRun.append(oldMiddle[i])
            i += 1
        }
    }
    closeRuns()
    return (added, removed)
}

/// The comparison in its JSON file.
struct ComparisonDocument: Encodable {
    struct Round: Encodable {
        var round: Int
        var createdAt: Date
        var updatedAt: Date
        var unconfirmedAnswers: Int

        init(new: Bool, of comparison: RoundComparison) {
            let session = new ? comparison.new.session : comparison.old.session
            round = session.round
            createdAt = session.createdAt
            updatedAt = session.updatedAt
            unconfirmedAnswers = session.unconfirmedAnswers
        }
    }

    struct Figures: Encodable {
        var score: Double?
        var band: Band
        var rated: Int
        var applicable: Int
        /// Why a critical question holds the step at Developing ("critical question without a stage"), if one does,
        /// in the comparison's language.
        var capNote: String?
        var criticalWithoutStage: Bool
        var toConfirm: Int

        init(_ step: StepReadiness, in language: Language) {
            score = step.score
            band = step.band
            rated = step.rated
            applicable = step.applicable
            capNote = step.capReason.map { language.text($0) }
            criticalWithoutStage = step.criticalWithoutStage
            toConfirm = step.toConfirm
        }
    }

    struct Step: Encodable {
        var number: Int
        var title: String
        var before: Figures
        var after: Figures
    }

    struct Move: Encodable {
        var promptID: String
        var stepNumber: Int
        var questionNumber: Int
        var before: String
        var after: String
        var change: Double
    }

    struct StatusChange: Encodable {
        var promptID: String
        var stepNumber: Int
        var questionNumber: Int
        var before: String
        var after: String
    }

    /// A group finding that changed; nil for none recorded in that round.
    struct FindingChange: Encodable {
        var promptID: String
        var stepNumber: Int
        var questionNumber: Int
        var before: Finding?
        var after: Finding?

        func encode(to encoder: any Encoder) throws {
            // Both sides always, null for none, so that a reader sees a finding recorded or cleared.
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(promptID, forKey: .promptID)
            try container.encode(stepNumber, forKey: .stepNumber)
            try container.encode(questionNumber, forKey: .questionNumber)
            try container.encode(before, forKey: .before)
            try container.encode(after, forKey: .after)
        }

        private enum CodingKeys: String, CodingKey {
            case promptID, stepNumber, questionNumber, before, after
        }
    }

    struct Note: Encodable {
        var promptID: String
        var whose: String
        var before: String
        var after: String
        var added: [String]
        var removed: [String]
    }

    var format: String
    var schemaVersion: Int
    /// The release that wrote it.
    var generator = "isp-wizard \(ispWizardVersion)"
    var partnershipID: String
    var partnership: Partnership
    var before: Round
    var after: Round
    var steps: [Step]
    var moves: [Move]
    /// Moves in kind: the group ratings before and after, as the lists show them.
    var statusChanges: [StatusChange]
    var notes: [Note]
    /// The analysis questions whose group finding changed (added in this release: a reader of schema 2 may ignore
    /// it).
    var findings: [FindingChange]
    var joined: [Participant]
    var left: [Participant]
    /// The worksheets' values outside their lists that changed (added in this release: a reader of schema 2 may
    /// ignore it).
    var values: [Value]
    var records: [Record]

    /// A worksheet's value that changed, as shown ("" for nothing written); a grid's cell or a checklist item's
    /// mark or note names its row or item.
    struct Value: Encodable {
        enum Part: String, Encodable {
            /// The field's value, the grid's cell, the checklist item's mark.
            case value
            /// The checklist item's note.
            case note
        }

        /// Where the field lives: `s6.mediator`.
        var address: String
        var stepNumber: Int
        var field: String
        var itemID: String?
        var item: String?
        var part: Part
        var before: String
        var after: String
    }

    struct Record: Encodable {
        var list: String
        /// Where the list lives: `s6.actions`.
        var address: String
        var change: RoundComparison.RecordChange.Kind
        var rowID: String
        var row: String
        var choices: [RoundComparison.RecordChange.ChoiceChange]
    }
}
