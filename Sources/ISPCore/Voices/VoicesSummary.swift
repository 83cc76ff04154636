/// What several voices add to the readiness summary (the README's "Several voices"): how each sector rated each
/// step, the prompts on which the participants diverge, and the consensus the group recorded.

extension GroupRating {
    /// The group rating's short form, as in flags and JSON: a rating's code (`2`, `n/a`, `?`), or a mean with one
    /// decimal (`2.5`); nil when unanswered.
    public var code: String? {
        switch self {
        case .given(let rating): rating.code
        case .mean(let mean): String(format1: mean)
        case .notApplicable: Rating.notApplicable.code
        case .dontKnow: Rating.dontKnow.code
        case .unanswered: nil
        }
    }
}

/// One sector's view of a step.
public struct SectorMean: Codable, Sendable, Equatable {
    public var sector: Sector
    /// The mean of every stage rating the sector's participants gave on the step's prompts.
    public var mean: Double
    /// How many stage ratings the mean pools.
    public var ratings: Int
}

/// How the sectors rated one step, and how far apart they are.
public struct StepSectors: Codable, Sendable, Equatable {
    public var stepNumber: Int
    /// The sectors whose participants gave a stage rating on the step, in the order of `Sector.allCases`.
    public var means: [SectorMean]
    /// The highest minus the lowest mean, each as shown with one decimal; nil with fewer than two sectors.
    public var gap: Double?
    /// True when the gap is 1.0 or more: the sectors see this step differently.
    public var sectorsDiffer: Bool

    /// The sector with the highest mean and the one with the lowest, the first of each in sector order.
    public var extremes: (highest: SectorMean, lowest: SectorMean)? {
        guard let highest = means.max(by: { tenths($0.mean) < tenths($1.mean) }),
            let lowest = means.min(by: { tenths($0.mean) < tenths($1.mean) }), means.count > 1
        else { return nil }
        return (highest, lowest)
    }
}

/// A prompt on which the participants' ratings diverge.
public struct DivergentPrompt: Sendable, Equatable {
    /// The prompt, with its group rating.
    public var prompt: PromptReference
    public var divergence: Divergence
    /// How many participants gave a stage: with fewer than three the summary shows each rating, not statistics.
    public var stageRatings: Int
    /// True when a consensus is recorded without the reason that a divergence asks for.
    public var consensusWithoutReason: Bool

    /// Whether the ratings are few enough to show one by one rather than as a mean or a spread.
    public var showsEachRating: Bool { stageRatings < 3 }
}

/// A prompt on which the group recorded its consensus.
public struct ConsensusPrompt: Sendable, Equatable {
    /// The prompt, with the consensus as its rating.
    public var prompt: PromptReference
    /// Why the group settled on it; may be empty.
    public var reason: String
}

/// Sector means and gaps, divergences and consensus: what the summary adds when a session has participants.
public struct VoicesSummary: Sendable, Equatable {
    /// One entry a step, in guide order.
    public var steps: [StepSectors]
    public var divergentPrompts: [DivergentPrompt]
    /// Prompts with a recorded consensus, in guide order; none in a session without participants.
    public var consensusPrompts: [ConsensusPrompt]

    public init(guide: Guide, session: Session) {
        let raters = session.raters
        steps = []
        divergentPrompts = []
        consensusPrompts = []
        for (stepIndex, step) in guide.steps.enumerated() {
            steps.append(Self.sectors(of: step, number: stepIndex + 1, in: session))
            for (promptIndex, prompt) in step.prompts.enumerated() {
                let answer = session.answer(for: prompt.id)
                let reference = PromptReference(
                    prompt: prompt, stepNumber: stepIndex + 1, questionNumber: promptIndex + 1,
                    rating: answer.groupRating(in: raters))
                if let divergence = answer.divergence(in: raters) {
                    divergentPrompts.append(
                        DivergentPrompt(
                            prompt: reference, divergence: divergence, stageRatings: answer.stages(in: raters).count,
                            consensusWithoutReason: answer.rating != nil && answer.reason.isBlank))
                }
                if answer.rating != nil && !raters.isEmpty {
                    consensusPrompts.append(ConsensusPrompt(prompt: reference, reason: answer.reason))
                }
            }
        }
    }

    /// Each sector's mean on a step; participants without a sector are left out.
    private static func sectors(of step: Step, number: Int, in session: Session) -> StepSectors {
        let means = Sector.allCases.compactMap { sector -> SectorMean? in
            let members = session.raters.filter { $0.sector == sector }
            let stages = step.prompts.flatMap { session.answer(for: $0.id).stages(in: members) }
            guard !stages.isEmpty else { return nil }
            return SectorMean(sector: sector, mean: Double(stages.reduce(0, +)) / Double(stages.count),
                              ratings: stages.count)
        }
        let shown = means.map { tenths($0.mean) }
        var gap: Int?
        if let highest = shown.max(), let lowest = shown.min(), shown.count > 1 { gap = highest - lowest }
        return StepSectors(stepNumber: number, means: means, gap: gap.map { Double($0) / 10 },
                           sectorsDiffer: (gap ?? 0) >= 10)
    }
}
