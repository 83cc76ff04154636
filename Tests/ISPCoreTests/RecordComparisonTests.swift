import Foundation
import Testing

@testable import ISPCore

/// `compare` says which rows of the records' lists were added, removed or changed a choice between two rounds.
@Suite struct RecordComparisonTests {
    let first: Session
    let second: Session

    init() throws {
        first = try session(records: #"""
            {"s2": {"register": [{"id": "r1", "organisation": "Municipio", "sector": "government"},
                                 {"id": "r2", "organisation": "Banco Viejo", "sector": "business"}]},
             "s6": {"actions": [{"id": "a1", "action": "Convene the partners", "status": "in-progress"},
                                {"id": "a2", "action": "Survey the wells", "status": "planned", "ownerPerson": "Bea"}]}}
            """#)
        var next = Session(nextRoundOf: first)
        next.records = try session(records: #"""
            {"s2": {"register": [{"id": "r1", "organisation": "Municipio", "sector": "government"},
                                 {"id": "r3", "organisation": "Banco Sol", "sector": "business"}]},
             "s6": {"actions": [{"id": "a1", "action": "Convene the partners", "status": "done"},
                                {"id": "a2", "action": "Survey the wells", "status": "planned", "ownerPerson": "Eva"},
                                {"id": "a3", "action": "Print flyers"}],
                    "groundRules": [{"id": "rule-honesty", "rule": "Honesty", "agreed": "agreed"}]}}
            """#).records
        second = next
    }

    @Test func addedAndRemovedRowsAndChangedChoicesAreListedListByList() {
        let comparison = RoundComparison(guide: .builtIn, old: first, new: second)
        #expect(comparison.records.map { "\($0.list) \($0.kind.rawValue) \($0.row)" } == [
            "Stakeholder register added Banco Sol",
            "Stakeholder register removed Banco Viejo",
            "Ground rules changed Honesty",
            "Ground rules removed The right to say no",
            "Ground rules removed Accountability",
            "Ground rules removed A commitment to help address other parties' perspectives as well as one's own",
            "Action plan changed Convene the partners",
            "Action plan added Print flyers",
        ])
        let text = comparison.document.text()
        #expect(text.contains("""
            Records that changed: 8
              - Stakeholder register: added “Banco Sol”
              - Stakeholder register: removed “Banco Viejo”
              - Ground rules, “Honesty”: Agreed was not set, now Agreed
            """))
        #expect(text.contains("  - Action plan, “Convene the partners”: Status was In progress, now Done\n"))
    }

    @Test func theJSONListsTheChangesAndTwoRoundsWithoutRecordsShowNoSection() throws {
        let comparison = RoundComparison(guide: .builtIn, old: first, new: second)
        let json = try #require(JSONSerialization.jsonObject(with: comparison.json()) as? [String: Any])
        let records = try #require(json["records"] as? [[String: Any]])
        #expect(records.count == 8)
        #expect(records[6]["address"] as? String == "s6.actions" && records[6]["change"] as? String == "changed")
        #expect(records[6]["choices"] as? [[String: String]] == [["column": "Status", "before": "In progress",
                                                                  "after": "Done"]])
        let plain = Session(guide: .builtIn)
        let none = RoundComparison(guide: .builtIn, old: plain, new: Session(nextRoundOf: plain))
        #expect(none.records.isEmpty && !none.document.sections.contains { $0.id == "records" })
        let same = RoundComparison(guide: .builtIn, old: first, new: Session(nextRoundOf: first))
        #expect(same.records.isEmpty && same.document.text().contains("\nRecords that changed: 0\n"))
    }
}
