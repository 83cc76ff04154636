/// The readiness model (see the README's "How readiness is computed"): how one rater's answers become
/// step scores, bands, phase scores and flags.

/// Where a step stands.
public enum Band: String, Codable, Sendable {
    case ready = "Ready"
    case developing = "Developing"
    case notReady = "Not ready"
    case insufficient = "Insufficient answers"
}

/// A prompt named in a flag, with enough to show it without the guide at hand.
public struct PromptReference: Codable, Sendable, Equatable {
    public var promptID: String
    public var stepNumber: Int
    public var questionNumber: Int
    public var text: String
    /// The rating's code (`0`, `1`, `?`), or nil when unanswered.
    public var rating: String?
}

public struct StepReadiness: Codable, Sendable, Equatable {
    public var number: Int
    public var id: String
    public var title: String
    /// Mean of the rated prompts (0–4), nil when none is rated.
    public var score: Double?
    public var rated: Int
    public var applicable: Int
    public var prompts: Int
    /// Rated ÷ applicable, from 0 to 1.
    public var coverage: Double
    public var band: Band
    /// True when a critical prompt rated 0 or 1 held the step at Developing.
    public var cappedByCritical: Bool
}

public struct PhaseReadiness: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    /// Mean of its steps' scores, nil when no step has one.
    public var score: Double?
    /// True when any of its steps has insufficient answers.
    public var provisional: Bool
}

public struct SequenceWarning: Codable, Sendable, Equatable {
    public var readyStep: Int
    public var notReadyStep: Int

    public var message: String {
        "Step \(readyStep) is Ready while the earlier step \(notReadyStep) is Not ready: revisit step "
            + "\(notReadyStep) first."
    }
}

/// Everything the summary screen and reports show.
public struct ReadinessSummary: Codable, Sendable, Equatable {
    public var steps: [StepReadiness]
    public var phases: [PhaseReadiness]
    /// Prompts rated 0 or 1.
    public var concerns: [PromptReference]
    /// Prompts answered Don't know or not answered at all.
    public var evidenceGaps: [PromptReference]
    public var sequenceWarnings: [SequenceWarning]
    /// The first step, in order, that is not Ready; nil when all are.
    public var nextStep: Int?
}

extension ReadinessSummary {
    /// Applies the readiness model to one session's answers.
    public init(guide: Guide, session: Session) {
        var steps: [StepReadiness] = []
        var concerns: [PromptReference] = []
        var gaps: [PromptReference] = []
        for (stepIndex, step) in guide.steps.enumerated() {
            var stageSum = 0
            var rated = 0
            var applicable = 0
            var criticalLow = false
            for (promptIndex, prompt) in step.prompts.enumerated() {
                let rating = session.answers[prompt.id]?.rating
                let reference = PromptReference(
                    promptID: prompt.id, stepNumber: stepIndex + 1, questionNumber: promptIndex + 1,
                    text: prompt.text, rating: rating?.code)
                switch rating {
                case .stage(let stage):
                    stageSum += stage.rawValue
                    rated += 1
                    applicable += 1
                    if stage <= .emerging {
                        concerns.append(reference)
                        if prompt.critical { criticalLow = true }
                    }
                case .notApplicable:
                    break
                case .dontKnow, nil:
                    applicable += 1
                    gaps.append(reference)
                }
            }
            let band: Band
            var capped = false
            // Compare in whole numbers so that a mean of exactly 3.0 or 2.0 lands on the right side.
            if rated == 0 || rated * 2 < applicable {
                band = .insufficient
            } else if stageSum >= 3 * rated {
                capped = criticalLow
                band = criticalLow ? .developing : .ready
            } else if stageSum >= 2 * rated {
                band = .developing
            } else {
                band = .notReady
            }
            steps.append(
                StepReadiness(
                    number: stepIndex + 1, id: step.id, title: step.title,
                    score: rated == 0 ? nil : Double(stageSum) / Double(rated),
                    rated: rated, applicable: applicable, prompts: step.prompts.count,
                    coverage: applicable == 0 ? 0 : Double(rated) / Double(applicable),
                    band: band, cappedByCritical: capped))
        }
        self.steps = steps
        self.concerns = concerns
        self.evidenceGaps = gaps

        var phases: [PhaseReadiness] = []
        var offset = 0
        for phase in guide.phases {
            let phaseSteps = steps[offset..<offset + phase.steps.count]
            offset += phase.steps.count
            let scores = phaseSteps.compactMap(\.score)
            phases.append(
                PhaseReadiness(
                    id: phase.id, title: phase.title,
                    score: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
                    provisional: phaseSteps.contains { $0.band == .insufficient }))
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
