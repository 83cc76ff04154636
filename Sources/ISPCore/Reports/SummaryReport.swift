#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Messages

/// The readiness summary as lines, shared by the summary screen and `isp-wizard summary`.
public struct SummaryReport: Sendable {
    public let guide: Guide
    public let session: Session
    public let summary: ReadinessSummary
    /// Sector means, divergences and consensus, shown when the session has participants.
    public let voices: VoicesSummary
    /// The day that decides which actions are overdue.
    public let today: CalendarDate
    /// The reader's language: every text of the summary is in it, and JSON keys and values stay ids.
    public let language: Language
    /// The partnership's records and their flags.
    let records: RecordsReport
    /// Each rater's 1-based place among the raters, by id (the first, should two share one), which numbers those
    /// without a name: looked up for every voice of a thousand.
    let raterNumbers: [String: Int]

    /// The summary of a session in `language`; `today` decides which actions are overdue (an action due today is
    /// not).
    public init(guide: Guide, session: Session, today: CalendarDate = .today(), language: Language = .english) {
        self.guide = guide
        self.session = session
        self.language = language
        self.summary = ReadinessSummary(guide: guide, session: session)
        self.voices = VoicesSummary(guide: guide, session: session)
        self.today = today
        self.records = RecordsReport(guide: guide, session: session, today: today, language: language)
        self.raterNumbers = Dictionary(session.raters.enumerated().map { ($0.element.id, $0.offset + 1) },
                                       uniquingKeysWith: { first, _ in first })
    }

    /// The facts in the records to discuss: actions without an owner or a date, overdue actions, a convener not
    /// accepted or not asked, a sector missing from the register, step 6 rated with no ground rule agreed.
    public var recordFlags: [RecordFlag] { records.flags }

    /// How readiness is computed, as the summary's closing methods note.
    static let methodsParagraphs: [MessageID] = [
        .reportMethodsScale, .reportMethodsScore, .reportMethodsBands, .reportMethodsPhases, .reportMethodsAid,
    ]

    /// How several voices are scored, added to the methods note when the session has participants.
    static let severalVoicesParagraphs: [MessageID] = [.reportMethodsVoicesGroup, .reportMethodsVoicesSectors]

    /// How the records are flagged, added to the methods note when the session has records.
    static let recordsParagraphs: [MessageID] = [.reportMethodsRecords]

    /// The methods note for this session: with the several-voices paragraphs when it has participants, how the
    /// records are flagged when it has records, and that a finding is not scored when the room recorded one.
    public var methods: [String] {
        let voices = session.hasSeveralVoices ? Self.severalVoicesParagraphs : []
        let ballots: [MessageID] = session.hasAnonymousVotes ? [.votesReportMethods] : []
        let records = records.hasWorksheetRecords ? Self.recordsParagraphs : []
        let findings: [MessageID] = session.hasFindings ? [.reportMethodsFindings] : []
        let translation: [MessageID] = guide.isBuiltInTranslation ? [.translationMethods] : []
        return (Self.methodsParagraphs.dropLast() + voices + ballots + records + findings + translation
                + Self.methodsParagraphs.suffix(1))
            .map { language.text($0) }
    }

    /// The summary as a document: who answered, the participants, the next step, the profile, the flags, what
    /// several voices add, the records and their flags, and the methods note.
    public var document: ReportDocument {
        ReportDocument(title: language.text(.reportSummaryTitle, ["name": .text(session.displayName(in: language))]),
                       intro: intro(dated: false),
                       sections: readinessSections(listingVoices: true) + records.sections(level: 2, complete: false)
                           + closingSections, language: language)
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
            blocks.append(.paragraph(language.text(.reportFocalIssue,
                                                   ["issue": .text(session.partnership.focalIssue)])))
        }
        blocks.append(.paragraph(language.text(session.whoIsAnsweringMessage)))
        if dated {
            let started = day(session.createdAt)
            let changed = day(session.updatedAt)
            let round: [String: MessageArgument] = ["round": .integer(session.round), "started": .text(started),
                                                    "changed": .text(changed)]
            blocks.append(.paragraph(language.text(changed == started ? .reportRound : .reportRoundChanged, round)))
        }
        let unconfirmed = session.unconfirmedAnswers
        if unconfirmed > 0 {
            blocks.append(.remark(language.text(.reportCarriedOver, ["round": .integer(session.round - 1),
                                                                     "count": .integer(unconfirmed)])))
        }
        return blocks
    }

    /// Who took part, the next step, the profile, the sequence warnings, what several voices add, the concerns and
    /// the evidence gaps: the summary's sections, which the meeting record shows too. With `listingVoices`, each
    /// divergent question lists who rated what (the meeting record shows that with every question instead).
    func readinessSections(listingVoices: Bool) -> [ReportSection] {
        var sections = participantSections + profileSections
        // What the records raise comes early: it is what the partners can act on.
        sections += records.flagSections(in: language) + sequenceWarningSections
        sections += voicesSections(listingVoices: listingVoices) + findingSections
        sections.append(ReportSection(
            id: "concerns", heading: language.text(.reportConcerns, ["count": .integer(summary.concerns.count)]),
            blocks: questionList(summary.concerns.map(flagItem))))
        let gaps = summary.evidenceGaps.filter { $0.rating != nil }.map(flagItem) + unansweredItems
        sections.append(ReportSection(
            id: "evidence-gaps",
            heading: language.text(.reportEvidenceGaps, ["count": .integer(summary.evidenceGaps.count)]),
            blocks: questionList(gaps)))
        if !summary.notApplicableWithoutReason.isEmpty {
            sections.append(ReportSection(
                id: "not-applicable-without-reason",
                heading: language.text(.reportNotApplicableWithoutReason,
                                       ["count": .integer(summary.notApplicableWithoutReason.count)]),
                blocks: [.paragraph(language.text(.reportNotApplicableWithoutReasonExplained))]
                    + questionList(summary.notApplicableWithoutReason.map(flagItem))))
        }
        return sections + scaleChangeSections
    }

    /// The questions rated 0 under an earlier reading of their scale, each with what 0 meant then; nothing when
    /// there are none.
    var scaleChangeSections: [ReportSection] {
        let items = ScaleChange.changes(in: guide, session: session).compactMap { change -> ReportListItem? in
            guard let place = guide.locate(promptID: change.promptID) else { return nil }
            let prompt = guide.steps[place.step].prompts[place.prompt]
            var item = flagItem(PromptReference(
                prompt: prompt, stepNumber: place.step + 1, questionNumber: place.prompt + 1,
                rating: session.answer(for: prompt.id).groupRating(in: session.raters)))
            item.details = [.paragraph(language.text(change.message(in: session)))]
            return item
        }
        guard !items.isEmpty else { return [] }
        return [ReportSection(id: "scale-changes",
                              heading: language.text(.reportScaleChanges, ["count": .integer(items.count)]),
                              blocks: questionList(items))]
    }

    /// The next step, as a heading, and the readiness profile.
    var profileSections: [ReportSection] {
        let next = summary.nextStep.map {
            language.text(.reportNextStep, ["step": .integer($0), "title": .text(summary.steps[$0 - 1].title)])
        }
        return [ReportSection(id: "next-step", heading: next ?? language.text(.reportAllReady)),
                ReportSection(id: "profile", heading: nil,
                              blocks: [.profile(ReadinessProfile(guide: guide, summary: summary))])]
    }

    /// The steps rated ahead of the steps they build on; nothing when there are none.
    var sequenceWarningSections: [ReportSection] {
        guard !summary.sequenceWarnings.isEmpty else { return [] }
        return [ReportSection(id: "sequence-warnings", heading: language.text(.reportSequenceWarnings),
                              blocks: [.list(ReportList(summary.sequenceWarnings.map {
                                  ReportListItem(language.text($0.statement))
                              }))])]
    }

    /// The reminder of a self-assessment, and the methods note.
    var closingSections: [ReportSection] {
        var sections: [ReportSection] = []
        if session.mode == .selfAssessment {
            sections.append(ReportSection(id: "self-assessment", heading: nil, blocks: [
                .remark(language.text(.reportSelfAssessmentReminder)),
            ]))
        }
        sections.append(ReportSection(id: "methods", heading: language.text(.reportMethods),
                                      blocks: methods.map(ReportBlock.paragraph)
                                          + [.paragraph(language.text(.reportSource,
                                                                      ["source": .text(guide.source)]))]))
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
            format: format, schemaVersion: 3, partnershipID: session.partnershipID, round: session.round,
            partnership: session.partnership, mode: session.mode,
            facilitator: session.mode == .workshop ? session.facilitator : nil,
            organisation: session.mode == .selfAssessment ? session.organisation : nil,
            sector: session.sector, guide: session.guide, createdAt: session.createdAt, updatedAt: session.updatedAt,
            unconfirmedAnswers: session.unconfirmedAnswers,
            steps: summary.steps, phases: summary.phases, concerns: summary.concerns,
            evidenceGaps: summary.evidenceGaps, notApplicableWithoutReason: summary.notApplicableWithoutReason,
            sequenceWarnings: summary.sequenceWarnings.map { language.text($0.statement) },
            nextStep: summary.nextStep, participants: session.raters, prompts: promptDocuments,
            sectors: voices.steps, divergences: voices.divergentPrompts.map(DivergenceDocument.init),
            consensusAgainstVoices: voices.consensusAgainstVoices,
            scaleChanges: ScaleChange.changes(in: guide, session: session).map {
                ScaleChangeDocument(promptID: $0.promptID, edition: session.guide.edition, formerZero: $0.formerZero,
                                    message: language.text($0.message(in: session)))
            },
            records: session.records,
            recordFlags: records.flags.map { RecordFlagDocument($0, in: language) },
            structuredRecords: records.document(today: today),
            methods: methods)
        return (try? SessionFile.encodeJSON(document)) ?? Data()
    }

    /// Unanswered questions, one item a step, so that a session just begun does not list thirty questions.
    private var unansweredItems: [ReportListItem] {
        let unanswered = summary.evidenceGaps.filter { $0.rating == nil }
        return summary.steps.compactMap { step in
            let numbers = unanswered.filter { $0.stepNumber == step.number }.map(\.questionNumber)
            guard !numbers.isEmpty else { return nil }
            let listed = numbers.map(String.init).joined(separator: ", ")
            let which = numbers.count == step.prompts
                ? Message(.reportUnansweredAll, ["count": .integer(numbers.count)])
                : numbers.count == 1 ? Message(.reportUnansweredOne, ["number": .integer(numbers[0])])
                : Message(.reportUnansweredSeveral, ["numbers": .text(listed)])
            return ReportListItem(language.text(.reportUnanswered, ["step": .integer(step.number),
                                                                   "questions": .message(which)]))
        }
    }

    /// "Step 1 Q2 (1 Emerging): the question", for the lists of flagged questions.
    func flagItem(_ reference: PromptReference) -> ReportListItem {
        ReportListItem(language.text(.reportFlaggedQuestion, ["place": .text(place(reference)),
                                                              "rating": .text(ratingLabel(reference)),
                                                              "text": .text(reference.text)]))
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
    /// Prompts rated 0 under an earlier edition's reading of their scale, whose 0 meant something else then.
    var scaleChanges: [ScaleChangeDocument]
    /// The partnership's records, as the session keeps them.
    var records: [String: JSONValue]
    /// The facts in the records to discuss.
    var recordFlags: [RecordFlagDocument]
    /// The register, convening plan, ground rules and action plan with stable keys, references read.
    var structuredRecords: RecordsDocument
    var methods: [String]
}

/// A prompt rated 0 under an earlier reading of its scale, in the JSON: what 0 meant then, under which edition,
/// and the sentence in the reader's language. The rating itself is not converted.
struct ScaleChangeDocument: Encodable {
    var promptID: String
    var edition: String
    var formerZero: String
    var message: String
}

/// A record flag in the JSON: its kind and facts as ids, its sentence in the reader's language beside them.
struct RecordFlagDocument: Encodable {
    var kind: RecordFlag.Kind
    var message: String
    var sectors: [String]
    var actionID: String?
    var missing: [String]
    var promptID: String?

    init(_ flag: RecordFlag, in language: Language) {
        (kind, message, sectors) = (flag.kind, language.text(flag.statement), flag.sectors)
        (actionID, missing, promptID) = (flag.actionID, flag.missing, flag.promptID)
    }
}

extension Session {
    /// Whether the group or a participant recorded what it found on any question.
    var hasFindings: Bool {
        answers.values.contains { answer in
            answer.finding != nil || answer.voices.values.contains { $0.finding != nil }
        }
    }

    /// The partnership's name, or a stand-in in `language` while it has none.
    public func displayName(in language: Language) -> String {
        partnership.name.isBlank ? language.text(.reportUnnamedPartnership) : partnership.name
    }

    /// "Workshop facilitated by …" or "Self-assessment by … (sector)".
    public var whoIsAnsweringMessage: Message {
        switch mode {
        case .workshop:
            return facilitator.isBlank ? Message(.reportWhoWorkshop)
                : Message(.reportWhoWorkshopFacilitated, ["facilitator": .text(facilitator)])
        case .selfAssessment:
            var arguments: [String: MessageArgument] = ["organisation": .text(organisation.bidiBalanced())]
            arguments["sector"] = sector.map { .message($0.message) }
            let id: MessageID = switch (organisation.isBlank, sector == nil) {
            case (true, true): .reportWhoSelfAssessment
            case (false, true): .reportWhoSelfAssessmentBy
            case (true, false): .reportWhoSelfAssessmentSector
            case (false, false): .reportWhoSelfAssessmentBySector
            }
            return Message(id, arguments)
        }
    }
}
