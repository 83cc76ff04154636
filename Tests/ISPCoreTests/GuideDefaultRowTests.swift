import Foundation
import ISPFiles
import ISPTestSupport
import Testing

@testable import ISPCore

/// A list's default rows (the guide's ground rules) kept by their ids, so that a session shows them in each
/// reader's language until someone changes their text.
@Suite struct GuideDefaultRowTests {
    let english: Guide
    let french: Guide
    let rules = FieldAddress(worksheet: "w1", field: "groundRules")

    init() throws {
        let file = try GuideFile.load(from: fixture("guides/water-partnership-en-fr-format-3.json").path)
        english = file.guide(in: nil)
        french = file.guide(in: "fr")
    }

    /// The rules as a reader of `guide` sees them.
    func ruleTexts(_ session: Session, in guide: Guide) -> [String] {
        session.rows(of: rules, in: guide).map { $0.text("rule") }
    }

    func stored(_ session: Session) -> JSONValue? {
        session.record(at: [.key("w1"), .key("groundRules")])
    }

    /// The session with a rule of its own added after the guide's, answered with `guide`.
    func withARuleAdded(in guide: Guide) -> Session {
        var session = Session(guide: guide, mode: .workshop, name: "Agua")
        _ = session.apply(.insertRow(RecordRow(id: "mine", cells: ["rule": .string("Start on time")]), at: 2,
                                     of: rules), guide: guide)
        return session
    }

    @Test func aTouchedListKeepsItsUnchangedDefaultRowsByIdAndShowsThemInTheReadersLanguage() throws {
        let session = withARuleAdded(in: english)
        #expect(stored(session) == .array([
            .object(["id": .string("rule-honesty")]), .object(["id": .string("rule-say-no")]),
            .object(["id": .string("mine"), "rule": .string("Start on time")]),
        ]))
        #expect(ruleTexts(session, in: english) == ["Honesty", "The right to say no", "Start on time"])
        #expect(ruleTexts(session, in: french) == ["Honnêteté", "Le droit de dire non", "Start on time"])
        let entry = try #require(session.entries(ofRow: "rule-honesty", in: rules, guide: french).first)
        #expect(session.text(of: entry, in: french) == "Honnêteté")
        // The same session touched in French is the same file.
        #expect(withARuleAdded(in: french).records == session.records)
        let file = String(decoding: try SessionFile.encoded(session, for: "FILE"), as: UTF8.self)
        #expect(!file.contains("Honesty") && file.contains("Start on time"))
    }

    @Test func anEditedDefaultRowStoresItsTextAndAnEmptiedOneStaysEmpty() throws {
        var session = Session(guide: french, mode: .workshop, name: "Agua")
        let honesty = try #require(session.entries(ofRow: "rule-honesty", in: rules, guide: french).first)
        _ = session.apply(.storeTyped(honesty, "Honnêteté, toujours"), guide: french)
        #expect(stored(session) == .array([
            .object(["id": .string("rule-honesty"), "rule": .string("Honnêteté, toujours")]),
            .object(["id": .string("rule-say-no")]),
        ]))
        #expect(ruleTexts(session, in: english) == ["Honnêteté, toujours", "The right to say no"])
        let sayNo = try #require(session.entries(ofRow: "rule-say-no", in: rules, guide: french).first)
        _ = session.apply(.storeTyped(sayNo, ""), guide: french)
        #expect(ruleTexts(session, in: english) == ["Honnêteté, toujours", ""])
        #expect(session.text(of: sayNo, in: english) == "")
    }

    @Test func anOlderSessionThatStoredTheEnglishTextOpensUnchangedAndItsUnchangedRulesGoByIdOnItsNextChange()
        throws
    {
        var session = try SessionFile.load(from: fixture("sessions/v2/v2-records.isp.json").path)
        let address = PartnershipRecords.groundRules
        let storedRules = ["The right to say no", "Honesty", "Accountability",
                           "A commitment to help address other parties' perspectives as well as one's own"]
        // Read with a guide whose rules say something else, the session shows the text it stored.
        var retold = Guide.builtIn
        var worksheet = try #require(retold.phases[2].steps[0].worksheet)
        let index = try #require(worksheet.fields.firstIndex { $0.id == address.field })
        guard case .rows(let columns, let defaults, let name) = worksheet.fields[index].kind else {
            Issue.record("The ground rules are no list")
            return
        }
        let retoldRules = defaults.map { DefaultRow(id: $0.id, cells: ["rule": "Règle " + $0.id]) }
        worksheet.fields[index].kind = .rows(columns: columns, defaults: retoldRules, nameColumn: name)
        retold.phases[2].steps[0].worksheet = worksheet
        #expect(retold.field(at: address)?.defaultRows.first?.cells["rule"] == "Règle rule-say-no")
        #expect(session.rows(of: address, in: retold).map { $0.text("rule") } == storedRules)
        #expect(session.rows(of: address, in: .builtIn).map { $0.text("rule") } == storedRules)
        _ = session.apply(.moveRow(from: 3, to: 0, of: address), guide: .builtIn)
        #expect(session.record(at: [.key(address.worksheet), .key(address.field)]) == .array([
            .object(["id": .string("rule-perspectives")]),
            .object(["id": .string("rule-say-no"), "agreed": .string("agreed")]),
            .object(["id": .string("rule-honesty")]), .object(["id": .string("rule-accountability")]),
        ]))
    }
}
