import Messages

// Ballots on a prompt (the README's "Secret ballots"): votes cast at once and shown only when the facilitator reveals
// them. A named ballot's votes become participants' voices; an anonymous ballot's votes, or the cards a room holds
// up, become the prompt's distribution, which keeps no participant per vote. The changes that reveal them are
// `SessionChange`s; the statistics take voices and distributions alike as `CountedRating`s.

/// A vote of a named ballot: whose it is, the rating, and the note the voter added, if any.
public struct NamedVote: Sendable, Equatable {
    public var participantID: String
    public var rating: Rating
    /// Blank when the voter added none: the participant's note then stays as it was.
    public var note: String

    public init(participantID: String, rating: Rating, note: String = "") {
        self.participantID = participantID
        self.rating = rating
        self.note = note
    }
}

/// A vote of an anonymous ballot: the rating, the sector the voter chose (if any) and the note they added (if
/// any); never who cast it.
public struct AnonymousVote: Sendable, Equatable {
    public var rating: Rating
    public var sector: Sector?
    /// Blank when the voter added none.
    public var note: String

    public init(rating: Rating, sector: Sector? = nil, note: String = "") {
        self.rating = rating
        self.sector = sector
        self.note = note
    }
}

/// One answer that counts toward a prompt's group rating: a participant's rating or a vote of the prompt's
/// distribution, with the sector it speaks for (nil for none).
public struct CountedRating: Sendable, Equatable {
    public var rating: Rating
    public var sector: Sector?

    public init(rating: Rating, sector: Sector? = nil) {
        self.rating = rating
        self.sector = sector
    }

    /// The stage given, nil for Not applicable and Don't know.
    var stage: Int? {
        if case .stage(let stage) = rating { return stage.rawValue }
        return nil
    }
}

/// The answers of an anonymous ballot on a prompt, or of the cards a room held up: how many votes gave each rating,
/// with the sector the voters chose where at least three votes carry it, and the voters' notes; no participant.
public struct Distribution: Sendable, Equatable {
    /// How many votes gave one rating from one sector (nil: no sector shown).
    public struct Count: Codable, Sendable, Equatable {
        public var rating: Rating
        public var sector: Sector?
        public var votes: Int

        public init(rating: Rating, sector: Sector? = nil, votes: Int) {
            self.rating = rating
            self.sector = sector
            self.votes = votes
        }
    }

    /// The fewest votes that show their sector: fewer could point at who cast them, so they count without one.
    public static let fewestVotesBySector = 3
    /// The most votes a distribution holds: a room's, with room to spare. A ballot or a file with more is refused.
    public static let mostVotes = 10_000

    /// Each rating's votes by sector, none zero: ratings in the picker's order, in each the votes without a sector
    /// first, then each sector's in the order of `Sector.allCases`.
    public private(set) var counts: [Count]
    /// The voters' notes, none blank, sorted, so that their order tells nothing of who wrote which.
    public private(set) var notes: [String]

    /// The distribution of `counts`: counts of one rating and sector added up, a sector that fewer than three votes
    /// carry taken off its votes, notes sorted. A count above `mostVotes` is kept as one more than that, so that
    /// sums stay in range and `voteCount` still says there are too many.
    public init(counts: [Count], notes: [String] = []) {
        let given = counts.filter { $0.votes > 0 }.map { count in
            Count(rating: count.rating, sector: count.sector, votes: min(count.votes, Self.mostVotes + 1))
        }
        let bySector = given.reduce(into: [Sector: Int]()) { totals, count in
            if let sector = count.sector { totals[sector, default: 0] += count.votes }
        }
        func shown(_ sector: Sector?) -> Sector? {
            sector.flatMap { (bySector[$0] ?? 0) >= Self.fewestVotesBySector ? $0 : nil }
        }
        let sectors = [nil] + Sector.allCases.map(Optional.some)
        self.counts = Rating.all.flatMap { rating in
            sectors.compactMap { sector -> Count? in
                let votes = given.filter { $0.rating == rating && shown($0.sector) == sector }
                    .reduce(0) { $0 + $1.votes }
                return votes > 0 ? Count(rating: rating, sector: sector, votes: votes) : nil
            }
        }
        self.notes = notes.filter { !$0.isBlank }.sorted()
    }

    /// The votes of an anonymous ballot, the notes parted from the votes they came with.
    public init(votes: [AnonymousVote]) {
        self.init(counts: votes.map { Count(rating: $0.rating, sector: $0.sector, votes: 1) },
                  notes: votes.map(\.note))
    }

    /// Cards (or fingers) held up in the room: how many showed each rating; no sectors, no notes.
    public init(cards: [Rating: Int]) {
        self.init(counts: cards.map { Count(rating: $0.key, votes: $0.value) })
    }

    /// How many votes it holds.
    public var voteCount: Int { counts.reduce(0) { $0 + $1.votes } }

    /// "3 × In place and 1 × Partial", for a sentence: the votes of each rating, in the picker's order, as
    /// `votes` counts them; a rating without votes is left out.
    public static func countsList(_ votes: (Rating) -> Int) -> MessageArgument {
        .list(Rating.all.compactMap { rating in
            let count = votes(rating)
            return count == 0 ? nil : .message(Message(.votesReportCount, ["count": .integer(count),
                                                                           "rating": .message(rating.message)]))
        }, .and)
    }

    /// How many votes gave `rating`, whatever their sector.
    public func votes(for rating: Rating) -> Int {
        counts.filter { $0.rating == rating }.reduce(0) { $0 + $1.votes }
    }

    /// The sectors shown, in the order of `Sector.allCases`: each carried by at least three votes.
    public var sectors: [Sector] {
        Sector.allCases.filter { sector in counts.contains { $0.sector == sector } }
    }

    /// Every vote as it counts toward the group rating, with its sector where one is shown.
    public var counted: [CountedRating] {
        counts.flatMap { count in
            repeatElement(CountedRating(rating: count.rating, sector: count.sector), count: count.votes)
        }
    }
}

extension Distribution: Codable {
    private enum CodingKeys: String, CodingKey {
        case counts, notes
    }

    /// Read as written, then made what a distribution is (counts added up, a sector of fewer than three votes
    /// taken off, notes sorted); a count below zero, or more votes than `mostVotes`, is refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let counts = try container.decode([Count].self, forKey: .counts)
        if let negative = counts.first(where: { $0.votes < 0 }) {
            throw DecodingError.dataCorruptedError(
                forKey: .counts, in: container, debugDescription: "Counts \(negative.votes) votes, below zero.")
        }
        self.init(counts: counts, notes: try container.decodeIfPresent([String].self, forKey: .notes) ?? [])
        guard voteCount <= Self.mostVotes else {
            throw DecodingError.dataCorruptedError(
                forKey: .counts, in: container, debugDescription: "Holds more than \(Self.mostVotes) votes.")
        }
    }

    /// The notes are left out when there are none.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(counts, forKey: .counts)
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
    }
}
