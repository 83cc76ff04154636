import FoundationEssentials

/// What the wizard and its ballot server (`isp-ballot`) say to each other: one JSON object a line, the wizard's
/// commands on the server's standard input, the server's events on its standard output.
///
/// Every line carries `"version": 1` and a `"type"`; a line of another version is refused as a whole, so that a
/// wizard and a server from different releases say so instead of misreading each other.
public enum BallotWireVersion {
    public static let current = 1
}

/// The question a ballot is held on, as the wizard shows it.
public struct BallotQuestion: Codable, Sendable, Equatable {
    /// The prompt's id in the guide (`s3.q2`), which the server's events repeat.
    public var id: String
    public var text: String
    /// How to read the scale on this question ("0: not yet explored · 4: …"), so that phones rate it alike; nil
    /// (and off the line) when the guide gives none.
    public var scale: String?
    /// The question in the other languages the guide has it in, by language code, for a phone that reads one of
    /// them; nil (and off the line) when there are none.
    public var translations: [String: String]?
    /// The scale's reading in those languages, by code.
    public var scaleTranslations: [String: String]?

    public init(id: String, text: String, scale: String? = nil, translations: [String: String]? = nil,
                scaleTranslations: [String: String]? = nil) {
        self.id = id
        self.text = text
        self.scale = scale
        self.translations = translations
        self.scaleTranslations = scaleTranslations
    }

    /// The question in a language: its translation when there is one, else as the facilitator reads it.
    public func text(in code: String) -> String {
        translations?[code] ?? text
    }

    /// The scale's reading in a language, as `text(in:)`; nil when the guide gives none.
    public func scale(in code: String) -> String? {
        scaleTranslations?[code] ?? scale
    }
}

/// The rating scale's labels in the wizard's language: the five stages from 0 to 4, then the two answers that are
/// not scores.
public struct BallotScale: Codable, Sendable, Equatable {
    public var stages: [String]
    public var notApplicable: String
    public var dontKnow: String

    public init(stages: [String], notApplicable: String, dontKnow: String) {
        self.stages = stages
        self.notApplicable = notApplicable
        self.dontKnow = dontKnow
    }
}

/// A participant a named ballot's voter may say they are.
public struct BallotParticipant: Codable, Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A sector an anonymous ballot's voter may give with the vote (`government`, as the session names it).
public struct BallotSector: Codable, Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// Who votes: named participants, each once, or anyone in the room once per phone, giving a sector or none.
public enum BallotVoters: Sendable, Equatable {
    case named([BallotParticipant])
    case anonymous(sectors: [BallotSector])
}

/// A ballot to open: the question, the scale's labels and who may vote.
public struct BallotOpening: Codable, Sendable, Equatable {
    public var question: BallotQuestion
    public var scale: BallotScale
    public var voters: BallotVoters
    /// Whether a vote may carry a short note.
    public var allowsNote: Bool
    /// The most votes the ballot counts, the room's size: a phone that has not voted is refused beyond it, so that
    /// a script fetching a fresh cookie for each vote cannot outvote the room. Nil for no limit; on the line only
    /// when set.
    public var mostVotes: Int?
    /// The facilitator's language (`fr`): the page's for a phone whose browser asks for none the server has. Nil
    /// for the server's own; on the line only when set.
    public var language: String?

    public init(question: BallotQuestion, scale: BallotScale, voters: BallotVoters, allowsNote: Bool = true,
                mostVotes: Int? = nil, language: String? = nil) {
        self.question = question
        self.scale = scale
        self.voters = voters
        self.allowsNote = allowsNote
        self.mostVotes = mostVotes
        self.language = language
    }

    private enum CodingKeys: String, CodingKey {
        case question, scale, participants, sectors, allowsNote, mostVotes, language
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        question = try container.decode(BallotQuestion.self, forKey: .question)
        scale = try container.decode(BallotScale.self, forKey: .scale)
        allowsNote = try container.decode(Bool.self, forKey: .allowsNote)
        mostVotes = try container.decodeIfPresent(Int.self, forKey: .mostVotes)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        if let participants = try container.decodeIfPresent([BallotParticipant].self, forKey: .participants) {
            voters = .named(participants)
        } else {
            voters = .anonymous(sectors: try container.decode([BallotSector].self, forKey: .sectors))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(question, forKey: .question)
        try container.encode(scale, forKey: .scale)
        try container.encode(allowsNote, forKey: .allowsNote)
        try container.encodeIfPresent(mostVotes, forKey: .mostVotes)
        try container.encodeIfPresent(language, forKey: .language)
        switch voters {
        case .named(let participants): try container.encode(participants, forKey: .participants)
        case .anonymous(let sectors): try container.encode(sectors, forKey: .sectors)
        }
    }
}

/// A vote's rating, written as the session file writes ratings: `0` to `4`, `n/a` or `?`.
public enum BallotRating: Sendable, Equatable, Hashable, Codable {
    case stage(Int)
    case notApplicable
    case dontKnow

    /// Every rating a voter may give, in the order the page lists them.
    public static let all: [BallotRating] = (0...4).map(BallotRating.stage) + [.notApplicable, .dontKnow]

    public var code: String {
        switch self {
        case .stage(let stage): String(stage)
        case .notApplicable: "n/a"
        case .dontKnow: "?"
        }
    }

    /// The rating of a code, nil for anything but `0` to `4`, `n/a` and `?`.
    public init?(code: String) {
        guard let rating = Self.all.first(where: { $0.code == code }) else { return nil }
        self = rating
    }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let rating = BallotRating(code: code) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a rating: \(code)"))
        }
        self = rating
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// One vote as revealed: a named ballot's carries the participant, an anonymous one's never does, only the sector
/// the voter gave, if any.
public struct BallotVote: Codable, Sendable, Equatable {
    public var participant: String?
    public var sector: String?
    public var rating: BallotRating
    /// The voter's note, empty when none; one line, without control characters.
    public var note: String

    public init(participant: String? = nil, sector: String? = nil, rating: BallotRating, note: String = "") {
        self.participant = participant
        self.sector = sector
        self.rating = rating
        self.note = note
    }
}

/// Why the server could not start.
public enum BallotServerProblem: String, Codable, Sendable, Equatable {
    /// Another program holds the port.
    case portInUse
    /// The port could not be listened on for another reason (a port below 1024 without the right, say).
    case cannotListen
}

/// What the wizard tells its ballot server.
public enum BallotCommand: Sendable, Equatable {
    /// Holds a ballot on a question, in place of any before it.
    case open(BallotOpening)
    /// Ends the ballot and forgets its votes; the page waits for the next question.
    case close
    /// Freezes the ballot and sends its votes; later votes are refused politely.
    case reveal
    /// Lets another phone vote as this participant from now on.
    case release(participant: String)
    /// Stops the server: it exits.
    case end
}

/// What the ballot server tells the wizard.
public enum BallotEvent: Sendable, Equatable {
    /// The server listens: phones open `url`, which `qrCode` encodes.
    case ready(url: String, qrCode: QRModules)
    /// How many have voted on the question so far (`of` is the number of participants of a named ballot); in a
    /// named ballot also who this vote was for and whose vote it took back (a phone that chose another name), never
    /// how anyone voted, so that the wizard can mark who has voted; nil and empty in an anonymous one.
    case count(question: String, votes: Int, of: Int?, voter: String? = nil, withdrawn: [String] = [])
    /// The votes of the ballot, after `reveal`.
    case revealed(question: String, votes: [BallotVote])
    /// The server could not listen on `port`, and exits.
    case failed(BallotServerProblem, port: Int)
}

/// A line of the protocol could not be read.
public enum BallotWireError: Error, Equatable {
    /// The line is of another version of the protocol (a wizard and a server from different releases).
    case otherVersion(Int)
    /// The line is not JSON, or not a message of this version.
    case unreadable(String)
}
