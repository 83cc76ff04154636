import Foundation
import ISPCore
import ISPTestSupport
import Messages
import TerminalUI
import Testing

@testable import Wizard

/// The screens in the pseudo-language (`en-XA`, every message accented and bracketed): what stays plain English is
/// text the catalog misses, and a message without its closing bracket was cut.
@Suite struct PseudoLanguageTests {
    static let sizes = [standardSize, Size(rows: 20, columns: 60)]

    /// The same place in the same session, read in the pseudo-language.
    func pseudo(_ state: WizardState) -> WizardState {
        WizardState(guide: state.guide, session: state.sessionToSave(at: Date(timeIntervalSince1970: 0)),
                     size: state.size, language: .pseudo)
    }

    /// Every screen of the brief at both sizes: the state, and the keys pressed in the pseudo-language.
    func screens(at size: Size) -> [(name: String, state: WizardState, keys: [Key])] {
        var setup = Session(guide: .builtIn, name: "Agua para Todos 水")
        setup.partnership.name = "Agua para Todos"
        var map = Session(guide: .builtIn, name: "Agua para Todos 水")
        map.position = Position(screen: .map)
        return [
            ("question-participants", pseudo(workshopOnFirstQuestion(size: size)),
             [.character("1"), .down, .character("4"), .down, .character("2")]),
            ("register", pseudo(registerOfFive(size: size)), [.down]),
            ("step-map", WizardState(guide: .builtIn, session: map, size: size, language: .pseudo), [.down]),
            ("setup", WizardState(guide: .builtIn, session: setup, size: size, language: .pseudo), []),
            ("help", pseudo(workshopOnFirstQuestion(size: size)), [.function(1)]),
        ]
    }

    @Test func goldenScreensInThePseudoLanguage() {
        for size in Self.sizes {
            for (name, state, keys) in screens(at: size) {
                var state = state
                state.press(keys)
                expectGolden(state.view(), "pseudo-\(name)-\(size.columns)x\(size.rows)")
            }
        }
    }

    @Test func noScreenLeavesTheWizardsOwnWordsInEnglish() throws {
        for size in Self.sizes {
            for (name, state, keys) in screens(at: size) {
                var state = state
                state.press(keys)
                let left = try englishRuns(in: state.view().text, keeping: typedTexts(of: state.guide, state.session))
                #expect(left == [], "pseudo-\(name)-\(size.columns)x\(size.rows) has English of its own")
            }
        }
    }
}
