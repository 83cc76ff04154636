#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One partnership's answers to the guide, as saved in a session file.
public struct Session: Codable, Sendable, Equatable {
    /// The value of `format` in every session file.
    public static let formatName = "isp-wizard-session"
    /// The newest session file layout this version reads and the one it writes.
    public static let schemaVersion = 1

    public var format: String
    public var schemaVersion: Int
    public var partnership: Partnership
    public var mode: Mode
    /// Who runs the workshop (workshop mode).
    public var facilitator: String
    /// Who is assessing itself (self-assessment mode).
    public var organisation: String
    public var sector: Sector?
    public var guide: GuideReference
    public var createdAt: Date
    public var updatedAt: Date
    /// Answers by prompt id; prompts without an entry are unanswered.
    public var answers: [String: Answer]
    /// The screen the wizard showed last, so that reopening returns there.
    public var position: Position?

    public init(guide: Guide, mode: Mode = .workshop, name: String = "", now: Date = Date()) {
        format = Self.formatName
        schemaVersion = Self.schemaVersion
        partnership = Partnership(name: name, focalIssue: "")
        self.mode = mode
        facilitator = ""
        organisation = ""
        sector = nil
        self.guide = GuideReference(id: guide.id, edition: guide.edition)
        createdAt = now
        updatedAt = now
        answers = [:]
        position = nil
    }

    public func answer(for promptID: String) -> Answer {
        answers[promptID] ?? Answer()
    }

    /// The bytes of the text typed into the session (names and notes), which is most of its file's size.
    public var textSize: Int {
        answers.values.reduce(0) { $0 + $1.notes.utf8.count }
            + [partnership.name, partnership.focalIssue, facilitator, organisation].reduce(0) { $0 + $1.utf8.count }
    }
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

    public var label: String {
        switch self {
        case .workshop: "Workshop"
        case .selfAssessment: "Self-assessment"
        }
    }
}

/// The sectors the guide names, with donors, who instigate and build capacity.
public enum Sector: String, Codable, Sendable, CaseIterable {
    case government
    case business
    case civilSociety = "civil-society"
    case donor
    case other

    public var label: String {
        switch self {
        case .government: "Government"
        case .business: "Business"
        case .civilSociety: "Civil society"
        case .donor: "Donor"
        case .other: "Other"
        }
    }
}

public struct GuideReference: Codable, Sendable, Equatable {
    public var id: String
    public var edition: String
}

/// A prompt's answer: how settled it is (the rating) and the answer itself (the notes).
public struct Answer: Codable, Sendable, Equatable {
    public var rating: Rating?
    public var notes: String

    public init(rating: Rating? = nil, notes: String = "") {
        self.rating = rating
        self.notes = notes
    }

    public var isEmpty: Bool { rating == nil && notes.isEmpty }
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

    public var label: String {
        switch self {
        case .stage(let stage): stage.label
        case .notApplicable: "Not applicable"
        case .dontKnow: "Don't know"
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

    public var label: String {
        switch self {
        case .notStarted: "Not started"
        case .emerging: "Emerging"
        case .partial: "Partial"
        case .inPlace: "In place"
        case .institutionalised: "Institutionalised"
        }
    }

    public var meaning: String {
        switch self {
        case .notStarted: "nothing in place yet"
        case .emerging: "first ideas or contacts, not yet shared"
        case .partial: "some of it is in place, clear gaps remain"
        case .inPlace: "in place and accepted by the main partners"
        case .institutionalised: "agreed, documented and sustained"
        }
    }

    public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where the wizard was: a screen and, for step screens, the step and prompt.
public struct Position: Codable, Sendable, Equatable {
    public enum Screen: String, Codable, Sendable {
        case setup, map, stepIntro = "step-intro", question, summary
    }

    public var screen: Screen
    public var stepID: String?
    public var promptID: String?

    public init(screen: Screen, stepID: String? = nil, promptID: String? = nil) {
        self.screen = screen
        self.stepID = stepID
        self.promptID = promptID
    }
}
