import ISPCore
import ISPFiles
import Messages
import TerminalUI
import Testing

@testable import Wizard

@Suite struct NavigationTests {
    @Test func aNewSessionOpensOnTheSetupScreenWithTheNameFocused() {
        let state = makeState()
        #expect(state.screen == .setup)
        #expect(state.setupForm.focusedField?.label == "Partnership name")
    }

    @Test func ctrlNWalksSetupParticipantsEveryStepIntroQuestionsAndWorksheetThenTheSummary() {
        var state = makeState()
        var visited: [String] = []
        for _ in 0..<49 {
            visited.append(state.locationLine)
            state.press(.control("n"))
        }
        #expect(visited[0] == "Session details")
        #expect(visited[1] == "Participants")
        #expect(visited[2] == "Preparing the Ground › Step 1 of 7")
        #expect(visited[3] == "Preparing the Ground › Step 1 of 7 › Question 1 of 4")
        #expect(visited.contains("Preparing the Ground › Step 3 of 7 › Question 2 of 6"))
        #expect(visited[7] == "Preparing the Ground › Step 1 of 7 › Worksheet")
        #expect(visited[8] == "Preparing the Ground › Step 2 of 7")
        #expect(visited[46] == "Achieving Results › Step 7 of 7 › Question 6 of 6")
        #expect(visited[47] == "Achieving Results › Step 7 of 7 › Worksheet")
        #expect(visited[48] == "Readiness summary")
        #expect(state.screen == .summary)
        #expect(state.press(.control("n")) == [])
    }

    @Test func aSelfAssessmentHasNoParticipantsScreen() {
        var state = makeState(mode: .selfAssessment)
        state.press(.control("n"))
        #expect(state.screen == .stepIntro(step: 0))
        state.press(.escape)
        #expect(!state.mapItems.contains { $0.screen == .participants })
    }

    @Test func goingBackIsAlwaysPossibleAndStopsAtTheSetupScreen() {
        var state = makeState()
        state.press(.control("n"), .control("n"), .control("n"))
        #expect(state.screen == .question(step: 0, prompt: 0))
        #expect(state.press(.control("p")) == [.save])
        #expect(state.screen == .stepIntro(step: 0))
        state.press(.pageUp)
        #expect(state.screen == .participants)
        state.press(.pageUp)
        #expect(state.screen == .setup)
        #expect(state.press(.control("p")) == [])
        #expect(state.screen == .setup)
    }

    @Test func escapeOpensTheMapOnTheCurrentStepAndEscapeReturns() {
        var state = makeState()
        state.press(.control("n"), .control("n"), .control("n"), .control("n"))
        state.press(.escape)
        #expect(state.screen == .map)
        #expect(state.mapSelection == 2)
        state.press(.escape)
        #expect(state.screen == .question(step: 0, prompt: 1))
    }

    @Test func theMapOpensAStepByNumberOrArrowAndTheSummaryByS() {
        var state = makeState()
        state.press(.escape, .character("5"))
        #expect(state.screen == .stepIntro(step: 4))
        state.press(.escape, .down, .down, .down, .enter)
        #expect(state.screen == .summary)
        state.press(.escape, .home, .down, .enter)
        #expect(state.screen == .participants)
        state.press(.escape, .character("s"))
        #expect(state.screen == .summary)
        state.press(.escape, .home, .enter)
        #expect(state.screen == .setup)
    }

    @Test func reopeningReturnsToTheSavedQuestionWithItsNotes() {
        var session = Session(guide: .builtIn)
        session.answers["s3.q2"] = Answer(rating: .stage(.emerging), notes: "Tension élevée")
        session.position = Position(screen: .question, stepID: "s3", promptID: "s3.q2")
        let state = WizardState(guide: .builtIn, session: session, size: standardSize)
        #expect(state.screen == .question(step: 2, prompt: 1))
        #expect(state.notes.text == "Tension élevée")
        #expect(state.locationLine.hasSuffix("Step 3 of 7 › Question 2 of 6"))
    }

    @Test func aPositionThisGuideDoesNotHaveFallsBackToTheSetupScreen() {
        var session = Session(guide: .builtIn)
        session.position = Position(screen: .question, stepID: "x9", promptID: "x9.q1")
        #expect(WizardState(guide: .builtIn, session: session, size: standardSize).screen == .setup)
    }
}

@Suite struct QuestionScreenTests {
    /// A wizard on step 1, question 1.
    func firstQuestion() -> WizardState {
        var state = makeState()
        state.press(.control("n"), .control("n"), .enter)
        return state
    }

    @Test func opensWithTheRatingFocusedAndDigitsRate() {
        var state = firstQuestion()
        #expect(state.questionFocus == .rating)
        #expect(state.press(.character("3")) == [.save])
        #expect(state.session.answers["s1.q1"]?.rating == .stage(.inPlace))
        state.press(.character("n"))
        #expect(state.session.answers["s1.q1"]?.rating == .notApplicable)
        state.press(.character("d"))
        #expect(state.session.answers["s1.q1"]?.rating == .dontKnow)
    }

    @Test func arrowsMoveAlongTheRatings() {
        var state = firstQuestion()
        state.press(.right)
        #expect(state.session.answers["s1.q1"]?.rating == .stage(.notStarted))
        state.press(.right, .right)
        #expect(state.session.answers["s1.q1"]?.rating == .stage(.partial))
        state.press(.left)
        #expect(state.session.answers["s1.q1"]?.rating == .stage(.emerging))
    }

    @Test func inTheNotesEveryPrintableKeyTypesDigitsToo() {
        var state = firstQuestion()
        state.press(.tab)
        #expect(state.questionFocus == .notes)
        state.type("3 ministères\n政府 n d")
        #expect(state.session.answers["s1.q1"] == Answer(rating: nil, notes: "3 ministères\n政府 n d"))
        #expect(state.press(.character("x")) == [.saveSoon])
    }

    @Test func pageDownChangesScreenUnlessTheNotesAreLongerThanTheirBox() {
        var state = firstQuestion()
        state.press(.tab)
        state.type("short")
        state.press(.pageDown)
        #expect(state.screen == .question(step: 0, prompt: 1))
        state.press(.tab)
        state.type(String(repeating: "line\n", count: 30))
        state.press(.pageUp)
        #expect(state.screen == .question(step: 0, prompt: 1))
        state.press(.control("p"))
        #expect(state.screen == .question(step: 0, prompt: 0))
        #expect(state.notes.text == "short")
    }

    @Test func upFromTheFirstLineOfNotesReturnsToTheRating() {
        var state = firstQuestion()
        state.press(.tab)
        state.type("a")
        state.press(.up)
        #expect(state.questionFocus == .rating)
        state.press(.down)
        #expect(state.questionFocus == .notes)
    }

    @Test func clearingTheNotesOfAnUnratedQuestionLeavesItUnanswered() {
        var state = firstQuestion()
        state.press(.tab)
        state.type("ab")
        state.press(.backspace, .backspace)
        #expect(state.session.answers["s1.q1"] == nil)
    }

    @Test func aPasteGoesIntoTheFocusedFieldAsText() {
        var state = firstQuestion()
        state.press(.tab)
        #expect(state.handle(.paste("Línea 1\nLínea 2")) == [.saveSoon])
        #expect(state.session.answers["s1.q1"]?.notes == "Línea 1\nLínea 2")
        state.press(.backTab)
        #expect(state.handle(.paste("3")) == [])
    }
}

@Suite struct SetupScreenTests {
    @Test func typingFillsTheSessionAndEnterMovesOn() {
        var state = makeState(name: "")
        state.type("Água 水")
        #expect(state.session.partnership.name == "Água 水")
        state.press(.enter)
        state.type("Acceso al agua")
        #expect(state.session.partnership.focalIssue == "Acceso al agua")
        state.press(.enter)
        #expect(state.setupForm.focusedField?.label == "Who is answering")
    }

    @Test func selfAssessmentAsksForTheOrganisationAndItsSector() {
        var state = makeState()
        state.press(.tab, .tab, .right)
        #expect(state.session.mode == .selfAssessment)
        state.press(.enter)
        #expect(state.setupForm.focusedField?.label == "Your organisation")
        state.type("ONG Ñandú")
        state.press(.enter, .right, .right, .right)
        #expect(state.session.organisation == "ONG Ñandú")
        #expect(state.session.sector == .civilSociety)
        state.press(.enter)
        #expect(state.screen == .stepIntro(step: 0))
    }
}

@Suite struct GlobalKeyTests {
    @Test func everyQuitKeySavesFirst() {
        for key in [Key.control("q"), .control("c"), .function(10)] {
            var state = makeState()
            #expect(state.press(key) == [.save, .quit])
        }
    }

    @Test func aStopSignalSavesAndQuits() {
        var state = makeState()
        #expect(state.handle(.stop(.hangup)) == [.save, .quit])
    }

    @Test func ctrlSSaves() {
        var state = makeState()
        #expect(state.press(.control("s")) == [.save])
    }

    @Test func helpOpensWithF1AndAnyKeyClosesIt() {
        var state = makeState()
        state.press(.function(1))
        #expect(state.isShowingHelp)
        state.press(.character("x"))
        #expect(!state.isShowingHelp)
        #expect(state.session.partnership.name == "Água para Todos 水")
    }

    @Test func aTooSmallTerminalIgnoresEverythingButQuitAndResumesWhenItGrows() {
        var state = makeState()
        _ = state.handle(.resize(Size(rows: 15, columns: 50)))
        #expect(state.isTooSmall)
        state.press(.control("n"))
        #expect(state.screen == .setup)
        _ = state.handle(.resize(Size(rows: 20, columns: 60)))
        state.press(.control("n"))
        #expect(state.screen == .participants)
        _ = state.handle(.resize(Size(rows: 19, columns: 100)))
        #expect(state.press(.control("q")) == [.save, .quit])
    }
}

@Suite struct ReadOnlyTests {
    static let reason = ReadOnlyReason.noPermission("water.isp.json")

    func readOnlyState() -> WizardState {
        var session = Session(guide: .builtIn, name: "Água")
        session.answers["s1.q1"] = Answer(rating: .stage(.partial), notes: "kept")
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        return WizardState(guide: .builtIn, session: session, size: standardSize,
                           readOnlyReason: Self.reason)
    }

    @Test func keysThatWouldChangeTheSessionChangeNothingAndSaveNothing() {
        var state = readOnlyState()
        let before = state.session
        for key: Key in [.character("4"), .tab, .character("x"), .backspace, .enter] {
            #expect(!state.press(key).contains(.save))
            #expect(!state.handle(.key(key)).contains(.saveSoon))
        }
        #expect(state.session == before)
        #expect(state.handle(.paste("pasted")) == [])
        #expect(state.session == before)
        #expect(state.status == .readOnly)
    }

    @Test func movingAroundAndQuittingStillWorkWithoutSaving() {
        var state = readOnlyState()
        state.press(.control("n"))
        #expect(state.locationLine.hasSuffix("Question 2 of 4"))
        #expect(state.handle(.stop(.hangup)) == [.quit])
        #expect(state.press(.control("q")) == [.quit])
    }

    @Test func everyScreenSaysTheSessionIsReadOnly() {
        var state = readOnlyState()
        for key: Key in [.escape, .character("s"), .control("p"), .control("p")] {
            state.press(key)
            #expect(state.view().rowText(22) == " " + Language.english.text(Self.reason.message),
                    "on \(state.locationLine)")
        }
    }
}

@Suite struct PasteLimitTests {
    @Test func aPasteThatWouldMakeTheSessionTooLargeToOpenIsNotTakenAndSaysSo() {
        var state = makeState()
        state.press(.control("n"), .control("n"), .enter, .tab)
        let huge = String(repeating: "水", count: SessionFile.maximumSize / 3 / 2 + 1)
        #expect(state.handle(.paste(huge)) == [.bell])
        #expect(state.session.answers["s1.q1"] == nil)
        #expect(state.view().rowText(0).hasSuffix("Paste too large: not taken"))
        #expect(state.handle(.paste("a page of notes")) == [.saveSoon])
        #expect(state.session.answers["s1.q1"]?.notes == "a page of notes")
    }

    @Test func theTextOfTheWorksheetsCountsTowardsTheLimit() {
        var state = workshopOnWorksheet("s1")
        for _ in 1...5 { state.press(.down) }
        let page = String(repeating: "Agua para todos 水\n", count: WizardState.largestPastedSession / 20 / 2 + 1)
        #expect(page.utf8.count > WizardState.largestPastedSession / 2)
        #expect(state.handle(.paste(page)) == [.saveSoon])
        state.press(.escape, .character("5"), .character("w"))
        #expect(state.focusedEntry?.label == "Agreed problem statement")
        #expect(state.handle(.paste(page)) == [.bell])
        #expect(state.session.record(at: [.key("s5"), .key("problem")]) == nil)
        #expect(state.view().rowText(0).hasSuffix("Paste too large: not taken"))
    }
}
