import BallotWire
import ISPCore
import Messages

/// The ballot server as the wizard sees it: none yet, starting, listening at an address, or failed.
public enum BallotLink: Equatable, Sendable {
    /// No ballot has been asked for: no server runs.
    case off
    /// The server was started and has not yet said where it listens.
    case starting
    /// Phones open `url`, which `qrCode` encodes.
    case listening(url: String, qrCode: QRModules)
    /// The server could not start, or stopped, for the reason the message gives.
    case failed(Message)
}

/// How the room votes on a question: from phones, by name or anonymously, or with cards the facilitator counts.
public enum BallotKind: Equatable, Sendable {
    case named, anonymous, cards
}

/// A ballot open on a question screen while the room votes from phones.
public struct OpenBallot: Equatable, Sendable {
    public let promptID: String
    /// `.named` or `.anonymous`: a cards ballot is counted in `CardsTally`.
    public let kind: BallotKind
    /// Whether the facilitator agreed, before it opened, that its votes take the place of the question's others.
    public let replacing: Bool
    /// How many have voted so far, and of how many (the participants of a named ballot).
    public internal(set) var votes = 0
    public internal(set) var voters: Int?
    /// In a named ballot, the participants who have voted (never how), so the facilitator knows whom to wait for.
    public internal(set) var voted: Set<String> = []
    /// `r` was pressed: the votes are on their way.
    public internal(set) var isRevealing = false
    /// `Esc` with votes: "Discard 5 votes?" waits for `y`.
    public internal(set) var isConfirmingDiscard = false
    /// Quitting with votes: "Quit and lose 5 votes…?" waits for `y` (or the quit key again).
    public internal(set) var isConfirmingQuit = false
    /// The participant highlighted in a named ballot's list, whom `l` lets vote from another phone.
    public internal(set) var selection = 0

    init(promptID: String, kind: BallotKind, replacing: Bool, voters: Int?) {
        self.promptID = promptID
        self.kind = kind
        self.replacing = replacing
        self.voters = voters
    }
}

/// What the wizard asks before a ballot opens.
public enum BallotAsking: Equatable, Sendable {
    /// `b` was pressed: which kind of ballot (or, with the server running and no ballot open, to stop it).
    case kind
    /// The ballot's votes would take the place of the question's other ratings: `y` goes on.
    case replacing(BallotKind)
}
