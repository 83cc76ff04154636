import Foundation
import Testing

@testable import ISPCore

/// Records in a session file that no isp-wizard wrote (a hand edit, another tool): what they hold is read as far as
/// it can be, shown, flagged, and kept as it was read.
@Suite struct MalformedRecordsTests {
    let today = CalendarDate(year: 2027, month: 3, day: 10)!

    func flags(_ json: String) throws -> [RecordFlag] {
        PartnershipRecords(guide: .builtIn, session: try session(records: json)).flags(today: today)
    }

    @Test func numbersInRecordsAreSavedAsTheyWereRead() throws {
        let json = #"{"zz-other": {"ids": [9007199254740993, -9223372036854775808, 2.5, 1e300, 0, -7]}}"#
        let session = try session(records: json)
        let saved = String(decoding: try SessionFile.encodeCompactJSON(session.records), as: UTF8.self)
        #expect(saved == #"{"zz-other":{"ids":[9007199254740993,-9223372036854775808,2.5,1e+300,0,-7]}}"#)
    }
}
