import Foundation
import ISPCore
import ISPFiles
import Testing

/// `new --for` and `merge` run as a facilitator would, without a terminal.
@Suite struct MergeCommandTests {
    let workspace: Workspace
    let workshopPath: String
    let workshop: Session

    init() throws {
        workspace = try Workspace()
        var session = Session(guide: .builtIn, mode: .workshop, name: "Youth Jobs Cochabamba")
        session.partnership.focalIssue = "Jóvenes sin empleo"
        session.facilitator = "Ana"
        let ana = Participant(id: "ana", name: "Ana Núñez", organisation: "Municipio", sector: .government)
        session.participants = [ana]
        session.answers["s1.q1"] = Answer(rating: .stage(.inPlace), notes: "We agreed", reason: "After a long talk",
                                          voices: [ana.id: Voice(rating: .stage(.inPlace), note: "Yes")])
        workshopPath = workspace.path + "/workshop.isp.json"
        try SessionFile.save(session, to: workshopPath)
        workshop = session
    }

    /// Runs the wizard in the workspace, as if typed there.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let binary = try #require(wizardBinary, "isp-wizard is not built; run `swift build` first")
        let shell = #"cd "$1" && shift && exec "$@""#
        return try spawn(["/bin/sh", "-c", shell, "sh", workspace.path, binary] + arguments)
    }

    /// Makes a partner's file with `new --for`, then answers it as the partner would, last changed at `updated`.
    func partner(_ organisation: String, _ sector: String, updated: Date,
                 answers: [String: Answer]) throws -> (path: String, session: Session) {
        let made = try run(["new", "--mode", "self-assessment", "--for", "workshop.isp.json",
                            "--organisation", organisation, "--sector", sector])
        #expect(made.status == 0, "\(made.error)")
        let path = workspace.path + "/" + made.output.trimmingCharacters(in: .newlines)
        var session = try SessionFile.load(from: path)
        session.answers = answers
        session.updatedAt = updated
        try SessionFile.save(session, to: path)
        return (path, session)
    }

    /// Every file in the workspace with its bytes, to show that a command changed none of them.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: workspace.path) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: workspace.path + "/" + name))
        }
        return files
    }

    func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../ISPTestSupport/Fixtures/sessions/v1/\(name)").standardizedFileURL.path
    }

    @Test func newForAWorkshopWritesASelfAssessmentTiedToItAndPrintsItsPath() throws {
        let before = try snapshot()
        let first = try run(["new", "--mode", "self-assessment", "--for", "workshop.isp.json",
                             "--organisation", "Asociación Ñandú", "--sector", "civil-society"])
        #expect(first.status == 0)
        #expect(first.output == "asociacion-nandu.isp.json\n")
        #expect(first.error.isEmpty)
        let made = try SessionFile.load(from: workspace.path + "/asociacion-nandu.isp.json")
        #expect(made.mode == .selfAssessment)
        #expect(made.organisation == "Asociación Ñandú" && made.sector == .civilSociety)
        #expect(made.partnershipID == workshop.partnershipID && made.round == workshop.round)
        #expect(made.partnership == workshop.partnership && made.guide == workshop.guide)
        #expect(made.participantID != workshop.participantID && made.answers.isEmpty)

        let second = try run(["new", "--mode", "self-assessment", "--for", "workshop.isp.json",
                              "--organisation", "ASOCIACIÓN ÑANDÚ", "--sector", "civil-society"])
        #expect(second.output == "asociacion-nandu-2.isp.json\n")
        #expect(try SessionFile.load(from: workspace.path + "/asociacion-nandu-2.isp.json").participantID
                    != made.participantID)
        let chosen = try run(["new", "--mode", "self-assessment", "--for", "workshop.isp.json",
                              "--organisation", "Banco Sol", "--sector", "business", "--file", "sub.isp.json"])
        #expect(chosen.output == "sub.isp.json\n")
        // The workshop was only read: not changed, not locked.
        var after = try snapshot()
        for name in ["asociacion-nandu.isp.json", "asociacion-nandu-2.isp.json", "sub.isp.json"] {
            #expect(after.removeValue(forKey: name) != nil)
        }
        #expect(after == before)
    }

    @Test func newForRefusesInOneSentenceWithoutWhatASelfAssessmentNeeds() throws {
        let before = try snapshot()
        let needs = "Error: A self-assessment for workshop.isp.json needs --mode self-assessment, --organisation NAME "
            + "and --sector SECTOR.\n"
        let refusals: [(arguments: [String], error: String)] = [
            (["--for", "workshop.isp.json", "--organisation", "Banco Sol", "--sector", "business"], needs),
            (["--mode", "self-assessment", "--for", "workshop.isp.json", "--organisation", " ",
              "--sector", "business"], needs),
            (["--mode", "self-assessment", "--for", "none.isp.json", "--organisation", "Banco",
              "--sector", "business"], "Error: none.isp.json does not exist.\n"),
            (["--mode", "self-assessment", "--for", "workshop.isp.json", "--organisation", "Banco",
              "--sector", "donor", "--file", "workshop.isp.json"],
             "Error: workshop.isp.json already exists; open it with `isp-wizard open workshop.isp.json` or choose "
                + "another path.\n"),
            (["--organisation", "Banco"], "Error: --organisation and --sector describe a self-assessment; add --mode "
                + "self-assessment.\n"),
        ]
        for refusal in refusals {
            let result = try run(["new"] + refusal.arguments)
            #expect(result.status == 1)
            #expect(result.error == refusal.error)
        }
        #expect(try snapshot() == before)
    }

    @Test func mergesTwoSelfAssessmentsIntoTheWorkshopAndLeavesEveryInputAlone() throws {
        let nandu = try partner("Asociación Ñandú", "civil-society", updated: Date(), answers: [
            "s1.q1": Answer(rating: .stage(.partial), notes: "Vemos avances"), "s2.q1": Answer(rating: .dontKnow),
        ])
        let banco = try partner("Banco Sol", "business", updated: Date(),
                                answers: ["s1.q1": Answer(rating: .stage(.emerging), notes: "Todavía no")])
        let before = try snapshot()
        let result = try run(["merge", "asociacion-nandu.isp.json", "workshop.isp.json", "banco-sol.isp.json",
                              "--output", "merged.isp.json"])
        #expect(result.status == 0)
        #expect(result.error.isEmpty)
        #expect(result.output == """
            Merged asociacion-nandu.isp.json as a new participant: Asociación Ñandú (Civil society).
            Base: workshop.isp.json, a workshop with 1 participant.
            Merged banco-sol.isp.json as a new participant: Banco Sol (Business).
            Wrote merged.isp.json, a workshop with 3 participants.

            """)
        var after = try snapshot()
        #expect(after.removeValue(forKey: "merged.isp.json") != nil)
        #expect(after == before)

        let merged = try SessionFile.load(from: workspace.path + "/merged.isp.json")
        #expect(merged.participants.map(\.id) == ["ana", nandu.session.participantID, banco.session.participantID])
        #expect(merged.participants.map(\.organisation) == ["Municipio", "Asociación Ñandú", "Banco Sol"])
        #expect(merged.partnershipID == workshop.partnershipID)
        let first = try #require(merged.answers["s1.q1"])
        #expect(first.rating == .stage(.inPlace) && first.notes == "We agreed" && first.reason == "After a long talk")
        #expect(first.voices == ["ana": Voice(rating: .stage(.inPlace), note: "Yes"),
                                 nandu.session.participantID: Voice(rating: .stage(.partial), note: "Vemos avances"),
                                 banco.session.participantID: Voice(rating: .stage(.emerging), note: "Todavía no")])
        #expect(merged.answers["s2.q1"]?.voices == [nandu.session.participantID: Voice(rating: .dontKnow)])
    }

    @Test func theMergeSaysAfterItsFilesWhatItChangedInTheReadiness() throws {
        _ = try partner("Banco Sol", "business", updated: Date(),
                        answers: ["s1.q2": Answer(rating: .stage(.inPlace)), "s1.q3": Answer(rating: .dontKnow)])
        let result = try run(["merge", "workshop.isp.json", "banco-sol.isp.json", "--output", "merged.isp.json"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == """
            Base: workshop.isp.json, a workshop with 1 participant.
            Merged banco-sol.isp.json as a new participant: Banco Sol (Business).
            What the merge changed in the readiness:
              Step 1 Identify the Goals and Aims: Insufficient answers, 1 of 4 rated → 3.0 Ready, 2 of 4 rated
            Wrote merged.isp.json, a workshop with 2 participants.

            """)
    }

    @Test func aPartnersRecordsJoinTheWorkshopsAndTheMergeSaysWhatItTook() throws {
        let banco = try partner("Banco Sol", "business", updated: Date(), answers: [:])
        var session = banco.session
        session.records = try JSONDecoder().decode([String: JSONValue].self, from: Data(#"""
            {"s2": {"register": [{"id": "b1", "organisation": "Banco Sol", "sector": "business"}]},
             "s5": {"vision": "Credit for young people"}}
            """#.utf8))
        try SessionFile.save(session, to: banco.path)
        let result = try run(["merge", "workshop.isp.json", "banco-sol.isp.json", "--output", "merged.isp.json"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == """
            Base: workshop.isp.json, a workshop with 1 participant.
            Merged banco-sol.isp.json as a new participant: Banco Sol (Business).
            Records of Banco Sol (Business): added 1 row to “Stakeholder register”, each marked as Banco Sol's; kept \
            its “Problem and vision” apart, as Banco Sol's.
            Wrote merged.isp.json, a workshop with 2 participants.

            """)
        let summary = try run(["summary", "merged.isp.json"])
        #expect(summary.output.contains("  Business: 1\n  - Banco Sol — merged from Banco Sol\n"))
        #expect(summary.output.contains("""
            Kept from the self-assessment of Banco Sol (Business)
              Problem and vision
              Vision: Credit for young people

            """))
        let again = try run(["merge", "banco-sol.isp.json", "--output", "merged.isp.json", "--update"])
        #expect(again.status == 0 && again.output.hasPrefix("Skipped banco-sol.isp.json: it is not newer"))
        let merged = try SessionFile.load(from: workspace.path + "/merged.isp.json")
        #expect(merged.rows(of: PartnershipRecords.register, in: .builtIn).map(\.id) == ["b1"])
    }

    @Test func refusalsChangeNoInputAndWriteNoOutput() throws {
        var stranger = Session(guide: .builtIn, mode: .selfAssessment, name: "Youth Jobs Cochabamba")
        stranger.organisation = "Banco Sol"
        stranger.answers["s1.q1"] = Answer(rating: .stage(.partial))
        try SessionFile.save(stranger, to: workspace.path + "/stranger.isp.json")
        try "{ not json".write(toFile: workspace.path + "/broken.isp.json", atomically: true, encoding: .utf8)
        let before = try snapshot()

        let refused = try run(["merge", "workshop.isp.json", "stranger.isp.json", "broken.isp.json", "other.isp.json",
                               "--output", "merged.isp.json"])
        #expect(refused.status == 1)
        #expect(refused.output == """
            Base: workshop.isp.json, a workshop with 1 participant.
            Refused: stranger.isp.json belongs to another partnership than workshop.isp.json (both are named "Youth \
            Jobs Cochabamba", but their ids differ); add --force to merge it anyway.
            Refused: broken.isp.json is corrupt or truncated: it is not valid JSON.
            Refused: other.isp.json does not exist.

            """)
        #expect(refused.error == "Error: Nothing was merged, so merged.isp.json was not written.\n")
        #expect(try snapshot() == before)

        let exists = try run(["merge", "stranger.isp.json", "--output", "workshop.isp.json"])
        #expect(exists.status == 1)
        #expect(exists.output.isEmpty)
        #expect(exists.error == "Error: workshop.isp.json already exists; add --update to merge into it, or choose "
            + "another --output.\n")
        let missing = try run(["merge", "stranger.isp.json", "--output", "new.isp.json", "--update"])
        #expect(missing.error == "Error: new.isp.json does not exist; leave out --update to make it.\n")
        let selfAssessment = try run(["merge", "workshop.isp.json", "--output", "stranger.isp.json", "--update"])
        #expect(selfAssessment.error == "Error: stranger.isp.json is a self-assessment, not a workshop, so it cannot "
            + "be updated with merged partners; give a new file to --output instead.\n")
        #expect(try snapshot() == before)

        let forced = try run(["merge", "workshop.isp.json", "stranger.isp.json", "--output", "forced.isp.json",
                              "--force"])
        #expect(forced.status == 0)
        #expect(forced.output.contains("Merged stranger.isp.json as a new participant: Banco Sol. Merged with "
            + "--force, though it is of another partnership.\n"))
    }

    @Test func aMergeIntoANewOutputThatAnotherMergeIsWritingIsRefusedAndChangesNothing() throws {
        _ = try partner("Banco Sol", "business", updated: Date(),
                        answers: ["s1.q1": Answer(rating: .stage(.emerging))])
        let arguments = ["merge", "workshop.isp.json", "banco-sol.isp.json", "--output", "merged.isp.json"]
        do {
            // Another merge into the same new output holds its lock until it has written it.
            let lock = try SessionLock(newSessionPath: workspace.path + "/merged.isp.json")
            defer { lock.release() }
            let before = try snapshot()
            #expect(before.keys.sorted() == [".merged.isp.json.lock", "banco-sol.isp.json", "workshop.isp.json"])
            let refused = try run(arguments)
            #expect(refused.status == 1)
            #expect(refused.output.isEmpty)
            #expect(refused.error == "Error: merged.isp.json is being written by another isp-wizard; try again when "
                + "it has finished.\n")
            #expect(try snapshot() == before)
        }
        let before = try snapshot()
        let written = try run(arguments)
        #expect(written.status == 0, "\(written.error)")
        #expect(written.output.hasSuffix("Wrote merged.isp.json, a workshop with 2 participants.\n"))
        // The lock went with the merge that took it.
        var after = try snapshot()
        #expect(after.removeValue(forKey: "merged.isp.json") != nil)
        #expect(after == before)
    }

    @Test func aPartnerFileUnderTheIdOfSomeoneInTheRoomIsRefusedNamingBothVisiblyAndMergedWithForce() throws {
        let banco = try partner("Banco\u{1B}]0;owned\u{07} Sol", "business", updated: Date(),
                                answers: ["s1.q1": Answer(rating: .stage(.emerging))])
        var session = banco.session
        session.participantID = "ana"
        try SessionFile.save(session, to: banco.path)
        let name = URL(fileURLWithPath: banco.path).lastPathComponent
        let before = try snapshot()
        let refused = try run(["merge", "workshop.isp.json", name, "--output", "merged.isp.json"])
        #expect(refused.status == 1)
        #expect(refused.output == """
            Base: workshop.isp.json, a workshop with 1 participant.
            Refused: \(name), Banco^[]0;owned^G Sol (Business), has the participant id of Ana Núñez (Government), who \
            came from no self-assessment; add --force to merge it as a new participant.

            """)
        #expect(refused.error == "Error: Nothing was merged, so merged.isp.json was not written.\n")
        #expect(try snapshot() == before)

        // Beside a partner that merges, the refused file still makes the status 1, so that a script notices.
        let nandu = try partner("Asociación Ñandú", "civil-society", updated: Date(),
                                answers: ["s1.q1": Answer(rating: .stage(.partial))])
        let nanduName = URL(fileURLWithPath: nandu.path).lastPathComponent
        let partly = try run(["merge", "workshop.isp.json", nanduName, name, "--output", "partly.isp.json"])
        #expect(partly.status == 1)
        #expect(partly.output.hasSuffix("Wrote partly.isp.json, a workshop with 2 participants.\n"))
        #expect(partly.error == "Error: 1 file was refused, so partly.isp.json holds the others without it; the line "
                    + "above says why.\n")
        #expect(try SessionFile.load(from: workspace.path + "/partly.isp.json").participants.count == 2)

        let forced = try run(["merge", "workshop.isp.json", name, "--output", "merged.isp.json", "--force"])
        #expect(forced.status == 0, "\(forced.error)")
        #expect(forced.output.contains("Merged \(name) as a new participant: Banco^[]0;owned^G Sol (Business). Merged "
            + "with --force, though it is under the participant id of Ana Núñez (Government); it has a new id.\n"))
        let merged = try SessionFile.load(from: workspace.path + "/merged.isp.json")
        try #require(merged.participants.count == 2)
        #expect(merged.participants[0] == workshop.participants[0])
        let added = merged.participants[1].id
        try #require(added != "ana")
        #expect(merged.answers["s1.q1"]?.voices == ["ana": Voice(rating: .stage(.inPlace), note: "Yes"),
                                                    added: Voice(rating: .stage(.emerging))])
    }

    @Test func updateReplacesAPartnersVoiceInPlaceUnderTheLockAndKeepsTheRest() throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var nandu = try partner("Asociación Ñandú", "civil-society", updated: start,
                                answers: ["s1.q1": Answer(rating: .stage(.partial), notes: "Vemos avances")])
        let banco = try partner("Banco Sol", "business", updated: start,
                                answers: ["s1.q1": Answer(rating: .stage(.emerging))])
        let first = try run(["merge", "asociacion-nandu.isp.json", "banco-sol.isp.json", "--output",
                             "workshop.isp.json", "--update"])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.hasSuffix("Updated workshop.isp.json, a workshop with 3 participants.\n"))

        nandu.session.answers["s1.q1"] = Answer(rating: .stage(.inPlace), notes: "Mejor")
        nandu.session.updatedAt = start.addingTimeInterval(3600)
        try SessionFile.save(nandu.session, to: nandu.path)
        // The session is locked and named where it really is, links resolved.
        let realWorkshopPath = URL(fileURLWithPath: workshopPath).resolvingSymlinksInPath().path
        let arguments = ["merge", "asociacion-nandu.isp.json", "banco-sol.isp.json", "--output", "workshop.isp.json",
                         "--update"]
        do {
            // Open in a wizard: refused, and nothing changed.
            let lock = try SessionLock(sessionPath: workshopPath)
            defer { lock.release() }
            let before = try snapshot()
            let locked = try run(arguments)
            #expect(locked.status == 1)
            #expect(locked.error == "Error: \(realWorkshopPath) is already open in another isp-wizard; close that "
                + "one first.\n")
            #expect(try snapshot() == before)
        }
        let second = try run(arguments)
        #expect(second.status == 0)
        #expect(second.output == """
            Replaced the answers of Asociación Ñandú (Civil society) with asociacion-nandu.isp.json, which is newer.
            Skipped banco-sol.isp.json: it is not newer than the answers of Banco Sol (Business) merged before.
            Updated workshop.isp.json, a workshop with 3 participants.

            """)
        // The same merge again, as a script keeping the workshop up to date runs it: nothing new, no failure.
        let unchanged = try snapshot()
        let again = try run(arguments)
        #expect(again.status == 0 && again.error.isEmpty)
        #expect(again.output.hasSuffix("Skipped banco-sol.isp.json: it is not newer than the answers of Banco Sol "
                                       + "(Business) merged before.\nworkshop.isp.json is up to date: every file was "
                                       + "merged before.\n"))
        #expect(try snapshot() == unchanged)
        // Listing the workshop itself among the files to merge says so, and merges the rest.
        let itself = try run(["merge", "workshop.isp.json", "banco-sol.isp.json", "--output", "workshop.isp.json",
                              "--update"])
        #expect(itself.output.hasPrefix("Refused: workshop.isp.json is the workshop merged into; list only the files "
                                        + "to merge into it.\n"))
        let updated = try SessionFile.load(from: workshopPath)
        #expect(updated.participants.count == 3)
        let answer = try #require(updated.answers["s1.q1"])
        #expect(answer.voices[nandu.session.participantID] == Voice(rating: .stage(.inPlace), note: "Mejor"))
        #expect(answer.voices[banco.session.participantID] == Voice(rating: .stage(.emerging)))
        #expect(answer.voices["ana"] == Voice(rating: .stage(.inPlace), note: "Yes"))
        #expect(answer.rating == .stage(.inPlace) && answer.reason == "After a long talk")
        // No lock file or temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path).sorted()
                    == ["asociacion-nandu.isp.json", "banco-sol.isp.json", "workshop.isp.json"])

        chmod(workshopPath, 0o400)
        let before = try snapshot()
        let readOnly = try run(arguments)
        #expect(readOnly.status == 1)
        #expect(readOnly.error == "Error: This session is read-only: you have no permission to change "
            + "\(realWorkshopPath); merge into a new --output instead.\n")
        #expect(try snapshot() == before)
    }

    @Test func aVersionOneSelfAssessmentIsMergedUnderItsDerivedIdAndAVersionOneWorkshopKeptOnce() throws {
        let selfAssessment = workspace.path + "/v1-self-assessment.isp.json"
        try FileManager.default.copyItem(atPath: fixture("v1-self-assessment.isp.json"), toPath: selfAssessment)
        let derived = try SessionFile.read(from: selfAssessment).session
        let before = try snapshot()
        let merged = try run(["merge", "v1-self-assessment.isp.json", "--output", "youth.isp.json"])
        #expect(merged.status == 0)
        #expect(merged.output == """
            Merged v1-self-assessment.isp.json as a new participant: Asociación Ñandú 合作社 (Civil society).
            Wrote youth.isp.json, a workshop with 1 participant.

            """)
        var after = try snapshot()
        #expect(after.removeValue(forKey: "youth.isp.json") != nil)
        #expect(after == before)
        let youth = try SessionFile.load(from: workspace.path + "/youth.isp.json")
        #expect(youth.participants.map(\.id) == [derived.participantID])
        #expect(youth.partnershipID == derived.partnershipID && youth.partnership == derived.partnership)
        #expect(youth.answers["s1.q1"]?.voices[derived.participantID]?.note == derived.answers["s1.q1"]?.notes)

        // A version-1 workshop updated in place keeps its original bytes once, beside it.
        let water = workspace.path + "/water.isp.json"
        try FileManager.default.copyItem(atPath: fixture("v1-workshop.isp.json"), toPath: water)
        let original = try Data(contentsOf: URL(fileURLWithPath: water))
        let made = try run(["new", "--mode", "self-assessment", "--for", "water.isp.json", "--organisation",
                            "Kisumu Water Co", "--sector", "business"])
        #expect(made.output == "kisumu-water-co.isp.json\n")
        let partnerPath = workspace.path + "/kisumu-water-co.isp.json"
        var partner = try SessionFile.load(from: partnerPath)
        #expect(partner.partnershipID == (try SessionFile.load(from: water)).partnershipID)
        partner.answers["s1.q1"] = Answer(rating: .stage(.partial))
        try SessionFile.save(partner, to: partnerPath)
        let updated = try run(["merge", "kisumu-water-co.isp.json", "--output", "water.isp.json", "--update"])
        #expect(updated.status == 0, "\(updated.error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: water + ".v1.bak")) == original)
        let contents = try SessionFile.read(from: water)
        #expect(contents.version == 3 && contents.session.participants.map(\.id) == [partner.participantID])
    }

    @Test func aVersionOneWorkshopWhoseBackupNameIsTakenIsKeptUnderTheNextFreeName() throws {
        let water = workspace.path + "/water.isp.json"
        try FileManager.default.copyItem(atPath: fixture("v1-workshop.isp.json"), toPath: water)
        let original = try Data(contentsOf: URL(fileURLWithPath: water))
        // The backup of an earlier copy of the file, since put back in its place.
        try Data("earlier".utf8).write(to: URL(fileURLWithPath: water + ".v1.bak"))
        _ = try run(["new", "--mode", "self-assessment", "--for", "water.isp.json", "--organisation",
                     "Kisumu Water Co", "--sector", "business"])
        let partnerPath = workspace.path + "/kisumu-water-co.isp.json"
        var partner = try SessionFile.load(from: partnerPath)
        partner.answers["s1.q1"] = Answer(rating: .stage(.partial))
        try SessionFile.save(partner, to: partnerPath)
        let updated = try run(["merge", "kisumu-water-co.isp.json", "--output", "water.isp.json", "--update"])
        #expect(updated.status == 0, "\(updated.error)")
        #expect(updated.output == """
            Merged kisumu-water-co.isp.json as a new participant: Kisumu Water Co (Business).
            Updated water.isp.json, a workshop with 1 participant.

            """)
        #expect(try String(contentsOfFile: water + ".v1.bak", encoding: .utf8) == "earlier")
        #expect(try Data(contentsOf: URL(fileURLWithPath: water + ".v1.1.bak")) == original)
        #expect(try SessionFile.read(from: water).version == 3)
    }
}
