import Messages
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
        #expect(step.score == 2.8)  // 11 ÷ 4 = 2.75, shown and kept as 2.8
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
        let withNA = summary(["b1": "3", "b2": "n/a", "b3": "n/a"]).steps[1]
        #expect(withNA.applicable == 1)
        #expect(withNA.coverage == 1)
        #expect(withNA.band == .ready)
        let withUnknown = summary(["b1": "3", "b2": "?", "b3": "?"]).steps[1]
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
        #expect(step.score == 3.3)
        #expect(step.band == .developing)
        #expect(step.cappedByCritical && step.capReason.map { Language.english.text($0) } == "critical question low")
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
        #expect(Language.english.text(result.sequenceWarnings[0].statement)
                    .hasPrefix("Step 3 is Ready while the earlier step 1 is Not ready"))
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
        #expect(step.score == 2.8)
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
        #expect(low.steps[0].score == 3.4)  // 1.4, 4, 4, 4 as shown
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
        // Business 3, 2, 2, 3 = 2.5 on the two questions both rated (its 2 on b3 is left out): a gap of 0.8.
        let close = VoicesSummary(
            guide: guide,
            session: workshop(["b1": ["4", "3", "3", "2"], "b2": ["3", "3", "2", "3"], "b3": ["-", "-", "2"]],
                              sectors: sectors))
        #expect(close.steps[1].gap == 0.8)
        #expect(close.steps[1].comparison.map { Language.english.text($0.comparingMessage) }
                    == "on the 2 questions both rated: Government 3.3 and Business 2.5")
        #expect(!close.steps[1].sectorsDiffer)
    }

    @Test func donorAndOtherAreShownBesideTheSectorsNotInTheGap() {
        let voices = VoicesSummary(
            guide: guide, session: workshop(["c1": ["4", "1", "0"]], sectors: [.donor, .other, nil]))
        #expect(voices.steps[2].means.map(\.sector) == [.donor, .other])
        #expect(voices.steps[2].gap == nil && !voices.steps[2].sectorsDiffer)
        #expect(voices.steps[2].donorComparison == nil)  // no sector rated beside the donor
    }

    @Test func sectorsRatingDisjointQuestionsAreNotCompared() {
        // Government rated c1 only, business c2 only: nothing to set side by side.
        let voices = VoicesSummary(
            guide: guide, session: workshop(["c1": ["1", "-"], "c2": ["-", "4"]], sectors: [.government, .business]))
        #expect(voices.steps[2].means.map(\.mean) == [1.0, 4.0])
        #expect(voices.steps[2].gap == nil && !voices.steps[2].sectorsDiffer)
    }

    @Test func sectorsAgreeingOnTheOneQuestionBothRatedHaveNoGap() {
        // Step a: government rated a1 and a2, business a2 and a3; both rated a2 alike.
        let voices = VoicesSummary(
            guide: guide,
            session: workshop(["a1": ["1", "-"], "a2": ["3", "3"], "a3": ["-", "4"]],
                              sectors: [.government, .business]))
        #expect(voices.steps[0].gap == 0)
        #expect(voices.steps[0].comparison.map { Language.english.text($0.comparingMessage) }
                    == "on the 1 question both rated: Government 3.0 and Business 3.0")
        #expect(!voices.steps[0].sectorsDiffer)
    }

    @Test func aSectorThatRatedLessThanHalfTheQuestionsIsNotCompared() {
        // Step a has 4 questions: business rated one of them, a quarter.
        let voices = VoicesSummary(
            guide: guide,
            session: workshop(["a1": ["1", "4"], "a2": ["1", "-"], "a3": ["1", "-"], "a4": ["1", "-"]],
                              sectors: [.government, .business]))
        #expect(voices.steps[0].gap == nil)
        // With two of four it is.
        let half = VoicesSummary(
            guide: guide,
            session: workshop(["a1": ["1", "4"], "a2": ["1", "4"], "a3": ["1", "-"], "a4": ["1", "-"]],
                              sectors: [.government, .business]))
        #expect(half.steps[0].gap == 3.0 && half.steps[0].sectorsDiffer)
    }

    @Test func aDonorBesideAgreeingSectorsGetsItsOwnLineNotAGap() {
        // Government, business and civil society at 2, a donor at 4 and an "other" at 0.
        let voices = VoicesSummary(
            guide: guide,
            session: workshop(["c1": ["2", "2", "2", "4", "0"], "c2": ["2", "2", "2", "4", "0"]],
                              sectors: [.government, .business, .civilSociety, .donor, .other]))
        let step = voices.steps[2]
        #expect(step.gap == 0 && !step.sectorsDiffer)
        #expect(step.means.map(\.sector) == [.government, .business, .civilSociety, .donor, .other])
        #expect(step.donorsDiffer)
        #expect(step.donorComparison.map { Language.english.text($0.comparingMessage) }
                    == "on the 2 questions both rated: donors 4.0, the three sectors 2.0")
        // A donor 0.7 away (3.0 beside 2, 2, 2, 3 = 2.3) has no line.
        let near = VoicesSummary(
            guide: guide,
            session: workshop(["c1": ["2", "2", "3"], "c2": ["2", "3", "3"]],
                              sectors: [.government, .business, .donor]))
        #expect(near.steps[2].donorComparison?.sectorsMean == 2.3 && !near.steps[2].donorsDiffer)
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

@Suite struct HonestReadinessTests {
    /// Step a with its critical a1 as given and the other three at 4: Ready but for a1.
    func stepA(critical a1: String?) -> StepReadiness {
        var ratings = ["a2": "4", "a3": "4", "a4": "4"]
        ratings["a1"] = a1
        return summary(ratings).steps[0]
    }

    @Test func aCriticalPromptWithoutAStageHoldsItsStepAtDevelopingAndThePhaseProvisional() {
        for a1 in ["?", "n/a", nil] {
            let step = stepA(critical: a1)
            #expect(step.band == .developing, "a1 \(a1 ?? "unanswered")")
            #expect(step.cappedByCritical && step.criticalWithoutStage)
            #expect(step.capReason.map { Language.english.text($0) } == "critical question without a stage")
        }
        #expect(stepA(critical: "3").band == .ready)
        let result = summary(["a2": "4", "a3": "4", "a4": "4", "b1": "3", "b2": "3", "b3": "3"])
        #expect(result.phases[0].provisional)
        #expect(!summary(["a1": "3", "a2": "4", "a3": "4", "a4": "4", "b1": "3", "b2": "3", "b3": "3"])
            .phases[0].provisional)
    }

    @Test func notApplicableOnACriticalPromptAsksForAReasonUntilItHasOne() {
        var session = Session(guide: guide)
        for (id, code) in ["a1": "n/a", "a2": "4", "a3": "4", "a4": "4"] {
            session.answers[id] = Answer(rating: Rating(code: code))
        }
        #expect(ReadinessSummary(guide: guide, session: session).notApplicableWithoutReason.map(\.promptID) == ["a1"])
        session.answers["a1"]?.reason = "The problem is set by law."
        let explained = ReadinessSummary(guide: guide, session: session)
        #expect(explained.notApplicableWithoutReason.isEmpty)
        #expect(explained.steps[0].band == .developing)  // the cap holds either way
    }

    @Test func notApplicableOnAKeyQuestionOfStepSixAsksForAReason() {
        var session = Session(guide: .builtIn)
        session.answers["s6.q2"] = Answer(rating: .notApplicable)
        session.answers["s7.d2"] = Answer(rating: .notApplicable)
        let result = ReadinessSummary(guide: .builtIn, session: session)
        #expect(result.notApplicableWithoutReason.map(\.promptID) == ["s6.q2"])
        let text = SummaryReport(guide: .builtIn, session: session).text()
        #expect(text.contains("Not applicable without a reason: 1"))
    }

    @Test func aStepWhosePromptsAreAllNotApplicableHasInsufficientAnswersAndNoBar() {
        let step = summary(["c1": "n/a", "c2": "n/a", "a1": "3"]).steps[2]
        #expect(step.band == .insufficient && !step.drawsBar && step.shownScore == nil)
        let insufficient = summary(["b1": "4"]).steps[1]
        #expect(insufficient.score == 4 && !insufficient.drawsBar)
    }

    @Test func aDontKnowMajorityHasNoGroupRatingAndExactlyHalfIsRated() {
        let five = workshop(["a2": ["?", "?", "?", "?", "4"]])
        let rating = five.answer(for: "a2").groupRating(in: five.raters)
        #expect(rating == .dontKnowMajority(dontKnow: 4, of: 5))
        #expect(rating.split.map { Language.english.text($0) } == "4 of 5 don't know")
        let result = ReadinessSummary(guide: guide, session: five)
        #expect(result.steps[0].rated == 0)
        #expect(result.evidenceGaps.first { $0.promptID == "a2" }?.rating == "?")
        let seven = workshop(["a2": ["?", "?", "?", "?", "2", "2", "2"]])
        #expect(seven.answer(for: "a2").groupRating(in: seven.raters) == .dontKnowMajority(dontKnow: 4, of: 7))
        let half = workshop(["a2": ["?", "?", "3", "1", "n/a"]])
        #expect(half.answer(for: "a2").groupRating(in: half.raters) == .mean(2))
    }

    @Test func mostlyNotApplicableWithSomeRatingsHasNoGroupRating() {
        let session = workshop(["a2": ["n/a", "n/a", "n/a", "3"]])
        let rating = session.answer(for: "a2").groupRating(in: session.raters)
        #expect(rating == .mostlyNotApplicable(notApplicable: 3, of: 4))
        #expect(rating.split.map { Language.english.text($0) } == "3 of 4 say not applicable")
        let text = SummaryReport(guide: guide, session: session).text(width: 120)
        #expect(text.contains("Step 1 Q2 (no group rating, 3 of 4 say not applicable): Question a2?"))
        let even = workshop(["a2": ["n/a", "n/a", "3", "3"]])
        #expect(even.answer(for: "a2").groupRating(in: even.raters) == .mean(3))
    }

    @Test func aConsensusAgainstTheVoicesAsksForAReason() {
        func differs(_ votes: [String], _ consensus: String) -> Bool {
            workshop(["a2": votes], consensus: ["a2": consensus]).answer(for: "a2")
                .consensusDiffers(in: (0..<votes.count).map { Participant(id: "p\($0)") })
        }
        let meanOfThree = ["4", "4", "4", "4", "4", "4", "1", "1", "2", "2"]  // 3.0
        let meanOf2Point9 = ["4", "4", "4", "4", "4", "4", "1", "1", "1", "2"]  // 2.9
        #expect(!differs(meanOfThree, "4"))  // 1.0 from the mean
        #expect(differs(meanOf2Point9, "4"))  // 1.1 from the mean
        #expect(differs(["1", "1", "1", "1", "1"], "4"))  // outside their range
        #expect(differs(["3", "3", "3", "3", "3"], "n/a"))  // over a majority of stage ratings
        #expect(differs(["3", "3", "?"], "?"))
        #expect(!differs(["3", "?", "?"], "?"))
        #expect(differs(["?", "?", "?", "?", "4"], "4"))  // a stage over a Don't-know majority
        let session = workshop(["a2": ["1", "1", "1", "1", "1"]], consensus: ["a2": "4"])
        #expect(VoicesSummary(guide: guide, session: session).consensusAgainstVoices.map(\.promptID) == ["a2"])
        #expect(SummaryReport(guide: guide, session: session).text().contains("Consensus differs from the voices: 1"))
        var explained = session
        explained.answers["a2"]?.reason = "The minister signed on Friday."
        #expect(VoicesSummary(guide: guide, session: explained).consensusAgainstVoices.isEmpty)
    }

    @Test func meansRoundHalfUpOnTheExactFraction() {
        #expect(Mean(sum: 29, count: 20).tenths == 15)
        #expect(String(format1: Mean(sum: 29, count: 20).shown) == "1.5")
        // Steps shown at 0.3 and 2.4 make a phase of 1.35, shown 1.4 (floating point gives 1.3).
        let session = workshop(["c1": ["1", "1", "1", "0", "0", "0", "0", "0", "0", "0"], "c2": ["n/a"],
                                "d1": ["2", "2", "3", "3", "2"], "d2": ["n/a"]])
        let phase = ReadinessSummary(guide: guide, session: session).phases[1]
        #expect(phase.score.map { String(format1: $0) } == "1.4")
    }

    @Test func carriedOverAnswersCountAsRatedAndTheStepSaysHowManyAreToConfirm() {
        var session = Session(guide: guide)
        session.answers["b1"] = Answer(rating: .stage(.inPlace), isCarriedOver: true)
        session.answers["b2"] = Answer(rating: .stage(.inPlace))
        let step = ReadinessSummary(guide: guide, session: session).steps[1]
        #expect(step.rated == 2 && step.toConfirm == 1)
        #expect(Language.english.text(step.standingMessage()) == "Ready, 2 of 3 rated, 1 to confirm")
    }
}

@Suite struct TypedRatingTests {
    @Test func aTypedRatingIsADigitFromZeroToFourNNaOrNSlashAOrDQuestionMarkOrDkAndNothingElse() {
        let taken: [(String, Rating)] = [("0", .stage(.notStarted)), ("4", .stage(.institutionalised)),
                                         (" 3 ", .stage(.inPlace)), ("n", .notApplicable), ("NA", .notApplicable),
                                         ("n/a", .notApplicable), ("d", .dontKnow), ("?", .dontKnow),
                                         ("DK", .dontKnow)]
        for (typed, rating) in taken { #expect(Rating(typed: typed) == rating, "\(typed)") }
        for typed in ["+3", "03", "-0", "5", "3.0", "", "n /a", "dont know", "٣"] {
            #expect(Rating(typed: typed) == nil, "\(typed)")
        }
    }
}
