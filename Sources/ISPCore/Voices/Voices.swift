import Messages

/// How several voices on one prompt add up (the README's "Several voices"): the group's rating and whether the
/// participants diverge. The step-level model in `Readiness.swift` builds on these.

/// The group's rating of a prompt.
public enum GroupRating: Sendable, Equatable {
    /// A rating the group gave: its recorded consensus, or the only voice of a session without participants.
    case given(Rating)
    /// No consensus yet: the mean of the participants' stage ratings (Not applicable and Don't know left out),
    /// rounded half up to one decimal on the exact fraction, as it is shown.
    case mean(Double)
    /// No participant gave a stage, and every one who answered said Not applicable.
    case notApplicable
    /// No participant gave a stage, and someone said Don't know: an evidence gap.
    case dontKnow
    /// No consensus, and fewer than half of those who gave a stage or Don't know gave a stage: an evidence gap
    /// ("4 of 7 don't know"), not the mean of the few.
    case dontKnowMajority(dontKnow: Int, of: Int)
    /// No consensus, and most who answered said Not applicable while some gave a stage: no rating until the
    /// room settles whether the question applies ("3 of 4 say not applicable").
    case mostlyNotApplicable(notApplicable: Int, of: Int)
    case unanswered

    /// The value that counts in the step score: a stage, or a mean; nil when there is none.
    public var score: Double? {
        switch self {
        case .given(.stage(let stage)): Double(stage.rawValue)
        case .mean(let mean): mean
        default: nil
        }
    }

    /// Whether the prompt counts in its step's coverage (all but Not applicable).
    public var isApplicable: Bool {
        switch self {
        case .given(.notApplicable), .notApplicable: false
        default: true
        }
    }

    /// Whether the room left the prompt without a rating while some gave it a stage: a Don't-know majority, or
    /// mostly Not applicable. Such a prompt is not cross-checked against the records.
    public var isSplit: Bool {
        switch self {
        case .dontKnowMajority, .mostlyNotApplicable: true
        default: false
        }
    }

    /// How the split reads: "4 of 7 don't know", "3 of 4 say not applicable"; nil for any other rating.
    public var split: Message? {
        switch self {
        case .dontKnowMajority(let dontKnow, let answered):
            Message(.reportSplitDontKnow, ["dontKnow": .integer(dontKnow), "count": .integer(answered)])
        case .mostlyNotApplicable(let notApplicable, let answered):
            Message(.reportSplitNotApplicable, ["notApplicable": .integer(notApplicable), "count": .integer(answered)])
        default: nil
        }
    }

    /// Whether the rating counts as 0 or 1: a concern, and on a critical prompt a cap on its step. A mean
    /// counts when it is below 1.5 as shown with one decimal, that is when it rounds to Not started or Emerging.
    public var isLow: Bool {
        guard let score else { return false }
        return tenths(score) < 15
    }
}

/// Participants' ratings on one prompt that call for discussion.
public enum Divergence: Sendable, Equatable {
    /// The ratings span 2 points or more.
    case spread(lowest: Int, highest: Int)
    /// The mean is 3 or more while someone rated 1 or less: a voice the mean would hide.
    case hiddenDissent(lowest: Int, mean: Double)
}

extension Answer {
    /// The participants who answered this prompt, in the session's order, with their answers.
    public func voices(in participants: [Participant]) -> [(participant: Participant, voice: Voice)] {
        participants.compactMap { participant in
            voices[participant.id].flatMap { $0.isEmpty ? nil : (participant, $0) }
        }
    }

    /// Every answer behind the group's rating: each participant's rating, in the session's order, then each vote of
    /// the prompt's distribution; each with the sector it speaks for. The statistics of several voices (the group
    /// rating, divergence, the consensus against the voices, sector means) all take their ratings from here.
    public func counted(in participants: [Participant]) -> [CountedRating] {
        voices(in: participants).compactMap { participant, voice in
            voice.rating.map { CountedRating(rating: $0, sector: participant.sector) }
        } + (distribution?.counted ?? [])
    }

    /// The stages given (Not applicable and Don't know left out): the participants', then the distribution's.
    public func stages(in participants: [Participant]) -> [Int] {
        counted(in: participants).compactMap(\.stage)
    }

    /// How many could have rated the prompt, as in "3 of 7 rated": the participants, or where the prompt was voted
    /// anonymously, the votes and the participants who answered beside them.
    public func voterCount(in participants: [Participant]) -> Int {
        distribution.map { $0.voteCount + voices(in: participants).count } ?? participants.count
    }

    /// The answers counted: stages, Don't know, Not applicable.
    func tally(in participants: [Participant]) -> (stages: [Int], dontKnow: Int, notApplicable: Int) {
        var tally: (stages: [Int], dontKnow: Int, notApplicable: Int) = ([], 0, 0)
        for counted in counted(in: participants) {
            switch counted.rating {
            case .stage(let stage): tally.stages.append(stage.rawValue)
            case .dontKnow: tally.dontKnow += 1
            case .notApplicable: tally.notApplicable += 1
            }
        }
        return tally
    }

    /// The group's rating: the consensus when one is recorded, else what the participants' voices, or the
    /// distribution's votes, add up to.
    public func groupRating(in participants: [Participant]) -> GroupRating {
        if let rating { return .given(rating) }
        let (stages, dontKnow, notApplicable) = tally(in: participants)
        let answered = stages.count + dontKnow + notApplicable
        if answered == 0 { return .unanswered }
        if stages.isEmpty { return dontKnow == 0 ? .notApplicable : .dontKnow }
        if notApplicable * 2 > answered { return .mostlyNotApplicable(notApplicable: notApplicable, of: answered) }
        // Exactly half giving a stage is rated.
        if stages.count * 2 < stages.count + dontKnow {
            return .dontKnowMajority(dontKnow: dontKnow, of: stages.count + dontKnow)
        }
        return .mean(Mean(stages).shown)
    }

    /// Whether the recorded consensus goes against the participants' voices: a stage outside the range of their
    /// stage ratings or more than 1.0 from their mean (as shown), Not applicable or Don't know over a majority of
    /// stage ratings, or a stage over a Don't-know majority. Such a consensus asks for its reason.
    public func consensusDiffers(in participants: [Participant]) -> Bool {
        guard let rating else { return false }
        let (stages, dontKnow, notApplicable) = tally(in: participants)
        switch rating {
        case .stage(let stage):
            if stages.count * 2 < stages.count + dontKnow { return true }
            guard let lowest = stages.min(), let highest = stages.max() else { return false }
            return stage.rawValue < lowest || stage.rawValue > highest
                || abs(stage.rawValue * 10 - Mean(stages).tenths) > 10
        case .notApplicable, .dontKnow:
            return stages.count * 2 > stages.count + dontKnow + notApplicable
        }
    }

    /// Whether the consensus needs a reason: the voices diverge, or the consensus goes against them.
    public func consensusAsksForReason(in participants: [Participant]) -> Bool {
        rating != nil && (divergence(in: participants) != nil || consensusDiffers(in: participants))
    }

    /// Whether the participants' ratings, or the distribution's votes, diverge, and how.
    public func divergence(in participants: [Participant]) -> Divergence? {
        let stages = stages(in: participants)
        guard let lowest = stages.min(), let highest = stages.max() else { return nil }
        let mean = Mean(stages)
        if mean.tenths >= 30 && lowest <= 1 { return .hiddenDissent(lowest: lowest, mean: mean.shown) }
        if highest - lowest >= 2 { return .spread(lowest: lowest, highest: highest) }
        return nil
    }
}

/// A mean kept as its exact fraction, so that it rounds half up as people round (29/20 is 1.5, where binary
/// floating point can give 1.4) for display and for every comparison.
public struct Mean: Sendable, Equatable {
    public var sum: Int
    public var count: Int

    /// The mean of `sum` over `count`; `count` is at least 1 and `sum` not negative.
    public init(sum: Int, count: Int) {
        self.sum = sum
        self.count = max(count, 1)
    }

    /// The mean of whole values (stages).
    public init(_ values: [Int]) {
        self.init(sum: values.reduce(0, +), count: values.count)
    }

    /// The mean of values each shown with one decimal (scores), taken in tenths so that the sum is exact.
    public init(shown values: [Double]) {
        self.init(sum: values.reduce(0) { $0 + ISPCore.tenths($1) }, count: values.count * 10)
    }

    /// The mean in tenths, rounded half up: 29/20 gives 15.
    public var tenths: Int { (20 * sum + count) / (2 * count) }

    /// The mean as shown, with one decimal.
    public var shown: Double { Double(tenths) / 10 }
}

/// A value in tenths as it is shown with one decimal. Means are rounded once, by `Mean`, and carried as the value
/// shown, which this reads back exactly.
public func tenths(_ value: Double) -> Int {
    Int((value * 10).rounded())
}
