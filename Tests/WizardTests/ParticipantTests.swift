import ISPCore
import TerminalUI
import Testing

@testable import Wizard

/// Eight participants from every sector, with names in several scripts and one without a name.
let roomOfEight: [Participant] = [
    Participant(id: "p1", name: "Ana Núñez", organisation: "Municipio de Cochabamba", sector: .government),
    Participant(id: "p2", name: "李华", organisation: "水务合作社", sector: .civilSociety),
    Participant(id: "p3", name: "", organisation: "Cámara de Comercio", sector: .business),
    Participant(id: "p4", name: "Grace Achieng", organisation: "Water Board", sector: .government),
    Participant(id: "p5", name: "김민준", organisation: "KOICA", sector: .donor),
    Participant(id: "p6", name: "Otieno", organisation: "Youth Network", sector: .civilSociety),
    Participant(id: "p7", name: "Søren Ødegård", organisation: "Nordic Pumps", sector: .business),
    Participant(id: "p8", name: "Amina", organisation: "", sector: .other),
]

/// A workshop with the room of eight, on step 1, question 1.
func workshopOnFirstQuestion(size: Size = standardSize) -> WizardState {
    var session = Session(guide: .builtIn, name: "Agua para Todos 水")
    session.participants = roomOfEight
    session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
    return WizardState(guide: .builtIn, session: session, size: size)
}

@Suite struct ParticipantsScreenTests {
    func participantsScreen() -> WizardState {
        var state = makeState()
        state.press(.control("n"))
        return state
    }

    @Test func addingTypesNameOrganisationAndSectorAndEnterReturnsToTheList() {
        var state = participantsScreen()
        #expect(state.press(.character("a")) == [.save])
        state.type("李华")
        state.press(.tab)
        state.type("水务合作社")
        state.press(.tab, .right, .right, .right, .enter)
        #expect(state.participantForm == nil)
        #expect(state.session.participants.count == 1)
        let added = state.session.participants[0]
        #expect(added.name == "李华" && added.organisation == "水务合作社" && added.sector == .civilSociety)
        #expect(!added.id.isEmpty)
    }

    @Test func aDigitChoosesTheSectorByItsNumberAsElsewhere() {
        var state = participantsScreen()
        state.press(.character("a"))
        state.type("Ana Núñez")
        state.press(.tab)
        state.type("Municipio")
        // The bar says digits choose; 9 is no sector and changes nothing; 3 is the third.
        state.press(.tab)
        #expect(state.view().text.contains("1-5 ←→ choose"))
        state.press(.character("9"), .character("3"), .enter)
        #expect(state.session.participants.first?.sector == .civilSociety)
    }

    @Test func anUnnamedParticipantIsShownByOrganisationOrNumber() {
        var state = participantsScreen()
        state.press(.character("a"), .escape, .character("a"), .tab)
        state.type("Cámara")
        state.press(.escape)
        let text = state.view().text
        #expect(text.contains(" 1     Participant 1"))
        #expect(text.contains(" 2     Cámara"))
    }

    @Test func fortyParticipantsScrollWithTheSelection() {
        var state = participantsScreen()
        for number in 1...40 {
            state.press(.character("a"))
            state.type("Person \(number)")
            state.press(.escape)
        }
        #expect(state.session.participants.count == 40)
        #expect(state.view().text.contains("▸ 40     Person 40"))
        state.press(.home)
        #expect(state.view().text.contains("▸  1     Person 1"))
    }

    @Test func reorderingMovesTheHighlightedParticipant() {
        var state = workshopOnFirstQuestion()
        state.press(.escape, .home, .down, .enter)
        #expect(state.screen == .participants)
        state.press(.down, .character("]"))
        #expect(state.session.participants.map(\.id).prefix(3) == ["p1", "p3", "p2"])
        state.press(.character("["), .character("["))
        #expect(state.session.participants.map(\.id).prefix(3) == ["p2", "p1", "p3"])
    }

    @Test func removingAsksFirstWhenTheParticipantHasRatingsAndTakesTheirRatingsAway() {
        var state = workshopOnFirstQuestion()
        state.press(.character("4"))
        state.press(.escape, .home, .down, .enter)
        // Ana has a rating: asked first, and any key but y keeps her.
        #expect(state.press(.delete) == [])
        #expect(state.view().text.contains("Remove Ana Núñez and their 1 answer? y removes"))
        state.press(.character("n"))
        #expect(state.session.participants.count == 8)
        state.press(.delete, .character("y"))
        #expect(state.session.participants.count == 7)
        #expect(state.session.answers["s1.q1"] == nil)
        // 李华 has none: removed at once.
        #expect(state.press(.delete) == [.save])
        #expect(state.session.participants.first?.id == "p3")
    }
}

@Suite struct RatingRoundTests {
    @Test func goingRoundTheRoomRatesEachParticipantInTurn() {
        var state = workshopOnFirstQuestion()
        #expect(state.questionFocus == .rows)
        for digit in "32441d4n" { state.press(.character(digit)) }
        let answer = state.session.answers["s1.q1"]
        let ratings = roomOfEight.map { answer?.voices[$0.id]?.rating?.code ?? "-" }
        #expect(ratings == ["3", "2", "4", "4", "1", "?", "4", "n/a"])
        #expect(answer?.rating == nil)
        #expect(state.ratingRow == state.groupRow)
    }

    @Test func theSpreadShowsWhileRatingAndAConsensusOnADivergentQuestionAsksForItsReason() {
        var state = workshopOnFirstQuestion()
        state.press(.character("3"), .character("1"))
        #expect(state.spreadLine(state.session.answer(for: "s1.q1"))
                == "2 of 8 rated · Ratings 3 and 1: discuss · Group: no consensus yet (mean 2.0)")
        state.press(.character("4"))
        #expect(state.spreadLine(state.session.answer(for: "s1.q1"))
                == "3 of 8 rated · Spread 1–4: discuss · Group: no consensus yet (mean 2.7)")
        state.press(.end, .character("2"))
        #expect(state.rowEditor != nil)
        state.type("Agreed after discussion")
        state.press(.enter)
        let answer = state.session.answer(for: "s1.q1")
        #expect(answer.rating == .stage(.partial) && answer.reason == "Agreed after discussion")
        // Del on the group row clears the consensus: back to the mean.
        state.press(.delete)
        #expect(state.session.answer(for: "s1.q1").rating == nil)
        #expect(state.session.answer(for: "s1.q1").reason == "Agreed after discussion")
    }

    @Test func changingAConsensusOnDivergentRatingsShowsItsReasonAgainAndDownStaysOnTheGroupRow() {
        var state = workshopOnFirstQuestion()
        state.press(.character("4"), .character("0"), .end, .character("3"))
        state.type("Agreed on 3")
        state.press(.enter, .character("1"))
        #expect(state.rowEditor?.text == "Agreed on 3")
        state.press(.enter, .down, .down)
        #expect(state.questionFocus == .rows && state.ratingRow == state.groupRow)
        state.press(.character("1"))
        #expect(state.rowEditor == nil, "the same consensus again asks nothing")
    }

    @Test func aCarriedOverAnswerSaysSoUntilItIsConfirmed() {
        var session = Session(guide: .builtIn)
        session.answers["s1.q1"] = Answer(rating: .stage(.partial), isCarriedOver: true)
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        var state = WizardState(guide: .builtIn, session: session, size: standardSize)
        #expect(state.view().text.contains("Carried over, to confirm (c) · Readiness: 2 Partial"))
        state.press(.character("c"))
        #expect(!state.view().text.contains("Carried over"))
    }

    @Test func enterEditsAParticipantsNoteAndArrowsMoveBetweenRows() {
        var state = workshopOnFirstQuestion()
        state.press(.down, .down, .enter)
        state.type("Cámara: sí 同意")
        state.press(.enter, .up)
        #expect(state.session.answer(for: "s1.q1").voices["p3"]?.note == "Cámara: sí 同意")
        #expect(state.ratingRow == 1)
    }

    @Test func aRatingGivenBeforeThereWereParticipantsIsTheGroupsConsensus() {
        var session = Session(guide: .builtIn)
        session.answers["s1.q1"] = Answer(rating: .stage(.inPlace))
        session.participants = roomOfEight
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        var state = WizardState(guide: .builtIn, session: session, size: standardSize)
        #expect(state.view().text.contains("Group: consensus 3"))
        state.press(.end, .delete)
        #expect(state.session.answers["s1.q1"] == nil)
    }

    @Test func goldenScreensWithEightParticipantsAt80x24And60x20() {
        for size in [standardSize, Size(rows: 20, columns: 60)] {
            var state = workshopOnFirstQuestion(size: size)
            for digit in "3244" { state.press(.character(digit)) }
            state.press(.enter)
            state.type("Los jóvenes no fueron consultados")
            state.press(.enter)
            expectGolden(state.view(), "question-participants-\(size.columns)x\(size.rows)")
        }
    }

    @Test func theRatingRoundInTheMonoAndHighContrastThemes() {
        var state = workshopOnFirstQuestion()
        for digit in "30241" { state.press(.character(digit)) }
        for theme in [Theme.mono, .highContrast] {
            expectGolden(state.view(), "question-participants-80x24-\(theme.name)", theme: theme)
        }
    }

    @Test func theSummaryColoursBandsAndTheSectorShadesInTheDefaultTheme() {
        var state = workshopOnFirstQuestion()
        for _ in 0..<4 {
            for digit in "30241344" { state.press(.character(digit)) }
            state.press(.control("n"))
        }
        state.press(.escape, .character("s"), .pageDown)
        expectGolden(state.view(), "summary-participants-80x24-default", theme: .standard)
    }

    @Test func atLeastSixRowsShowAt80x24AndThreeAt60x20() {
        #expect(workshopOnFirstQuestion().questionLayout.visibleRows >= 6)
        #expect(workshopOnFirstQuestion(size: Size(rows: 20, columns: 60)).questionLayout.visibleRows >= 3)
    }

    @Test func theRowsScrollToKeepTheFocusedOneInView() {
        var state = workshopOnFirstQuestion(size: Size(rows: 20, columns: 60))
        state.press(.end)
        #expect(state.view().text.contains("▸     Group"))
        state.press(.home)
        #expect(state.view().text.contains("▸ Gov Ana Núñez"))
    }

    @Test func participantsScreenGolden() {
        var state = workshopOnFirstQuestion()
        state.press(.escape, .home, .down, .enter, .down, .down)
        expectGolden(state.view(), "participants-80x24")
    }
}

@Suite struct ModeSwitchTests {
    @Test func aWorkshopSwitchedToASelfAssessmentKeepsItsParticipantsButRatesWithOneVoice() {
        var state = workshopOnFirstQuestion()
        state.press(.character("4"))
        state.press(.escape, .home, .enter, .tab, .tab, .right)
        #expect(state.session.mode == .selfAssessment)
        #expect(state.session.participants == roomOfEight)
        state.press(.escape, .character("1"), .enter)
        #expect(state.questionFocus == .rating)
        state.press(.escape, .home, .enter, .tab, .tab, .left)
        state.press(.escape, .character("1"), .enter)
        #expect(state.questionFocus == .rows)
        #expect(state.session.answer(for: "s1.q1").voices["p1"]?.rating == .stage(.institutionalised))
    }
}
