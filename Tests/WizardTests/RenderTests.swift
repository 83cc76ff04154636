import ISPCore
import TerminalUI
import Testing

@testable import Wizard

/// Whole screens compared with the text files in Golden/, which show what a user sees.
@Suite struct RenderTests {
    /// Step 1, question 1, rated Partial, with accented and CJK notes.
    func answeredFirstQuestion(size: Size = standardSize) -> WizardState {
        var state = makeState(size: size)
        state.press(.control("n"), .control("n"), .enter, .character("2"), .tab)
        state.type("Les ministères et les ONG partagent le problème. 政府、企业和民间社会都受到影响，需要共同解决。\nZürich")
        return state
    }

    @Test func setupScreen() {
        var state = makeState()
        state.press(.tab)
        state.type("Accès à l'eau")
        expectGolden(state.view(), "setup-80x24")
        #expect(state.view().cursor == Point(row: 8, column: 16))
    }

    @Test func setupScreenOfASelfAssessmentAtTheSmallestSize() {
        var state = makeState(mode: .selfAssessment, size: Size(rows: 20, columns: 60))
        state.press(.tab, .tab, .tab)
        state.type("Fédération des ONG 协会")
        state.press(.tab, .right, .right)
        expectGolden(state.view(), "setup-self-assessment-60x20")
    }

    @Test func questionScreenWithWideCharactersAndTheCaretOnTheirRightColumn() {
        let grid = answeredFirstQuestion().view()
        expectGolden(grid, "question-80x24")
        #expect(grid.cursor == Point(row: 17, column: 9))
    }

    @Test func questionScreenAtTheSmallestSupportedSize() {
        expectGolden(answeredFirstQuestion(size: Size(rows: 20, columns: 60)).view(), "question-60x20")
    }

    @Test func aResizeRedrawsEverythingAtTheNewSize() {
        var state = answeredFirstQuestion()
        _ = state.handle(.resize(Size(rows: 20, columns: 60)))
        #expect(state.view() == answeredFirstQuestion(size: Size(rows: 20, columns: 60)).view())
        _ = state.handle(.resize(Size(rows: 40, columns: 120)))
        expectGolden(state.view(), "question-120x40")
    }

    @Test func tooSmallNotice() {
        var state = answeredFirstQuestion()
        _ = state.handle(.resize(Size(rows: 15, columns: 50)))
        expectGolden(state.view(), "too-small-50x15")
    }

    @Test func stepIntro() {
        var state = makeState()
        state.press(.control("n"), .control("n"))
        expectGolden(state.view(), "step-intro-80x24")
    }

    @Test func stepMapShowsProgressAndHighlightsTheCurrentStep() {
        var state = answeredFirstQuestion()
        state.press(.control("n"), .character("4"), .escape)
        expectGolden(state.view(), "step-map-80x24")
    }

    @Test func summaryScreen() {
        var state = answeredFirstQuestion()
        state.press(.escape, .character("s"))
        expectGolden(state.view(), "summary-80x24")
        state.press(.pageDown)
        expectGolden(state.view(), "summary-80x24-page-2")
        state.press(.character("x"))
        expectGolden(state.view(), "summary-export-80x24")
    }

    @Test func helpOnAQuestionSaysHowToReadItsScale() {
        var session = Session(guide: .builtIn)
        session.position = Position(screen: .question, stepID: "s3", promptID: "s3.q2")
        var state = WizardState(guide: .builtIn, session: session, size: standardSize)
        state.press(.function(1))
        #expect(state.view().rowText(4) == " This question's scale: 0: the tensions have not been looked at · 4: the")
    }

    @Test func aHelpLongerThanTheScreenScrollsAndAnyOtherKeyClosesIt() {
        var state = makeState(size: Size(rows: 20, columns: 60))
        state.press(.function(1))
        #expect(state.view().text.contains("↓ "))
        #expect(!state.view().text.contains("on the summary: save it"))
        var seen: Set<String> = []
        // The meanings wrap under themselves rather than being cut: more lines to scroll through.
        for _ in 0..<150 {
            state.press(.down)
            let text = state.view().text
            for line in ["on the summary: save it", "lists: move the row"] where text.contains(line) {
                seen.insert(line)
            }
        }
        #expect(seen.count == 2)
        state.press(.character("q"))
        #expect(!state.isShowingHelp)
    }

    @Test func helpScreen() {
        var state = makeState()
        state.press(.function(1))
        expectGolden(state.view(), "help-80x24")
    }
}
