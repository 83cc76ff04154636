#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The readiness summary as lines, shared by the summary screen and `isp-wizard summary`.
public struct SummaryReport: Sendable {
    public let guide: Guide
    public let session: Session
    public let summary: ReadinessSummary
    /// Sector means, divergences and consensus, shown when the session has participants.
    public let voices: VoicesSummary
    /// The day that decides which actions are overdue.
    public let today: CalendarDate
    /// The partnership's records and their flags.
    let records: RecordsReport
    /// Each rater's 1-based place among the raters, by id (the first, should two share one), which numbers those
    /// without a name: looked up for every voice of a thousand.
    let raterNumbers: [String: Int]

    /// The summary of a session; `today` decides which actions are overdue (an action due today is not).
    public init(guide: Guide, session: Session, today: CalendarDate = .today()) {
        self.guide = guide
        self.session = session
        self.summary = ReadinessSummary(guide: guide, session: session)
        self.voices = VoicesSummary(guide: guide, session: session)
        self.today = today
        self.records = RecordsReport(guide: guide, session: session, today: today)
        self.raterNumbers = Dictionary(session.raters.enumerated().map { ($0.element.id, $0.offset + 1) },
                                       uniquingKeysWith: { first, _ in first })
    }

    /// The facts in the records to discuss: actions without an owner or a date, overdue actions, a convener not
    /// accepted or not asked, a sector missing from the register, step 6 rated with no ground rule agreed.
    public var recordFlags: [RecordFlag] { records.flags }

    /// How readiness is computed, as the summary's closing methods note.
    public static let methodsNote = [
        "Each question is rated on five stages: 0 Not started, 1 Emerging, 2 Partial, 3 In place, "
            + "4 Institutionalised. The notes are the answer; the rating says how settled it is.",
        "A step's score is the mean of its rated questions. Not applicable questions are left out. Don't know "
            + "and unanswered questions get no score and count against coverage (rated ÷ applicable). Answers "
            + "carried over from the last round count as rated until confirmed.",
        "Bands: Ready at 3.0 or more, Developing from 2.0, Not ready below 2.0. With coverage under 50 % a "
            + "step shows Insufficient answers instead, and no bar. A critical question rated 0 or 1, or "
            + "without a stage (Don't know, not answered, Not applicable), holds its step at Developing at best; "
            + "Not applicable there, or on a key question of step 6, asks for a reason.",
        "A phase's score is the mean of its steps' scores, provisional while any of its steps has "
            + "insufficient answers or a critical question without a stage. Means are rounded half up and "
            + "compared as shown. There is no overall total: a partnership is no stronger than its weakest step.",
        "The result is an aid to discussion, not an absolute measurement.",
    ]

    /// How several voices are scored, added to the methods note when the session has participants.
    public static let severalVoicesNote = [
        "With several voices, a question's group rating is the consensus when one is recorded, else the mean of "
            + "the participants' ratings (no consensus yet), with how many it stands on. When fewer than half of "
            + "those who gave a stage or Don't know gave a stage, or most said Not applicable, it has no group "
            + "rating. A consensus far from the voices asks for its reason. A mean below 1.5 counts as 0 or 1.",
        "Government, business and civil society are compared on the questions both rated, each having rated "
            + "at least half the step; a gap of 1.0 or more is flagged. Donors and Other are shown beside, with "
            + "a line of their own when the donors differ by 1.0 or more. A question diverges when its ratings "
            + "span 2 points or more, or when their mean is 3 or more while someone rated 1 or less (hidden "
            + "dissent). With fewer than three ratings, each rating is shown rather than a mean.",
    ]

    /// How the records are flagged, added to the methods note when the session has records.
    public static let recordsNote = [
        "The records are read for facts to discuss: an action with neither an owner organisation nor an owner "
            + "person, or without a due date (text that is not a date counts as none); an action past its due date "
            + "that is neither done nor dropped (an action due today is not overdue); a named convener a sector "
            + "does not accept, or has not been asked about; government, business or civil society without an "
            + "organisation in a register that has any; step 6 rated (a stage or a mean on any of its questions) "
            + "while no ground rule is agreed (workshops only); the first meeting's outcome No; an organisation "
            + "not committed in step 5. Ratings of 3 or more are held against the records: who convenes, with no "
            + "convener named or a sector that has not accepted; the key organisations, with a sector missing "
            + "from the register; the agreed problem, with no statement; the first key question of step 6, with "
            + "no action. A question the room left without a rating is not cross-checked.",
    ]

    /// The methods note for this session: with the several-voices paragraphs when it has participants, and how the
    /// records are flagged when it has records.
    public var methods: [String] {
        let voices = session.raters.isEmpty ? [] : Self.severalVoicesNote
        let records = records.hasWorksheetRecords ? Self.recordsNote : []
        return Self.methodsNote.dropLast() + voices + records + Self.methodsNote.suffix(1)
    }

    /// The summary as a document: who answered, the participants, the next step, the profile, the flags, what
    /// several voices add, the records and their flags, and the methods note.
    public var document: ReportDocument {
        ReportDocument(title: "Readiness summary: \(session.displayName)", intro: intro(dated: false),
                       sections: readinessSections(listingVoices: true) + records.sections(level: 2, complete: false)
                           + closingSections)
    }

    /// The summary as lines, as the summary screen shows them.
    public var lines: [ReportLine] { document.lines }

    /// The summary as plain text wrapped to `width` cells, for the terminal and for files.
    public func text(width: Int = 80) -> String {
        document.text(width: width)
    }

    /// The focal issue, who answered, with `dated` the round and its dates, and how many answers carried over
    /// from the last round wait to be confirmed.
    func intro(dated: Bool) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        if !session.partnership.focalIssue.isBlank {
            blocks.append(.paragraph("Focal issue: \(session.partnership.focalIssue)"))
        }
        blocks.append(.paragraph(session.whoIsAnswering))
        if dated {
            let started = day(session.createdAt)
            let changed = day(session.updatedAt)
            blocks.append(.paragraph("Round \(session.round), started \(started)"
                                         + (changed == started ? "" : ", last changed \(changed)")))
        }
        let unconfirmed = session.unconfirmedAnswers
        if unconfirmed > 0 {
            blocks.append(.remark("Carried over from round \(session.round - 1) and still to confirm: "
                                      + (unconfirmed == 1 ? "1 answer." : "\(unconfirmed) answers.")))
        }
        return blocks
    }

    /// Who took part, the next step, the profile, the sequence warnings, what several voices add, the concerns and
    /// the evidence gaps: the summary's sections, which the meeting record shows too. With `listingVoices`, each
    /// divergent question lists who rated what (the meeting record shows that with every question instead).
    func readinessSections(listingVoices: Bool) -> [ReportSection] {
        var sections = participantSections
        let next = summary.nextStep.map { "Next step to work on: Step \($0), \(summary.steps[$0 - 1].title)" }
        sections.append(ReportSection(id: "next-step", heading: next ?? "All seven steps are Ready; keep them under "
                                          + "review."))
        sections.append(ReportSection(id: "profile", heading: nil,
                                      blocks: [.profile(ReadinessProfile(guide: guide, summary: summary))]))
        // What the records raise comes early: it is what the partners can act on.
        sections += records.flagSections
        if !summary.sequenceWarnings.isEmpty {
            sections.append(ReportSection(id: "sequence-warnings", heading: "Sequence warnings",
                                          blocks: [.list(ReportList(summary.sequenceWarnings.map {
                                              ReportListItem($0.message)
                                          }))]))
        }
        sections += voicesSections(listingVoices: listingVoices)
        sections.append(ReportSection(id: "concerns", heading: "Concerns (rated 0 or 1): \(summary.concerns.count)",
                                      blocks: questionList(summary.concerns.map(flagItem))))
        let gaps = summary.evidenceGaps.filter { $0.rating != nil }.map(flagItem) + unansweredItems
        sections.append(ReportSection(
            id: "evidence-gaps", heading: "Evidence gaps (Don't know or not answered): \(summary.evidenceGaps.count)",
            blocks: questionList(gaps)))
        if !summary.notApplicableWithoutReason.isEmpty {
            sections.append(ReportSection(
                id: "not-applicable-without-reason",
                heading: "Not applicable without a reason: \(summary.notApplicableWithoutReason.count)",
                blocks: [.paragraph("A critical question, or one every partner needs to answer, marked Not "
                                        + "applicable: record why. It holds its step at Developing meanwhile.")]
                    + questionList(summary.notApplicableWithoutReason.map(flagItem))))
        }
        return sections
    }

    /// The reminder of a self-assessment, and the methods note.
    var closingSections: [ReportSection] {
        var sections: [ReportSection] = []
        if session.mode == .selfAssessment {
            sections.append(ReportSection(id: "self-assessment", heading: nil, blocks: [
                .remark("These are one organisation's own ratings: check them with the other partners, starting "
                            + "with the Don't know answers."),
            ]))
        }
        sections.append(ReportSection(id: "methods", heading: "How readiness is computed",
                                      blocks: methods.map(ReportBlock.paragraph)
                                          + [.paragraph("Source: \(guide.source)")]))
        return sections
    }

    /// A date as reports show it: `2026-11-28`.
    func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }

    /// A list of questions, or nothing when there are none.
    func questionList(_ items: [ReportListItem]) -> [ReportBlock] {
        items.isEmpty ? [] : [.list(ReportList(items, style: .questions))]
    }

    /// The summary as JSON, with the session's description, every prompt with every voice, and the methods note.
    public func json() -> Data {
        json(format: "isp-wizard-summary")
    }

    /// The JSON of the summary or of the meeting record, which differ in their format's name only: both carry
    /// every rating, note, consensus and record.
    func json(format: String) -> Data {
        let document = SummaryDocument(
            format: format, schemaVersion: 2, partnershipID: session.partnershipID, round: session.round,
            partnership: session.partnership, mode: session.mode,
            facilitator: session.mode == .workshop ? session.facilitator : nil,
            organisation: session.mode == .selfAssessment ? session.organisation : nil,
            sector: session.sector, guide: session.guide, createdAt: session.createdAt, updatedAt: session.updatedAt,
            unconfirmedAnswers: session.unconfirmedAnswers,
            steps: summary.steps, phases: summary.phases, concerns: summary.concerns,
            evidenceGaps: summary.evidenceGaps, notApplicableWithoutReason: summary.notApplicableWithoutReason,
            sequenceWarnings: summary.sequenceWarnings.map(\.message),
            nextStep: summary.nextStep, participants: session.raters, prompts: promptDocuments,
            sectors: voices.steps, divergences: voices.divergentPrompts.map(DivergenceDocument.init),
            consensusAgainstVoices: voices.consensusAgainstVoices,
            records: session.records, recordFlags: records.flags, structuredRecords: records.document(today: today),
            methods: methods)
        return (try? SessionFile.encodeJSON(document)) ?? Data()
    }

    /// Unanswered questions, one item a step, so that a session just begun does not list thirty questions.
    private var unansweredItems: [ReportListItem] {
        let unanswered = summary.evidenceGaps.filter { $0.rating == nil }
        return summary.steps.compactMap { step in
            let numbers = unanswered.filter { $0.stepNumber == step.number }.map(\.questionNumber)
            guard !numbers.isEmpty else { return nil }
            let which = numbers.count == step.prompts ? "all \(numbers.count) questions"
                : (numbers.count == 1 ? "question " : "questions ") + numbers.map(String.init).joined(separator: ", ")
            return ReportListItem("Step \(step.number), not answered: \(which)")
        }
    }

    /// "Step 1 Q2 (1 Emerging): the question", for the lists of flagged questions.
    func flagItem(_ reference: PromptReference) -> ReportListItem {
        ReportListItem("\(place(reference)) (\(ratingLabel(reference))): \(reference.text)")
    }
}

struct SummaryDocument: Encodable {
    var format: String
    /// The version of this document's layout; a change that would break a reader makes the next one.
    var schemaVersion: Int
    /// The release that wrote it.
    var generator = "isp-wizard \(ispWizardVersion)"
    var partnershipID: String
    var round: Int
    var partnership: Partnership
    var mode: Mode
    var facilitator: String?
    var organisation: String?
    var sector: Sector?
    var guide: GuideReference
    var createdAt: Date
    var updatedAt: Date
    /// Answers carried over from the previous round and not yet confirmed.
    var unconfirmedAnswers: Int
    var steps: [StepReadiness]
    var phases: [PhaseReadiness]
    var concerns: [PromptReference]
    var evidenceGaps: [PromptReference]
    /// Critical prompts and step 6's key questions marked Not applicable without a reason.
    var notApplicableWithoutReason: [PromptReference]
    var sequenceWarnings: [String]
    var nextStep: Int?
    var participants: [Participant]
    var prompts: [PromptDocument]
    var sectors: [StepSectors]
    var divergences: [DivergenceDocument]
    /// Prompts whose consensus goes against the voices and has no reason yet.
    var consensusAgainstVoices: [PromptReference]
    /// The partnership's records, as the session keeps them.
    var records: [String: JSONValue]
    /// The facts in the records to discuss.
    var recordFlags: [RecordFlag]
    /// The register, convening plan, ground rules and action plan with stable keys, references read.
    var structuredRecords: RecordsDocument
    var methods: [String]
}

extension Session {
    /// The partnership's name, or a stand-in while it has none.
    public var displayName: String {
        partnership.name.isBlank ? "Unnamed partnership" : partnership.name
    }

    /// "Workshop facilitated by …" or "Self-assessment by … (sector)".
    public var whoIsAnswering: String {
        switch mode {
        case .workshop:
            return facilitator.isBlank ? "Workshop" : "Workshop facilitated by \(facilitator)"
        case .selfAssessment:
            let who = organisation.isBlank ? "" : " by \(organisation.bidiBalanced())"
            let sector = sector.map { " (\($0.label))" } ?? ""
            return "Self-assessment\(who)\(sector)"
        }
    }
}

extension String {
    /// A number with one decimal, as scores are shown: `2.5`.
    public init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
