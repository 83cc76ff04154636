import Foundation
import ISPCore
import ISPTestSupport
import Messages
import Testing

@testable import ISPFiles

@Suite struct SessionFileTests {
    let folder = TemporaryFolder()

    let sample: Session = {
        var session = Session(guide: .builtIn, mode: .selfAssessment, name: "Água para Todos 水",
                              now: Date(timeIntervalSince1970: 1_800_000_000))
        session.organisation = "Asociación Ñandú"
        session.sector = .civilSociety
        session.answers["s1.q1"] = Answer(rating: .stage(.partial), notes: "Línea uno\n第二行")
        session.answers["s2.q2"] = Answer(rating: .dontKnow)
        session.answers["s3.q1"] = Answer(rating: .notApplicable)
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        return session
    }()

    @Test func roundTripsEveryField() throws {
        let path = folder.path + "/s.isp.json"
        try SessionFile.save(sample, to: path)
        #expect(try SessionFile.load(from: path) == sample)
    }

    @Test func roundTripsParticipantsVoicesConsensusAndRecords() throws {
        var session = sample
        session.mode = .workshop
        session.round = 3
        let ana = Participant(name: "Ana Núñez", organisation: "Municipio", sector: .government)
        let li = Participant(name: "李华", organisation: "水务合作社", sector: .civilSociety)
        session.participants = [ana, li, Participant()]
        session.answers["s4.q1"] = Answer(
            rating: .stage(.partial), notes: "group", reason: "The council agreed to ask both.",
            voices: [ana.id: Voice(rating: .stage(.institutionalised), note: "We convene"),
                     li.id: Voice(rating: .stage(.emerging), note: "不同意\nSecond line", finding: .mixed)],
            isCarriedOver: true)
        session.answers["s3.q2"] = Answer(rating: .stage(.inPlace), finding: .unfavourable)
        session.records = ["register": .array([.object(["organisation": .string("Cámara"), "ready": .bool(true),
                                                        "people": .integer(3), "share": .number(0.5),
                                                        "note": .null])])]
        let path = folder.path + "/v2.isp.json"
        try SessionFile.save(session, to: path)
        #expect(try SessionFile.load(from: path) == session)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#""schemaVersion" : 3"#))
        #expect(text.contains(#""carriedOver" : true"#))
        #expect(text.contains(#""finding" : "unfavourable""#) && text.contains(#""finding" : "mixed""#))
        // Empty reasons and voices and a false mark are left out, so a one-voice answer stays small.
        #expect(!text.contains(#""reason" : """#) && !text.contains(#""carriedOver" : false"#))
    }

    @Test func roundTripsAnAnonymousBallotsDistributionInVersionThree() throws {
        var session = sample
        session.mode = .workshop
        session.answers["s1.q1"] = Answer(rating: .stage(.partial), distribution: Distribution(votes: [
            AnonymousVote(rating: .stage(.inPlace), sector: .government, note: "Línea\nmás"),
            AnonymousVote(rating: .stage(.inPlace), sector: .government), AnonymousVote(rating: .dontKnow),
            AnonymousVote(rating: .stage(.emerging), sector: .government, note: "水"),
        ]))
        session.answers["s2.q1"] = Answer(distribution: Distribution(cards: [.stage(.partial): 4, .notApplicable: 1]))
        let path = folder.path + "/ballot.isp.json"
        try SessionFile.save(session, to: path)
        #expect(try SessionFile.load(from: path) == session)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#""schemaVersion" : 3"#))
        #expect(text.contains(#""sector" : "government""#) && text.contains(#""votes" : 4"#))
        #expect(text.contains(#""Línea\nmás""#) && text.contains(#""水""#))
    }

    @Test func writesTheFileReadableByItsOwnerOnlyAndLeavesNoTemporaryFile() throws {
        let path = folder.path + "/s.isp.json"
        try SessionFile.save(sample, to: path)
        try SessionFile.save(sample, to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(folder.files == ["s.isp.json"])
    }

    @Test func aFailedSaveLeavesThePreviousFileWhole() throws {
        let path = folder.path + "/s.isp.json"
        try SessionFile.save(sample, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // A folder in the way of the rename makes the last step fail after the temporary file was written.
        let blocked = folder.path + "/blocked"
        try FileManager.default.createDirectory(atPath: blocked + "/inside", withIntermediateDirectories: true)
        #expect(throws: FileError.self) { try SessionFile.save(sample, to: blocked) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(folder.files == ["blocked", "s.isp.json"])
    }

    @Test func aSessionTooLargeToOpenAgainIsNotWritten() throws {
        var session = sample
        session.answers["s1.q1"]?.notes = String(repeating: "a", count: SessionFile.maximumSize)
        let path = folder.path + "/big.isp.json"
        #expect(throws: FileError("Could not save \(path): the session would be 4.1 MB, more than the 4 MB isp-wizard "
                                      + "opens, so it was not written.")) {
            try SessionFile.save(session, to: path)
        }
        #expect(folder.files.isEmpty)
    }

    @Test func aSessionThatWouldPassTheLimitPrettyPrintedIsSavedOnOneLine() throws {
        // Thirty records nested 300 deep: 20 KB on one line, 5 MB indented.
        var nested = JSONValue.string("x")
        for _ in 0..<300 { nested = .array([nested]) }
        var session = sample
        session.records["deep"] = .array(Array(repeating: nested, count: 30))
        let path = folder.path + "/deep.isp.json"
        try SessionFile.save(session, to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.count < 100_000 && !data.contains(UInt8(ascii: "\n")))
        #expect(try SessionFile.load(from: path) == session)
    }

    @Test func aFailedSaveWhereNoFileWasSaysNothingOfAPreviousVersion() throws {
        let blocked = folder.path + "/blocked"
        try FileManager.default.createDirectory(atPath: blocked + "/inside", withIntermediateDirectories: true)
        #expect(throws: FileError("Could not save \(blocked): Is a directory.")) {
            try SessionFile.save(sample, to: blocked)
        }
    }

    /// A version-2 file as a newer version might write it: fields this one does not know at the top, in a
    /// participant and in an answer, and whole numbers of 30 and 38 digits in a record.
    static let fileFromANewerVersion = #"""
        {"format": "isp-wizard-session", "schemaVersion": 2, "partnershipID": "p-1", "round": 1,
         "partnership": {"name": "Agua", "focalIssue": ""}, "mode": "workshop", "facilitator": "Ana",
         "organisation": "", "participantID": "w-1", "guide": {"id": "usaid-isp-startup", "edition": "2"},
         "createdAt": "2027-01-15T08:00:00Z", "updatedAt": "2027-01-15T08:00:00Z",
         "participants": [{"id": "li", "name": "Li", "organisation": "Coop", "pronouns": "she/her",
                           "contact": {"phone": "+591 2 123456", "optIn": true}}],
         "answers": {"s1.q1": {"rating": "2", "notes": "Draft", "confidence": 0.75, "tags": ["water", null]}},
         "records": {"s2": {"ledger": [{"id": "r1", "account": 123456789012345678901234567890,
                                        "debt": -99999999999999999999999999999999999999}]}},
         "dashboard": {"pinned": ["s1.q1"], "zoom": 3},
         "signature": "abc"}
        """#

    @Test func aSaveKeepsWhatANewerVersionWroteAndWholeNumbersOfUpTo38Digits() throws {
        let original = Data(Self.fileFromANewerVersion.utf8)
        let path = try folder.write("newer.isp.json", original)
        var session = try SessionFile.load(from: path)
        session.answers["s1.q1"]?.notes = "Agreed"
        session.participants[0].name = "Li Hua"
        try SessionFile.save(session, to: path)
        #expect(try SessionFile.load(from: path) == session)

        let saved = try Data(contentsOf: URL(fileURLWithPath: path))
        var expected = try JSONDecoder().decode(JSONValue.self, from: original)
        expected.setValue(.string("Agreed"), at: [.key("answers"), .key("s1.q1"), .key("notes")])
        expected.setValue(.string("Li Hua"), at: [.key("participants"), .row("li"), .key("name")])
        // Written anew as version 3, which has the same fields and a finding where there is one.
        expected.setValue(.integer(3), at: [.key("schemaVersion")])
        #expect(try JSONDecoder().decode(JSONValue.self, from: saved) == expected)
        let text = String(decoding: saved, as: UTF8.self)
        #expect(text.contains(#""account" : 123456789012345678901234567890,"#))
        #expect(text.contains(#""debt" : -99999999999999999999999999999999999999,"#))
    }

    @Test func savingIntoAMissingFolderSaysSo() {
        #expect(throws: FileError("Cannot write in /nonexistent/folder: No such file or directory.")) {
            try SessionFile.save(sample, to: "/nonexistent/folder/s.isp.json")
        }
    }

    /// Loads a file that must be refused, checks that it was left exactly as it was, and returns the message.
    func refusal(_ contents: String) throws -> String {
        let path = try folder.write("bad.isp.json", Data(contents.utf8))
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        var message = "loaded"
        do {
            _ = try SessionFile.load(from: path)
        } catch {
            message = Language.english.text(error.sentence).replacingOccurrences(of: path, with: "FILE")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == contents)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
        return message
    }

    @Test func refusesATruncatedFile() throws {
        let path = folder.path + "/s.isp.json"
        try SessionFile.save(sample, to: path)
        let whole = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try refusal(String(whole.prefix(whole.count / 2))) == "FILE is corrupt or truncated: it is not valid JSON.")
    }

    @Test func refusesGarbageAndEmptyFiles() throws {
        #expect(try refusal("\u{0}\u{1}garbage") == "FILE is corrupt or truncated: it is not valid JSON.")
        #expect(try refusal("") == "FILE is empty, so it is not a session file.")
    }

    @Test func refusesJSONNestedTooDeepSayingWhere() throws {
        let deep = String(repeating: "[", count: 3000) + String(repeating: "]", count: 3000)
        // The 511th bracket is the 513th level, inside the top object and the records.
        let file = "{\"format\": \"isp-wizard-session\",\n\"records\": {\"x\": \(deep)}}"
        #expect(try refusal(file) == "FILE nests its values deeper than 512 levels at line 2, column 528, so it is "
                    + "not a session isp-wizard can read.")
    }

    @Test func refusesAFractionWhereAWholeNumberBelongsSayingSo() throws {
        #expect(try refusal(#"{"format": "isp-wizard-session", "schemaVersion": 2.5}"#)
            == "FILE is not a valid session: schemaVersion is 2.5, which is not a whole number.")
        let path = folder.path + "/s.isp.json"
        try SessionFile.save(sample, to: path)
        let edited = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: #""round" : 1"#, with: #""round" : 1.5"#)
        #expect(try refusal(edited) == "FILE is not a valid session: it holds a number with a fraction or one too "
                    + "large where a whole number belongs.")
    }

    @Test func refusesAFileFromANewerVersion() throws {
        #expect(try refusal(#"{"format": "isp-wizard-session", "schemaVersion": 4, "future": true}"#)
            == "FILE was written by a newer isp-wizard (session schema 4; this one reads up to 3). "
            + "Please update isp-wizard; the file was not changed.")
    }

    @Test func refusesJSONThatIsNotASession() throws {
        #expect(try refusal(#"{"name": "something else"}"#) == "FILE is not an isp-wizard session file.")
        #expect(try refusal(#"{"format": "isp-wizard-guide", "version": 1}"#)
            == "FILE is not an isp-wizard session (its format is \"isp-wizard-guide\").")
    }

    @Test func namesTheFieldOfAnInvalidRating() throws {
        let path = folder.path + "/s.isp.json"
        try SessionFile.save(sample, to: path)
        let edited = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\"rating\" : \"2\"", with: "\"rating\" : \"7\"")
        #expect(try refusal(edited) == "FILE is not a valid session: answers.s1.q1.rating is not a rating: \"7\".")
    }

    @Test func refusesAFolderOrAMissingFile() {
        #expect(throws: FileError("\(folder.path) is a folder, not a session file.")) {
            try SessionFile.load(from: folder.path)
        }
        #expect(throws: FileError("\(folder.path)/none.isp.json does not exist.")) {
            try SessionFile.load(from: folder.path + "/none.isp.json")
        }
    }
}

@Suite struct SessionLibraryTests {
    @Test func followsXDGDataHomeAndFallsBackToTheHomeFolder() {
        #expect(SessionLibrary(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]).folder == "/data/isp-wizard")
        #expect(SessionLibrary(environment: ["HOME": "/home/a"]).folder == "/home/a/.local/share/isp-wizard")
        #expect(SessionLibrary(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]).folder
            == "/h/.local/share/isp-wizard")
    }

    @Test func namesNewSessionsByDateAndNameWithoutOverwriting() throws {
        let folder = TemporaryFolder()
        let library = SessionLibrary(folder: folder.path)
        let day = Date(timeIntervalSince1970: 1_800_000_000)
        let first = library.newSessionPath(name: "Água para Todos!", now: day)
        #expect(first == folder.path + "/2027-01-15-agua-para-todos.isp.json")
        try SessionFile.save(Session(guide: .builtIn), to: first)
        #expect(library.newSessionPath(name: "Água para Todos!", now: day)
            == folder.path + "/2027-01-15-agua-para-todos-2.isp.json")
        #expect(library.newSessionPath(name: "水资源", now: day) == folder.path + "/2027-01-15-session.isp.json")
    }

    @Test func namesAPartnersFileAfterItsOrganisationWithoutAccentsOrOverwriting() throws {
        let folder = TemporaryFolder()
        let first = SessionLibrary.unusedPath(for: "Asociación Ñandú 合作社", in: folder.path)
        #expect(first == folder.path + "/asociacion-nandu.isp.json")
        try SessionFile.save(Session(guide: .builtIn), to: first)
        #expect(SessionLibrary.unusedPath(for: "ASOCIACIÓN ÑANDÚ", in: folder.path)
            == folder.path + "/asociacion-nandu-2.isp.json")
        #expect(SessionLibrary.unusedPath(for: "Çà Øresund") == "ca-oresund.isp.json")
    }

    @Test func findsTheSessionChangedMostRecently() throws {
        let folder = TemporaryFolder()
        let library = SessionLibrary(folder: folder.path)
        #expect(library.mostRecentSession() == nil)
        for name in ["old", "new"] {
            try SessionFile.save(Session(guide: .builtIn), to: folder.path + "/\(name).isp.json")
        }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                              ofItemAtPath: folder.path + "/old.isp.json")
        _ = try folder.write("notes.txt", Data("not a session".utf8))
        #expect(library.mostRecentSession() == folder.path + "/new.isp.json")
    }
}

@Suite struct FileSessionStoreTests {
    @Test func exportsTheSummaryBesideTheSessionFile() throws {
        let folder = TemporaryFolder()
        let store = FileSessionStore(path: folder.path + "/water.isp.json")
        let session = Session(guide: .builtIn, name: "Água 水")
        try store.save(session)
        let summary = ReportExport.summary.contents(guide: .builtIn, session: session)
        let path = try store.export(.summary, contents: summary)
        #expect(path == folder.path + "/water.summary.txt")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("Readiness summary: Água 水\n"))
        #expect(folder.files == ["water.isp.json", "water.summary.txt"])
        #expect(FileSessionStore(path: "/a/b.json").exportPath(.summary) == "/a/b.summary.txt")
        #expect(FileSessionStore(path: "/a/b.isp.json").exportPath(.record(.html)) == "/a/b.record.html")
    }

    @Test func writesTheHandOutInTheFolderTheWizardWasStartedInForOthersToRead() throws {
        let sessions = TemporaryFolder()
        let started = TemporaryFolder()
        let store = FileSessionStore(path: sessions.path + "/water.isp.json", startFolder: started.path)
        let session = Session(guide: .builtIn, name: "Água 水")
        try store.save(session)
        let mask = umask(0o022)  // the usual umask, set back afterwards
        defer { umask(mask) }
        let path = try store.export(.handout, contents: ReportExport.handout.contents(guide: .builtIn,
                                                                                       session: session))
        #expect(path == started.path + "/water.handout.html")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("<title>Hand-out: Água 水</title>"))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o644)
        // The session stays its owner's alone.
        #expect(try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int == 0o600)
        // Where the start folder cannot be written, beside the session.
        #expect(FileSessionStore(path: "/a/b.isp.json", startFolder: "/nonexistent").exportPath(.handout)
                    == "/a/b.handout.html")
    }
}

@Suite struct SessionLockTests {
    @Test func aSecondLockOnTheSameSessionIsRefusedUntilTheFirstIsReleased() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/water.isp.json"
        try SessionFile.save(Session(guide: .builtIn), to: path)
        let first = try SessionLock(sessionPath: path)
        #expect(folder.files == [".water.isp.json.lock", "water.isp.json"])
        #expect(throws: FileError("\(path) is already open in another isp-wizard; close that one first.")) {
            _ = try SessionLock(sessionPath: path)
        }
        first.release()
        #expect(folder.files == ["water.isp.json"])
        let again = try SessionLock(sessionPath: path)
        again.release()
    }
}

@Suite struct SessionValidationTests {
    let folder = TemporaryFolder()

    func refusal(editing edit: (inout [String: Any]) -> Void) throws -> String? {
        var session = Session(guide: .builtIn, name: "Agua")
        session.participants = [Participant(id: "p1", name: "Ana"), Participant(id: "p2", name: "李华")]
        let path = folder.path + "/s.isp.json"
        try SessionFile.save(session, to: path)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
            as? [String: Any])
        edit(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        do {
            _ = try SessionFile.load(from: path)
            return nil
        } catch {
            return Language.english.text(error.sentence).replacingOccurrences(of: path, with: "FILE")
        }
    }

    @Test func twoParticipantsWithOneIdAreRefusedSinceTheyWouldShareTheirRatings() throws {
        let message = try refusal { object in
            var participants = object["participants"] as? [[String: Any]] ?? []
            participants[1]["id"] = "p1"
            object["participants"] = participants
        }
        #expect(message == #"FILE is not a valid session: participants[1].id "p1" is used twice."#)
    }

    @Test func anUnknownSectorIsRefusedSayingWhatTheSectorsAre() throws {
        let message = try refusal { object in
            var participants = object["participants"] as? [[String: Any]] ?? []
            participants[0]["sector"] = "martian"
            object["participants"] = participants
        }
        #expect(message == #"FILE is not a valid session: participants[0].sector is "martian", not one of "#
                + "government, business, civil-society, donor, other.")
    }

    @Test func aDistributionReadFromAFileShowsNoSectorOfFewerThanThreeVotes() throws {
        #expect(try refusal { object in
            object["answers"] = ["s1.q1": ["notes": "", "distribution": ["counts": [
                ["rating": "3", "sector": "business", "votes": 2], ["rating": "3", "votes": 1],
                ["rating": "?", "sector": "donor", "votes": 3],
            ], "notes": ["b", "a"]]]]
        } == nil)
        let session = try SessionFile.load(from: folder.path + "/s.isp.json")
        #expect(session.answers["s1.q1"]?.distribution?.counts == [
            .init(rating: .stage(.inPlace), votes: 3), .init(rating: .dontKnow, sector: .donor, votes: 3),
        ])
        #expect(session.answers["s1.q1"]?.distribution?.notes == ["a", "b"])
    }

    @Test func aDistributionWithANegativeCountOrTooManyVotesIsRefused() throws {
        func distribution(_ votes: Int) -> (inout [String: Any]) -> Void {
            { object in
                let counts: [[String: Any]] = [["rating": "2", "votes": votes]]
                object["answers"] = ["s1.q1": ["notes": "", "distribution": ["counts": counts]]]
            }
        }
        #expect(try refusal(editing: distribution(-1)) == "FILE is not a valid session: "
                + "answers.s1.q1.distribution.counts counts -1 votes, below zero.")
        #expect(try refusal(editing: distribution(10_001)) == "FILE is not a valid session: "
                + "answers.s1.q1.distribution.counts holds more than 10000 votes.")
        #expect(try refusal(editing: distribution(10_000)) == nil)
    }

    @Test func aRoundBelowOneIsRefused() throws {
        #expect(try refusal { $0["round"] = -5 }
                == "FILE is not a valid session: round is -5, and rounds are counted from 1.")
    }
}
