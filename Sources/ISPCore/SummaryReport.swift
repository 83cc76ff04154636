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

    public init(_ kind: Kind, _ text: String = "", indent: Int = 0) {
        self.kind = kind
        self.text = text
        self.indent = indent
    }
}

/// The readiness summary as lines, shared by the summary screen and `isp-wizard summary`.
public struct SummaryReport: Sendable {
    public let guide: Guide
    public let session: Session
    public let summary: ReadinessSummary

    public init(guide: Guide, session: Session) {
        self.guide = guide
        self.session = session
        self.summary = ReadinessSummary(guide: guide, session: session)
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

    public var lines: [ReportLine] {
        var lines: [ReportLine] = [ReportLine(.title, "Readiness summary: \(session.displayName)")]
        if !session.partnership.focalIssue.isBlank {
            lines.append(ReportLine(.text, "Focal issue: \(session.partnership.focalIssue)"))
        }
        lines.append(ReportLine(.text, session.whoIsAnswering))
        lines.append(ReportLine(.blank))

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
        lines += Self.methodsNote.map { ReportLine(.text, $0, indent: 2) }
        lines.append(ReportLine(.text, "Source: \(guide.source)", indent: 2))
        return lines
    }

    /// The summary as plain text wrapped to `width` cells, for the terminal and for files.
    public func text(width: Int = 80) -> String {
        lines.flatMap { line in
            wrapReportLine(line, width: width)
        }.joined(separator: "\n") + "\n"
    }

    /// The summary as JSON, with the session's description and the methods note.
    public func json() -> Data {
        let document = SummaryDocument(
            format: "isp-wizard-summary", partnership: session.partnership, mode: session.mode,
            facilitator: session.mode == .workshop ? session.facilitator : nil,
            organisation: session.mode == .selfAssessment ? session.organisation : nil,
            sector: session.sector, guide: session.guide, updatedAt: session.updatedAt,
            steps: summary.steps, phases: summary.phases, concerns: summary.concerns,
            evidenceGaps: summary.evidenceGaps, sequenceWarnings: summary.sequenceWarnings.map(\.message),
            nextStep: summary.nextStep, methods: Self.methodsNote)
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

    private func flagLine(_ reference: PromptReference) -> ReportLine {
        let rating = reference.rating.flatMap(Rating.init(code:)).map { "\($0.code) \($0.label)" } ?? "not answered"
        return ReportLine(
            .text, "- Step \(reference.stepNumber) Q\(reference.questionNumber) (\(rating)): \(reference.text)",
            indent: 4)
    }
}

/// Wraps a report line at its indent; the continuation lines of a "- " item hang under its text.
///
/// Control characters from names, notes and guide texts are made visible first, so that the columns are
/// counted on what is shown.
public func wrapReportLine(_ line: ReportLine, width: Int) -> [String] {
    if line.kind == .blank { return [""] }
    let padding = String(repeating: " ", count: line.indent)
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
