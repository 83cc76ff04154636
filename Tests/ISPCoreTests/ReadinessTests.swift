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

/// A workshop of participants p0, p1, … (in the given sectors, else none) with their ratings by prompt id, in
/// participant order ("-" for no voice), and the group's consensus by prompt id.
private func workshop(_ votes: [String: [String]], sectors: [Sector?] = [], consensus: [String: String] = [:])
    -> Session
{
    var session = Session(guide: guide)
    let count = max(votes.values.map(\.count).max() ?? 0, sectors.count)
    session.participants = (0..<count).map { index in
        Participant(id: "p\(index)", name: "P\(index)", sector: index < sectors.count ? sectors[index] : nil)
    }
    for (promptID, codes) in votes {
        var answer = Answer(rating: consensus[promptID].flatMap(Rating.init(code:)))
        for (index, code) in codes.enumerated() where code != "-" {
            answer.voices["p\(index)"] = Voice(rating: Rating(code: code))
        }
        session.answers[promptID] = answer
    }
    for (promptID, code) in consensus where votes[promptID] == nil {
        session.answers[promptID] = Answer(rating: Rating(code: code))
    }
    return session
}

@Suite struct GroupReadinessTests {
    @Test func aStepScoresTheConsensusOrElseTheMeanAndLeavesOutWhatAllCallNotApplicable() {
        // b1: the consensus 3 overrides the voices' mean of 0.5; b2: no consensus, mean 2.5; b3: N/A by all.
        let session = workshop(["b1": ["0", "1"], "b2": ["2", "3"], "b3": ["n/a", "n/a"]], consensus: ["b1": "3"])
        let result = ReadinessSummary(guide: guide, session: session)
        let step = result.steps[1]
        #expect(step.applicable == 2 && step.rated == 2)
        #expect(step.score == 2.75)
        #expect(step.band == .developing)
        #expect(result.concerns.isEmpty)  // the voices' 0 and 1 are not the group's rating
        #expect(result.evidenceGaps.allSatisfy { $0.stepNumber != 2 })
    }

    @Test func aMeanIsShownWithOneDecimalInFlagsAndDontKnowByAllIsAnEvidenceGap() {
        let result = ReadinessSummary(guide: guide, session: workshop(["a2": ["1", "1", "2"], "a3": ["?", "n/a"]]))
        #expect(result.concerns.map(\.rating) == ["1.3"])
        #expect(result.evidenceGaps.filter { $0.stepNumber == 1 }.map(\.rating) == [nil, "?", nil])
    }

    @Test func aCriticalPromptWithAMeanOf1Point4CapsItsStepAnd1Point5DoesNot() {
        let high = ["a2": "4", "a3": "4", "a4": "4"]
        let low = ReadinessSummary(guide: guide, session: workshop(["a1": ["1", "1", "1", "2", "2"]], consensus: high))
        #expect(low.steps[0].score == 3.35)
        #expect(low.steps[0].band == .developing && low.steps[0].cappedByCritical)
        #expect(low.concerns.map(\.rating) == ["1.4"])
        let middle = ReadinessSummary(guide: guide, session: workshop(["a1": ["1", "2"]], consensus: high))
        #expect(middle.steps[0].band == .ready && !middle.steps[0].cappedByCritical)
        #expect(middle.concerns.isEmpty)
    }

    @Test func aStepIsBandedByItsScoreAsShown() {
        // 59 ÷ 20 = 2.95, shown as 3.0: Ready, as the summary says.
        let session = workshop(["c1": Array(repeating: "3", count: 19) + ["2"], "c2": ["n/a"]])
        let step = ReadinessSummary(guide: guide, session: session).steps[2]
        #expect(String(format1: step.score ?? 0) == "3.0")
        #expect(step.band == .ready)
    }

    @Test func aSelfAssessmentStaysOneVoiceWhateverParticipantsItsFileLists() {
        var session = workshop(["b1": ["4", "0"]], sectors: [.government, .business])
        session.mode = .selfAssessment
        #expect(ReadinessSummary(guide: guide, session: session).steps[1].rated == 0)
        let voices = VoicesSummary(guide: guide, session: session)
        #expect(voices.divergentPrompts.isEmpty && voices.steps[1].means.isEmpty)
    }
}

@Suite struct VoicesSummaryTests {
    @Test func aSectorGapOfOnePointZeroAsShownIsFlaggedAndZeroPointNineIsNot() {
        // Government pools 4, 3, 3, 3 = 3.25 (shown 3.3); Business 3, 2, 2 = 2.33 (shown 2.3): a gap of 1.0,
        // though the unrounded difference is 0.92.
        let sectors: [Sector?] = [.government, .government, .business, .business]
        let apart = VoicesSummary(
            guide: guide,
            session: workshop(["b1": ["4", "3", "3", "2"], "b2": ["3", "3", "2", "-"]], sectors: sectors))
        #expect(apart.steps[1].means.map(\.sector) == [.government, .business])
        #expect(apart.steps[1].means.map(\.ratings) == [4, 3])
        #expect(apart.steps[1].gap == 1.0)
        #expect(apart.steps[1].sectorsDiffer)
        // Business 3, 2, 2, 3, 2 = 2.4: a gap of 0.9, not flagged.
        let close = VoicesSummary(
            guide: guide,
            session: workshop(["b1": ["4", "3", "3", "2"], "b2": ["3", "3", "2", "3"], "b3": ["-", "-", "2"]],
                              sectors: sectors))
        #expect(close.steps[1].gap == 0.9)
        #expect(!close.steps[1].sectorsDiffer)
    }

    @Test func donorAndOtherAreSectorsAndParticipantsWithoutOneAreLeftOut() {
        let voices = VoicesSummary(
            guide: guide, session: workshop(["c1": ["4", "1", "0"]], sectors: [.donor, .other, nil]))
        #expect(voices.steps[2].means.map(\.sector) == [.donor, .other])
        #expect(voices.steps[2].gap == 3.0)
        #expect(voices.steps[2].extremes?.highest.sector == .donor)
        #expect(voices.steps[2].extremes?.lowest.sector == .other)
        let one = VoicesSummary(guide: guide, session: workshop(["c1": ["4", "1"]], sectors: [.donor]))
        #expect(one.steps[2].gap == nil && !one.steps[2].sectorsDiffer)
    }

    @Test func listsDivergentPromptsWithHowManyRatedAndAConsensusWithoutAReason() {
        let session = workshop(
            ["a1": ["1", "3"], "a2": ["4", "4", "1"], "a3": ["2", "3", "3"], "b1": ["0", "4"]],
            consensus: ["b1": "2"])
        let voices = VoicesSummary(guide: guide, session: session)
        #expect(voices.divergentPrompts.map(\.prompt.promptID) == ["a1", "a2", "b1"])
        #expect(voices.divergentPrompts[0].divergence == .spread(lowest: 1, highest: 3))
        #expect(voices.divergentPrompts[0].showsEachRating)  // two ratings: shown one by one, still flagged
        #expect(voices.divergentPrompts[1].divergence == .hiddenDissent(lowest: 1, mean: 3))
        #expect(!voices.divergentPrompts[1].showsEachRating)
        #expect(voices.divergentPrompts.map(\.consensusWithoutReason) == [false, false, true])
        #expect(voices.consensusPrompts.map(\.prompt.promptID) == ["b1"])
        #expect(voices.consensusPrompts[0].prompt.rating == "2")
    }

    @Test func aSessionWithoutParticipantsHasNoConsensusToList() {
        let voices = VoicesSummary(guide: guide, session: workshop([:], consensus: ["a1": "3"]))
        #expect(voices.consensusPrompts.isEmpty && voices.divergentPrompts.isEmpty)
    }
}
