import Messages
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// The layouts of session files, one type per version, apart from the `Session` model: a file is decoded as
// the version its header names, migrated step by step to the newest, and then turned into a `Session`.
// A release writes the newest version only. Small value types whose JSON never changed (Rating, Mode,
// Sector, Partnership, GuideReference, Position, Participant) are shared; a change to one of them makes a new
// version with its own copy of the old shape, as version 2 keeps its voice. Real files of every version are test
// fixtures.

/// Version 1 (the first release): one rating and notes per prompt, no participants, no ids.
struct SessionFileV1: Decodable {
    var format: String
    var schemaVersion: Int
    var partnership: Partnership
    var mode: Mode
    var facilitator: String
    var organisation: String
    var sector: Sector?
    var guide: GuideReference
    var createdAt: Date
    var updatedAt: Date
    var answers: [String: Answer]
    var position: Position?

    struct Answer: Decodable {
        var rating: Rating?
        var notes: String
    }
}

/// Version 2: a partnership id and round, participants with their own ratings and notes (and, for one merged
/// from a self-assessment, when that was last changed), the group's consensus with its reason, carried-over
/// answers, and a place for the partnership's records. Read only, and migrated to version 3.
struct SessionFileV2: KnowsItsFields {
    var format: String
    var schemaVersion: Int
    var partnershipID: String
    var round: Int
    var partnership: Partnership
    var mode: Mode
    var facilitator: String
    var organisation: String
    var sector: Sector?
    var participantID: String
    var participants: [WithUnknownFields<Participant>]
    var guide: GuideReference
    var createdAt: Date
    var updatedAt: Date
    var answers: [String: WithUnknownFields<Answer>]
    var records: [String: JSONValue]
    var position: Position?

    /// Empty reasons, voices and a false carried-over mark are left out of the file.
    struct Answer: KnowsItsFields {
        var rating: Rating?
        var notes: String
        var reason: String?
        var voices: [String: Voice]?
        var carriedOver: Bool?

        static func knows(_ field: String) -> Bool { CodingKeys(stringValue: field) != nil }
    }

    /// A participant's rating and note. A release of version 2 drops a field of a voice it does not know on save,
    /// so the finding a voice may hold came with version 3.
    struct Voice: Codable {
        var rating: Rating?
        var note: String
    }

    static func knows(_ field: String) -> Bool { CodingKeys(stringValue: field) != nil }
}

/// Version 3: the group's finding on an analysis question beside its answer, and a merged partner's in its voice;
/// the distribution of an anonymous ballot on an answer.
struct SessionFileV3: KnowsItsFields {
    var format: String
    var schemaVersion: Int
    var partnershipID: String
    var round: Int
    var partnership: Partnership
    var mode: Mode
    var facilitator: String
    var organisation: String
    var sector: Sector?
    var participantID: String
    var participants: [WithUnknownFields<Participant>]
    var guide: GuideReference
    var createdAt: Date
    var updatedAt: Date
    var answers: [String: WithUnknownFields<Answer>]
    var records: [String: JSONValue]
    var position: Position?

    /// Empty reasons, voices, a false carried-over mark, no finding and no distribution are left out of the file.
    struct Answer: KnowsItsFields {
        var rating: Rating?
        var notes: String
        var reason: String?
        var voices: [String: Voice]?
        var carriedOver: Bool?
        var finding: Finding?
        /// The anonymous ballot's votes, on a prompt voted anonymously.
        var distribution: Distribution?

        static func knows(_ field: String) -> Bool { CodingKeys(stringValue: field) != nil }
    }

    static func knows(_ field: String) -> Bool { CodingKeys(stringValue: field) != nil }
}

/// A type of a file's object that tells the fields it reads from those it does not know.
protocol KnowsItsFields: Codable {
    /// Whether `field` is the name of one of the type's coding keys.
    static func knows(_ field: String) -> Bool
}

/// An object of a file of version 2 or later with the fields this version does not know (a newer one wrote them),
/// collected in the same decode as the object and written back beside it, so that a save keeps them.
struct WithUnknownFields<Known: KnowsItsFields>: Codable {
    var value: Known
    var unknownFields: [String: JSONValue]

    init(_ value: Known, unknownFields: [String: JSONValue] = [:]) {
        self.value = value
        self.unknownFields = unknownFields
    }

    init(from decoder: any Decoder) throws {
        value = try Known(from: decoder)
        let container = try decoder.container(keyedBy: FieldName.self)
        var unknownFields: [String: JSONValue] = [:]
        for field in container.allKeys where !Known.knows(field.stringValue) {
            unknownFields[field.stringValue] = try container.decode(JSONValue.self, forKey: field)
        }
        self.unknownFields = unknownFields
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: FieldName.self)
        for (name, field) in unknownFields {
            try container.encode(field, forKey: FieldName(stringValue: name))
        }
    }

    /// Any field's name.
    private struct FieldName: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) { nil }
    }
}

/// The fields of a session's file, its participants' and its answers' that this version does not know, kept as
/// they were read to be written back. Nothing but the file reads them.
public struct UnknownFileFields: Sendable, Equatable {
    var session: [String: JSONValue] = [:]
    /// By participant id.
    var participants: [String: [String: JSONValue]] = [:]
    /// By prompt id.
    var answers: [String: [String: JSONValue]] = [:]
}

extension SessionFileV2 {
    /// A version-1 file as version 2. Its ids are derived from its creation time and names, so that the
    /// same file always gets the same ones; its ratings become the group's.
    init(migrating old: SessionFileV1) {
        let created = "\(old.createdAt.timeIntervalSince1970)"
        self.init(
            format: old.format, schemaVersion: 2,
            partnershipID: Identifier.derived(from: "partnership\n\(created)\n\(old.partnership.name)"),
            round: 1, partnership: old.partnership, mode: old.mode, facilitator: old.facilitator,
            organisation: old.organisation, sector: old.sector,
            participantID: Identifier.derived(
                from: "participant\n\(created)\n\(old.partnership.name)\n\(old.organisation)"),
            participants: [], guide: old.guide, createdAt: old.createdAt, updatedAt: old.updatedAt,
            answers: old.answers.mapValues { WithUnknownFields(Answer(rating: $0.rating, notes: $0.notes)) },
            records: [:], position: old.position)
    }
}

extension SessionFileV3 {
    /// A version-2 file as version 3: no answer or voice has a finding yet; what it did not know is kept.
    init(migrating old: SessionFileV2) {
        self.init(
            format: old.format, schemaVersion: 3, partnershipID: old.partnershipID, round: old.round,
            partnership: old.partnership, mode: old.mode, facilitator: old.facilitator,
            organisation: old.organisation, sector: old.sector, participantID: old.participantID,
            participants: old.participants, guide: old.guide, createdAt: old.createdAt, updatedAt: old.updatedAt,
            answers: old.answers.mapValues { kept in
                let answer = kept.value
                return WithUnknownFields(
                    Answer(rating: answer.rating, notes: answer.notes, reason: answer.reason,
                           voices: answer.voices?.mapValues { Voice(rating: $0.rating, note: $0.note) },
                           carriedOver: answer.carriedOver),
                    unknownFields: kept.unknownFields)
            },
            records: old.records, position: old.position)
    }

    init(_ session: Session) {
        let unknown = session.unknownFields
        self.init(
            format: SessionFile.formatName, schemaVersion: 3, partnershipID: session.partnershipID,
            round: session.round, partnership: session.partnership, mode: session.mode,
            facilitator: session.facilitator, organisation: session.organisation, sector: session.sector,
            participantID: session.participantID,
            participants: session.participants.map { participant in
                WithUnknownFields(participant, unknownFields: unknown.participants[participant.id] ?? [:])
            },
            guide: session.guide, createdAt: session.createdAt, updatedAt: session.updatedAt,
            answers: session.answers.reduce(into: [:]) { answers, entry in
                let (promptID, answer) = entry
                answers[promptID] = WithUnknownFields(
                    Answer(rating: answer.rating, notes: answer.notes,
                           reason: answer.reason.isEmpty ? nil : answer.reason,
                           voices: answer.voices.isEmpty ? nil : answer.voices,
                           carriedOver: answer.isCarriedOver ? true : nil, finding: answer.finding,
                           distribution: answer.distribution),
                    unknownFields: unknown.answers[promptID] ?? [:])
            },
            records: session.records, position: session.position)
    }
}

extension WithUnknownFields<SessionFileV3> {
    /// A session's file, with the fields that this version does not know of the file it was read from.
    init(_ session: Session) {
        self.init(SessionFileV3(session), unknownFields: session.unknownFields.session)
    }
}

extension SessionFileV3 {
    /// What JSON alone cannot rule out and the model cannot hold, naming its place, or nil when the file is sound:
    /// two participants with one id would share their ratings.
    func validationProblem() -> Message? {
        if round < 1 { return Message(.fileProblemRoundBelowOne, ["round": .integer(round)]) }
        var seen: Set<String> = []
        for (index, participant) in participants.map(\.value).enumerated() {
            let place = "participants[\(index)].id"
            if participant.id.isBlank { return .problem(.fileProblemEmpty, at: place) }
            if !seen.insert(participant.id).inserted {
                return .problem(.fileProblemUsedTwice, at: place, ["value": .text(participant.id.excerpt())])
            }
        }
        return nil
    }
}

extension Message {
    /// What is wrong at a place in a session or guide file (`phases[0].steps[1].id`), a path of JSON keys that
    /// stays as written in every language.
    static func problem(_ id: MessageID, at place: String, _ values: [String: MessageArgument] = [:]) -> Message {
        Message(id, values.merging(["place": .text(place)]) { given, _ in given })
    }
}

extension Session {
    /// The session of a file, keeping the fields of the file, its participants and answers that this version does
    /// not know.
    init(_ file: SessionFileV3, unknownFields: [String: JSONValue] = [:]) {
        partnershipID = file.partnershipID
        round = file.round
        partnership = file.partnership
        mode = file.mode
        facilitator = file.facilitator
        organisation = file.organisation
        sector = file.sector
        participantID = file.participantID
        participants = file.participants.map(\.value)
        guide = file.guide
        createdAt = file.createdAt
        updatedAt = file.updatedAt
        answers = file.answers.mapValues { kept in
            let answer = kept.value
            return Answer(rating: answer.rating, notes: answer.notes, reason: answer.reason ?? "",
                          voices: answer.voices ?? [:], isCarriedOver: answer.carriedOver ?? false,
                          finding: answer.finding, distribution: answer.distribution)
        }
        records = file.records
        position = file.position
        self.unknownFields = UnknownFileFields(
            session: unknownFields,
            participants: file.participants.reduce(into: [:]) { kept, participant in
                if !participant.unknownFields.isEmpty { kept[participant.value.id] = participant.unknownFields }
            },
            answers: file.answers.compactMapValues { $0.unknownFields.isEmpty ? nil : $0.unknownFields })
    }
}
