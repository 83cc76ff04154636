import BallotWire
import ISPCore
import TerminalUI
import Testing

@testable import Wizard

/// A ballot on the question screen as the facilitator runs it, the server's events given by the test.
@Suite struct BallotFlowTests {
    /// A QR code of version 1 (21 modules a side): a real code's size, any pattern.
    static let code = QRModules(rows: (0..<21).map { row in
        String((0..<21).map { column in (row * 7 + column * 3) % 5 < 2 ? "1" : "0" })
    })
    static let url = "HTTP://192.168.1.20:8470/K7M2Q9XA"

    /// The room of eight on step 1 question 1 with a named ballot open, the server listening.
    func namedBallot(size: Size = standardSize) -> WizardState {
        var state = workshopOnFirstQuestion(size: size)
        state.press(.character("b"), .character("n"))
        state.hear(.event(.ready(url: Self.url, qrCode: Self.code)))
        return state
    }

    @Test func bAsksWhichKindAndNOpensANamedBallotForTheParticipants() throws {
        var state = workshopOnFirstQuestion()
        state.press(.character("b"))
        #expect(state.view().text.contains(
            "A ballot on question 1.1: from phones by name (n), anonymously (a), or cards"))
        #expect(state.view().rowText(23).hasPrefix(" n by name  a anonymous  c cards"))
        let effects = state.press(.character("n"))
        guard case .ballot(.open(let opening))? = effects.first else {
            Issue.record("no ballot opened: \(effects)")
            return
        }
        #expect(opening.question.id == "s1.q1")
        #expect(opening.voters == .named(roomOfEight.enumerated().map { index, participant in
            BallotParticipant(id: participant.id, name: participant.displayName(number: index + 1, in: .english))
        }))
        #expect(opening.scale.stages.first == "Not started")
        #expect(opening.mostVotes == 8)
        // Phones that read another language get the question in it.
        #expect(opening.question.translations?["es"] == Guide.builtIn(in: "es").steps[0].prompts[0].text)
        #expect(opening.question.translations?["en"] == nil)
        #expect(opening.question.scale == Guide.builtIn.steps[0].prompts[0].scale)
        #expect(opening.question.scaleTranslations?["pt"] == Guide.builtIn(in: "pt").steps[0].prompts[0].scale)
        #expect(opening.language == "en")
        #expect(state.ballot?.voters == 8)
        #expect(state.view().text.contains("Starting the ballot server…"))
    }

    @Test func theOpenBallotShowsTheCodeTheAddressAndTheCountButNoVote() {
        var state = namedBallot()
        for voter in ["p1", "p3", "p4", "p5", "p9"] {
            state.hear(.event(.count(question: "s1.q1", votes: 5, of: 8, voter: voter)))
        }
        // A phone that chose p6 instead of p9 takes p9's vote back.
        state.hear(.event(.count(question: "s1.q1", votes: 5, of: 8, voter: "p6", withdrawn: ["p9"])))
        #expect(state.ballot?.voted == ["p1", "p3", "p4", "p5", "p6"])
        let screen = state.view().text
        // Who has voted is marked, never how.
        #expect(screen.contains("▸✓ Ana Núñez"))
        #expect(screen.contains("   李华"))
        #expect(screen.contains("5 of 8 voted"))
        #expect(screen.contains("HTTP://192.168.1.20:8470/K7M2Q9XA"))
        #expect(screen.contains("▀"))
        expectGolden(state.view(), "ballot-named-80x24")
        // A count of another question (a late event after a ballot there) changes nothing.
        state.hear(.event(.count(question: "s1.q2", votes: 1, of: 8)))
        #expect(state.ballot?.votes == 5)
    }

    @Test func onASmallTerminalTheCodeGivesWayToTheAddressAndSaysWhereItIs() {
        var state = namedBallot(size: Size(rows: 20, columns: 60))
        state.hear(.event(.count(question: "s1.q1", votes: 1, of: 8)))
        expectGolden(state.view(), "ballot-named-60x20")
        #expect(state.view().text.contains("The QR code needs a larger terminal"))
    }

    @Test func onlyTheBallotsKeysWorkWhileItIsOpen() {
        var state = namedBallot()
        state.press(.character("3"), .control("n"), .control("z"), .tab)
        #expect(state.session.answers["s1.q1"] == nil)
        #expect(state.screen == .question(step: 0, prompt: 0))
        #expect(state.ballot != nil)
    }

    @Test func revealingMakesTheVotesTheRatingsAsOneStepToUndo() {
        var state = namedBallot()
        state.hear(.event(.count(question: "s1.q1", votes: 2, of: 8)))
        #expect(state.press(.character("r")) == [.ballot(.reveal)])
        #expect(state.view().text.contains("Revealing…"))
        let votes = [
            BallotVote(participant: "p1", rating: .stage(1), note: "falta agua 水"),
            BallotVote(participant: "p2", rating: .dontKnow),
        ]
        let effects = state.handle(.event(.revealed(question: "s1.q1", votes: votes)))
        #expect(effects.contains(.save))
        #expect(state.ballot == nil)
        let answer = state.session.answer(for: "s1.q1")
        #expect(answer.voices["p1"]?.rating == .stage(.emerging))
        #expect(answer.voices["p1"]?.note == "falta agua 水")
        #expect(answer.voices["p2"]?.rating == .dontKnow)
        #expect(state.view().rowText(0).hasSuffix("2 votes revealed."))
        state.press(.control("z"))
        #expect(state.session.answers["s1.q1"] == nil)
    }

    @Test func rWithNoVotesSaysSoAndEscClosesAtOnce() {
        var state = namedBallot()
        #expect(state.press(.character("r")).isEmpty)
        #expect(state.view().text.contains("Nobody has voted yet"))
        #expect(state.press(.escape) == [.ballot(.close)])
        #expect(state.ballot == nil)
    }

    @Test func escWithVotesAsksBeforeDiscardingThem() {
        var state = namedBallot()
        state.hear(.event(.count(question: "s1.q1", votes: 5, of: 8)))
        #expect(state.press(.escape).isEmpty)
        #expect(state.view().text.contains("Discard 5 votes and close the ballot?"))
        // Any other key keeps the ballot.
        state.press(.character("x"))
        #expect(state.ballot?.votes == 5)
        state.press(.escape)
        #expect(state.press(.character("y")) == [.ballot(.close)])
        #expect(state.ballot == nil)
    }

    @Test func anAnonymousBallotOverNamedRatingsAsksFirstAndReplacesThemOnceRevealed() {
        var state = workshopOnFirstQuestion()
        state.press(.character("3"), .character("1"))
        state.press(.character("b"), .character("a"))
        #expect(state.ballot == nil)
        #expect(state.view().text.contains("Question 1.1 holds 2 participants' ratings"))
        guard case .ballot(.open(let opening))? = state.press(.character("y")).first else {
            Issue.record("no ballot opened")
            return
        }
        #expect(opening.voters == .anonymous(sectors: [
            BallotSector(id: "government", name: "Government"), BallotSector(id: "business", name: "Business"),
            BallotSector(id: "civil-society", name: "Civil society"), BallotSector(id: "donor", name: "Donor"),
            BallotSector(id: "other", name: "Other"),
        ]))
        state.hear(.event(.count(question: "s1.q1", votes: 3, of: nil)))
        #expect(state.view().text.contains("3 of 8 voted"))
        state.press(.character("r"))
        state.hear(.event(.revealed(question: "s1.q1", votes: [
            BallotVote(sector: "government", rating: .stage(2)), BallotVote(sector: "government", rating: .stage(2)),
            BallotVote(sector: "government", rating: .stage(4), note: "ok"),
        ])))
        let answer = state.session.answer(for: "s1.q1")
        #expect(answer.voices.isEmpty)
        #expect(answer.distribution?.votes(for: .stage(.partial)) == 2)
        #expect(answer.distribution?.sectors == [.government])
    }

    @Test func aWorkshopWithoutParticipantsOffersOnlyAnAnonymousBallotAndASelfAssessmentNone() {
        var state = makeState()
        state.open(.question(step: 0, prompt: 0))
        state.press(.character("b"))
        #expect(state.view().text.contains("from phones anonymously (a)"))
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.ballot == nil)
        var alone = makeState(mode: .selfAssessment)
        alone.open(.question(step: 0, prompt: 0))
        alone.press(.character("b"))
        #expect(alone.ballotAsking == nil)
    }

    @Test func lLetsAnotherPhoneVoteAsTheHighlightedParticipant() {
        var state = namedBallot()
        #expect(state.press(.down, .down, .character("l")) == [.ballot(.release(participant: "p3"))])
        #expect(state.view().text.contains("Cámara de Comercio may now vote from another phone."))
    }

    @Test func aServerThatFailsClosesTheBallotAndSaysWhyOnTwoLines() {
        var state = namedBallot()
        state.hear(.event(.count(question: "s1.q1", votes: 2, of: 8)))
        let effects = state.handle(.failed(BallotProcessFailure.exited(status: 1).message))
        #expect(effects == [.stopBallots])
        #expect(state.ballot == nil)
        #expect(state.view().text.contains("The ballot was closed:"))
        // A port in use before any vote: ballots cannot run, said whole, until the next key.
        var fresh = workshopOnFirstQuestion()
        fresh.press(.character("b"), .character("n"))
        fresh.hear(.event(.failed(.portInUse, port: 8470)))
        let lines = [fresh.view().rowText(21), fresh.view().rowText(22)].joined()
        #expect(lines.contains("Ballots cannot run: Port 8470 is in use by another program"))
        #expect(lines.contains("or 0 for any free one."))
        fresh.press(.down)
        #expect(!fresh.view().text.contains("Ballots cannot run"))
        // The next ballot starts the server again.
        state.press(.character("b"), .character("n"))
        #expect(state.ballotLink == .starting)
    }

    @Test func sInTheChooserEndsBallotsOnceNoneIsOpen() {
        var state = namedBallot()
        state.press(.escape)
        state.press(.character("b"))
        #expect(state.view().rowText(23).contains("s stop ballots"))
        #expect(state.press(.character("s")) == [.stopBallots])
        #expect(state.ballotLink == .off)
    }
}

extension BallotFlowTests {
    @Test func theHelpOfAnOpenBallotListsItsKeys() {
        var state = namedBallot(size: Size(rows: 40, columns: 120))
        state.press(.function(1))
        let help = state.view().text
        #expect(help.contains("Reveal every vote at once"))
        #expect(help.contains("Let another phone vote as the highlighted participant"))
        #expect(help.contains("The room view: the question alone and large"))
    }
}

extension BallotFlowTests {
    @Test func quittingWithVotesNotRevealedAsksFirstAndTheQuitKeyAgainQuits() {
        var state = namedBallot()
        state.hear(.event(.count(question: "s1.q1", votes: 5, of: 8)))
        #expect(state.press(.control("q")).isEmpty)
        #expect(state.view().text.contains("Quit and lose 5 votes not yet revealed? (r reveals them first)"))
        state.press(.character("x"))
        #expect(state.ballot?.votes == 5)
        state.press(.control("c"))
        #expect(state.press(.character("y")) == [.ballot(.close), .save, .quit])
        var again = namedBallot()
        again.hear(.event(.count(question: "s1.q1", votes: 1, of: 8)))
        again.press(.control("q"))
        #expect(again.press(.control("q")) == [.save, .quit])
        // `r` reveals first, as the question offers.
        var reveal = namedBallot()
        reveal.hear(.event(.count(question: "s1.q1", votes: 1, of: 8)))
        reveal.press(.control("q"))
        #expect(reveal.view().rowText(23).hasPrefix(" y quit  r reveal"))
        #expect(reveal.press(.character("r")) == [.ballot(.reveal)])
        #expect(reveal.ballot?.isConfirmingQuit == false)
        // Without votes the quit key quits at once.
        var empty = namedBallot()
        #expect(empty.press(.control("q")) == [.save, .quit])
    }

    @Test func aServerStartedWithTheWizardSaysWherePhonesGo() {
        var state = workshopOnFirstQuestion()
        state.expectBallotServer()
        state.hear(.event(.ready(url: BallotFlowTests.url, qrCode: BallotFlowTests.code)))
        #expect(state.view().text.contains("Ballots are ready: phones on this network open"))
        #expect(state.view().text.contains("HTTP://192.168.1.20:8470/K7M2Q9XA"))
    }
}

extension WizardState {
    /// Takes in what the ballot server said, as the run loop does, for a test that looks at the screen after it.
    @discardableResult
    mutating func hear(_ update: BallotUpdate) -> [Effect] {
        handle(update)
    }
}
