import BallotWire
import Messages

/// The ballot's rules, apart from HTTP: which ballot is open, its votes, and which phone speaks for whom.
///
/// Phones are told apart by a random browser id (a cookie held in memory only). In a named ballot the first
/// phone to vote as a participant claims them until the wizard releases them; a later vote from that phone
/// replaces its earlier one until the reveal. An anonymous ballot keeps one vote per phone and no participant.
public struct BallotBox: Sendable {
    /// The ballot on the phones' page: none, one taking votes, or one whose votes have been shown.
    public enum Phase: Sendable, Equatable {
        case waiting
        case open(Ballot)
        case revealed(Ballot)
    }

    /// One question's ballot and its votes so far.
    public struct Ballot: Sendable, Equatable {
        /// Tells this ballot from the ones before it, so a form sent for an earlier question is not counted here.
        public var serial: Int
        public var opening: BallotOpening
        /// By participant id in a named ballot, by browser id in an anonymous one.
        var votes: [String: BallotVote] = [:]

        public var voteCount: Int { votes.count }
    }

    /// What a phone sent: the fields of the page's form, as typed.
    public struct Submission: Sendable, Equatable {
        public var serial: Int?
        public var participant: String?
        public var sector: String?
        public var rating: String?
        public var note: String

        public init(serial: Int?, participant: String? = nil, sector: String? = nil, rating: String?,
                    note: String = "") {
            self.serial = serial
            self.participant = participant
            self.sector = sector
            self.rating = rating
            self.note = note
        }
    }

    /// What became of a submission.
    public enum Outcome: Sendable, Equatable {
        /// Counted: `votes` have been cast so far (`of` participants in a named ballot); in a named ballot, this
        /// vote is `voter`'s and took back the votes of `withdrawn` (the names this phone spoke for before).
        case counted(question: String, votes: Int, of: Int?, voter: String?, withdrawn: [String])
        /// Not counted, and the form is shown again with why.
        case refused(Message)
        /// No ballot is open.
        case waiting
        /// The ballot's votes have been shown.
        case closed
    }

    /// The most characters a note holds.
    public static let noteLimit = 280
    /// The value of the sector list's "would rather not say".
    public static let noSector = "none"

    public private(set) var phase: Phase = .waiting
    private var lastSerial = 0
    /// Which browser speaks for each participant who has voted, by participant id.
    private var claims: [String: String] = [:]

    public init() {}

    public mutating func open(_ opening: BallotOpening) {
        lastSerial += 1
        phase = .open(Ballot(serial: lastSerial, opening: opening))
    }

    public mutating func close() {
        phase = .waiting
    }

    /// Freezes the open ballot and gives its votes: a named ballot's in the participants' order, an anonymous one's
    /// sorted by rating, sector and note, so that their order says nothing of who voted when.
    public mutating func reveal() -> (question: String, votes: [BallotVote])? {
        guard case .open(let ballot) = phase else { return nil }
        phase = .revealed(ballot)
        let votes: [BallotVote]
        switch ballot.opening.voters {
        case .named(let participants): votes = participants.compactMap { ballot.votes[$0.id] }
        case .anonymous:
            votes = ballot.votes.values.sorted {
                ($0.rating.code, $0.sector ?? "", $0.note) < ($1.rating.code, $1.sector ?? "", $1.note)
            }
        }
        return (ballot.opening.question.id, votes)
    }

    /// Lets another browser vote as this participant.
    public mutating func release(participant: String) {
        claims[participant] = nil
    }

    /// The vote this browser has cast on the open ballot, to show it on the form again.
    public func vote(of browser: String?) -> BallotVote? {
        guard case .open(let ballot) = phase, let browser else { return nil }
        switch ballot.opening.voters {
        case .named: return claims.first { $0.value == browser }.flatMap { ballot.votes[$0.key] }
        case .anonymous: return ballot.votes[browser]
        }
    }

    /// The browsers that speak for a participant.
    public var claimants: Set<String> { Set(claims.values) }

    /// Whether `serial` is the open ballot's, as a form sent for it says.
    public func isOpen(serial: Int?) -> Bool {
        guard case .open(let ballot) = phase else { return false }
        return ballot.serial == serial
    }

    /// The participant this browser has voted as, to choose them on the form.
    public func participant(of browser: String?) -> String? {
        claims.first { $0.value == browser }?.key
    }

    /// Counts a phone's vote, or says why not.
    public mutating func cast(_ submission: Submission, from browser: String) -> Outcome {
        guard case .open(var ballot) = phase else { return phase == .waiting ? .waiting : .closed }
        guard submission.serial == ballot.serial else { return .refused(Message(.ballotPageQuestionChanged)) }
        let note = ballot.opening.allowsNote ? Self.oneLine(submission.note) : ""
        guard note.count <= Self.noteLimit else {
            return .refused(Message(.ballotPageNoteTooLong, [Message.countArgument: .integer(Self.noteLimit)]))
        }
        let key: String
        var vote: BallotVote
        var voter: String?
        var withdrawn: [String] = []
        switch ballot.opening.voters {
        case .named(let participants):
            guard let chosen = participants.first(where: { $0.id == submission.participant }) else {
                return .refused(Message(.ballotPageChooseWho))
            }
            if let claimant = claims[chosen.id], claimant != browser {
                return .refused(Message(.ballotPageTakenByAnother, ["name": .text(chosen.name)]))
            }
            guard let rating = submission.rating.flatMap(BallotRating.init(code:)) else {
                return .refused(Message(.ballotPageChooseRating))
            }
            let hasVoted = claims.contains { $0.value == browser && ballot.votes[$0.key] != nil }
            guard hasVoted || ballot.votes[chosen.id] != nil || !ballot.isFull else {
                return .refused(Message(.ballotPageRoomFull))
            }
            // A phone speaks for one participant: choosing another gives up the first, and its vote.
            for (participant, claimant) in claims where claimant == browser && participant != chosen.id {
                if ballot.votes[participant] != nil { withdrawn.append(participant) }
                claims[participant] = nil
                ballot.votes[participant] = nil
            }
            claims[chosen.id] = browser
            key = chosen.id
            voter = chosen.id
            vote = BallotVote(participant: chosen.id, rating: rating, note: note)
        case .anonymous(let sectors):
            guard let rating = submission.rating.flatMap(BallotRating.init(code:)) else {
                return .refused(Message(.ballotPageChooseRating))
            }
            guard ballot.votes[browser] != nil || !ballot.isFull else { return .refused(Message(.ballotPageRoomFull)) }
            key = browser
            vote = BallotVote(rating: rating, note: note)
            vote.sector = sectors.first { $0.id == submission.sector }?.id
        }
        ballot.votes[key] = vote
        phase = .open(ballot)
        return .counted(question: ballot.opening.question.id, votes: ballot.voteCount, of: ballot.participantCount,
                        voter: voter, withdrawn: withdrawn.sorted())
    }

    /// A note as one line: line breaks and tabs become spaces, other control characters go, and runs of spaces
    /// become one.
    static func oneLine(_ note: String) -> String {
        let words = note.unicodeScalars.split { $0.properties.generalCategory == .control || $0 == " " }
        return words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }
}

extension BallotBox.Ballot {
    /// Whether the ballot has as many votes as the room has people: a vote more is refused, a vote replaced is not.
    var isFull: Bool {
        opening.mostVotes.map { voteCount >= $0 } ?? false
    }

    /// The number of participants of a named ballot; nil in an anonymous one.
    var participantCount: Int? {
        if case .named(let participants) = opening.voters { participants.count } else { nil }
    }
}
