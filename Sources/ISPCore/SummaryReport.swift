#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import DisplayWidth

/// One line of the readiness summary, before wrapping: what it is tells the screen how to style it.
public struct ReportLine: Equatable, Sendable {
    public enum Kind: Sendable {
        case title, heading, text, blank
    }

    public var kind: Kind
    public var text: String
    /// Cells of indentation, kept for every wrapped continuation of the line.
    public var indent: Int
    /// A table shown in place of the text, laid out for the width it is shown at.
    public var table: ReportTable?

    public init(_ kind: Kind, _ text: String = "", indent: Int = 0) {
        self.kind = kind
        self.text = text
        self.indent = indent
    }

    public init(table: ReportTable, indent: Int) {
        self.init(.text, indent: indent)
        self.table = table
    }
}

/// A table of the summary: a header row and labelled rows of short cells.
public struct ReportTable: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var label: String
        /// The label to show when the full labels leave too little room for the cells.
        public var abbreviation: String
        public var cells: [String]

        public init(label: String, abbreviation: String? = nil, cells: [String]) {
            self.label = label
            self.abbreviation = abbreviation ?? label
            self.cells = cells
        }
    }

    public var header: Row
    public var rows: [Row]

    public init(header: Row, rows: [Row]) {
        self.header = header
        self.rows = rows
    }

    /// The table's lines, at most `width` cells wide: cells right-aligned one space apart after the labels,
    /// which are abbreviated (and cut if need be) when the full ones do not leave room for the cells.
    /// Controls are made visible before anything is measured.
    public func lines(width: Int) -> [String] {
        let all = ([header] + rows).map { row in
            Row(label: row.label.visibleControls, abbreviation: row.abbreviation.visibleControls,
                cells: row.cells.map(\.visibleControls))
        }
        let cellWidth = all.flatMap(\.cells).map(\.displayWidth).max() ?? 0
        let cellsWidth = (all.map(\.cells.count).max() ?? 0) * (cellWidth + 1)
        let room = max(width - cellsWidth, 1)
        let fullFits = all.allSatisfy { $0.label.displayWidth <= room }
        let labels = all.map { row in wrap(fullFits ? row.label : row.abbreviation, width: room).first ?? "" }
        let labelWidth = labels.map(\.displayWidth).max() ?? 0
        return zip(labels, all).flatMap { label, row in
            let cells = row.cells.map { String(repeating: " ", count: cellWidth + 1 - $0.displayWidth) + $0 }
            let line = label + String(repeating: " ", count: labelWidth - label.displayWidth) + cells.joined()
            // Only a table wider than the screen even with the shortest labels is wrapped.
            return wrap(line, width: width)
        }
    }
}

/// The readiness summary as lines, shared by the summary screen and `isp-wizard summary`.
public struct SummaryReport: Sendable {
    public let guide: Guide
    public let session: Session
    public let summary: ReadinessSummary
    /// Sector means, divergences and consensus, shown when the session has participants.
    public let voices: VoicesSummary

    public init(guide: Guide, session: Session) {
        self.guide = guide
        self.session = session
        self.summary = ReadinessSummary(guide: guide, session: session)
        self.voices = VoicesSummary(guide: guide, session: session)
    }

    /// How readiness is computed, as the summary's closing methods note.
    public static let methodsNote = [
        "Each question is rated on five stages: 0 Not started, 1 Emerging, 2 Partial, 3 In place, "
            + "4 Institutionalised. The notes are the answer; the rating says how settled it is.",
        "A step's score is the mean of its rated questions. Not applicable questions are left out. Don't know "
            + "and unanswered questions get no score and count against coverage (rated ÷ applicable).",
        "Bands: Ready at 3.0 or more, Developing from 2.0, Not ready below 2.0. With coverage under 50 % a "
            + "step shows Insufficient answers instead. A critical question (marked !) rated 0 or 1 holds its "
            + "step at Developing at best.",
        "A phase's score is the mean of its steps' scores, provisional while any of its steps has "
            + "insufficient answers. There is no overall total: a partnership is no stronger than its weakest step.",
        "The result is an aid to discussion, not an absolute measurement.",
    ]

    /// How several voices are scored, added to the methods note when the session has participants.
    public static let severalVoicesNote = [
        "With several voices, a question's group rating is the consensus when one is recorded, else the mean of "
            + "the participants' ratings (no consensus yet); it is Not applicable when everyone who answered said "
            + "so. A mean below 1.5 counts as 0 or 1. Means are compared as shown, with one decimal.",
        "A sector's mean on a step pools every rating its participants gave there; a gap of 1.0 or more between "
            + "the highest and the lowest sector is flagged. A question diverges when its ratings span 2 points or "
            + "more, or when their mean is 3 or more while someone rated 1 or less (hidden dissent). With fewer "
            + "than three ratings, each rating is shown rather than a mean.",
    ]

    /// The methods note for this session: with the several-voices paragraphs when it has participants.
    public var methods: [String] {
        guard !session.raters.isEmpty else { return Self.methodsNote }
        return Self.methodsNote.dropLast() + Self.severalVoicesNote + Self.methodsNote.suffix(1)
    }

    public var lines: [ReportLine] {
        var lines: [ReportLine] = [ReportLine(.title, "Readiness summary: \(session.displayName)")]
        if !session.partnership.focalIssue.isBlank {
            lines.append(ReportLine(.text, "Focal issue: \(session.partnership.focalIssue)"))
        }
        lines.append(ReportLine(.text, session.whoIsAnswering))
        lines.append(ReportLine(.blank))
        lines += participantLines

        if let next = summary.nextStep {
            lines.append(ReportLine(.heading, "Next step to work on: Step \(next), \(summary.steps[next - 1].title)"))
        } else {
            lines.append(ReportLine(.heading, "All seven steps are Ready; keep them under review."))
        }
        lines.append(ReportLine(.blank))

        var stepIndex = 0
        for phase in summary.phases {
            let phaseScore = phase.score.map { String(format1: $0) } ?? "no score"
            lines.append(ReportLine(.heading, "\(phase.title): \(phaseScore)\(phase.provisional ? " (provisional)" : "")"))
            let count = guide.phases.first { $0.id == phase.id }?.steps.count ?? 0
            for step in summary.steps[stepIndex..<stepIndex + count] {
                lines.append(ReportLine(.text, "Step \(step.number)  \(step.title)", indent: 2))
                lines.append(ReportLine(.text, stepFigures(step), indent: 10))
            }
            stepIndex += count
        }

        if !summary.sequenceWarnings.isEmpty {
            lines.append(ReportLine(.blank))
            lines.append(ReportLine(.heading, "Sequence warnings"))
            lines += summary.sequenceWarnings.map { ReportLine(.text, "- \($0.message)", indent: 2) }
        }
        lines += voicesLines
        lines.append(ReportLine(.blank))
        lines.append(ReportLine(.heading, "Concerns (rated 0 or 1): \(summary.concerns.count)"))
        lines += summary.concerns.map { flagLine($0) }
        lines.append(ReportLine(.blank))
        lines.append(ReportLine(.heading, "Evidence gaps (Don't know or not answered): \(summary.evidenceGaps.count)"))
        lines += summary.evidenceGaps.filter { $0.rating != nil }.map { flagLine($0) }
        lines += unansweredLines
        if session.mode == .selfAssessment {
            lines.append(ReportLine(.blank))
            lines.append(
                ReportLine(
                    .text,
                    "These are one organisation's own ratings: check them with the other partners, starting with "
                        + "the Don't know answers."))
        }
        lines.append(ReportLine(.blank))
        lines.append(ReportLine(.heading, "How readiness is computed"))
        lines += methods.map { ReportLine(.text, $0, indent: 2) }
        lines.append(ReportLine(.text, "Source: \(guide.source)", indent: 2))
        return lines
    }

    /// The summary as plain text wrapped to `width` cells, for the terminal and for files.
    public func text(width: Int = 80) -> String {
        lines.flatMap { line in
            wrapReportLine(line, width: width)
        }.joined(separator: "\n") + "\n"
    }

    /// The summary as JSON, with the session's description, every prompt with every voice, and the methods note.
    public func json() -> Data {
        let document = SummaryDocument(
            format: "isp-wizard-summary", partnership: session.partnership, mode: session.mode,
            facilitator: session.mode == .workshop ? session.facilitator : nil,
            organisation: session.mode == .selfAssessment ? session.organisation : nil,
            sector: session.sector, guide: session.guide, updatedAt: session.updatedAt,
            steps: summary.steps, phases: summary.phases, concerns: summary.concerns,
            evidenceGaps: summary.evidenceGaps, sequenceWarnings: summary.sequenceWarnings.map(\.message),
            nextStep: summary.nextStep, participants: session.raters, prompts: promptDocuments,
            sectors: voices.steps, divergences: voices.divergentPrompts.map(DivergenceDocument.init),
            methods: methods)
        return (try? SessionFile.encodeJSON(document)) ?? Data()
    }

    /// A bar of 16 cells for the 0–4 scale, the score, the band and the coverage.
    private func stepFigures(_ step: StepReadiness) -> String {
        let filled = Int(((step.score ?? 0) * 4).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 16 - filled)
        let score = step.score.map { String(format1: $0) } ?? " - "
        let capped = step.cappedByCritical ? " (critical question low)" : ""
        return "\(bar) \(score)  \(step.band.rawValue)\(capped), \(step.rated) of \(step.applicable) rated"
    }

    /// Unanswered questions, one line a step, so that a session just begun does not list thirty questions.
    private var unansweredLines: [ReportLine] {
        let unanswered = summary.evidenceGaps.filter { $0.rating == nil }
        var lines: [ReportLine] = []
        for step in summary.steps {
            let numbers = unanswered.filter { $0.stepNumber == step.number }.map(\.questionNumber)
            guard !numbers.isEmpty else { continue }
            let which = numbers.count == step.prompts ? "all \(numbers.count) questions"
                : (numbers.count == 1 ? "question " : "questions ") + numbers.map(String.init).joined(separator: ", ")
            lines.append(ReportLine(.text, "- Step \(step.number), not answered: \(which)", indent: 4))
        }
        return lines
    }

    /// "- Step 1 Q2 (1 Emerging): the question", for the lists of flagged questions.
    func flagLine(_ reference: PromptReference) -> ReportLine {
        ReportLine(.text, "- \(place(reference)) (\(ratingLabel(reference))): \(reference.text)", indent: 4)
    }
}

/// Wraps a report line at its indent; the continuation lines of a "- " item hang under its text.
///
/// Control characters from names, notes and guide texts are made visible first, so that the columns are
/// counted on what is shown. A table is laid out for the width instead (`ReportTable.lines(width:)`).
public func wrapReportLine(_ line: ReportLine, width: Int) -> [String] {
    if line.kind == .blank { return [""] }
    let padding = String(repeating: " ", count: line.indent)
    if let table = line.table {
        return table.lines(width: max(width - line.indent, 10)).map { padding + $0 }
    }
    let text = line.text.visibleControls
    guard text.hasPrefix("- ") else {
        return wrap(text, width: max(width - line.indent, 10)).map { padding + $0 }
    }
    let lines = wrap(String(text.dropFirst(2)), width: max(width - line.indent - 2, 10))
    return lines.enumerated().map { padding + ($0.offset == 0 ? "- " : "  ") + $0.element }
}

struct SummaryDocument: Encodable {
    var format: String
    var partnership: Partnership
    var mode: Mode
    var facilitator: String?
    var organisation: String?
    var sector: Sector?
    var guide: GuideReference
    var updatedAt: Date
    var steps: [StepReadiness]
    var phases: [PhaseReadiness]
    var concerns: [PromptReference]
    var evidenceGaps: [PromptReference]
    var sequenceWarnings: [String]
    var nextStep: Int?
    var participants: [Participant]
    var prompts: [PromptDocument]
    var sectors: [StepSectors]
    var divergences: [DivergenceDocument]
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
            let who = organisation.isBlank ? "" : " by \(organisation)"
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
