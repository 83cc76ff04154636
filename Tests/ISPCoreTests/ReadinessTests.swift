import Testing

@testable import ISPCore

/// A small guide whose steps are easy to fill: step ids a…d, prompts a1, a2, … (a1 is critical).
private let guide = Guide(
    id: "test", edition: "1", title: "Test", source: "Test",
    phases: [
        Phase(id: "p1", title: "First", steps: [testStep("a", 4), testStep("b", 3)]),
        Phase(id: "p2", title: "Second", steps: [testStep("c", 2), testStep("d", 2)]),
    ])

private func testStep(_ id: String, _ count: Int) -> Step {
    Step(id: id, title: "Step \(id)", guidance: "",
         prompts: (1...count).map { Prompt(id: "\(id)\($0)", text: "Question \(id)\($0)?", critical: $0 == 1) })
}

/// A session with the given ratings by prompt id ("0"…"4", "n/a", "?").
private func summary(_ ratings: [String: String]) -> ReadinessSummary {
    var session = Session(guide: guide)
    for (id, code) in ratings {
        session.answers[id] = Answer(rating: Rating(code: code))
    }
    return ReadinessSummary(guide: guide, session: session)
}

@Suite struct ReadinessTests {
    @Test func aMeanOfExactlyThreeIsReady() {
        let step = summary(["a1": "3", "a2": "3", "a3": "4", "a4": "2"]).steps[0]
        #expect(step.score == 3.0)
        #expect(step.band == .ready)
    }

    @Test func justBelowThreeIsDeveloping() {
        let step = summary(["a1": "3", "a2": "3", "a3": "3", "a4": "2"]).steps[0]
        #expect(step.score == 2.75)
        #expect(step.band == .developing)
    }

    @Test func aMeanOfExactlyTwoIsDevelopingAndBelowIsNotReady() {
        #expect(summary(["b1": "2", "b2": "2", "b3": "2"]).steps[1].band == .developing)
        let below = summary(["b1": "2", "b2": "2", "b3": "1"]).steps[1]
        #expect(below.band == .notReady)
        #expect(String(format1: below.score ?? 0) == "1.7")
    }

    @Test func coverageOfExactlyHalfIsEnoughAndLessIsInsufficient() {
        let half = summary(["a1": "4", "a2": "4"]).steps[0]
        #expect(half.coverage == 0.5)
        #expect(half.band == .ready)
        let less = summary(["b1": "4"]).steps[1]
        #expect(less.band == .insufficient)
        #expect(less.score == 4)
    }

    @Test func notApplicableLeavesTheDenominatorAndDontKnowCountsAgainstCoverage() {
        let withNA = summary(["b1": "n/a", "b2": "n/a", "b3": "3"]).steps[1]
        #expect(withNA.applicable == 1)
        #expect(withNA.coverage == 1)
        #expect(withNA.band == .ready)
        let withUnknown = summary(["b1": "?", "b2": "?", "b3": "3"]).steps[1]
        #expect(withUnknown.applicable == 3)
        #expect(withUnknown.band == .insufficient)
        #expect(withUnknown.score == 3)
    }

    @Test func aStepWithEveryPromptNotApplicableHasNoBandToGuess() {
        let step = summary(["c1": "n/a", "c2": "n/a"]).steps[2]
        #expect(step.score == nil)
        #expect(step.band == .insufficient)
    }

    @Test func aLowCriticalPromptCapsAReadyStepAtDeveloping() {
        let step = summary(["a1": "1", "a2": "4", "a3": "4", "a4": "4"]).steps[0]
        #expect(step.score == 3.25)
        #expect(step.band == .developing)
        #expect(step.cappedByCritical)
        let zero = summary(["a1": "0", "a2": "4", "a3": "4", "a4": "4"]).steps[0]
        #expect(zero.band == .developing)
    }

    @Test func aCriticalPromptAtTwoDoesNotCap() {
        let step = summary(["a1": "2", "a2": "4", "a3": "4", "a4": "4"]).steps[0]
        #expect(step.band == .ready)
        #expect(!step.cappedByCritical)
    }

    @Test func theCapNeverRaisesANotReadyStep() {
        let step = summary(["a1": "0", "a2": "1", "a3": "1", "a4": "2"]).steps[0]
        #expect(step.band == .notReady)
        #expect(!step.cappedByCritical)
    }

    @Test func phasesAverageTheirStepsAndAreProvisionalWithInsufficientSteps() {
        let result = summary(["a1": "4", "a2": "4", "a3": "4", "a4": "4", "b1": "2", "b2": "2", "b3": "2",
                              "c1": "3", "c2": "3"])
        #expect(result.phases[0].score == 3.0)
        #expect(!result.phases[0].provisional)
        #expect(result.phases[1].score == 3.0)
        #expect(result.phases[1].provisional)
        #expect(summary([:]).phases[0].score == nil)
    }

    @Test func warnsWhenALaterStepIsReadyWhileAnEarlierOneIsNotReady() {
        let result = summary(["a1": "1", "a2": "1", "a3": "1", "a4": "1", "c1": "4", "c2": "3"])
        #expect(result.sequenceWarnings == [SequenceWarning(readyStep: 3, notReadyStep: 1)])
        #expect(result.sequenceWarnings[0].message.hasPrefix("Step 3 is Ready while the earlier step 1 is Not ready"))
        #expect(summary(["c1": "4", "c2": "3"]).sequenceWarnings.isEmpty)  // insufficient is not Not ready
    }

    @Test func recommendsTheFirstStepThatIsNotReady() {
        #expect(summary([:]).nextStep == 1)
        #expect(summary(["a1": "3", "a2": "3", "a3": "3", "a4": "3"]).nextStep == 2)
        var all: [String: String] = [:]
        for prompt in guide.steps.flatMap(\.prompts) { all[prompt.id] = "4" }
        #expect(summary(all).nextStep == nil)
    }

    @Test func listsConcernsAndEvidenceGapsInGuideOrder() {
        let result = summary(["a1": "1", "a2": "?", "a3": "0", "a4": "3", "b1": "n/a", "b2": "2", "b3": "2",
                              "c1": "2", "c2": "2", "d1": "2", "d2": "2"])
        #expect(result.concerns.map(\.promptID) == ["a1", "a3"])
        #expect(result.concerns.map(\.rating) == ["1", "0"])
        #expect(result.evidenceGaps.map(\.promptID) == ["a2"])
        #expect(summary([:]).evidenceGaps.count == 11)
    }
}
