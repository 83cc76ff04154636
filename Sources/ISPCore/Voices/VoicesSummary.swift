import Messages

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
        case .dontKnow, .dontKnowMajority: Rating.dontKnow.code
        case .mostlyNotApplicable: Rating.notApplicable.code
        case .unanswered: nil
        }
    }

    /// The short form in a message: a mean with the reader's decimal separator (`2,5`), a code as it is.
    public var codeArgument: MessageArgument {
        if case .mean(let mean) = self { return .decimal(mean) }
        return .text(code ?? "")
    }
}

/// One sector's view of a step.
public struct SectorMean: Codable, Sendable, Equatable {
    public var sector: Sector
    /// The mean of the stage ratings the sector's participants gave on the step's prompts (or on the prompts
    /// compared), rounded half up to one decimal.
    public var mean: Double
    /// How many stage ratings the mean pools.
    public var ratings: Int
}

/// Two views of a step set side by side on the prompts both rated: like with like.
public struct SectorComparison: Codable, Sendable, Equatable {
    /// The view with the higher mean on the prompts compared, then the lower (the first in sector order on a tie).
    public var higher: SectorMean
    public var lower: SectorMean
    /// How many of the step's prompts both rated.
    public var prompts: Int

    /// The difference of the two means as shown.
    public var gap: Double { Double(tenths(higher.mean) - tenths(lower.mean)) / 10 }

    /// "on the 2 questions both rated: Government 3.0 and Business 1.5".
    public var comparingMessage: Message {
        Message(.reportComparing, [
            "count": .integer(prompts), "higher": .message(higher.sector.message), "highMean": .decimal(higher.mean),
            "lower": .message(lower.sector.message), "lowMean": .decimal(lower.mean),
        ])
    }
}

/// The donors' view of a step beside the three sectors' pooled view, on the prompts both rated.
public struct DonorComparison: Codable, Sendable, Equatable {
    public var donors: SectorMean
    /// The mean of every rating government, business and civil society gave on the prompts compared.
    public var sectorsMean: Double
    public var sectorsRatings: Int
    public var prompts: Int

    /// Whether the donors' mean is 1.0 or more away from the sectors', as shown.
    public var differs: Bool { abs(tenths(donors.mean) - tenths(sectorsMean)) >= 10 }

    /// "on the 2 questions both rated: donors 4.0, the three sectors 2.0".
    public var comparingMessage: Message {
        Message(.reportComparingDonors, ["count": .integer(prompts), "donors": .decimal(donors.mean),
                                         "sectors": .decimal(sectorsMean)])
    }
}

/// How the sectors rated one step, and how far apart they are.
public struct StepSectors: Codable, Sendable, Equatable {
    public var stepNumber: Int
    /// The sectors whose participants gave a stage rating on the step, in the order of `Sector.allCases`, each
    /// pooling all its ratings there: donors and Other are shown beside the three sectors.
    public var means: [SectorMean]
    /// The widest difference between two of the three sectors (government, business, civil society) on the
    /// prompts both rated, each having rated at least half the step's applicable prompts; nil when no two can be
    /// compared.
    public var gap: Double?
    /// True when the gap is 1.0 or more: the sectors see this step differently.
    public var sectorsDiffer: Bool
    /// The two sectors the gap compares, on the prompts both rated.
    public var comparison: SectorComparison?
    /// Donors set against the three sectors pooled, on the prompts both rated; nil when there are none.
    public var donorComparison: DonorComparison?
    /// True when the donors' mean is 1.0 or more away from the three sectors' pooled mean on the same prompts.
    public var donorsDiffer: Bool

    /// The sectors the gap compares, the higher first; nil when no two can be compared.
    public var extremes: (highest: SectorMean, lowest: SectorMean)? {
        comparison.map { ($0.higher, $0.lower) }
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
    /// Prompts with a recorded consensus, in guide order; none in a session of one voice.
    public var consensusPrompts: [ConsensusPrompt]
    /// Prompts whose consensus goes against the voices and has no reason yet: "Consensus differs from the voices".
    public var consensusAgainstVoices: [PromptReference]

    public init(guide: Guide, session: Session) {
        let raters = session.raters
        steps = []
        divergentPrompts = []
        consensusPrompts = []
        consensusAgainstVoices = []
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
                if answer.consensusDiffers(in: raters) && answer.reason.isBlank {
                    consensusAgainstVoices.append(reference)
                }
                if answer.rating != nil && session.hasSeveralVoices(on: prompt.id) {
                    consensusPrompts.append(ConsensusPrompt(prompt: reference, reason: answer.reason))
                }
            }
        }
    }

    /// Each sector's mean on a step, the widest gap among the three sectors on the prompts both rated, and the
    /// donors beside them; participants without a sector, and anonymous votes whose sector is not shown, are left out.
    private static func sectors(of step: Step, number: Int, in session: Session) -> StepSectors {
        let answers = step.prompts.map { session.answer(for: $0.id) }
        let counted = answers.map { $0.counted(in: session.raters) }
        /// The stage ratings given for `sectors` (by participants, or votes that show their sector), prompt by
        /// prompt.
        func stages(of sectors: Set<Sector>) -> [[Int]] {
            counted.map { ratings in
                ratings.compactMap { $0.sector.map(sectors.contains) == true ? $0.stage : nil }
            }
        }
        /// The mean of the ratings on the prompts at `indices`, nil when there are none.
        func mean(_ sector: Sector, _ byPrompt: [[Int]], on indices: [Int]) -> SectorMean? {
            let pooled = indices.flatMap { byPrompt[$0] }
            return pooled.isEmpty ? nil : SectorMean(sector: sector, mean: Mean(pooled).shown, ratings: pooled.count)
        }
        let everyPrompt = Array(answers.indices)
        let bySector = Dictionary(uniqueKeysWithValues: Sector.allCases.map { ($0, stages(of: [$0])) })
        let means = Sector.allCases.compactMap { mean($0, bySector[$0] ?? [], on: everyPrompt) }

        /// The two views side by side on the prompts both rated, the higher first.
        func compare(_ first: Sector, _ firstStages: [[Int]], _ second: Sector, _ secondStages: [[Int]])
            -> SectorComparison?
        {
            let shared = everyPrompt.filter { !firstStages[$0].isEmpty && !secondStages[$0].isEmpty }
            guard let one = mean(first, firstStages, on: shared), let other = mean(second, secondStages, on: shared)
            else { return nil }
            let (higher, lower) = tenths(other.mean) > tenths(one.mean) ? (other, one) : (one, other)
            return SectorComparison(higher: higher, lower: lower, prompts: shared.count)
        }

        // Like with like: only sectors that rated at least half the step's applicable prompts are compared.
        let applicable = answers.count { $0.groupRating(in: session.raters).isApplicable }
        let three = [Sector.government, .business, .civilSociety].filter { sector in
            let rated = bySector[sector]?.count { !$0.isEmpty } ?? 0
            return rated > 0 && rated * 2 >= applicable
        }
        var comparison: SectorComparison?
        for (index, first) in three.enumerated() {
            for second in three.dropFirst(index + 1) {
                guard let pair = compare(first, bySector[first] ?? [], second, bySector[second] ?? [])
                else { continue }
                if comparison.map({ pair.gap > $0.gap }) ?? true { comparison = pair }
            }
        }
        let pooledThree = stages(of: [.government, .business, .civilSociety])
        let donors = bySector[.donor] ?? []
        let sharedWithDonors = everyPrompt.filter { !donors[$0].isEmpty && !pooledThree[$0].isEmpty }
        var donorComparison: DonorComparison?
        if let donor = mean(.donor, donors, on: sharedWithDonors) {
            let pooled = sharedWithDonors.flatMap { pooledThree[$0] }
            donorComparison = DonorComparison(donors: donor, sectorsMean: Mean(pooled).shown,
                                              sectorsRatings: pooled.count, prompts: sharedWithDonors.count)
        }
        return StepSectors(stepNumber: number, means: means, gap: comparison?.gap,
                           sectorsDiffer: comparison.map { tenths($0.gap) >= 10 } ?? false, comparison: comparison,
                           donorComparison: donorComparison, donorsDiffer: donorComparison?.differs ?? false)
    }
}
