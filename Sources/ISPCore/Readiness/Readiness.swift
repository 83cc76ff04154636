/// The readiness model (see the README's "How readiness is computed"): how the group's rating of each prompt
/// (one voice, a consensus or the participants' mean, see `Voices.swift`) becomes step scores, bands, phase
/// scores and flags.

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
    /// Mean of the rated prompts' scores (0–4), nil when none is rated.
    public var score: Double?
    public var rated: Int
    public var applicable: Int
    public var prompts: Int
    /// Rated ÷ applicable, from 0 to 1.
    public var coverage: Double
    public var band: Band
    /// True when a critical prompt rated 0 or 1 (a mean below 1.5) held the step at Developing.
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
    /// Prompts rated 0 or 1, or with a mean below 1.5.
    public var concerns: [PromptReference]
    /// Prompts answered Don't know or not answered at all.
    public var evidenceGaps: [PromptReference]
    public var sequenceWarnings: [SequenceWarning]
    /// The first step, in order, that is not Ready; nil when all are.
    public var nextStep: Int?
}

extension ReadinessSummary {
    /// Applies the readiness model to one session's answers, taking each prompt's group rating.
    public init(guide: Guide, session: Session) {
        let raters = session.raters
        var steps: [StepReadiness] = []
        var concerns: [PromptReference] = []
        var gaps: [PromptReference] = []
        for (stepIndex, step) in guide.steps.enumerated() {
            var scoreSum = 0.0
            var rated = 0
            var applicable = 0
            var criticalLow = false
            for (promptIndex, prompt) in step.prompts.enumerated() {
                let rating = session.answer(for: prompt.id).groupRating(in: raters)
                let reference = PromptReference(
                    prompt: prompt, stepNumber: stepIndex + 1, questionNumber: promptIndex + 1, rating: rating)
                guard rating.isApplicable else { continue }
                applicable += 1
                guard let score = rating.score else {
                    gaps.append(reference)
                    continue
                }
                scoreSum += score
                rated += 1
                if rating.isLow {
                    concerns.append(reference)
                    if prompt.critical { criticalLow = true }
                }
            }
            let score = rated == 0 ? nil : scoreSum / Double(rated)
            let band: Band
            var capped = false
            // Compare the score as shown, with one decimal, so that a step shown at 3.0 is Ready.
            if let score, rated * 2 >= applicable {
                if tenths(score) >= 30 {
                    capped = criticalLow
                    band = criticalLow ? .developing : .ready
                } else {
                    band = tenths(score) >= 20 ? .developing : .notReady
                }
            } else {
                band = .insufficient
            }
            steps.append(
                StepReadiness(
                    number: stepIndex + 1, id: step.id, title: step.title, score: score,
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
