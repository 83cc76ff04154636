#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Two rounds of one partnership side by side: each step's score and standing before and after, the questions
/// whose group rating moved by 2 points or more or changed in kind (rated, Not applicable, Don't know for the room),
/// the notes that changed, who joined or left, and the rows of the records' lists added, removed or with a choice
/// changed (an action's status, a ground rule agreed).
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
        /// "the group", or the participant's name.
        public var whose: String
        public var before: String
        public var after: String
        /// The runs of words added and removed, in the note's order.
        public var added: [String]
        public var removed: [String]
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
        /// The row's name (its name column, else its first), as it reads in the round that has it.
        public var row: String
        public var choices: [ChoiceChange]
    }

    public let guide: Guide
    public let old: SummaryReport
    public let new: SummaryReport
    public let steps: [StepChange]
    public let moves: [RatingMove]
    /// The questions rated in one round and Not applicable or Don't know for the room in the other, or the reverse.
    public let statusChanges: [ReadinessChanges.StatusChange]
    public let notes: [NoteChange]
    /// Participants of the new round who were not in the old one (by id), and those of the old one who are gone.
    public let joined: [Participant]
    public let left: [Participant]
    /// The rows of the records' lists that changed, list by list in guide order.
    public let records: [RecordChange]

    public init(guide: Guide, old: Session, new: Session) {
        self.guide = guide
        let before = SummaryReport(guide: guide, session: old)
        let after = SummaryReport(guide: guide, session: new)
        self.old = before
        self.new = after
        statusChanges = ReadinessChanges(old: before, new: after).statusChanges
        steps = zip(before.summary.steps, after.summary.steps).map { old, new in
            StepChange(number: new.number, title: new.title, before: old, after: new)
        }
        var moves: [RatingMove] = []
        var notes: [NoteChange] = []
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
                notes += [NoteChange](prompt: reference, whose: "the group", oldAnswer.notes, newAnswer.notes)
                for participant in stayed {
                    notes += [NoteChange](prompt: reference, whose: after.displayName(participant),
                                          oldAnswer.voices[participant.id]?.note ?? "",
                                          newAnswer.voices[participant.id]?.note ?? "")
                }
            }
        }
        self.moves = moves
        self.notes = notes
        joined = new.raters.filter { participant in !old.raters.contains { $0.id == participant.id } }
        left = old.raters.filter { participant in !new.raters.contains { $0.id == participant.id } }
        records = Self.recordChanges(guide: guide, old: old, new: new)
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
                let name = { (row: RecordRow) -> String in
                    let text = row.text(nameColumn ?? columns.first?.id ?? "").onOneLine
                    return text.isBlank ? "(no name)" : text
                }
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

    /// The comparison as a document, for text, Markdown and HTML.
    public var document: ReportDocument {
        let session = new.session
        var intro: [ReportBlock] = []
        if !session.partnership.focalIssue.isBlank {
            intro.append(.paragraph("Focal issue: \(session.partnership.focalIssue)"))
        }
        intro.append(.paragraph("Round \(old.session.round) (started \(old.day(old.session.createdAt))) compared "
                                    + "with round \(session.round) (started \(new.day(session.createdAt)))"))
        let unconfirmed = session.unconfirmedAnswers
        if unconfirmed > 0 {
            let answers = unconfirmed == 1 ? "1 answer" : "\(unconfirmed) answers"
            intro.append(.remark("In round \(session.round), \(answers) carried over from the round before "
                                     + "\(unconfirmed == 1 ? "is" : "are") not confirmed yet: they count as they were."))
        }
        let stepTable = DocumentTable(
            name: "steps",
            columns: ["Step", "Round \(old.session.round)", "Round \(session.round)", "Change"],
            rows: steps.map { step in
                // No change is figured on a step that shows no score, as the summary shows none.
                let change = step.before.shownScore == nil ? "" : step.before.score.flatMap { was in
                    step.after.shownScore == nil ? nil : step.after.score.map { now in
                        signed(Double(tenths(now) - tenths(was)) / 10)
                    }
                } ?? ""
                return ["\(step.number) \(step.title)", step.before.figures, step.after.figures, change]
            })
        let moved = moves.map { move in
            ReportListItem("\(new.place(move.prompt)): \(move.before) → \(move.after) (\(signed(move.change))): "
                               + move.prompt.text)
        }
        let changedStatus = statusChanges.map { change in
            ReportListItem("\(change.line): \(change.prompt.text)")
        }
        let changedNotes = notes.map { change in
            var details: [ReportBlock] = [.paragraph("Before: \(shortened(change.before))"),
                                          .paragraph("Now: \(shortened(change.after))")]
            if !change.added.isEmpty {
                details.append(.paragraph("Added: " + change.added.map { "“\(shortened($0, limit: 60))”" }
                    .joined(separator: ", ")))
            }
            if !change.removed.isEmpty {
                details.append(.paragraph("Removed: " + change.removed.map { "“\(shortened($0, limit: 60))”" }
                    .joined(separator: ", ")))
            }
            return ReportListItem("\(new.place(change.prompt)), notes of \(change.whose.bidiBalanced()): "
                                      + change.prompt.text,
                                  details: details)
        }
        var people: [ReportBlock] = []
        if !joined.isEmpty {
            people.append(.paragraph("Joined: " + joined.map { new.describe($0, withSector: true) }
                .joined(separator: ", ")))
        }
        if !left.isEmpty {
            people.append(.paragraph("Left: " + left.map { old.describe($0, withSector: true) }
                .joined(separator: ", ")))
        }
        if people.isEmpty { people.append(.paragraph("The same participants took part in both rounds.")) }
        let recordItems = records.map { change in
            let row = "“\(change.row.excerpt(limit: 60))”"
            switch change.kind {
            case .added: return ReportListItem("\(change.list.bidiBalanced()): added \(row)")
            case .removed: return ReportListItem("\(change.list.bidiBalanced()): removed \(row)")
            case .changed:
                let choices = change.choices.map { choice in
                    "\(choice.column.bidiBalanced()) was "
                        + (choice.before.isEmpty ? "not set" : choice.before.bidiBalanced()) + ", now "
                        + (choice.after.isEmpty ? "not set" : choice.after.bidiBalanced())
                }
                return ReportListItem("\(change.list.bidiBalanced()), \(row): " + choices.joined(separator: "; "))
            }
        }
        return ReportDocument(
            title: "Rounds compared: \(session.displayName)", intro: intro,
            sections: [
                ReportSection(id: "steps", heading: "Readiness by step", blocks: [.table(stepTable)]),
                ReportSection(id: "moves", heading: "Ratings that moved by 2 points or more: \(moves.count)",
                              blocks: new.questionList(moved)),
                ReportSection(id: "status", heading: "Questions whose status changed: \(statusChanges.count)",
                              blocks: new.questionList(changedStatus)),
                ReportSection(id: "notes", heading: "Notes that changed: \(notes.count)",
                              blocks: new.questionList(changedNotes)),
                ReportSection(id: "participants", heading: "Participants", blocks: people),
            ] + (records.isEmpty && !old.session.hasRecords && !session.hasRecords ? [] : [
                ReportSection(id: "records", heading: "Records that changed: \(records.count)",
                              blocks: recordItems.isEmpty ? [] : [.list(ReportList(recordItems))]),
            ]))
    }

    /// The comparison as JSON (`isp-wizard-comparison`), for other tools.
    public func json() -> Data {
        let document = ComparisonDocument(
            format: "isp-wizard-comparison", schemaVersion: 2, partnershipID: new.session.partnershipID,
            partnership: new.session.partnership,
            before: .init(new: false, of: self), after: .init(new: true, of: self),
            steps: steps.map {
                .init(number: $0.number, title: $0.title, before: .init($0.before), after: .init($0.after))
            },
            moves: moves.map { .init(promptID: $0.prompt.promptID, stepNumber: $0.prompt.stepNumber,
                                      questionNumber: $0.prompt.questionNumber, before: $0.before, after: $0.after,
                                      change: $0.change) },
            statusChanges: statusChanges.map { .init(promptID: $0.prompt.promptID, stepNumber: $0.prompt.stepNumber,
                                                     questionNumber: $0.prompt.questionNumber, before: $0.before,
                                                     after: $0.after) },
            notes: notes.map { .init(promptID: $0.prompt.promptID, whose: $0.whose, before: $0.before, after: $0.after,
                                      added: $0.added, removed: $0.removed) },
            joined: joined, left: left,
            records: records.map { .init(list: $0.list, address: $0.address.description, change: $0.kind,
                                         rowID: $0.rowID, row: $0.row, choices: $0.choices) })
        return ((try? SessionFile.encodeJSON(document)) ?? Data()) + Data("\n".utf8)
    }

    private func signed(_ change: Double) -> String {
        (change > 0 ? "+" : change < 0 ? "−" : "±") + String(format1: abs(change))
    }

    /// A note on one line, cut at `limit` characters.
    private func shortened(_ text: String, limit: Int = 120) -> String {
        text.isBlank ? "(none)" : text.excerpt(limit: limit)
    }
}

extension [RoundComparison.NoteChange] {
    /// The change of one note, or none when it did not change.
    init(prompt: PromptReference, whose: String, _ before: String, _ after: String) {
        guard before != after else {
            self = []
            return
        }
        let (added, removed) = wordChanges(from: before, to: after)
        self = [RoundComparison.NoteChange(prompt: prompt, whose: whose, before: before, after: after, added: added,
                                           removed: removed)]
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
        /// Why a critical question holds the step at Developing ("critical question without a stage"), if one does.
        var capNote: String?
        var criticalWithoutStage: Bool
        var toConfirm: Int

        init(_ step: StepReadiness) {
            score = step.score
            band = step.band
            rated = step.rated
            applicable = step.applicable
            capNote = step.capNote
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
    var joined: [Participant]
    var left: [Participant]
    var records: [Record]

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
