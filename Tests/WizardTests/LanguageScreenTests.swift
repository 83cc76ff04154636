import ISPCore
import Messages
import TerminalUI
import Testing

@testable import Wizard

/// The screens and plain mode in the languages of the rooms: Spanish screens as golden text at 80x24 and 60x20,
/// plain mode in French.
@Suite struct LanguageScreenTests {
    static let spanish = Language(code: "es") ?? .english
    static let french = Language(code: "fr") ?? .english

    /// The room of eight in Spanish, where `position` says, with step 1's first question rated round the room.
    func spanishWorkshop(at position: Position, size: Size) -> WizardState {
        var session = Session(guide: .builtIn, name: "Agua para Todos 水")
        session.participants = roomOfEight
        session.position = position
        var state = WizardState(guide: .builtIn(in: "es"), session: session, size: size, language: Self.spanish)
        if position.screen == .question {
            for digit in "32441230" { state.press(.character(digit)) }
            // A consensus against the spread asks for its reason, left for later.
            state.press(.character("2"), .enter)
        }
        return state
    }

    @Test func spanishGoldenScreensAt80x24And60x20() {
        let places: [(String, Position)] = [
            ("question", Position(screen: .question, stepID: "s1", promptID: "s1.q1")),
            ("map", Position(screen: .map)),
            ("worksheet", Position(screen: .stepIntro, stepID: "s1", worksheet: true)),
        ]
        for size in [standardSize, Size(rows: 20, columns: 60)] {
            for (name, position) in places {
                let state = spanishWorkshop(at: position, size: size)
                expectGolden(state.view(), "es-\(name)-\(size.columns)x\(size.rows)")
            }
        }
    }

    @Test func f2ShowsTheEnglishOriginalOfASpanishQuestion() {
        var state = spanishWorkshop(at: Position(screen: .question, stepID: "s1", promptID: "s1.q1"),
                                    size: standardSize)
        state.press(.function(2))
        let box = state.view().text
        #expect(box.contains("Original en inglés (USAID)"))
        #expect(box.contains("What is the nature of the problem"))
        state.press(.escape)
        #expect(!state.view().text.contains("Original en inglés (USAID)"))
    }

    @Test func plainModeInFrenchAsksInFrenchAndColonOShowsTheEnglish() {
        let session = Session(guide: .builtIn, name: "Eau pour tous")
        let state = WizardState(guide: .builtIn(in: "fr"), session: session, size: standardSize,
                                language: Self.french)
        let run = PlainRun(["Eau pour tous", "", "", "", "", ":o", "3", "Le problème est partagé", ".", ":q"],
                           state: state)
        let french = Guide.builtIn(in: "fr").steps[0].prompts[0].text
        #expect(run.transcript.contains(french))
        #expect(run.transcript.contains("What is the nature of the problem that an ISP might solve"))
        #expect(!run.transcript.contains("Readiness"))
        expectGolden(text: run.transcript, "plain-walk-fr")
    }
}
