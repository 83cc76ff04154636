import Foundation
import ISPFiles
import ISPTestSupport
import Testing

@testable import ISPCore

@Suite struct BuiltInGuideTests {
    let guide = Guide.builtIn

    @Test func hasThreePhasesAndSevenStepsInTheGuidesOrder() {
        #expect(guide.phases.map(\.title) == ["Preparing the Ground", "Setting Directions", "Achieving Results"])
        #expect(guide.phases.map(\.steps.count) == [3, 2, 2])
        #expect(guide.steps.map(\.title) == [
            "Identify the Goals and Aims", "Identify Realities and Partners",
            "Understand the Potential for Working Together, Anticipate Problems",
            "Convene Partners and Define Problems", "Set Directions", "Develop an Action Plan",
            "Institutionalize and/or Expand Successful ISPs",
        ])
    }

    @Test func asksEveryQuestionOfTheSourceOncePerPrompt() {
        #expect(guide.steps.map(\.prompts.count) == [4, 3, 6, 4, 4, 5, 6])
        #expect(guide.steps[3].prompts.map(\.text) == ["Who convenes?", "Where?", "Who moderates?", "What to discuss?"])
    }

    @Test func quotesTheSourceExactlyUnlessDerived() throws {
        let source = try String(contentsOf: fixture("usaid-isp-guide-part-v.txt"), encoding: .utf8)
        for prompt in guide.steps.flatMap(\.prompts) where !prompt.derived {
            #expect(source.contains(prompt.text), "\(prompt.id) is not quoted exactly")
        }
    }

    @Test func derivesPromptsOnlyForStepsFiveAndSeven() {
        for step in guide.steps {
            let derived = step.prompts.map(\.derived)
            #expect(derived.allSatisfy { $0 == ["s5", "s7"].contains(step.id) }, "\(step.id)")
        }
    }

    @Test func marksTheSharedGoalProblemDefinitionAndActionsCritical() {
        let critical = Set(guide.steps.flatMap(\.prompts).filter(\.critical).map(\.id))
        #expect(critical.isSuperset(of: ["s1.q1", "s5.d2", "s6.q1"]))
    }

    @Test func isValidAndSurvivesAJSONRoundTrip() throws {
        #expect(guide.validationProblem() == nil)
        let folder = TemporaryFolder()
        let file = try folder.write("guide.json", guide.jsonData())
        #expect(try Guide.load(from: file) == guide)
    }
}

@Suite struct GuideFileTests {
    let probe = GuideFileProbe()

    func loadError(_ json: String) throws -> String {
        try probe.loadError(json)
    }

    @Test func refusesAGuideFromANewerVersion() throws {
        let json = try GuideFileProbe.edited(Guide.builtIn.jsonData()) { $0.set(9, at: "version") }
        #expect(try loadError(json) == "FILE is a guide of format version 9; this isp-wizard reads up to version 3. "
            + "Please update isp-wizard.")
    }

    @Test func namesADuplicateID() throws {
        var guide = Guide.builtIn
        guide.phases[1].steps[0].prompts[2].id = "s1.q1"
        let json = String(decoding: guide.jsonData(), as: UTF8.self)
        #expect(try loadError(json) == "FILE is not a valid guide: phases[1].steps[0].prompts[2].id \"s1.q1\" is used twice.")
    }

    @Test func namesAStepWithoutPrompts() throws {
        var guide = Guide.builtIn
        guide.phases[2].steps[1].prompts = []
        let json = String(decoding: guide.jsonData(), as: UTF8.self)
        #expect(try loadError(json) == "FILE is not a valid guide: phases[2].steps[1] (s7) has no prompts.")
    }

    @Test func namesMissingAndEmptyText() throws {
        var guide = Guide.builtIn
        guide.phases[0].steps[2].prompts[4].text = "  "
        #expect(try loadError(String(decoding: guide.jsonData(), as: UTF8.self))
            == "FILE is not a valid guide: phases[0].steps[2].prompts[4] (s3.q5) has no text.")
        let missing = try GuideFileProbe.edited(Guide.builtIn.jsonData()) { $0.remove(at: "phases.0.title") }
        #expect(try loadError(missing) == "FILE is not a valid guide: phases[0].title is missing.")
    }

    @Test func refusesFilesThatAreNotGuides() throws {
        #expect(try loadError("{\"format\": \"isp-wizard-session\", \"schemaVersion\": 1}")
            == "FILE is not an isp-wizard guide (its format is \"isp-wizard-session\").")
        #expect(try loadError("{\"phases\": [") == "FILE is corrupt or truncated: it is not valid JSON.")
        #expect(throws: FileError("/nonexistent/guide.json does not exist.")) {
            try Guide.load(from: "/nonexistent/guide.json")
        }
    }
}

/// Edition 3 of the built-in guide: its own words, and no scale that tells a rater to enter 0 for what is unknown.
@Suite struct EditionThreeTests {
    @Test func noScaleReadsZeroAsUnknownAndTheGuidanceQuotesTheGuideExactly() throws {
        let guide = Guide.builtIn
        #expect(guide.edition == "3")
        for prompt in guide.steps.flatMap(\.prompts) {
            let zero = prompt.scale?.components(separatedBy: " · ").first ?? ""
            #expect(!zero.contains("unknown"), "\(prompt.id): \(zero)")
        }
        let source = try String(contentsOf: fixture("usaid-isp-guide-part-v.txt"), encoding: .utf8)
        for (step, quote) in [(2, "Could you imagine working with ‘X' to solve that problem or take advantage of this "
                                  + "opportunity?"),
                              (5, "a commitment to help address other parties' perspectives as well as one's own")] {
            #expect(guide.steps[step].guidance.contains("\"\(quote)"), "step \(step + 1)")
            #expect(source.contains(quote))
        }
    }

    @Test func eachDecisionOfTheGuideHasAFieldOnItsStepsWorksheet() {
        let fields = Dictionary(uniqueKeysWithValues: Guide.builtIn.worksheets.map { ($0.id, $0.fields.map(\.id)) })
        let expected = [
            "s1": ["resources"], "s2": ["development", "support"], "s3": ["interviews"],
            "s4": ["stakeholderAcceptance", "history", "viewpoints", "newOrganisation", "organisationForm"],
            "s6": ["mediator", "capacityBuilding", "contributions"],
            "s7": ["agreement", "structure", "host", "future", "futureNote"],
        ]
        for (worksheet, ids) in expected {
            #expect(Set(ids).isSubset(of: fields[worksheet] ?? []), "\(worksheet)")
        }
        #expect(Guide.builtIn.field(at: PartnershipRecords.acceptance)
                    .map { field -> [String] in
                        guard case .grid(.fixed(let rows), _) = field.kind else { return [] }
                        return rows.map(\.id)
                    } == ["government", "business", "civil-society", "donor"])
    }
}
