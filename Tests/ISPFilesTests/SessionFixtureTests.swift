import Foundation
import ISPCore
import ISPTestSupport
import Testing

@testable import ISPFiles

/// Real session files written by each released version: every one must open in this version, keep every answer,
/// name and position, and give the readiness that version gave.
@Suite struct SessionFixtureTests {
    static let versionOneFiles = ["v1-workshop", "v1-self-assessment", "v1-partial-workshop"]

    /// The file's JSON, read without the session decoder, to compare against.
    func rawJSON(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: fixture("sessions/v1/\(name).isp.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: versionOneFiles)
    func aVersionOneFileOpensWithEveryAnswerNameAndPosition(name: String) throws {
        let session = try SessionFile.load(from: fixture("sessions/v1/\(name).isp.json").path)
        let raw = try rawJSON(name)
        let partnership = try #require(raw["partnership"] as? [String: String])
        #expect(session.partnership.name == partnership["name"])
        #expect(session.partnership.focalIssue == partnership["focalIssue"])
        #expect(session.facilitator == raw["facilitator"] as? String)
        #expect(session.organisation == raw["organisation"] as? String)
        #expect(session.mode.rawValue == raw["mode"] as? String)
        let answers = try #require(raw["answers"] as? [String: [String: String]])
        #expect(session.answers.count == answers.count)
        for (promptID, answer) in answers {
            #expect(session.answers[promptID]?.notes == answer["notes"], "notes of \(promptID)")
            #expect(session.answers[promptID]?.rating?.code == answer["rating"], "rating of \(promptID)")
        }
        let position = try #require(raw["position"] as? [String: String])
        #expect(session.position?.screen.rawValue == position["screen"])
        #expect(session.position?.promptID == position["promptID"])
    }

    @Test(arguments: versionOneFiles)
    func aVersionOneFileGivesTheReadinessItsVersionGave(name: String) throws {
        let session = try SessionFile.load(from: fixture("sessions/v1/\(name).isp.json").path)
        let now = try JSONSerialization.jsonObject(with: SummaryReport(guide: editionOneGuide, session: session).json())
        let then = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture("sessions/v1/\(name).summary.json")))
        let current = try #require(now as? [String: Any])
        let recorded = try #require(then as? [String: Any])
        for key in ["steps", "phases", "nextStep", "concerns", "evidenceGaps", "sequenceWarnings"] {
            #expect(canonical(current[key]) == canonical(recorded[key]), "\(key) of \(name)")
        }
    }

    @Test(arguments: versionOneFiles)
    func aVersionOneFileGetsTheSameIdsEachTimeAndOneRound(name: String) throws {
        let path = fixture("sessions/v1/\(name).isp.json").path
        let first = try SessionFile.read(from: path)
        let second = try SessionFile.read(from: path)
        #expect(first.version == 1)
        #expect(first.session.partnershipID == second.session.partnershipID)
        #expect(first.session.participantID == second.session.participantID)
        #expect(first.session.partnershipID != first.session.participantID)
        #expect(first.session.round == 1)
        #expect(first.session.participants.isEmpty)
        #expect(first.olderOriginal == (try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test func aVersionOneFileIsKeptOnceAsABackupWhenFirstSavedInTheNewFormat() throws {
        let folder = TemporaryFolder()
        let original = try Data(contentsOf: fixture("sessions/v1/v1-workshop.isp.json"))
        let path = try folder.write("water.isp.json", original)
        let opened = try SessionFile.openForEditing(path)
        defer { opened.lock?.release() }
        let store = FileSessionStore(path: opened.path, opened: opened.contents)
        var session = opened.session
        try store.save(session)
        session.partnership.name = "Changed"
        try store.save(session)
        let backup = path + ".v1.bak"
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == original)
        let attributes = try FileManager.default.attributesOfItem(atPath: backup)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let saved = try SessionFile.read(from: path)
        #expect(saved.version == SessionFile.schemaVersion)
        #expect(saved.session.partnershipID == opened.session.partnershipID)
        #expect(saved.session.answers == opened.session.answers)
        // Opening the new file again and saving never touches the backup, even one that was edited since.
        try Data("kept".utf8).write(to: URL(fileURLWithPath: backup))
        let reopened = try SessionFile.read(from: path)
        try FileSessionStore(path: path, opened: reopened).save(reopened.session)
        try FileSessionStore(path: path, opened: opened.contents).save(reopened.session)
        #expect(try String(contentsOfFile: backup, encoding: .utf8) == "kept")
    }

    @Test func aVersionOneFileWhoseBackupNameIsTakenIsKeptOnceUnderTheNextFreeName() throws {
        let folder = TemporaryFolder()
        let original = try Data(contentsOf: fixture("sessions/v1/v1-workshop.isp.json"))
        let path = try folder.write("water.isp.json", original)
        _ = try folder.write("water.isp.json.v1.bak", Data("earlier".utf8))
        _ = try folder.write("water.isp.json.v1.1.bak", Data())
        let contents = try SessionFile.read(from: path)
        try SessionFile.keepOriginal(contents, of: path)
        // Kept again, as when the save after it failed and is tried anew: these bytes are kept already.
        try SessionFile.keepOriginal(contents, of: path)
        #expect(folder.files == ["water.isp.json", "water.isp.json.v1.1.bak", "water.isp.json.v1.2.bak",
                                 "water.isp.json.v1.bak"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".v1.2.bak")) == original)
        #expect(try String(contentsOfFile: path + ".v1.bak", encoding: .utf8) == "earlier")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".v1.1.bak")).isEmpty)

        for number in 3...99 { _ = try folder.write("water.isp.json.v1.\(number).bak", Data("other".utf8)) }
        let another = SessionFileContents(session: contents.session, version: 1, olderOriginal: Data("another".utf8))
        #expect(throws: FileError("Could not keep the original of \(path) before saving it in the new format: "
                                      + "\(path).v1.bak and \(path).v1.1.bak to \(path).v1.99.bak all hold other "
                                      + "files; move some of them elsewhere.")) {
            try SessionFile.keepOriginal(another, of: path)
        }
        #expect(folder.files.count == 101)
    }

    static let versionTwoFiles = ["v2-five-voices", "v2-records", "v2-reference-workshop",
                                  "v2-round-2-of-v1-workshop"]

    @Test(arguments: versionTwoFiles)
    func aVersionTwoFileOpensWithEveryVoiceAndIsWrittenAsVersionThreeWithoutAFinding(name: String) throws {
        let path = fixture("sessions/v2/\(name).isp.json").path
        let read = try SessionFile.read(from: path)
        #expect(read.version == 2 && read.olderOriginal != nil)
        let raw = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
            as? [String: Any])
        let answers = try #require(raw["answers"] as? [String: [String: Any]])
        #expect(read.session.answers.count == answers.count)
        for (promptID, answer) in answers {
            let voices = answer["voices"] as? [String: [String: String]] ?? [:]
            let kept = read.session.answers[promptID]
            #expect(kept?.voices.mapValues { [$0.rating?.code, $0.note] }
                    == voices.mapValues { [$0["rating"], $0["note"]] }, "voices of \(promptID)")
            #expect(kept?.finding == nil && kept?.voices.values.allSatisfy { $0.finding == nil } == true)
        }
        let folder = TemporaryFolder()
        let copy = folder.path + "/copy.isp.json"
        try SessionFile.save(read.session, to: copy)
        let written = try SessionFile.read(from: copy)
        #expect(written.version == 3 && written.session == read.session)
    }

    @Test func versionThreeFilesWrittenByTheProgramKeepTheGroupsAndAPartnersFindings() throws {
        let partner = try SessionFile.read(from: fixture("sessions/v3/v3-self-assessment-findings.isp.json").path)
        #expect(partner.version == 3 && partner.olderOriginal == nil)
        #expect(partner.session.answers.compactMapValues(\.finding)
                == ["s2.q1": .favourable, "s2.q2": .mixed, "s3.q2": .unfavourable])
        let workshop = try SessionFile.read(from: fixture("sessions/v3/v3-workshop-findings.isp.json").path)
        #expect(workshop.session.answers.compactMapValues(\.finding) == ["s3.q2": .unfavourable, "s3.q3": .mixed])
        let banco = try #require(workshop.session.participants.first)
        #expect(banco.id == partner.session.participantID && banco.organisation == "Banco Sol")
        #expect(workshop.session.answers.compactMapValues { $0.voices[banco.id]?.finding }
                == ["s2.q1": .favourable, "s2.q2": .mixed, "s3.q2": .unfavourable])
        // Saved again, each file is what it was.
        for name in ["v3-self-assessment-findings", "v3-workshop-findings"] {
            let path = fixture("sessions/v3/\(name).isp.json").path
            let folder = TemporaryFolder()
            let copy = folder.path + "/copy.isp.json"
            try SessionFile.save(try SessionFile.load(from: path), to: copy)
            let before = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
            let after = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: copy)))
            #expect(canonical(before) == canonical(after), "\(name)")
        }
    }

    /// A JSON value as sorted text, so that two decoded values compare.
    func canonical(_ value: Any?) -> String {
        guard let value,
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
