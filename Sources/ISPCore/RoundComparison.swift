#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Two rounds of one partnership side by side: each step's score and band before and after, the questions whose
/// group rating moved by 2 points or more, the notes that changed, and who joined or left.
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

    public let guide: Guide
    public let old: SummaryReport
    public let new: SummaryReport
    public let steps: [StepChange]
    public let moves: [RatingMove]
    public let notes: [NoteChange]
    /// Participants of the new round who were not in the old one (by id), and those of the old one who are gone.
    public let joined: [Participant]
    public let left: [Participant]

    public init(guide: Guide, old: Session, new: Session) {
        self.guide = guide
        let before = SummaryReport(guide: guide, session: old)
        let after = SummaryReport(guide: guide, session: new)
        self.old = before
        self.new = after
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
        // Actions done, overdue and new since the last round join here once the action plan is a record of its
        // own (the issue "The partnership's own records"); until then the records are not compared.
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
                let change = step.before.score.flatMap { was in
                    step.after.score.map { now in signed(Double(tenths(now) - tenths(was)) / 10) }
                } ?? ""
                return ["\(step.number) \(step.title)", figures(step.before), figures(step.after), change]
            })
        let moved = moves.map { move in
            ReportListItem("\(new.place(move.prompt)): \(move.before) → \(move.after) (\(signed(move.change))): "
                               + move.prompt.text)
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
            return ReportListItem("\(new.place(change.prompt)), notes of \(change.whose): \(change.prompt.text)",
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
        return ReportDocument(
            title: "Rounds compared: \(session.displayName)", intro: intro,
            sections: [
                ReportSection(id: "steps", heading: "Readiness by step", blocks: [.table(stepTable)]),
                ReportSection(id: "moves", heading: "Ratings that moved by 2 points or more: \(moves.count)",
                              blocks: new.questionList(moved)),
                ReportSection(id: "notes", heading: "Notes that changed: \(notes.count)",
                              blocks: new.questionList(changedNotes)),
                ReportSection(id: "participants", heading: "Participants", blocks: people),
            ])
    }

    /// The comparison as JSON (`isp-wizard-comparison`), for other tools.
    public func json() -> Data {
        let document = ComparisonDocument(
            format: "isp-wizard-comparison", schemaVersion: 1, partnershipID: new.session.partnershipID,
            partnership: new.session.partnership,
            before: .init(new: false, of: self), after: .init(new: true, of: self),
            steps: steps.map {
                .init(number: $0.number, title: $0.title, before: .init($0.before), after: .init($0.after))
            },
            moves: moves.map { .init(promptID: $0.prompt.promptID, stepNumber: $0.prompt.stepNumber,
                                      questionNumber: $0.prompt.questionNumber, before: $0.before, after: $0.after,
                                      change: $0.change) },
            notes: notes.map { .init(promptID: $0.prompt.promptID, whose: $0.whose, before: $0.before, after: $0.after,
                                      added: $0.added, removed: $0.removed) },
            joined: joined, left: left)
        return ((try? SessionFile.encodeJSON(document)) ?? Data()) + Data("\n".utf8)
    }

    /// "2.5 Developing", or "no score (Insufficient answers)".
    private func figures(_ step: StepReadiness) -> String {
        (step.score.map { String(format1: $0) } ?? "no score") + " \(step.band.rawValue)"
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

        init(_ step: StepReadiness) {
            score = step.score
            band = step.band
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
    var partnershipID: String
    var partnership: Partnership
    var before: Round
    var after: Round
    var steps: [Step]
    var moves: [Move]
    var notes: [Note]
    var joined: [Participant]
    var left: [Participant]
}
