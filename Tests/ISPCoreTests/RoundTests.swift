import Foundation
import ISPFiles
import ISPTestSupport
import Messages
import Testing

@testable import ISPCore

/// The next round of a partnership, and two rounds compared, on real files: a version-1 workshop as the first
/// round and the round after it, which a workshop of this version rated anew in part.
@Suite struct RoundTests {
    let first = fixture("sessions/v1/v1-workshop.isp.json").path
    let second = fixture("sessions/v2/v2-round-2-of-v1-workshop.isp.json").path

    @Test func theNextRoundKeepsThePartnershipAndCarriesEveryAnswerOverToConfirm() throws {
        var old = try SessionFile.load(from: first)
        old.participants = [Participant(id: "ana", name: "Ana")]
        old.records = ["actions": .array([.object(["action": .string("Meet")])])]
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let next = Session(nextRoundOf: old, now: now)
        #expect(next.partnershipID == old.partnershipID && next.round == 2)
        #expect(next.partnership == old.partnership && next.facilitator == old.facilitator)
        #expect(next.participants == old.participants && next.records == old.records)
        #expect(next.createdAt == now && next.updatedAt == now && next.position == nil)
        #expect(next.answers.count == old.answers.count)
        for (promptID, answer) in old.answers {
            var carried = answer
            carried.isCarriedOver = true
            #expect(next.answers[promptID] == carried)
        }
        #expect(next.unconfirmedAnswers == 31)
        // Carried-over answers count as they were, each step saying how many are still to confirm.
        var carried = ReadinessSummary(guide: .builtIn, session: next)
        #expect(carried.steps.map(\.toConfirm) == [4, 3, 6, 4, 4, 5, 5])
        for index in carried.steps.indices { carried.steps[index].toConfirm = 0 }
        #expect(carried == ReadinessSummary(guide: .builtIn, session: old))
        let summary = SummaryReport(guide: .builtIn, session: next).text()
        #expect(summary.contains("Carried over from round 1 and still to confirm: 31 answers."))
    }

    @Test func aVersionOneFileAndItsNextRoundAreOnePartnership() throws {
        let old = try SessionFile.read(from: first)
        let new = try SessionFile.read(from: second)
        #expect(old.version == 1 && new.version == 2)
        #expect(new.isSamePartnership(as: old) && old.isSamePartnership(as: new))
        let other = try SessionFile.read(from: fixture("sessions/v1/v1-self-assessment.isp.json").path)
        #expect(!new.isSamePartnership(as: other))
        #expect(other.anotherPartnership("b.isp.json", than: new, at: "a.isp.json").english
            == "b.isp.json belongs to another partnership than a.isp.json (\"青年就业伙伴关系 Youth Jobs\", "
            + "not \"Water for All, Kisumu\")")
    }

    @Test func comparingShowsStepsMovesNotesAndWhoJoined() throws {
        let comparison = RoundComparison(guide: .builtIn, old: try SessionFile.load(from: first),
                                         new: try SessionFile.load(from: second))
        let step1 = comparison.steps[0]
        #expect(step1.before.score.map { String(format1: $0) } == "2.5" && step1.before.band == .developing)
        #expect(step1.after.score.map { String(format1: $0) } == "2.0")
        #expect(comparison.moves.map(\.prompt.promptID) == ["s1.q1", "s2.q1"])
        #expect(comparison.moves.map(\.change) == [-2, 3])
        #expect(comparison.moves[0].before == "3 In place" && comparison.moves[0].after == "1 Emerging")
        #expect(comparison.notes.map(\.prompt.promptID) == ["s1.q2"])
        #expect(comparison.notes[0].added == ["s1.q2 again: the county,", "youth network", "now"])
        #expect(comparison.notes[0].removed == ["s1.q2:", "county"])
        #expect(comparison.joined.map(\.name) == ["Amani Otieno", "Wanjiru Kamau"] && comparison.left.isEmpty)

        let text = comparison.document.text()
        #expect(text.hasPrefix("Rounds compared: Water for All, Kisumu\n"))
        #expect(text.contains("In round 2, 27 answers carried over from the round before are not confirmed yet"))
        #expect(text.contains("- Step 1 Q1: 3 In place → 1 Emerging (−2.0): What is the nature"))
        #expect(text.contains("Joined: Amani Otieno (Kisumu Youth Network, Civil society), Wanjiru Kamau"))
        let json = try #require(JSONSerialization.jsonObject(with: comparison.json()) as? [String: Any])
        #expect(json["format"] as? String == "isp-wizard-comparison")
        #expect(json["generator"] as? String == "isp-wizard \(ispWizardVersion)")
        #expect((json["moves"] as? [[String: Any]])?.compactMap { $0["promptID"] as? String } == ["s1.q1", "s2.q1"])
    }

    @Test func comparingShowsACriticalQuestionWithoutAStageAndADontKnowMajorityInBothRounds() throws {
        let people = (0..<3).map { Participant(id: "p\($0)", name: "P\($0)") }
        func answer(_ codes: [String]) -> Answer {
            Answer(voices: Dictionary(uniqueKeysWithValues: codes.enumerated().map { index, code in
                ("p\(index)", Voice(rating: Rating(code: code)))
            }))
        }
        var old = Session(guide: .builtIn, name: "Convening")
        old.participants = people
        for promptID in ["s4.q1", "s4.q2", "s4.q3", "s4.q4"] { old.answers[promptID] = answer(["3", "3", "3"]) }
        old.answers["s7.d1"] = answer(["?", "?", "?"])
        var new = Session(nextRoundOf: old)
        new.answers["s4.q1"] = answer(["?", "?", "3"])
        new.answers["s7.d1"] = answer(["2", "3", "?"])
        let comparison = RoundComparison(guide: .builtIn, old: old, new: new)
        #expect(comparison.statusChanges.map { Language.english.text($0.message) } == [
            "Step 4 Q1: 3.0, 3 of 3 rated, no consensus yet → no group rating, 2 of 3 don't know",
            "Step 7 Q1: ? Don't know → 2 and 3, 2 of 3 rated, no consensus yet",
        ])
        let text = comparison.document.text()
        #expect(text.contains("""
              - 4 Convene Partners and Define Problems — Round 1: 3.0 Ready, 4 of 4 rated;
                Round 2: 3.0 Developing (critical question without a stage), 3 of 4 rated, 3
                to confirm; Change: ±0.0
            """))
        #expect(text.contains("""
            Questions whose status changed: 2
                - Step 4 Q1: 3.0, 3 of 3 rated, no consensus yet → no group rating, 2 of 3
                  don't know: Who convenes?
                - Step 7 Q1: ? Don't know → 2 and 3, 2 of 3 rated, no consensus yet: How
            """))
        let json = try #require(JSONSerialization.jsonObject(with: comparison.json()) as? [String: Any])
        let step4 = try #require((json["steps"] as? [[String: Any]])?[3]["after"] as? [String: Any])
        #expect(step4["band"] as? String == "developing" && step4["toConfirm"] as? Int == 3)
        #expect(step4["capNote"] as? String == "critical question without a stage" && step4["rated"] as? Int == 3)
        let changes = try #require(json["statusChanges"] as? [[String: Any]])
        #expect(changes.map { $0["promptID"] as? String } == ["s4.q1", "s7.d1"])
        #expect(changes[0]["after"] as? String == "no group rating, 2 of 3 don't know")
    }

    /// Two rounds of one partnership whose group note to s1.q1 gained a second line.
    private func roundsWithANoteOnTwoLines() -> RoundComparison {
        var old = Session(guide: .builtIn, name: "Water for All")
        old.answers["s1.q1"] = Answer(rating: .stage(.partial), notes: "The county agrees")
        var new = Session(nextRoundOf: old)
        new.answers["s1.q1"] = Answer(rating: .stage(.partial), notes: "The county agrees\nThe mayor too")
        return RoundComparison(guide: .builtIn, old: old, new: new)
    }

    @Test func aNotesLineBreaksAreLineBreaksInEveryFormat() throws {
        let comparison = roundsWithANoteOnTwoLines()
        let text = comparison.document.text(width: 100)
        #expect(text.contains("\n      Now: The county agrees\n      The mayor too\n"))
        #expect(!text.contains("^J"))
        #expect(comparison.document.markdown.contains("Now: The county agrees\\\n  The mayor too"))
        #expect(comparison.document.html.contains("Now: The county agrees<br>\nThe mayor too"))
        let json = try #require(JSONSerialization.jsonObject(with: comparison.json()) as? [String: Any])
        let notes = try #require(json["notes"] as? [[String: Any]])
        #expect(notes.first?["after"] as? String == "The county agrees\nThe mayor too")
    }

    @Test func wordChangesAreTheRunsAddedAndRemoved() {
        #expect(wordChanges(from: "the county agrees", to: "the county now agrees").added == ["now"])
        #expect(wordChanges(from: "a b c d", to: "a x c").added == ["x"])
        #expect(wordChanges(from: "a b c d", to: "a x c").removed == ["b", "d"])
        #expect(wordChanges(from: "", to: "new text").added == ["new text"])
        let long = (0..<400).map(String.init).joined(separator: " ")
        let changed = wordChanges(from: "start " + long, to: "begin " + long + " end")
        #expect(changed.added == ["begin", "end"] && changed.removed == ["start"])
        // Beyond 250,000 word pairs the whole middle counts as replaced, to stay quick on pages of notes.
        let longer = (0..<600).map(String.init).joined(separator: " ")
        let replaced = wordChanges(from: "start " + longer, to: "begin " + longer + " end")
        #expect(replaced.added == ["begin " + longer + " end"] && replaced.removed == ["start " + longer])
    }
}
