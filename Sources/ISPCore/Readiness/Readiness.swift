import Messages

/// The readiness model (see the README's "How readiness is computed"): how the group's rating of each prompt
/// (one voice, a consensus or the participants' mean, see `Voices.swift`) becomes step scores, bands, phase
/// scores and flags.

/// Where a step stands.
public enum Band: String, Codable, Sendable {
    case ready
    case developing
    case notReady = "not-ready"
    case insufficient = "insufficient-answers"

    /// The band's name, for the reader's language; the raw value is the JSON's value in every language.
    public var message: Message {
        switch self {
        case .ready: Message(.bandReady)
        case .developing: Message(.bandDeveloping)
        case .notReady: Message(.bandNotReady)
        case .insufficient: Message(.bandInsufficient)
        }
    }
}

/// A prompt named in a flag, with enough to show it without the guide at hand.
public struct PromptReference: Codable, Sendable, Equatable {
    public var promptID: String
    public var stepNumber: Int
    public var questionNumber: Int
    public var text: String
    /// The group rating's code (`0`, `1`, `?`), or the participants' mean with one decimal (`2.5`) while no
    /// consensus is recorded; nil when unanswered.
    public var rating: String?
}

extension PromptReference {
    init(prompt: Prompt, stepNumber: Int, questionNumber: Int, rating: GroupRating) {
        self.init(promptID: prompt.id, stepNumber: stepNumber, questionNumber: questionNumber, text: prompt.text,
                  rating: rating.code)
    }
}

public struct StepReadiness: Codable, Sendable, Equatable {
    public var number: Int
    public var id: String
    public var title: String
    /// Mean of the rated prompts' group ratings as shown (0–4), rounded half up to one decimal; nil when none is
    /// rated.
    public var score: Double?
    public var rated: Int
    public var applicable: Int
    public var prompts: Int
    /// Rated ÷ applicable, from 0 to 1.
    public var coverage: Double
    public var band: Band
    /// True when a critical prompt, rated 0 or 1 (a mean below 1.5) or without a stage, held the step at
    /// Developing.
    public var cappedByCritical: Bool
    /// True when a critical prompt has no stage: Don't know, not answered, Not applicable, or split.
    public var criticalWithoutStage: Bool
    /// Answers carried over from the last round and still to confirm; they count as rated meanwhile.
    public var toConfirm: Int

    /// Why a critical prompt holds the step, as the profile says it; nil when none does.
    public var capReason: Message? {
        guard cappedByCritical else { return nil }
        return Message(criticalWithoutStage ? .readinessCapWithoutStage : .readinessCapLow)
    }

    /// Whether the step draws a bar and shows its score: not with insufficient answers, where no band is guessed.
    public var drawsBar: Bool { band != .insufficient && score != nil }

    /// The score as shown beside the bar: one decimal, nil with insufficient answers.
    public var shownScore: String? { drawsBar ? score.map { String(format1: $0) } : nil }

    /// The score as shown beside the bar, in a message: one decimal with the reader's separator.
    public var shownScoreArgument: MessageArgument? { drawsBar ? score.map(MessageArgument.decimal) : nil }

    /// The score as shown beside the bar, with the decimal separator of `language`.
    public func shownScore(in language: Language) -> String? { drawsBar ? score.map(language.decimal) : nil }

    /// The score as shown, then its standing: "3.5 Developing (critical question without a stage), 4 of 5 rated",
    /// or with insufficient answers "Insufficient answers, 1 of 5 rated", as a comparison of two states says it.
    public var figuresMessage: Message {
        guard let score = shownScoreArgument else { return standingMessage() }
        return Message(.readinessFigures, ["score": score, "standing": .message(standingMessage())])
    }

    /// The band, with why a critical prompt holds it: "Developing (critical question low)".
    public var bandMessage: Message {
        guard let reason = capReason else { return band.message }
        return Message(.readinessStandingCapped, ["band": .message(band.message), "reason": .message(reason)])
    }

    /// The band, why a critical prompt holds it, then `score` if given, and what it stands on: "Developing
    /// (critical question low), 3 of 5 rated, 1 to confirm", as every view of the summary says it.
    public func standingMessage(score: MessageArgument? = nil) -> Message {
        var standing = bandMessage
        if let score {
            standing = Message(.readinessStandingScore, ["standing": .message(standing), "score": score])
        }
        standing = Message(.readinessStandingRated, ["standing": .message(standing), "rated": .integer(rated),
                                                     "count": .integer(applicable)])
        guard toConfirm > 0 else { return standing }
        return Message(.readinessStandingToConfirm, ["standing": .message(standing), "count": .integer(toConfirm)])
    }
}

public struct PhaseReadiness: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    /// Mean of its steps' scores, nil when no step has one.
    public var score: Double?
    /// True when any of its steps has insufficient answers or a critical prompt without a stage.
    public var provisional: Bool
}

public struct SequenceWarning: Codable, Sendable, Equatable {
    public var readyStep: Int
    public var notReadyStep: Int

    /// The warning in a sentence, for the reader's language.
    public var statement: Message {
        Message(.readinessSequenceWarning, ["ready": .integer(readyStep), "notReady": .integer(notReadyStep)])
    }
}

/// Everything the summary screen and reports show.
public struct ReadinessSummary: Codable, Sendable, Equatable {
    public var steps: [StepReadiness]
    public var phases: [PhaseReadiness]
    /// Prompts rated 0 or 1, or with a mean below 1.5.
    public var concerns: [PromptReference]
    /// Prompts answered Don't know or not answered at all, and those the room left without a rating: a Don't-know
    /// majority, or mostly Not applicable while some rated.
    public var evidenceGaps: [PromptReference]
    /// Critical prompts, and step 6's key questions, marked Not applicable without a reason: facts to discuss.
    public var notApplicableWithoutReason: [PromptReference]
    public var sequenceWarnings: [SequenceWarning]
    /// The first step, in order, that is not Ready; nil when all are.
    public var nextStep: Int?
}

extension ReadinessSummary {
    /// The step whose quoted questions are "key questions that every partner needs to answer": Not applicable on
    /// one of them asks for a reason, as on a critical prompt.
    public static let keyQuestionsStep = "s6"

    /// Whether Not applicable on a prompt asks for a reason: a critical prompt, or a key question of step 6.
    public static func asksWhyNotApplicable(_ prompt: Prompt, of step: Step) -> Bool {
        prompt.critical || (step.id == keyQuestionsStep && !prompt.derived)
    }

    /// Applies the readiness model to one session's answers, taking each prompt's group rating.
    public init(guide: Guide, session: Session) {
        let raters = session.raters
        var steps: [StepReadiness] = []
        var concerns: [PromptReference] = []
        var gaps: [PromptReference] = []
        var unexplained: [PromptReference] = []
        for (stepIndex, step) in guide.steps.enumerated() {
            var scores: [Double] = []
            var applicable = 0
            var toConfirm = 0
            var criticalLow = false
            var criticalWithoutStage = false
            for (promptIndex, prompt) in step.prompts.enumerated() {
                let answer = session.answer(for: prompt.id)
                let rating = answer.groupRating(in: raters)
                let reference = PromptReference(
                    prompt: prompt, stepNumber: stepIndex + 1, questionNumber: promptIndex + 1, rating: rating)
                if rating.score == nil && prompt.critical { criticalWithoutStage = true }
                guard rating.isApplicable else {
                    if Self.asksWhyNotApplicable(prompt, of: step) && answer.reason.isBlank {
                        unexplained.append(reference)
                    }
                    continue
                }
                applicable += 1
                guard let score = rating.score else {
                    gaps.append(reference)
                    continue
                }
                scores.append(score)
                if answer.isCarriedOver { toConfirm += 1 }
                if rating.isLow {
                    concerns.append(reference)
                    if prompt.critical { criticalLow = true }
                }
            }
            let score = scores.isEmpty ? nil : Mean(shown: scores).shown
            let band: Band
            var capped = false
            if let score, scores.count * 2 >= applicable {
                let byScore: Band = tenths(score) >= 30 ? .ready : tenths(score) >= 20 ? .developing : .notReady
                capped = byScore == .ready && (criticalLow || criticalWithoutStage)
                band = capped ? .developing : byScore
            } else {
                band = .insufficient
            }
            steps.append(
                StepReadiness(
                    number: stepIndex + 1, id: step.id, title: step.title, score: score,
                    rated: scores.count, applicable: applicable, prompts: step.prompts.count,
                    coverage: applicable == 0 ? 0 : Double(scores.count) / Double(applicable),
                    band: band, cappedByCritical: capped, criticalWithoutStage: criticalWithoutStage,
                    toConfirm: toConfirm))
        }
        self.steps = steps
        self.concerns = concerns
        self.evidenceGaps = gaps
        self.notApplicableWithoutReason = unexplained

        var phases: [PhaseReadiness] = []
        var offset = 0
        for phase in guide.phases {
            let phaseSteps = steps[offset..<offset + phase.steps.count]
            offset += phase.steps.count
            let scores = phaseSteps.compactMap(\.score)
            phases.append(
                PhaseReadiness(
                    id: phase.id, title: phase.title,
                    score: scores.isEmpty ? nil : Mean(shown: scores).shown,
                    provisional: phaseSteps.contains { $0.band == .insufficient || $0.criticalWithoutStage }))
        }
        self.phases = phases

        var warnings: [SequenceWarning] = []
        for step in steps where step.band == .ready {
            if let earlier = steps.prefix(step.number - 1).first(where: { $0.band == .notReady }) {
                warnings.append(SequenceWarning(readyStep: step.number, notReadyStep: earlier.number))
            }
        }
        sequenceWarnings = warnings
        nextStep = steps.first { $0.band != .ready }?.number
    }
}
