#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Messages

/// The hand-out: the few pages a participant takes home, or reads who was not in the room, built from the parts
/// of the summary and the meeting record. First what was decided (the problem and the vision, the convener and who
/// accepts them, the venue, the summary of viewpoints written for distribution, a new organisation, the ground
/// rules, the action plan with its flagged actions marked and the capacity building, the mediator and each
/// partner's contribution, whether the partnership continues and what keeps it going), then the facts to discuss
/// and how ready the partnership is on the 0–4 scale, then each sector's viewpoints in short: where the
/// sectors differ, and on the questions where the voices diverged who rated and said what, and the consensus'
/// reason.
///
/// A hand-out states facts: what the record asks of the facilitator (a consensus' missing reason, a step to revisit
/// first) it leaves out. The meeting record stays the full account, with every question as its annex.
public struct HandOut: Sendable {
    public let report: SummaryReport

    /// The fields of what was decided, by worksheet, in the order a reader asks for them.
    static let decidedFields: [(worksheet: String, fields: [String])] = [
        ("s5", ["problem", "vision"]),
        ("s4", ["convener", "acceptance", "stakeholderAcceptance", "venue", "neutral", "moderator", "firstMeeting",
                "outcome", "viewpoints", "newOrganisation", "organisationForm"]),
        ("s6", ["groundRules", "actions", "capacityBuilding", "mediator", "contributions"]),
        ("s7", ["future", "futureNote", "agreement", "structure", "host"]),
    ]

    /// The hand-out of a session in `language`; `today` decides which actions are overdue.
    public init(guide: Guide, session: Session, today: CalendarDate = .today(), language: Language = .english) {
        report = SummaryReport(guide: guide, session: session, today: today, language: language)
    }

    private var session: Session { report.session }
    private var guide: Guide { report.guide }
    private var language: Language { report.language }

    public var document: ReportDocument {
        ReportDocument(title: language.text(.handoutTitle, ["name": .text(session.displayName(in: language))]),
                       intro: report.intro(dated: true),
                       sections: decidedSections + readinessSections + viewpointSections,
                       language: language, breaksPages: false)
    }

    /// The hand-out in a format that prints: text, Markdown or HTML; nil for CSV and JSON, which hold data.
    public func rendered(as format: ReportFormat, width: Int = 80) -> Data? {
        switch format {
        case .text: Data(document.text(width: width).utf8)
        case .markdown: Data(document.markdown.utf8)
        case .html: Data(document.html.utf8)
        case .csv, .json: nil
        }
    }

    // MARK: What was decided

    /// A part a worksheet (its title the guide's), with the fields that hold something.
    private var decidedSections: [ReportSection] {
        let parts = Self.decidedFields.compactMap { worksheetID, fieldIDs -> ReportSection? in
            guard let worksheet = guide.worksheet(worksheetID) else { return nil }
            var addresses = fieldIDs.map { FieldAddress(worksheet: worksheetID, field: $0) }
            // Until the vision is agreed in step 5, its first draft of step 1 stands in.
            let vision = FieldAddress(worksheet: "s5", field: "vision")
            if addresses.contains(vision), session.record(at: vision.path)?.holdsContent != true {
                addresses.append(FieldAddress(worksheet: "s1", field: "vision"))
            }
            let blocks = report.records.blocks(of: addresses, actionMarks: report.records.actionMarks)
            guard !blocks.isEmpty else { return nil }
            return ReportSection(id: "decided-\(worksheet.id)", heading: worksheet.title, level: 3, blocks: blocks)
        }
        let heading = ReportSection(id: "decided", heading: language.text(.handoutDecided),
                                    blocks: parts.isEmpty ? [.remark(language.text(.handoutNothingDecided))] : [])
        return [heading] + parts
    }

    // MARK: Readiness

    /// The records' flags, the next step, the profile and the sequence warnings. The flags, facts of the decisions
    /// just read, come first: in print their list fills the page the decisions end on, which the profile, kept
    /// whole, often would not.
    private var readinessSections: [ReportSection] {
        [ReportSection(id: "readiness", heading: language.text(.handoutReadiness))]
            + within(report.records.flagSections(in: language) + profileSections + sequenceWarningSections)
    }

    /// The next step and the profile, which says its scale in text and Markdown too.
    private var profileSections: [ReportSection] {
        report.profileSections.map { section in
            var section = section
            section.blocks = section.blocks.map { block in
                guard case .profile(var profile) = block else { return block }
                profile.scale = language.text(.handoutProfileScale)
                return .profile(profile)
            }
            return section
        }
    }

    /// The summary's sequence warnings, each said as a fact without the advice to revisit the earlier step.
    private var sequenceWarningSections: [ReportSection] {
        let warnings = report.summary.sequenceWarnings
        return report.sequenceWarningSections.map { section in
            var section = section
            section.blocks = [.list(ReportList(warnings.map { warning in
                ReportListItem(language.text(.handoutSequenceWarning, ["ready": .integer(warning.readyStep),
                                                                      "notReady": .integer(warning.notReadyStep)]))
            }))]
            return section
        }
    }

    // MARK: Viewpoints

    /// Who took part by sector, the sector means and where the sectors differ, and each question where the voices
    /// diverged; nothing for a session of one voice.
    private var viewpointSections: [ReportSection] {
        guard session.hasSeveralVoices else { return [] }
        let divergent = report.voices.divergentPrompts
        let questions: [ReportBlock] = divergent.isEmpty
            ? [.paragraph(language.text(.handoutNoDivergence))]
            : report.questionList(divergent.map(report.sectorDivergenceItem))
        return [ReportSection(id: "viewpoints", heading: language.text(.handoutViewpoints))]
            + within(report.participantSections + [
                ReportSection(id: "sector-means", heading: language.text(.reportSectorMeans),
                              blocks: report.sectorBlocks),
                ReportSection(id: "divergence",
                              heading: language.text(.handoutDivergent, ["count": .integer(divergent.count)]),
                              blocks: questions),
            ])
    }

    /// Sections made parts of the part before them.
    private func within(_ sections: [ReportSection]) -> [ReportSection] {
        sections.map { section in
            var section = section
            section.level = 3
            return section
        }
    }
}
