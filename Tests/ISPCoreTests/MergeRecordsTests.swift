import Foundation
import Testing

@testable import ISPCore

/// What a merge does with records: the workshop's are kept, a self-assessment's lists join the workshop's marked
/// with its organisation (once, however often the file is merged), the rest is kept apart under its organisation.
@Suite struct MergeRecordsTests {
    let monday = Date(timeIntervalSince1970: 1_800_000_000)
    let tuesday = Date(timeIntervalSince1970: 1_800_086_400)
    let today = CalendarDate(year: 2027, month: 2, day: 1)!
    let workshop: Session
    let banco: Session

    init() throws {
        var workshop = try session(records: #"""
            {"s2": {"register": [{"id": "w1", "organisation": "Municipio", "sector": "government"}]},
             "s4": {"convener": {"id": "w1", "name": "Municipio"}, "venue": "Casa de la Cultura"}}
            """#)
        workshop.facilitator = "Ana"
        self.workshop = workshop
        var banco = Session(selfAssessmentFor: workshop, organisation: "Banco Sol", sector: .business, now: monday)
        banco.records = try JSONDecoder().decode([String: JSONValue].self, from: Data(#"""
            {"s2": {"register": [{"id": "b1", "organisation": "Banco Sol", "sector": "business"},
                                 {"id": "b2", "organisation": "Cámara de Comercio", "sector": "business"},
                                 {"id": "b3"}]},
             "s4": {"venue": "Hotel Plaza", "neutral": "no"},
             "s6": {"actions": [{"id": "ba1", "action": "Open a credit line", "ownerOrganisation": {"id": "b1",
                    "name": "Banco Sol"}, "due": "2027-06-01", "status": "planned"}]}}
            """#.utf8))
        banco.answers["s1.q1"] = Answer(rating: .stage(.partial))
        self.banco = banco
    }

    func input(_ name: String, _ session: Session) -> MergeInput {
        MergeInput(path: name,
                   contents: .success(SessionFileContents(session: session, version: 2, olderOriginal: nil)))
    }

    func merged(_ inputs: [MergeInput], updating base: Session? = nil) throws -> MergeResult {
        let updating = base.map { ("workshop", SessionFileContents(session: $0, version: 2, olderOriginal: nil)) }
        return try SessionMerge.merge(inputs, updating: updating, guide: .builtIn, now: tuesday)
    }

    func rows(_ session: Session, _ address: FieldAddress) -> [RecordRow] {
        session.rows(of: address, in: .builtIn)
    }

    @Test func aPartnersRowsJoinTheWorkshopsListsMarkedAndTheRestIsKeptApartUnderItsOrganisation() throws {
        let result = try merged([input("workshop", workshop), input("banco", banco)])
        let output = try #require(result.output)
        let from = MergedFrom(participantID: banco.participantID, organisation: "Banco Sol")
        #expect(rows(output, PartnershipRecords.register).map(\.id) == ["w1", "b1", "b2"])
        #expect(rows(output, PartnershipRecords.register).map(MergedFrom.init) == [nil, from, from])
        #expect(rows(output, PartnershipRecords.actions).map(\.id) == ["ba1"])
        #expect(rows(output, PartnershipRecords.actions).first?.text("action") == "Open a credit line")
        // The workshop's own convening plan is untouched; the partner's is kept apart.
        #expect(output.records["s4"] == workshop.records["s4"])
        let kept = try #require(output.records["partners"]?.object?[banco.participantID]?.object)
        #expect(kept["organisation"] == .string("Banco Sol") && kept["sector"] == .string("business"))
        let partnersPlan = JSONValue.object(["venue": .string("Hotel Plaza"), "neutral": .string("no")])
        #expect(kept["records"] == .object(["s4": partnersPlan]))
        #expect(result.entries.map(\.recordsLine?.english) == [
            nil,
            "Records of Banco Sol (Business): added 2 rows to “Stakeholder register” and 1 to “Action plan”, each "
                + "marked as Banco Sol's; kept its “Convening plan” apart, as Banco Sol's.",
        ])
    }

    @Test func aPartnersContributionsJoinTheWorkshopsAndItsMediatorAndFutureAreKeptApart() throws {
        var partner = banco
        partner.records = try JSONDecoder().decode([String: JSONValue].self, from: Data(#"""
            {"s6": {"mediator": "Padre Luis",
                    "contributions": [{"id": "bc1", "partner": {"id": "b1", "name": "Banco Sol"},
                                       "contribution": "Meter loans"}]},
             "s7": {"future": "change", "futureNote": "Add sanitation"}}
            """#.utf8))
        let output = try #require(try merged([input("workshop", workshop), input("banco", partner)]).output)
        let contributions = rows(output, PartnershipRecords.contributions)
        #expect(contributions.map(\.id) == ["bc1"] && contributions.first?.text("contribution") == "Meter loans")
        #expect(contributions.first.flatMap(MergedFrom.init)?.organisation == "Banco Sol")
        let kept = try #require(output.records["partners"]?.object?[partner.participantID]?.object?["records"])
        #expect(kept == .object(["s6": .object(["mediator": .string("Padre Luis")]),
                                 "s7": .object(["future": .string("change"), "futureNote": .string("Add sanitation")])]))
        // The record shows both: the contribution in the workshop's list, the rest as the partner's.
        let text = MeetingRecord(guide: .builtIn, session: output, today: today).document.text(width: 200)
        #expect(text.contains("Meter loans") && text.contains("Mediator: Padre Luis")
                    && text.contains("Should the partnership continue, change or close? Change"))
    }

    @Test func mergingTheSameFileAgainAddsOnlyItsNewRowsAndReplacesWhatIsKeptApart() throws {
        let first = try #require(try merged([input("workshop", workshop), input("banco", banco)]).output)
        var newer = banco
        newer.updatedAt = tuesday
        newer.records["s4"] = nil
        newer.records["s1"] = .object(["goals": .array([.object(["id": .string("g1"), "goal": .string("Credit")])])])
        let result = try merged([input("banco", newer)], updating: first)
        let output = try #require(result.output)
        #expect(rows(output, PartnershipRecords.register).map(\.id) == ["w1", "b1", "b2"])
        #expect(rows(output, PartnershipRecords.actions).map(\.id) == ["ba1"])
        #expect(rows(output, FieldAddress(worksheet: "s1", field: "goals")).map(\.id) == ["g1"])
        #expect(output.records["partners"] == nil)
        #expect(result.entries.first?.recordsLine?.english == "Records of Banco Sol (Business): added 1 row to “Goals”, each "
                    + "marked as Banco Sol's; left 3 rows the workshop already has as they are.")
        // The same file once more changes nothing but the merge is skipped as not newer.
        let again = try merged([input("banco", newer)], updating: output)
        #expect(again.output == nil && again.entries.first?.recordsLine == nil)
    }

    @Test func theWorkshopsGroundRulesAreStoredBeforeAPartnersOwnRuleJoinsThem() throws {
        var partner = banco
        partner.records = ["s6": .object(["groundRules": .array([
            .object(["id": .string("rule-honesty"), "rule": .string("Honesty"), "agreed": .string("agreed")]),
            .object(["id": .string("p-rule"), "rule": .string("No bribes")]),
        ])])]
        let result = try merged([input("workshop", workshop), input("banco", partner)])
        let rules = rows(try #require(result.output), PartnershipRecords.groundRules)
        #expect(rules.map(\.id) == ["rule-say-no", "rule-honesty", "rule-accountability", "rule-perspectives",
                                    "p-rule"])
        // The workshop's rule stays as the workshop has it: the partner's agreement is not the group's.
        #expect(rules[1].cells["agreed"] == nil && MergedFrom(rules[4])?.organisation == "Banco Sol")
        #expect(result.entries.last?.recordsLine?.english == "Records of Banco Sol (Business): added 1 row to “Ground rules”, "
                    + "each marked as Banco Sol's; left 1 row the workshop already has as they are.")
    }

    @Test func aPartnersRowsWithoutIdsOrSharingOneJoinOnceAndWhatIsNoListIsKeptApart() throws {
        var partner = banco
        partner.records = try JSONDecoder().decode([String: JSONValue].self, from: Data(#"""
            {"s2": {"register": [{"organisation": "Sin id", "sector": "civil-society"},
                                 {"id": "b1", "organisation": "Banco Sol"}, {"id": "b1", "organisation": "Otra"},
                                 "a bare string"]},
             "s6": {"groundRules": "Respect", "actions": []}}
            """#.utf8))
        let first = try #require(try merged([input("workshop", workshop), input("banco", partner)]).output)
        let names = { (output: Session) in rows(output, PartnershipRecords.register).map { $0.text("organisation") } }
        #expect(names(first) == ["Municipio", "Sin id", "Banco Sol", "Otra"])
        #expect(Set(rows(first, PartnershipRecords.register).map(\.id)).count == 4)
        let kept = first.records["partners"]?.object?[partner.participantID]?.object?["records"]
        #expect(kept == .object(["s2": .object(["register": .array([.string("a bare string")])]),
                                 "s6": .object(["groundRules": .string("Respect")])]))
        // A newer copy of the file adds none of them again.
        var newer = partner
        newer.updatedAt = tuesday
        let second = try #require(try merged([input("banco", newer)], updating: first).output)
        #expect(names(second) == names(first))
    }

    @Test func aSelfAssessmentWithoutRecordsLeavesTheWorkshopsAsTheyAre() throws {
        var plain = banco
        plain.records = ["s2": .object(["register": .array([])])]
        let result = try merged([input("workshop", workshop), input("banco", plain)])
        #expect(result.output?.records == workshop.records)
        #expect(result.entries.allSatisfy { $0.recordsLine == nil })
    }

    @Test func theSummaryAndTheRecordShowTheMergedRowsAndWhatWasKeptApartUnderTheOrganisation() throws {
        let output = try #require(try merged([input("workshop", workshop), input("banco", banco)]).output)
        let text = SummaryReport(guide: .builtIn, session: output, today: today).text(width: 80)
        #expect(text.contains("""
            Stakeholder register
              Government: 1
              - Municipio
              Business: 2
              - Banco Sol — merged from Banco Sol
              - Cámara de Comercio — merged from Banco Sol

            """))
        #expect(text.contains("""
            Kept from the self-assessment of Banco Sol (Business)
              Convening plan
              Venue: Hotel Plaza
              Is the venue neutral ground? No

            """))
        let record = MeetingRecord(guide: .builtIn, session: output, today: today)
        let actionsCSV = try #require(record.rendered(as: .csv, table: "actions"))
        let actions = try parseCSV(String(decoding: actionsCSV.dropFirst(3), as: UTF8.self))
        #expect(actions == [
            ["Action", "Owner organisation", "Due date", "Status", "Owner person", "Resources", "Question it answers",
             "From"],
            ["Open a credit line", "Banco Sol", "2027-06-01", "Planned", "", "", "", "Banco Sol"],
        ])
        let worksheets = try parseCSV(String(decoding: try #require(record.rendered(as: .csv, table: "worksheets"))
            .dropFirst(3), as: UTF8.self))
        #expect(worksheets.last == ["Convening plan", "Is the venue neutral ground?", "", "No", "",
                                    "Banco Sol (Business)"])
        #expect(worksheets.first?.last == "From" && worksheets[1].last == "")
        #expect(record.document.text().contains("Action plan: 1 action"))
    }
}
