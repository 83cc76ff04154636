import Foundation
import ISPTestSupport
import Messages
import Testing

@testable import ISPCore

/// `compare` lists every worksheet value outside the lists that changed between two rounds: a field of one value,
/// a grid's cell, a checklist item's mark and note, by the guide's labels, in every format.
@Suite struct ValueComparisonTests {
    let first: Session
    let second: Session

    init() throws {
        first = try session(records: #"""
            {"s2": {"register": [{"id": "r1", "organisation": "Municipio", "sector": "government"},
                                 {"id": "r3", "organisation": "Fundación Agua", "sector": "civil-society"}]},
             "s3": {"traits": {"gov-inertia": {"mark": "applies"}}},
             "s4": {"venue": "Casa comunal", "acceptance": {"government": "no"}},
             "s5": {"problem": "Wells run dry."},
             "s7": {"future": "continue"}}
            """#)
        var next = Session(nextRoundOf: first)
        next.records = try session(records: #"""
            {"s2": {"register": [{"id": "r1", "organisation": "Municipio", "sector": "government"},
                                 {"id": "r3", "organisation": "Fundación Agua", "sector": "civil-society"}]},
             "s3": {"traits": {"gov-inertia": {"mark": "applies", "note": "Permits take a year"}}},
             "s4": {"acceptance": {"government": "yes"}},
             "s5": {"problem": "Wells run dry.\nThe pumps fail."},
             "s6": {"mediator": {"id": "r3", "name": "Fundacion"}},
             "s7": {"future": "close"}}
            """#).records
        second = next
    }

    @Test func everyChangedValueIsListedInGuideOrderByTheGuidesLabels() {
        let comparison = RoundComparison(guide: .builtIn, old: first, new: second)
        #expect(comparison.values.map { "\($0.address) [\($0.item)] \($0.before) → \($0.after)" } == [
            "s3.traits [Government hindrances: inertia]  → Permits take a year",
            "s4.acceptance [Government] No → Yes",
            "s4.venue [] Casa comunal → ",
            "s5.problem [] Wells run dry. → Wells run dry.\nThe pumps fail.",
            // The register's name of the row, not the copy kept with the reference.
            "s6.mediator []  → Fundación Agua",
            "s7.future [] Continue → Close",
        ])
        let text = comparison.document.text(width: 100)
        #expect(text.contains("""
            Worksheet values that changed: 6
              - Step 3, Strengths and hindrances (quoted from the guide), Government hindrances: inertia, note
                Before: not written
                Now: Permits take a year
              - Step 4, Does each sector accept the convener?, Government: No → Yes
              - Step 4, Venue: Casa comunal → not written
              - Step 5, Agreed problem statement
                Before: Wells run dry.
                Now: Wells run dry.
                The pumps fail.
              - Step 6, Mediator: not written → Fundación Agua
              - Step 7, Should the partnership continue, change or close? Continue → Close

            Records that changed: 0
            """))
    }

    @Test func aLongTextsLineBreaksAreLineBreaksInMarkdownAndHTML() {
        let document = RoundComparison(guide: .builtIn, old: first, new: second).document
        #expect(document.markdown.contains("- Step 6, Mediator: not written → Fundación Agua\n"))
        #expect(document.markdown.contains("Now: Wells run dry.\\\n  The pumps fail."))
        #expect(document.html.contains("Now: Wells run dry.<br>\nThe pumps fail."))
        #expect(document.html.contains("Step 7, Should the partnership continue, change or close? Continue → Close"))
    }

    @Test func theJSONListsEachChangedValueWithItsPlace() throws {
        let comparison = RoundComparison(guide: .builtIn, old: first, new: second)
        let json = try #require(JSONSerialization.jsonObject(with: comparison.json()) as? [String: Any])
        let values = try #require(json["values"] as? [[String: Any]])
        #expect(values.count == 6)
        #expect(values[0].mapValues { "\($0)" } == [
            "address": "s3.traits", "stepNumber": "3", "field": "Strengths and hindrances (quoted from the guide)",
            "itemID": "gov-inertia", "item": "Government hindrances: inertia", "part": "note", "before": "",
            "after": "Permits take a year",
        ])
        // A field of one value names no item.
        #expect(values[4].mapValues { "\($0)" } == [
            "address": "s6.mediator", "stepNumber": "6", "field": "Mediator", "part": "value", "before": "",
            "after": "Fundación Agua",
        ])
        #expect(values[1]["itemID"] as? String == "government" && values[1]["after"] as? String == "Yes")
    }

    @Test func nothingChangedListsNoValue() throws {
        let same = RoundComparison(guide: .builtIn, old: first, new: Session(nextRoundOf: first))
        #expect(same.values.isEmpty)
        #expect(same.document.text().contains("\nWorksheet values that changed: 0\n\nRecords that changed: 0\n"))
        let json = try #require(JSONSerialization.jsonObject(with: same.json()) as? [String: Any])
        #expect((json["values"] as? [Any])?.isEmpty == true)
    }

    @Test func theValuesInThePseudoLanguageHaveNoEnglishLeft() throws {
        let document = RoundComparison(guide: .builtIn, old: first, new: second, language: .pseudo).document
        let section = try #require(document.sections.first { $0.id == "values" })
        let text = ReportDocument(title: "", sections: [section], language: .pseudo).text(width: 1000)
        let kept = try [first, second].flatMap { try typedTexts(of: .builtIn, $0) }
        #expect(englishRuns(in: text, keeping: kept) == [])
        #expect(!text.contains("not written") && !text.contains("Step "))
    }
}
