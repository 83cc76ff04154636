import Testing

@testable import ISPCore

@Suite struct VoicesTests {
    let people = (0..<5).map { Participant(id: "p\($0)", name: "P\($0)", sector: .government) }

    func answer(_ codes: [String?], consensus: Rating? = nil) -> Answer {
        var voices: [String: Voice] = [:]
        for (index, code) in codes.enumerated() {
            if let code { voices["p\(index)"] = Voice(rating: Rating(code: code)) }
        }
        return Answer(rating: consensus, voices: voices)
    }

    @Test func theConsensusOverridesTheMean() {
        #expect(answer(["4", "0"], consensus: .stage(.partial)).groupRating(in: people) == .given(.stage(.partial)))
        #expect(answer(["4", "1"]).groupRating(in: people) == .mean(2.5))
    }

    @Test func notApplicableByAllWhoAnsweredMakesThePromptNotApplicable() {
        #expect(answer(["n/a", "n/a", nil]).groupRating(in: people) == .notApplicable)
        #expect(answer(["n/a", "?"]).groupRating(in: people) == .dontKnow)
        #expect(answer(["n/a", "2"]).groupRating(in: people) == .mean(2))
        #expect(answer([nil, nil]).groupRating(in: people) == .unanswered)
        #expect(!GroupRating.notApplicable.isApplicable && GroupRating.dontKnow.isApplicable)
    }

    @Test func aSpreadOfExactlyTwoDiverges() {
        #expect(answer(["1", "2", "3"]).divergence(in: people) == .spread(lowest: 1, highest: 3))
        #expect(answer(["2", "3", "3"]).divergence(in: people) == nil)
        #expect(answer(["3"]).divergence(in: people) == nil)
    }

    @Test func aHighMeanWithALowVoiceIsHiddenDissent() {
        // Mean 3.2 (rounds to 3.2) with a 1: the mean alone would hide it.
        #expect(answer(["4", "4", "4", "3", "1"]).divergence(in: people) == .hiddenDissent(lowest: 1, mean: 3.2))
        // Mean 2.95 shows as 3.0, so it counts as 3 or more.
        let nearly = (0..<20).map { Participant(id: "p\($0)") }
        let codes = Array(repeating: "3", count: 17) + ["4", "4", "0"]
        #expect(answer(codes).divergence(in: nearly) == .hiddenDissent(lowest: 0, mean: 3.0))
    }

    @Test func aMeanBelowOnePointFiveCountsAsLow() {
        #expect(GroupRating.mean(1.44).isLow)
        #expect(!GroupRating.mean(1.45).isLow)  // shown as 1.5
        #expect(GroupRating.given(.stage(.emerging)).isLow && !GroupRating.given(.stage(.partial)).isLow)
        #expect(!GroupRating.dontKnow.isLow)
    }

    @Test func voicesOfRemovedParticipantsDoNotCount() {
        #expect(answer(["4", "0"]).groupRating(in: [people[0]]) == .mean(4))
    }
}
