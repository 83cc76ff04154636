#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// The layouts of session files, one type per version, apart from the `Session` model: a file is decoded as
// the version its header names, migrated step by step to the newest, and then turned into a `Session`.
// A release writes the newest version only. Small value types whose JSON never changed (Rating, Mode,
// Sector, Partnership, GuideReference, Position, Participant, Voice) are shared; a change to one of them
// makes a new version with its own copy of the old shape. Real files of every version are test fixtures.

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
/// answers, and a place for the partnership's records.
struct SessionFileV2: Codable {
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
    var participants: [Participant]
    var guide: GuideReference
    var createdAt: Date
    var updatedAt: Date
    var answers: [String: Answer]
    var records: [String: JSONValue]
    var position: Position?

    /// Empty reasons, voices and a false carried-over mark are left out of the file.
    struct Answer: Codable {
        var rating: Rating?
        var notes: String
        var reason: String?
        var voices: [String: Voice]?
        var carriedOver: Bool?
    }
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
            answers: old.answers.mapValues { Answer(rating: $0.rating, notes: $0.notes) },
            records: [:], position: old.position)
    }

    init(_ session: Session) {
        self.init(
            format: SessionFile.formatName, schemaVersion: 2, partnershipID: session.partnershipID,
            round: session.round, partnership: session.partnership, mode: session.mode,
            facilitator: session.facilitator, organisation: session.organisation, sector: session.sector,
            participantID: session.participantID, participants: session.participants, guide: session.guide,
            createdAt: session.createdAt, updatedAt: session.updatedAt,
            answers: session.answers.mapValues { answer in
                Answer(rating: answer.rating, notes: answer.notes, reason: answer.reason.isEmpty ? nil : answer.reason,
                       voices: answer.voices.isEmpty ? nil : answer.voices,
                       carriedOver: answer.isCarriedOver ? true : nil)
            },
            records: session.records, position: session.position)
    }
}

extension SessionFileV2 {
    /// What JSON alone cannot rule out and the model cannot hold, naming its place, or nil when the file is sound:
    /// two participants with one id would share their ratings.
    func validationProblem() -> String? {
        if round < 1 { return "round is \(round), and rounds are counted from 1" }
        var seen: Set<String> = []
        for (index, participant) in participants.enumerated() {
            if participant.id.isBlank { return "participants[\(index)].id is empty" }
            if !seen.insert(participant.id).inserted {
                return "participants[\(index)].id \"\(participant.id.excerpt())\" is used twice"
            }
        }
        return nil
    }
}

extension Session {
    init(_ file: SessionFileV2) {
        partnershipID = file.partnershipID
        round = file.round
        partnership = file.partnership
        mode = file.mode
        facilitator = file.facilitator
        organisation = file.organisation
        sector = file.sector
        participantID = file.participantID
        participants = file.participants
        guide = file.guide
        createdAt = file.createdAt
        updatedAt = file.updatedAt
        answers = file.answers.mapValues { answer in
            Answer(rating: answer.rating, notes: answer.notes, reason: answer.reason ?? "",
                   voices: answer.voices ?? [:], isCarriedOver: answer.carriedOver ?? false)
        }
        records = file.records
        position = file.position
    }
}
