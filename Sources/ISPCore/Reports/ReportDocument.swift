import Messages

/// A report as a document: what it says, in sections of paragraphs, lists, tables and charts, apart from how any
/// format shows it. The readiness summary, the meeting record and the comparison of two rounds are each built once
/// as a document; the text, Markdown and HTML renderers show any document.
///
/// Text in a document is as typed: each renderer makes each paragraph, item, heading and cell safe for its format
/// (controls shown visibly and bidirectional controls balanced in text, Markdown and CSV; escaped and in `<bdi>` in
/// HTML). Only a value set into a sentence before more text has its bidirectional controls balanced where it is set
/// (`bidiBalanced`), so that an override left open in a name cannot turn the words after it around.
public struct ReportDocument: Sendable, Equatable {
    public var title: String
    /// What comes right under the title: the focal issue, who answered, when.
    public var intro: [ReportBlock]
    public var sections: [ReportSection]
    /// The language the document is written in: the renderers' own words (a chart's key, a table's columns) are
    /// in it, and HTML names it.
    public var language: Language
    /// Whether each part with parts of its own starts a page in print, as in the meeting record; a hand-out runs on.
    public var breaksPages: Bool

    public init(title: String, intro: [ReportBlock] = [], sections: [ReportSection] = [],
                language: Language = .english, breaksPages: Bool = true) {
        self.title = title
        self.intro = intro
        self.sections = sections
        self.language = language
        self.breaksPages = breaksPages
    }
}

/// A part of a report, with its heading; `level` 2 is a part of the document (a page of its own in print), 3 a
/// part of a part.
public struct ReportSection: Sendable, Equatable {
    /// A stable name, for links within the document (`participants`, `step-3`, `s3.q1`).
    public var id: String
    /// Nil for a section that runs on without one, such as the readiness profile of the summary.
    public var heading: String?
    public var level: Int
    public var blocks: [ReportBlock]

    public init(id: String, heading: String?, level: Int = 2, blocks: [ReportBlock] = []) {
        self.id = id
        self.heading = heading
        self.level = level
        self.blocks = blocks
    }
}

public enum ReportBlock: Sendable, Equatable {
    /// Text that may hold line breaks, which are kept.
    case paragraph(String)
    /// A paragraph to notice: a reminder or something missing.
    case remark(String)
    case list(ReportList)
    case table(DocumentTable)
    /// The bar per step: each phase with its score and its steps' scores, bands and coverage.
    case profile(ReadinessProfile)
    /// Sector means by step, shaded by band, with each step's gap.
    case sectorMap(SectorMap)
}

public struct ReportList: Sendable, Equatable {
    public enum Style: Sendable {
        case bullets
        /// Questions named by their place ("Step 1 Q2"), such as the concerns; set deeper in plain text.
        case questions
    }

    public var style: Style
    public var items: [ReportListItem]

    public init(_ items: [ReportListItem], style: Style = .bullets) {
        self.style = style
        self.items = items
    }
}

public struct ReportListItem: Sendable, Equatable {
    public var text: String
    /// What belongs under the item: who rated what on a divergent question, say.
    public var details: [ReportBlock]

    public init(_ text: String, details: [ReportBlock] = []) {
        self.text = text
        self.details = details
    }
}

/// A table of text: columns and rows of cells. A table with a `name` is data too: `report --format csv --table
/// NAME` writes it.
public struct DocumentTable: Sendable, Equatable {
    public var name: String?
    public var columns: [String]
    public var rows: [[String]]
    /// The columns (by index) whose cells may wrap onto several lines when plain text is too narrow for the
    /// table, such as an action's text; without any, a narrow table is shown a row per item.
    public var wrapping: Set<Int>

    public init(name: String? = nil, columns: [String], rows: [[String]], wrapping: Set<Int> = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.wrapping = wrapping
    }
}

/// The data of the readiness profile chart.
public struct ReadinessProfile: Sendable, Equatable {
    public struct Phase: Sendable, Equatable {
        public var title: String
        public var score: Double?
        public var provisional: Bool
        public var steps: [StepReadiness]
    }

    public var phases: [Phase]
    /// A line that says the scale under the profile in text and Markdown, whose bars have no marks (the HTML's
    /// caption says it there); nil for none.
    public var scale: String?

    public init(guide: Guide, summary: ReadinessSummary) {
        var offset = 0
        phases = zip(guide.phases, summary.phases).map { phase, readiness in
            let steps = Array(summary.steps[offset..<min(offset + phase.steps.count, summary.steps.count)])
            offset += phase.steps.count
            return Phase(title: readiness.title, score: readiness.score, provisional: readiness.provisional,
                         steps: steps)
        }
    }
}

extension StepReadiness {
    /// How many of the step's questions are rated, with those to confirm: "3 of 5 rated, 1 to confirm", as
    /// `message` (`report.profile.rated` or `report.profile.coverage`) says the count.
    func coverage(_ message: MessageID, in language: Language) -> String {
        let coverage = Message(message, ["rated": .integer(rated), "count": .integer(applicable)])
        guard toConfirm > 0 else { return language.text(coverage) }
        return language.text(.reportProfileToConfirm, ["coverage": .message(coverage), "count": .integer(toConfirm)])
    }
}

extension ReadinessProfile.Phase {
    /// "Phase 1: 2.5 (provisional)", as the profile heads a phase in `language`.
    func heading(in language: Language) -> String {
        let score = score.map(language.decimal) ?? language.text(.reportNoScore)
        return language.text(provisional ? .reportProfilePhaseProvisional : .reportProfilePhase,
                             ["phase": .text(title), "score": .text(score)])
    }
}

extension ReadinessProfile {
    /// A bar of 16 cells for the 0–4 scale, as text and Markdown draw it.
    static func bar(_ score: Double?) -> String {
        let filled = Int(((score ?? 0) * 4).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 16 - filled)
    }
}

/// The data of the sector × step heat map: each step's sector means and gap.
public struct SectorMap: Sendable, Equatable {
    /// The sectors with a mean on some step, in the order of `Sector.allCases`.
    public var sectors: [Sector]
    /// One a step, in guide order.
    public var steps: [StepSectors]
    public var stepTitles: [String]

    public init(guide: Guide, voices: VoicesSummary) {
        steps = voices.steps
        sectors = Sector.allCases.filter { sector in
            voices.steps.contains { $0.means.contains { $0.sector == sector } }
        }
        stepTitles = guide.steps.map(\.title)
    }

    /// A sector's mean on a step (by its number), if it rated there.
    public func mean(of sector: Sector, step: StepSectors) -> Double? {
        step.means.first { $0.sector == sector }?.mean
    }
}

extension Band {
    /// The band a mean falls in, as the sector map shades it (no coverage rule: a mean is shown as it is).
    public init(mean: Double) {
        self = tenths(mean) >= 30 ? .ready : tenths(mean) >= 20 ? .developing : .notReady
    }
}
