/// How several voices on one prompt add up (the README's "Several voices"): the group's rating and whether the
/// participants diverge. The step-level model in `Readiness.swift` builds on these.

/// The group's rating of a prompt.
public enum GroupRating: Sendable, Equatable {
    /// A rating the group gave: its recorded consensus, or the only voice of a session without participants.
    case given(Rating)
    /// No consensus yet: the mean of the participants' stage ratings (Not applicable and Don't know left out).
    case mean(Double)
    /// No participant gave a stage, and every one who answered said Not applicable.
    case notApplicable
    /// No participant gave a stage, and someone said Don't know: an evidence gap.
    case dontKnow
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

    /// The stages the participants gave (Not applicable and Don't know left out), in the session's order.
    public func stages(in participants: [Participant]) -> [Int] {
        voices(in: participants).compactMap { entry in
            if case .stage(let stage)? = entry.voice.rating { return stage.rawValue }
            return nil
        }
    }

    /// The group's rating: the consensus when one is recorded, else what the participants' voices add up to.
    public func groupRating(in participants: [Participant]) -> GroupRating {
        if let rating { return .given(rating) }
        let stages = stages(in: participants)
        if !stages.isEmpty { return .mean(Double(stages.reduce(0, +)) / Double(stages.count)) }
        let ratings = voices(in: participants).compactMap(\.voice.rating)
        if ratings.isEmpty { return .unanswered }
        return ratings.allSatisfy { $0 == .notApplicable } ? .notApplicable : .dontKnow
    }

    /// Whether the participants' ratings diverge, and how.
    public func divergence(in participants: [Participant]) -> Divergence? {
        let stages = stages(in: participants)
        guard let lowest = stages.min(), let highest = stages.max() else { return nil }
        let mean = Double(stages.reduce(0, +)) / Double(stages.count)
        if tenths(mean) >= 30 && lowest <= 1 { return .hiddenDissent(lowest: lowest, mean: mean) }
        if highest - lowest >= 2 { return .spread(lowest: lowest, highest: highest) }
        return nil
    }
}

/// A mean in tenths, rounded as it is shown with one decimal, so that comparisons agree with what people see.
public func tenths(_ value: Double) -> Int {
    Int((value * 10).rounded())
}
