#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Messages

/// One partnership's answers to the guide: who answered, each voice's ratings, the group's, and where the
/// wizard was. On disk it is a versioned session file (`SessionFileFormats.swift`); this is the model.
public struct Session: Sendable, Equatable {
    /// Identifies the partnership across its sessions: rounds, and partners' self-assessments to merge.
    public var partnershipID: String
    /// Which assessment of the partnership this is: 1, then one more for each later round.
    public var round: Int
    public var partnership: Partnership
    public var mode: Mode
    /// Who runs the workshop (workshop mode).
    public var facilitator: String
    /// Who is assessing itself (self-assessment mode).
    public var organisation: String
    public var sector: Sector?
    /// The id this self-assessment's organisation takes as a participant when it is merged into a workshop.
    public var participantID: String
    /// The people in a workshop who rate each question; empty for a self-assessment or a one-voice workshop.
    public var participants: [Participant]
    public var guide: GuideReference
    public var createdAt: Date
    public var updatedAt: Date
    /// Answers by prompt id; prompts without an entry are unanswered.
    public var answers: [String: Answer]
    /// The partnership's own records (stakeholders, convening plan, action plan…), kept as they were read.
    public var records: [String: JSONValue]
    /// The screen the wizard showed last, so that reopening returns there.
    public var position: Position?
    /// What the session's file held that this version does not know (a newer version wrote it), to write back.
    public var unknownFields = UnknownFileFields()

    public init(guide: Guide, mode: Mode = .workshop, name: String = "", now: Date = Date()) {
        partnershipID = Identifier.make()
        round = 1
        partnership = Partnership(name: name, focalIssue: "")
        self.mode = mode
        facilitator = ""
        organisation = ""
        sector = nil
        participantID = Identifier.make()
        participants = []
        self.guide = GuideReference(id: guide.id, edition: guide.edition)
        createdAt = now
        updatedAt = now
        answers = [:]
        records = [:]
        position = nil
    }

    /// A prompt's answer; in a self-assessment, one organisation's voice, without the anonymous votes a workshop's
    /// file held (a workshop switched to a self-assessment keeps them, unused, as its participants).
    public func answer(for promptID: String) -> Answer {
        guard var answer = answers[promptID] else { return Answer() }
        if mode == .selfAssessment { answer.distribution = nil }
        return answer
    }

    /// The participants whose voices count: none in a self-assessment, which is one organisation's own voice
    /// (a workshop switched to a self-assessment keeps its participants, unused).
    public var raters: [Participant] {
        mode == .selfAssessment ? [] : participants
    }

    /// Whether several voices answer: a workshop with participants, or one that voted a prompt anonymously.
    public var hasSeveralVoices: Bool {
        !raters.isEmpty || hasAnonymousVotes
    }

    /// Whether several voices answer this prompt: participants, or the room's anonymous votes on it. A rating
    /// recorded over several voices is the group's consensus; over one, simply the rating.
    public func hasSeveralVoices(on promptID: String) -> Bool {
        !raters.isEmpty || answer(for: promptID).distribution != nil
    }

    /// Whether a workshop voted a prompt anonymously (with a ballot, or cards).
    public var hasAnonymousVotes: Bool {
        mode == .workshop && answers.values.contains { $0.distribution != nil }
    }

    /// The bytes the text typed into the session (names, notes and records) takes in its file, control characters
    /// escaped: most of the file's size.
    public var textSize: Int {
        let answerText = answers.values.reduce(0) { total, answer in
            total + answer.notes.sizeInJSON + answer.reason.sizeInJSON
                + answer.voices.values.reduce(0) { $0 + $1.note.sizeInJSON }
                + (answer.distribution?.notes.reduce(0) { $0 + $1.sizeInJSON } ?? 0)
        }
        let people = participants.reduce(0) { $0 + $1.name.sizeInJSON + $1.organisation.sizeInJSON }
        return answerText + people + records.reduce(0) { $0 + $1.key.sizeInJSON + $1.value.textSize }
            + [partnership.name, partnership.focalIssue, facilitator, organisation].reduce(0) { $0 + $1.sizeInJSON }
    }
}

/// Someone in a workshop who gives their own ratings: a person, or a partner organisation merged in.
public struct Participant: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// May stay empty: then the participant is shown by organisation or number.
    public var name: String
    public var organisation: String
    public var sector: Sector?
    /// When the self-assessment this participant was merged from was last changed (its `updatedAt`), so that
    /// merging it again takes a newer copy only; nil for a participant added in the workshop.
    public var selfAssessmentUpdatedAt: Date?

    public init(id: String = Identifier.make(), name: String = "", organisation: String = "", sector: Sector? = nil,
                selfAssessmentUpdatedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.organisation = organisation
        self.sector = sector
        self.selfAssessmentUpdatedAt = selfAssessmentUpdatedAt
    }

    /// How the participant is named on screen: the name, else the organisation, else "Participant 3" in the
    /// reader's language.
    public func displayName(number: Int, in language: Language) -> String {
        if case .text(let text) = shownName(number: number) { return text }
        return language.text(.participantNumbered, ["number": .integer(number)])
    }

    /// The participant's name, else the organisation, else "Participant 3", as a message's argument.
    public func shownName(number: Int) -> MessageArgument {
        !name.isBlank ? .text(name) : !organisation.isBlank ? .text(organisation)
            : .message(Message(.participantNumbered, ["number": .integer(number)]))
    }
}

// Here, where its coding keys can be seen: a session file keeps the fields of a participant that it does not know.
extension Participant: KnowsItsFields {
    static func knows(_ field: String) -> Bool { CodingKeys(stringValue: field) != nil }
}

public struct Partnership: Codable, Sendable, Equatable {
    public var name: String
    public var focalIssue: String

    public init(name: String, focalIssue: String) {
        self.name = name
        self.focalIssue = focalIssue
    }
}

/// Who is answering: a facilitated workshop of several partners, or one organisation on its own.
public enum Mode: String, Codable, Sendable, CaseIterable {
    case workshop
    case selfAssessment = "self-assessment"

    public init(from decoder: any Decoder) throws {
        self = try decodeByName(decoder)
    }

    /// The mode's name, as the setup screen offers it.
    public var message: Message {
        switch self {
        case .workshop: Message(.modeWorkshop)
        case .selfAssessment: Message(.modeSelfAssessment)
        }
    }
}

/// The sectors the guide names, with donors, who instigate and build capacity.
public enum Sector: String, Codable, Sendable, CaseIterable {
    case government
    case business
    case civilSociety = "civil-society"

    public init(from decoder: any Decoder) throws {
        self = try decodeByName(decoder)
    }

    case donor
    case other

    /// The sector's name, for the reader's language.
    public var message: Message {
        switch self {
        case .government: Message(.sectorGovernment)
        case .business: Message(.sectorBusiness)
        case .civilSociety: Message(.sectorCivilSociety)
        case .donor: Message(.sectorDonor)
        case .other: Message(.sectorOther)
        }
    }
}

public struct GuideReference: Codable, Sendable, Equatable {
    public var id: String
    public var edition: String
}

/// A prompt's answer: how settled it is (the rating) and the answer itself (the notes), with each
/// participant's own rating and note in a workshop that has participants.
public struct Answer: Sendable, Equatable {
    /// The group's rating: in a workshop with participants, the consensus it recorded; otherwise the one
    /// rating given.
    public var rating: Rating?
    /// The group's notes.
    public var notes: String
    /// Why the group settled on its consensus, asked for when the participants' ratings diverge.
    public var reason: String
    /// Each participant's rating and note, by participant id.
    public var voices: [String: Voice]
    /// Brought over from the previous round and not yet confirmed, changed or re-rated.
    public var isCarriedOver: Bool
    /// What the group found, on a prompt that asks for it; never scored.
    public var finding: Finding?
    /// The votes of the anonymous ballot (or the cards) the prompt was voted with, in place of named voices: its
    /// presence says the prompt was voted anonymously.
    public var distribution: Distribution?

    public init(rating: Rating? = nil, notes: String = "", reason: String = "", voices: [String: Voice] = [:],
                isCarriedOver: Bool = false, finding: Finding? = nil, distribution: Distribution? = nil) {
        self.rating = rating
        self.notes = notes
        self.reason = reason
        self.voices = voices
        self.isCarriedOver = isCarriedOver
        self.finding = finding
        self.distribution = distribution
    }

    public var isEmpty: Bool {
        rating == nil && notes.isEmpty && reason.isEmpty && voices.isEmpty && finding == nil && distribution == nil
    }
}

/// One participant's answer to a prompt.
public struct Voice: Codable, Sendable, Equatable {
    public var rating: Rating?
    public var note: String
    /// What a partner merged in from its self-assessment found; never scored.
    public var finding: Finding?

    public init(rating: Rating? = nil, note: String = "", finding: Finding? = nil) {
        self.rating = rating
        self.note = note
        self.finding = finding
    }

    public var isEmpty: Bool { rating == nil && note.isEmpty && finding == nil }
}

/// A readiness rating: one of the five stages, or one of the two answers that are not scores.
public enum Rating: Sendable, Equatable, Hashable {
    case stage(Stage)
    case notApplicable
    case dontKnow

    /// The rating's short name, as in the file and on the summary (`2`, `n/a`, `?`).
    public var code: String {
        switch self {
        case .stage(let stage): String(stage.rawValue)
        case .notApplicable: "n/a"
        case .dontKnow: "?"
        }
    }

    /// The rating's name (`Not started`, `Not applicable`), for the reader's language.
    public var message: Message {
        switch self {
        case .stage(let stage): stage.message
        case .notApplicable: Message(.ratingNotApplicable)
        case .dontKnow: Message(.ratingDontKnow)
        }
    }

    public init?(code: String) {
        switch code {
        case "n/a": self = .notApplicable
        case "?": self = .dontKnow
        default:
            guard let value = Int(code), let stage = Stage(rawValue: value) else { return nil }
            self = .stage(stage)
        }
    }

    /// A rating from what someone typed in plain mode or pressed on a question screen: a digit 0 to 4, `n`, `na`
    /// or `n/a` for Not applicable, `d`, `?` or `dk` for Don't know (letters in either case), spaces around
    /// ignored; nil for anything else, `+3` and `03` too. A key on the screen is one character of these.
    public init?(typed text: String) {
        switch text.trimmed.lowercased() {
        case "n", "na", "n/a": self = .notApplicable
        case "d", "?", "dk": self = .dontKnow
        case let code:
            guard let stage = Stage.allCases.first(where: { String($0.rawValue) == code }) else { return nil }
            self = .stage(stage)
        }
    }

    /// Every rating in the order the picker shows them.
    public static let all: [Rating] = Stage.allCases.map(Rating.stage) + [.notApplicable, .dontKnow]
}

extension Rating: Codable {
    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let rating = Rating(code: code) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Is not a rating: \"\(code)\"."))
        }
        self = rating
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// The five anchored stages of the readiness scale.
public enum Stage: Int, Codable, Sendable, CaseIterable, Comparable {
    case notStarted = 0, emerging, partial, inPlace, institutionalised

    /// The stage's name (`Not started` … `Institutionalised`), for the reader's language.
    public var message: Message {
        switch self {
        case .notStarted: Message(.stageNotStarted)
        case .emerging: Message(.stageEmerging)
        case .partial: Message(.stagePartial)
        case .inPlace: Message(.stageInPlace)
        case .institutionalised: Message(.stageInstitutionalised)
        }
    }

    /// What the stage means, after its name on the scale: "nothing in place yet".
    public var meaning: Message {
        switch self {
        case .notStarted: Message(.stageMeaningNotStarted)
        case .emerging: Message(.stageMeaningEmerging)
        case .partial: Message(.stageMeaningPartial)
        case .inPlace: Message(.stageMeaningInPlace)
        case .institutionalised: Message(.stageMeaningInstitutionalised)
        }
    }

    public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where the wizard was: a screen and, for step screens, the step and prompt.
public struct Position: Codable, Sendable, Equatable {
    public enum Screen: String, Codable, Sendable {
        case setup, participants, map, stepIntro = "step-intro", question, summary
    }

    public var screen: Screen
    public var stepID: String?
    public var promptID: String?
    /// True on a step's worksheet, saved with the step intro's screen so that a version without worksheets
    /// opens the step instead of refusing the file.
    public var worksheet: Bool?

    public init(screen: Screen, stepID: String? = nil, promptID: String? = nil, worksheet: Bool? = nil) {
        self.screen = screen
        self.stepID = stepID
        self.promptID = promptID
        self.worksheet = worksheet
    }
}

/// A choice stored by its name; a name the file holds that is none of them is refused saying what they are.
func decodeByName<Choice: RawRepresentable & CaseIterable>(_ decoder: any Decoder) throws -> Choice
where Choice.RawValue == String {
    let container = try decoder.singleValueContainer()
    let name = try container.decode(String.self)
    guard let choice = Choice(rawValue: name) else {
        throw DecodingError.dataCorruptedError(
            in: container,
            debugDescription: "Is \"\(name.excerpt(limit: 40))\", not one of "
                + Choice.allCases.map(\.rawValue).joined(separator: ", ") + ".")
    }
    return choice
}
