/// The instrument the wizard walks through: phases, steps and the prompts of each step, in one language.
///
/// The built-in guide comes from the USAID guide to intersectoral partnering, part V; a guide file with
/// the same shape (`isp-wizard guide` prints one) can replace it, for a translation or a local edition. A guide
/// file may hold its texts in several languages (`GuideFile`); a `Guide` is one of them, so that what shows it
/// never asks which.
public struct Guide: Sendable, Equatable {
    /// Identifies the content (sessions remember which guide they were answered with); the same in every language.
    public var id: String
    /// The edition of the content, changed whenever prompts change; the same in every language.
    public var edition: String
    public var title: String
    /// Where the content comes from, cited once on the help screen and in reports.
    public var source: String
    public var phases: [Phase]
    /// The language of the texts (`en`, `fr`), nil when the guide file does not say (files of format 1 and 2).
    public var language: String?
    /// Every language the guide file has the texts in, its own first; empty when it does not say.
    public var languages: [String]

    public init(id: String, edition: String, title: String, source: String, phases: [Phase],
                language: String? = nil) {
        self.id = id
        self.edition = edition
        self.title = title
        self.source = source
        self.phases = phases
        self.language = language
        self.languages = language.map { [$0] } ?? []
    }

    /// Every step in order, numbered from 1 across the phases.
    public var steps: [Step] { phases.flatMap(\.steps) }

    /// The phase that holds a step.
    public func phase(of step: Step) -> Phase? {
        phases.first { $0.steps.contains { $0.id == step.id } }
    }

    /// The step that holds a prompt, with the prompt's position in it.
    public func locate(promptID: String) -> (step: Int, prompt: Int)? {
        for (stepIndex, step) in steps.enumerated() {
            if let promptIndex = step.prompts.firstIndex(where: { $0.id == promptID }) {
                return (stepIndex, promptIndex)
            }
        }
        return nil
    }
}

public struct Phase: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var steps: [Step]

    public init(id: String, title: String, steps: [Step]) {
        self.id = id
        self.title = title
        self.steps = steps
    }
}

public struct Step: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    /// A few lines in our own words on what the step is about, shown on its intro screen.
    public var guidance: String
    public var prompts: [Prompt]
    /// What the partners write down in this step, reached after its last question.
    public var worksheet: Worksheet?

    public init(id: String, title: String, guidance: String, prompts: [Prompt], worksheet: Worksheet? = nil) {
        self.id = id
        self.title = title
        self.guidance = guidance
        self.prompts = prompts
        self.worksheet = worksheet
    }
}

public struct Prompt: Codable, Sendable, Equatable {
    public var id: String
    /// The question, quoted from the source unless `derived` is true.
    public var text: String
    /// Context from the source that helps answer the question, if any.
    public var hint: String?
    /// True when the hint quotes the source word for word, false when it is in the guide writer's own words,
    /// nil when a guide file does not say.
    public var hintQuoted: Bool?
    /// How to read the scale for this question, in one line: what 0 and 4 mean here.
    public var scale: String?
    /// True when the source has no question list for the step and the prompt was derived from its text.
    public var derived: Bool
    /// A critical prompt rated 0 or 1 caps its step at Developing.
    public var critical: Bool
    /// True on an analysis question whose answer is itself good or bad news ("How much tension must be
    /// overcome?"): the room may record what it found beside the rating, unscored. `finding` in a guide file,
    /// where it may be left out.
    public var asksFinding: Bool

    public init(id: String, text: String, hint: String? = nil, hintQuoted: Bool? = nil, scale: String? = nil,
                derived: Bool = false, critical: Bool = false, asksFinding: Bool = false) {
        self.id = id
        self.text = text
        self.hint = hint
        self.hintQuoted = hint == nil ? nil : hintQuoted
        self.scale = scale
        self.derived = derived
        self.critical = critical
        self.asksFinding = asksFinding
    }

    private enum CodingKeys: String, CodingKey {
        case id, text, hint, hintQuoted, scale, derived, critical
        case asksFinding = "finding"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        hint = try container.decodeIfPresent(String.self, forKey: .hint)
        hintQuoted = try container.decodeIfPresent(Bool.self, forKey: .hintQuoted)
        scale = try container.decodeIfPresent(String.self, forKey: .scale)
        derived = try container.decode(Bool.self, forKey: .derived)
        critical = try container.decode(Bool.self, forKey: .critical)
        // Guide files written before findings existed leave it out.
        asksFinding = try container.decodeIfPresent(Bool.self, forKey: .asksFinding) ?? false
    }

    /// Writes `finding` only where it is true, so that a guide without findings is written as before.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(hint, forKey: .hint)
        try container.encodeIfPresent(hintQuoted, forKey: .hintQuoted)
        try container.encodeIfPresent(scale, forKey: .scale)
        try container.encode(derived, forKey: .derived)
        try container.encode(critical, forKey: .critical)
        if asksFinding { try container.encode(true, forKey: .asksFinding) }
    }
}
