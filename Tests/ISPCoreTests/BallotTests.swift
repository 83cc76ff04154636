import Foundation
import ISPTestSupport
import Messages
import Testing

@testable import ISPCore

/// Ballots on a question: a distribution's statistics as the voices', the reveals and the cards as changes that undo
/// in one step, and reports that never put a name beside an anonymous vote.
@Suite struct BallotTests {
    let ana = Participant(id: "ana", name: "Ana Núñez", organisation: "Municipio", sector: .government)
    let ben = Participant(id: "ben", name: "Ben Okoro", organisation: "Mina Sur", sector: .business)
    let cy = Participant(id: "cy", name: "Cy Lima", organisation: "Vecinos", sector: .civilSociety)

    /// A workshop of Ana, Ben and Cy.
    var workshop: Session {
        var session = Session(guide: .builtIn, mode: .workshop, name: "Río Limpio")
        session.participants = [ana, ben, cy]
        return session
    }

    /// The cards a room held up, by code: `["3": 3, "?": 1]`.
    func cards(_ counts: [String: Int]) -> [Rating: Int] {
        Dictionary(uniqueKeysWithValues: counts.compactMap { code, count in Rating(code: code).map { ($0, count) } })
    }

    func distribution(_ counts: [String: Int]) -> Answer {
        Answer(distribution: Distribution(cards: cards(counts)))
    }

    /// The same ratings given by as many named participants.
    func voices(_ codes: [String]) -> (answer: Answer, participants: [Participant]) {
        let people = codes.indices.map { Participant(id: "p\($0)") }
        let voices = Dictionary(uniqueKeysWithValues: codes.enumerated().map { index, code in
            ("p\(index)", Voice(rating: Rating(code: code)))
        })
        return (Answer(voices: voices), people)
    }

    // MARK: Statistics

    @Test func aDistributionsGroupRatingIsTheMeanOfItsStagesWithHowManyItStandsOn() {
        let answer = distribution(["3": 3, "2": 2, "?": 1])
        #expect(answer.groupRating(in: []) == .mean(2.6))
        #expect(answer.voterCount(in: []) == 6)
        var session = workshop
        session.participants = []
        session.answers["s1.q1"] = answer
        let report = SummaryReport(guide: .builtIn, session: session)
        let reference = PromptReference(prompt: Guide.builtIn.steps[0].prompts[0], stepNumber: 1, questionNumber: 1,
                                        rating: answer.groupRating(in: []))
        #expect(report.ratingLabel(reference) == "2.6, 5 of 6 rated, no consensus yet")
    }

    @Test func aDistributionDivergesAndHidesDissentByTheVoicesRules() {
        #expect(distribution(["4": 3, "1": 1]).divergence(in: []) == .hiddenDissent(lowest: 1, mean: 3.3))
        #expect(distribution(["0": 1, "2": 1, "3": 1]).divergence(in: []) == .spread(lowest: 0, highest: 3))
        #expect(distribution(["2": 2, "3": 4]).divergence(in: []) == nil)
        // One rule: the same ratings by name and by ballot add up alike.
        let examples = [["4", "4", "4", "1"], ["0", "2", "3"], ["?", "?", "?", "?", "2", "2", "2"],
                        ["n/a", "n/a", "2"]]
        for codes in examples {
            let named = voices(codes)
            let counts = codes.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            #expect(distribution(counts).groupRating(in: []) == named.answer.groupRating(in: named.participants))
            #expect(distribution(counts).divergence(in: []) == named.answer.divergence(in: named.participants))
        }
    }

    @Test func aDontKnowMajorityOrMostlyNotApplicableInABallotLeavesNoGroupRating() {
        #expect(distribution(["?": 4, "2": 3]).groupRating(in: []) == .dontKnowMajority(dontKnow: 4, of: 7))
        #expect(distribution(["n/a": 3, "2": 1]).groupRating(in: []) == .mostlyNotApplicable(notApplicable: 3, of: 4))
        #expect(distribution(["?": 3, "2": 3]).groupRating(in: []) == .mean(2))
    }

    @Test func aConsensusAgainstTheBallotAsksForItsReason() {
        var answer = distribution(["1": 3, "2": 1])
        answer.rating = .stage(.institutionalised)
        #expect(answer.consensusDiffers(in: []))
        answer.rating = .stage(.emerging)
        #expect(!answer.consensusDiffers(in: []))
    }

    @Test func aSectorShowsFromThreeVotesAndFewerCountWithoutOne() {
        let votes = [AnonymousVote(rating: .stage(.inPlace), sector: .business),
                     AnonymousVote(rating: .stage(.inPlace), sector: .business),
                     AnonymousVote(rating: .stage(.partial), sector: .business),
                     AnonymousVote(rating: .stage(.notStarted), sector: .government),
                     AnonymousVote(rating: .stage(.emerging), sector: .government)]
        let distribution = Distribution(votes: votes)
        #expect(distribution.sectors == [.business])
        #expect(distribution.counts == [
            .init(rating: .stage(.notStarted), votes: 1), .init(rating: .stage(.emerging), votes: 1),
            .init(rating: .stage(.partial), sector: .business, votes: 1),
            .init(rating: .stage(.inPlace), sector: .business, votes: 2),
        ])
        var session = workshop
        session.participants = []
        session.answers["s1.q1"] = Answer(distribution: distribution)
        let sectors = VoicesSummary(guide: .builtIn, session: session).steps[0]
        #expect(sectors.means == [SectorMean(sector: .business, mean: 2.7, ratings: 3)])
        // The government's two votes still count in the group rating, without a sector.
        #expect(session.answer(for: "s1.q1").groupRating(in: []) == .mean(1.8))
    }

    @Test func aDistributionAddsUpItsCountsAndSortsItsNotes() {
        let distribution = Distribution(votes: [
            AnonymousVote(rating: .dontKnow, note: "zinc first"), AnonymousVote(rating: .stage(.partial), note: " "),
            AnonymousVote(rating: .dontKnow, note: "Agua"),
        ])
        #expect(distribution.counts == [.init(rating: .stage(.partial), votes: 1), .init(rating: .dontKnow, votes: 2)])
        #expect(distribution.notes == ["Agua", "zinc first"])
        #expect(distribution.voteCount == 3 && distribution.votes(for: .dontKnow) == 2)
    }

    @Test func aSelfAssessmentIgnoresTheAnonymousVotesItsFileHolds() {
        var session = workshop
        session.answers["s1.q1"] = distribution(["3": 3])
        session.mode = .selfAssessment
        #expect(session.answer(for: "s1.q1").groupRating(in: session.raters) == .unanswered)
        #expect(!session.hasSeveralVoices)
    }

    // MARK: Changes

    @Test func aNamedRevealReplacesTheVotersRatingsAndKeepsTheOthersAndUndoesInOneStep() {
        var session = workshop
        session.answers["s1.q1"] = Answer(
            voices: ["ana": Voice(rating: .stage(.emerging), note: "Ana before"),
                     "ben": Voice(rating: .stage(.partial), note: "Ben before"),
                     "cy": Voice(rating: .stage(.inPlace), note: "Cy before")],
            isCarriedOver: true)
        let before = session
        let (note, patch) = session.applyRecording(
            .revealNamedBallot(promptID: "s1.q1", [NamedVote(participantID: "ana", rating: .stage(.institutionalised),
                                                             note: "Ana now"),
                                                   NamedVote(participantID: "ben", rating: .stage(.notStarted)),
                                                   NamedVote(participantID: "gone", rating: .dontKnow)]),
            guide: .builtIn)
        #expect(note == nil)
        let revealed = session.answers["s1.q1"]
        #expect(revealed?.voices == ["ana": Voice(rating: .stage(.institutionalised), note: "Ana now"),
                                     "ben": Voice(rating: .stage(.notStarted), note: "Ben before"),
                                     "cy": Voice(rating: .stage(.inPlace), note: "Cy before")])
        #expect(revealed?.isCarriedOver == false)
        let after = session
        session.undo(patch)
        #expect(session == before)
        session.redo(patch)
        #expect(session == after)
    }

    @Test func aNamedRevealOverAnonymousVotesWaitsForTheirReplacementToBeConfirmed() {
        var session = workshop
        session.answers["s1.q1"] = distribution(["2": 3])
        let before = session
        let vote = [NamedVote(participantID: "cy", rating: .stage(.partial))]
        let (note, patch) = session.applyRecording(.revealNamedBallot(promptID: "s1.q1", vote), guide: .builtIn)
        #expect(note == .refused(Message(.votesRefusedDistribution)))
        #expect(session == before && patch.isEmpty)
        session.apply(.revealNamedBallot(promptID: "s1.q1", vote, replacingDistribution: true), guide: .builtIn)
        #expect(session.answers["s1.q1"] == Answer(voices: ["cy": Voice(rating: .stage(.partial))]))
    }

    @Test func anAnonymousRevealOverNamedVoicesIsRefusedUnlessConfirmedAndThenReplacesThemInOneStep() {
        var session = workshop
        session.answers["s1.q1"] = Answer(rating: .stage(.partial), notes: "group notes",
                                          voices: ["ana": Voice(rating: .stage(.emerging), note: "Ana's own view")])
        let before = session
        let votes = [AnonymousVote(rating: .stage(.inPlace), note: "we disagree"), AnonymousVote(rating: .dontKnow),
                     AnonymousVote(rating: .stage(.inPlace), sector: .business, note: "ask the mine")]
        let (refusal, nothing) = session.applyRecording(.revealAnonymousBallot(promptID: "s1.q1", votes),
                                                        guide: .builtIn)
        #expect(refusal == .refused(Message(.votesRefusedNamedVoices)))
        #expect(Language.english.text(Message(.votesRefusedNamedVoices))
            == "This question holds named ratings: the anonymous votes replace them only once you confirm it.")
        #expect(session == before && nothing.isEmpty)

        let (note, patch) = session.applyRecording(
            .revealAnonymousBallot(promptID: "s1.q1", votes, replacingNamedVoices: true), guide: .builtIn)
        #expect(note == nil)
        let answer = session.answers["s1.q1"]
        #expect(answer?.voices == [:])
        #expect(answer?.distribution?.counts == [.init(rating: .stage(.inPlace), votes: 2),
                                                 .init(rating: .dontKnow, votes: 1)])
        #expect(answer?.distribution?.notes == ["ask the mine", "we disagree"])
        // The group's own answer stays.
        #expect(answer?.rating == .stage(.partial) && answer?.notes == "group notes")
        session.undo(patch)
        #expect(session == before)
    }

    @Test func cardsBecomeADistributionWithoutSectorsAndUndo() {
        var session = workshop
        session.participants = []
        let (note, patch) = session.applyRecording(
            .recordCards(promptID: "s2.q1", cards(["4": 2, "3": 5, "n/a": 0, "?": 1])), guide: .builtIn)
        #expect(note == nil)
        #expect(session.answers["s2.q1"]?.distribution?.counts == [
            .init(rating: .stage(.inPlace), votes: 5), .init(rating: .stage(.institutionalised), votes: 2),
            .init(rating: .dontKnow, votes: 1),
        ])
        #expect(session.hasSeveralVoices)
        session.undo(patch)
        #expect(session.answers["s2.q1"] == nil)
    }

    @Test func ballotsAreRefusedInASelfAssessmentAndBeyondTheMostVotes() {
        var session = workshop
        #expect(session.apply(.recordCards(promptID: "s1.q1", cards(["3": 10_001])), guide: .builtIn)
            == .refused(Message(.votesRefusedTooMany, ["count": .integer(10_000)])))
        #expect(session.apply(.recordCards(promptID: "s1.q1", cards(["3": .max, "2": .max])), guide: .builtIn)
            == .refused(Message(.votesRefusedTooMany, ["count": .integer(10_000)])))
        session.mode = .selfAssessment
        #expect(session.apply(.recordCards(promptID: "s1.q1", cards(["3": 3])), guide: .builtIn)
            == .refused(Message(.votesRefusedSelfAssessment)))
        #expect(session.answers.isEmpty)
    }

    // MARK: Reports

    /// How `votedAnonymously`'s ballot reads in every report.
    let counts = "1 × Not started, 1 × In place, 3 × Institutionalised and 1 × Don't know; anonymous ballot"

    /// A workshop whose s1.q1 Ana rated by name with a note, then voted anonymously over her rating.
    var votedAnonymously: Session {
        var session = workshop
        session.answers["s1.q2"] = Answer(voices: ["ana": Voice(rating: .stage(.inPlace), note: "Named view")])
        session.answers["s1.q1"] = Answer(voices: ["ana": Voice(rating: .stage(.emerging), note: "Ana's secret")])
        let votes = (0..<3).map { _ in AnonymousVote(rating: .stage(.institutionalised), sector: .government) }
            + [AnonymousVote(rating: .stage(.inPlace), note: "Nobody asked the river"),
               AnonymousVote(rating: .stage(.notStarted), sector: .business), AnonymousVote(rating: .dontKnow)]
        session.apply(.revealAnonymousBallot(promptID: "s1.q1", votes, replacingNamedVoices: true), guide: .builtIn)
        return session
    }

    /// Cards held up on one question make it several voices, not the others: a rating typed alone elsewhere stays
    /// a rating, not a consensus.
    @Test func cardsOnOneQuestionLeaveTheRatingsOfTheOthersAsRatings() throws {
        var session = workshop
        session.participants = []
        session.apply(.recordCards(promptID: "s2.q1", cards(["3": 4])), guide: .builtIn)
        session.answers["s1.q1"] = Answer(rating: .stage(.partial))
        let voices = VoicesSummary(guide: .builtIn, session: session)
        #expect(voices.consensusPrompts.map(\.prompt.promptID).isEmpty)
        let json = try #require(JSONSerialization.jsonObject(with: SummaryReport(guide: .builtIn, session: session)
                                                                 .json()) as? [String: Any])
        let prompts = try #require(json["prompts"] as? [[String: Any]])
        let first = try #require(prompts.first { $0["promptID"] as? String == "s1.q1" })
        #expect((first["groupRating"] as? [String: Any])?["kind"] as? String == "rating")
        #expect(first["consensus"] == nil)
    }

    /// A question holds named voices or one distribution, never both: a participant's rating or note typed over
    /// anonymous votes is refused and changes nothing.
    @Test func aRatingOrNoteTypedForAParticipantOverAnonymousVotesIsRefused() {
        var session = workshop
        session.apply(.recordCards(promptID: "s2.q1", cards(["3": 4]), replacingNamedVoices: false), guide: .builtIn)
        let before = session
        for change: SessionChange in [.rateVoice(promptID: "s2.q1", participantID: "ana", .stage(.partial)),
                                      .setVoiceNote(promptID: "s2.q1", participantID: "ana", "sí")] {
            #expect(session.apply(change, guide: .builtIn) == .refused(Message(.votesRefusedNamedOverDistribution)))
            #expect(session == before)
        }
        #expect(session.apply(.rateVoice(promptID: "s2.q2", participantID: "ana", .stage(.partial)),
                              guide: .builtIn) == nil)
    }

    @Test func theSummaryShowsAnAnonymousBallotAsCountsWithNoName() throws {
        let report = SummaryReport(guide: .builtIn, session: votedAnonymously)
        let text = report.text(width: 200)
        #expect(text.contains("Voted anonymously: 1"))
        #expect(text.contains(counts))
        #expect(text.contains("Government: 3 × Institutionalised"))
        #expect(text.contains("Nobody asked the river"))
        #expect(text.contains("The mean is 3.0, yet someone rated 0: hidden dissent."))
        let anonymous = try #require(report.document.sections.first { $0.id == "anonymous-ballots" })
        let shown = ReportDocument(title: "", sections: [anonymous]).text(width: 200)
        // Business's one vote counts without its sector.
        for name in ["Ana", "Ben", "Cy", "Municipio", "secret", "Business"] { #expect(!shown.contains(name)) }
        for output in [report.document.markdown, report.document.html, String(decoding: report.json(), as: UTF8.self),
                       text] {
            #expect(!output.contains("Ana's secret"))
        }
        let json = String(decoding: report.json(), as: UTF8.self)
        #expect(json.contains(#""distribution" : {"#) && json.contains(#""votes" : 3"#))
    }

    @Test func theMeetingRecordAndTheHandOutCountTheVotesBesideNoName() throws {
        let session = votedAnonymously
        let record = MeetingRecord(guide: .builtIn, session: session)
        let question = try #require(record.document.sections.first { $0.id == "s1.q1" })
        let text = ReportDocument(title: "", sections: [question]).text(width: 200)
        #expect(text.contains(counts))
        #expect(text.contains("Note added to the ballot, without a name: 1\n  - Nobody asked the river"))
        for name in ["Ana", "Municipio", "secret"] { #expect(!text.contains(name)) }
        let csv = try #require(record.rendered(as: .csv, table: "answers", width: 80))
        #expect(String(decoding: csv, as: UTF8.self).contains(
            "1,s1.q1,\"What is the nature of the problem that an ISP might solve, and why is it necessary to bring "
                + "together actors from different sectors to solve it?\","
                + "3 anonymous votes,,Government,4,Institutionalised,,"))
        let handOut = HandOut(guide: .builtIn, session: session).document.text(width: 200)
        #expect(handOut.contains(counts))
        #expect(!handOut.contains("Ana's secret"))
    }

    /// Every report in every format (each CSV table too): a line that shows the anonymous ballot's note or counts
    /// names nobody, and the note Ana's vote replaced is gone.
    @Test func everyReportInEveryFormatPutsNoNameBesideAnAnonymousVote() throws {
        let session = votedAnonymously
        let record = MeetingRecord(guide: .builtIn, session: session)
        let summary = SummaryReport(guide: .builtIn, session: session)
        let handOut = HandOut(guide: .builtIn, session: session)
        var outputs: [(String, Data?)] = ReportFormat.allCases.flatMap { format in
            [("record \(format)", record.rendered(as: format)), ("hand-out \(format)", handOut.rendered(as: format))]
        }
        outputs += record.tables.map { ("record CSV \($0.name ?? "")", record.rendered(as: .csv, table: $0.name)) }
        outputs += [("summary text", Data(summary.text(width: 80).utf8)), ("summary JSON", summary.json()),
                    ("summary Markdown", Data(summary.document.markdown.utf8)),
                    ("summary HTML", Data(summary.document.html.utf8))]
        let names = ["Ana", "Ben", "Cy", "Municipio", "Mina Sur", "Vecinos", "\"ana\"", "\"ben\"", "\"cy\""]
        var shown = 0
        for (what, data) in outputs {
            guard let data else { continue }
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("Ana's secret"), "\(what) keeps the note the anonymous votes replaced")
            for line in text.split(separator: "\n") where line.contains("Nobody asked the river")
                || line.contains("anonymous ballot") {
                shown += 1
                #expect(!names.contains { line.contains($0) }, "\(what) names someone beside a vote: \(line)")
            }
        }
        #expect(shown >= 8)
        // The JSON's answer to the question keeps its votes and no voice.
        let json = try #require(JSONSerialization.jsonObject(with: record.json()) as? [String: Any])
        let prompts = try #require(json["prompts"] as? [[String: Any]])
        let prompt = try #require(prompts.first { $0["promptID"] as? String == "s1.q1" })
        #expect(prompt["distribution"] != nil)
        #expect((prompt["voices"] as? [Any])?.isEmpty != false)
    }

    @Test func anAnonymousBallotInThePseudoLanguageLeavesNoEnglish() throws {
        let session = votedAnonymously
        let kept = try typedTexts(of: .builtIn, session)
        for text in [SummaryReport(guide: .builtIn, session: session, language: .pseudo).text(width: 1000),
                     MeetingRecord(guide: .builtIn, session: session, language: .pseudo).document.text(width: 1000),
                     HandOut(guide: .builtIn, session: session, language: .pseudo).document.text(width: 1000)] {
            #expect(englishRuns(in: text, keeping: kept) == [])
            #expect(!text.contains("anonymous ballot") && !text.contains("Voted anonymously"))
        }
    }

    @Test func aMergedWorkshopKeepsItsDistributionsAndAPartnersFileBringsNone() throws {
        var base = workshop
        base.answers["s1.q1"] = distribution(["3": 4])
        var partner = Session(selfAssessmentFor: base, organisation: "Cámara", sector: .business)
        partner.answers["s1.q2"] = Answer(rating: .stage(.partial), distribution: Distribution(cards: [.dontKnow: 5]))
        partner.answers["s1.q1"] = Answer(rating: .stage(.emerging))
        func file(_ name: String, _ session: Session) -> MergeInput {
            MergeInput(path: name, contents: .success(SessionFileContents(session: session, version: 3,
                                                                          olderOriginal: nil)))
        }
        let result = try SessionMerge.merge([file("workshop.isp.json", base), file("partner.isp.json", partner)],
                                            guide: .builtIn)
        let merged = try #require(result.output)
        #expect(merged.answers["s1.q1"]?.distribution == Distribution(cards: [.stage(.inPlace): 4]))
        #expect(merged.answers["s1.q2"]?.distribution == nil)
        #expect(merged.answers["s1.q2"]?.voices.values.map(\.rating) == [.stage(.partial)])
    }

    @Test func compareShowsTheGroupRatingOfAChangedDistributionMove() {
        var old = workshop
        old.participants = []
        old.answers["s1.q1"] = distribution(["1": 3])
        var new = Session(nextRoundOf: old)
        new.apply(.recordCards(promptID: "s1.q1", cards(["3": 3])), guide: .builtIn)
        let comparison = RoundComparison(guide: .builtIn, old: old, new: new)
        #expect(comparison.moves.map { [$0.before, $0.after] } == [[
            "1.0, 3 of 3 rated, no consensus yet", "3.0, 3 of 3 rated, no consensus yet",
        ]])
    }
}
