#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Messages

/// The meeting record, to hand out after a workshop as "a summary of different viewpoints written for
/// distribution": the readiness summary, then every question with each voice's rating and note, the consensus
/// and its reason and the group's notes, then the partnership's records and the methods note.
///
/// The one place a report gains content: what is added to `document` shows in text, Markdown and HTML, a table
/// added to `tables` becomes a CSV table (`--table NAME`), and the JSON carries the whole session's answers.
public struct MeetingRecord: Sendable {
    public let report: SummaryReport

    /// The record of a session in `language`; `today` decides which actions are overdue.
    public init(guide: Guide, session: Session, today: CalendarDate = .today(), language: Language = .english) {
        report = SummaryReport(guide: guide, session: session, today: today, language: language)
    }

    private var session: Session { report.session }
    private var guide: Guide { report.guide }
    private var language: Language { report.language }

    public var document: ReportDocument {
        ReportDocument(title: language.text(.reportRecordTitle, ["name": .text(session.displayName(in: language))]),
                       intro: report.intro(dated: true),
                       sections: report.readinessSections(listingVoices: false) + answerSections + recordSections
                           + report.closingSections, language: language)
    }

    /// A column's name in the record's language.
    private func column(_ id: MessageID) -> String { language.text(id) }

    /// A sector's name in the record's language; empty for none.
    private func sectorName(_ sector: Sector?) -> String { sector.map { language.text($0.message) } ?? "" }

    /// The tables a CSV can hold: the answers (the default), the participants, each list of the records, the other
    /// values of the worksheets (`worksheets`), and records this version does not know (`other-NAME`).
    public var tables: [DocumentTable] {
        var tables = [answersTable]
        if !session.raters.isEmpty {
            tables.append(DocumentTable(
                name: "participants",
                columns: [.reportColumnParticipant, .reportColumnOrganisation, .reportColumnSector].map(column),
                rows: session.raters.enumerated().map { number, participant in
                    [participant.displayName(number: number + 1, in: language), participant.organisation,
                     sectorName(participant.sector)]
                }))
        }
        return tables + recordTables
    }

    /// The record as JSON (`isp-wizard-report`): every rating, note, consensus and record.
    public func json() -> Data {
        report.json(format: "isp-wizard-report")
    }

    // MARK: The answers

    /// A section a step, with its score, and in it a section a question.
    private var answerSections: [ReportSection] {
        guide.steps.enumerated().flatMap { stepIndex, step -> [ReportSection] in
            let readiness = report.summary.steps[stepIndex]
            let standing: [String: MessageArgument] = ["standing": .message(readiness.standingMessage()),
                                                       "score": readiness.shownScoreArgument ?? .text("")]
            let heading = ReportSection(
                id: "step-\(stepIndex + 1)",
                heading: language.text(.reportRecordStep,
                                       ["step": .integer(stepIndex + 1), "title": .text(step.title)]),
                blocks: [.paragraph(language.text(readiness.shownScoreArgument == nil ? .reportRecordNoScore
                                                      : .reportRecordScore, standing))])
            return [heading] + step.prompts.enumerated().map { promptIndex, prompt in
                questionSection(prompt, reference: PromptReference(
                    prompt: prompt, stepNumber: stepIndex + 1, questionNumber: promptIndex + 1,
                    rating: session.answer(for: prompt.id).groupRating(in: session.raters)))
            }
        }
    }

    /// A question: the group's rating (and whether it is a consensus), the reason, the notes, each voice.
    private func questionSection(_ prompt: Prompt, reference: PromptReference) -> ReportSection {
        let answer = session.answer(for: prompt.id)
        let raters = session.raters
        var marks: [String] = []
        if prompt.critical { marks.append(language.text(.reportRecordCritical)) }
        if prompt.derived { marks.append(language.text(.reportRecordDerived)) }
        let heading = language.text(marks.isEmpty ? .reportRecordQuestion : .reportRecordQuestionMarked, [
            "question": .integer(reference.questionNumber), "text": .text(prompt.text),
            "marks": .text(marks.joined(separator: ", ")),
        ])
        var blocks: [ReportBlock] = []
        let rating: [String: MessageArgument] = ["rating": .text(report.found(report.ratingLabel(reference),
                                                                             answer.finding))]
        let severalVoices = session.hasSeveralVoices(on: prompt.id)
        let ratingID: MessageID = !severalVoices ? .reportRecordRating
            : answer.rating == nil ? .reportRecordGroupRating : .reportRecordGroupRatingConsensus
        blocks.append(.paragraph(language.text(ratingID, rating)))
        if let change = ScaleChange.change(for: prompt.id, in: session) {
            blocks.append(.remark(language.text(change.message(in: session))))
        }
        if answer.divergence(in: raters) != nil {
            blocks.append(.remark(language.text(.reportRecordDiverge)))
        }
        if !answer.reason.isBlank {
            blocks.append(.paragraph(language.text(.reportConsensusReason, ["reason": .text(answer.reason)])))
        }
        if answer.isCarriedOver {
            blocks.append(.remark(language.text(.reportRecordCarriedOver, ["round": .integer(session.round - 1)])))
        }
        if !answer.notes.isBlank {
            blocks.append(.paragraph(language.text(severalVoices ? .reportRecordGroupNotes
                                                       : .reportRecordNotes,
                                                   ["notes": .text(answer.notes)])))
        }
        blocks += report.distributionBlocks(answer)
        let voices = answer.voices(in: raters)
        if !voices.isEmpty {
            blocks.append(.table(DocumentTable(
                columns: [column(.reportColumnParticipant), column(.reportColumnOrganisation),
                          column(.reportColumnSector), column(.reportColumnRating), column(.reportColumnNote)],
                rows: voices.map { participant, voice in
                    [report.displayName(participant), participant.organisation,
                     sectorName(participant.sector), ratingCell(voice), voice.note]
                })))
        }
        return ReportSection(id: prompt.id, heading: heading, level: 3, blocks: blocks)
    }

    /// A voice's rating in the record's table, with what the partner found beside it; empty for neither.
    private func ratingCell(_ voice: Voice) -> String {
        guard voice.finding != nil else { return voice.rating.map(report.rated) ?? "" }
        return report.found(voice.rating.map(report.rated) ?? language.text(.reportNoRating), voice.finding)
    }

    /// A row per question for the group (the one voice, or the consensus or mean and the group's notes), a row per
    /// participant who answered it, and a row per rating (and sector) of its anonymous votes, with no name.
    private var answersTable: DocumentTable {
        let raters = session.raters
        let selfAssessment = session.mode == .selfAssessment
        var rows: [[String]] = []
        for (stepIndex, step) in guide.steps.enumerated() {
            for prompt in step.prompts {
                let answer = session.answer(for: prompt.id)
                let question = ["\(stepIndex + 1)", prompt.id, prompt.text]
                let group: [String]
                let groupRating = answer.groupRating(in: raters)
                switch groupRating {
                case .given(let rating): group = [rating.code, language.text(rating.message)]
                case .mean(let mean):
                    // CSV numbers keep their point in every language: a spreadsheet reads them as numbers.
                    let rated = Message(.reportRatedOf, ["rated": .integer(answer.stages(in: raters).count),
                                                         "count": .integer(answer.voterCount(in: raters))])
                    group = [String(format1: mean), language.text(.reportAnswersMean, ["rated": .message(rated)])]
                case .notApplicable: group = [Rating.notApplicable.code, language.text(.reportAnswersNotApplicable)]
                case .dontKnow: group = [Rating.dontKnow.code, language.text(.reportAnswersDontKnow)]
                case .dontKnowMajority, .mostlyNotApplicable:
                    let split = groupRating.split.map(MessageArgument.message) ?? .text("")
                    group = ["", language.text(.reportAnswersSplit, ["split": split])]
                case .unanswered: group = ["", language.text(.reportAnswersNotAnswered)]
                }
                let who = selfAssessment ? [session.organisation, session.organisation, sectorName(session.sector)]
                    : [language.text(.reportAnswersGroup), "", ""]
                rows.append(question + who + group + [answer.notes, answer.reason])
                for (number, participant) in raters.enumerated() {
                    guard let voice = answer.voices[participant.id], !voice.isEmpty else { continue }
                    rows.append(question + [
                        participant.displayName(number: number + 1, in: language), participant.organisation,
                        sectorName(participant.sector), voice.rating?.code ?? "",
                        voice.rating.map { language.text($0.message) } ?? "",
                        voice.note, "",
                    ])
                }
                for count in answer.distribution?.counts ?? [] {
                    rows.append(question + [
                        language.text(.votesReportAnonymousVotes, ["count": .integer(count.votes)]), "",
                        sectorName(count.sector), count.rating.code, language.text(count.rating.message), "", "",
                    ])
                }
            }
        }
        return DocumentTable(
            name: "answers",
            columns: [.reportColumnStep, .reportColumnPromptID, .reportColumnQuestion, .reportColumnParticipant,
                      .reportColumnOrganisation, .reportColumnSector, .reportColumnRating, .reportColumnRatingLabel,
                      .reportColumnNote, .reportColumnReason].map(column),
            rows: rows)
    }

    // MARK: The records

    /// The partnership's records in full, as a part of their own: the flags, each worksheet with something in it,
    /// what merged self-assessments kept apart, and records this version does not know.
    private var recordSections: [ReportSection] {
        let sections = report.records.sections(level: 3, complete: true)
        guard !sections.isEmpty else { return [] }
        return [ReportSection(id: "records", heading: language.text(.reportRecordRecords))] + sections
    }

    private var recordTables: [DocumentTable] { report.records.tables }
}

extension DocumentTable {
    /// A JSON value as a table: a list of objects as a row each, with a column for every field any of them has;
    /// a list of other values as one column; an object as a field and value a row; anything else as one cell.
    init(name: String, json: JSONValue) {
        switch json {
        case .array(let items):
            let objects = items.compactMap { item -> [String: JSONValue]? in
                if case .object(let fields) = item { return fields }
                return nil
            }
            guard objects.count == items.count, !items.isEmpty else {
                self.init(name: name, columns: ["Value"], rows: items.map { [$0.cellText] })
                return
            }
            var columns: [String] = []
            for object in objects {
                columns += object.keys.sorted().filter { !columns.contains($0) }
            }
            self.init(name: name, columns: columns,
                      rows: objects.map { object in columns.map { object[$0]?.cellText ?? "" } })
        case .object(let fields):
            self.init(name: name, columns: ["Field", "Value"],
                      rows: fields.keys.sorted().map { [$0, fields[$0]?.cellText ?? ""] })
        default:
            self.init(name: name, columns: ["Value"], rows: [[json.cellText]])
        }
    }
}

extension JSONValue {
    /// The value in a table's cell: text as it is, a whole number without decimals, a list or object as JSON.
    var cellText: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "yes" : "no"
        case .string(let value): return value
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
            return String(value)
        case .integer(let value): return value.description
        case .array, .object:
            return (try? SessionFile.encodeCompactJSON(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}
