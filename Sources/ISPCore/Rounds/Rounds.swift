#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// Rounds: a partnership repeats the assessment months later. The next round starts from the last one, its answers
// carried over until someone confirms them; two rounds are compared in `RoundComparison.swift`.

extension Session {
    /// The next round of the same partnership, started at `now`: the same partnership id, the round after, the
    /// participants, records and every answer of `previous`, each answer carried over until it is confirmed.
    public init(nextRoundOf previous: Session, now: Date = Date()) {
        self = previous
        round = previous.round + 1
        createdAt = now
        updatedAt = now
        position = nil
        answers = previous.answers.filter { !$0.value.isEmpty }.mapValues { answer in
            var carried = answer
            carried.isCarriedOver = true
            return carried
        }
    }

    /// How many answers came over from the last round and are not yet confirmed, changed or re-rated.
    public var unconfirmedAnswers: Int {
        answers.values.filter(\.isCarriedOver).count
    }
}
