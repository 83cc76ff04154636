import Foundation
import Messages
import Testing

@testable import ISPCore

/// Records in a session file that no isp-wizard wrote (a hand edit, another tool): what they hold is read as far as
/// it can be, shown, flagged, and kept as it was read.
@Suite struct MalformedRecordsTests {
    let today = CalendarDate(year: 2027, month: 3, day: 10)!

    func flags(_ json: String) throws -> [RecordFlag] {
        PartnershipRecords(guide: .builtIn, session: try session(records: json)).flags(today: today)
    }

    @Test func registerRowsWithoutAnIdOrSharingOneCountForTheirSectorsAndShowInTheRecord() throws {
        let json = #"""
            {"s2": {"register": [{"organisation": "Sin id", "sector": "business"},
                                 {"id": 7, "organisation": "Id numérico", "sector": "government"},
                                 {"id": "c", "organisation": "Primera", "sector": "civil-society"},
                                 {"id": "c", "organisation": "Segunda", "sector": "donor"}, "a bare string"]}}
            """#
        #expect(try flags(json).filter { $0.kind == .sectorMissing }.isEmpty)
        let record = MeetingRecord(guide: .builtIn, session: try session(records: json), today: today)
        let register = try #require(record.tables.first { $0.name == "register" })
        #expect(register.rows.map(\.first) == ["Sin id", "Id numérico", "Primera", "Segunda"])
    }

    @Test func rowsWithoutIdsGetTheSameIdsAtEveryReadingAndKeepThemOnceStored() throws {
        var session = try session(records: #"{"s6": {"actions": [{"action": "A"}, {"action": "B"}]}}"#)
        let address = PartnershipRecords.actions
        let ids = session.rows(of: address, in: .builtIn).map(\.id)
        #expect(Set(ids).count == 2 && session.rows(of: address, in: .builtIn).map(\.id) == ids)
        session.identifyRows(in: .builtIn)
        #expect(session.records["s6"]?.object?["actions"]?.array?.map { $0.object?["id"]?.string } == ids)
        let stored = session.records
        session.identifyRows(in: .builtIn)
        #expect(session.records == stored)
    }

    @Test func aDateStoredAsTextThatIsNotADateIsShownAndFlaggedAsTyped() throws {
        #expect(DateEntry(.string("2023-02-29")) == .invalid("2023-02-29"))
        #expect(DateEntry(.string("2023-02-29"))?.problem?.english
            == "2023-02-29 is not a date: February 2023 has 28 days.")
        #expect(DateEntry(.object(["typed": .string("2027-03-15")])) == .date(CalendarDate(year: 2027, month: 3,
                                                                                            day: 15)!))
        #expect(DateEntry(.object(["typed": .number(5)])) == nil)
        let flags = try flags(#"""
            {"s6": {"actions": [{"id": "a", "action": "Survey", "ownerPerson": "Ana", "due": "2023-02-29"},
                                {"id": "b", "action": "Map", "ownerPerson": "Ana", "due": {"typed": "2027-03-09"}}]}}
            """#)
        #expect(flags.map { Language.english.text($0.statement) } == [
            "Action 1, “Survey”, has no due date: “2023-02-29” is not a date.",
            "Action 2, “Map”, was due on 2027-03-09 and is neither done nor dropped (no status).",
        ])
        let session = try session(records: #"{"s4": {"firstMeeting": "2027-1-5"}}"#)
        let worksheet = try #require(Guide.builtIn.worksheet("s4"))
        let entries = session.entries(of: worksheet, in: .builtIn)
        let entry = try #require(entries.first { $0.path.last == .key("firstMeeting") })
        #expect(session.text(of: entry, in: .builtIn) == "2027-1-5")
    }

    @Test func numbersInRecordsAreSavedAsTheyWereRead() throws {
        let json = #"{"zz-other": {"ids": [9007199254740993, -9223372036854775808, 2.5, 1e300, 0, -7]}}"#
        let session = try session(records: json)
        let saved = String(decoding: try SessionFile.encodeCompactJSON(session.records), as: UTF8.self)
        #expect(saved == #"{"zz-other":{"ids":[9007199254740993,-9223372036854775808,2.5,1e+300,0,-7]}}"#)
    }

    @Test func aWorksheetHeldAsSomethingElseThanAnObjectIsShownAsTheFileHoldsIt() throws {
        let session = try session(records: #"{"s1": "a line from another tool", "s3": 42}"#)
        let report = RecordsReport(guide: .builtIn, session: session, today: today, language: .english)
        #expect(report.filledWorksheets.isEmpty)
        #expect(report.otherRecordNames == ["s1", "s3"])
        let text = SummaryReport(guide: .builtIn, session: session, today: today).text(width: 80)
        #expect(text.contains("Kept as the file holds them, shown in the meeting record: s1, s3"))
        #expect(!text.contains("Goals and aims"))
    }
}
