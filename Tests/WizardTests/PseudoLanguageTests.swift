import Foundation
import ISPCore
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
                let left = try englishRuns(in: state.view(), of: state)
                #expect(left == [], "pseudo-\(name)-\(size.columns)x\(size.rows) has English of its own")
            }
        }
    }

    /// Runs of three or more plain-ASCII words on a screen that are neither the guide's words nor the
    /// session's (names, notes): English the catalog does not have.
    func englishRuns(in grid: ScreenGrid, of state: WizardState) throws -> [String] {
        // The session's every string (names, notes, rows) as its description dumps them.
        let sources = String(decoding: state.guide.jsonData(), as: UTF8.self)
            + String(describing: state.session)
        let known = Set(sources.split { !$0.isLetter }.map { $0.lowercased() })
        var runs: [String] = []
        for line in grid.text.split(separator: "\n") {
            // Two spaces (a column's gap) end a run as any other word does.
            var run: [String] = []
            var isKnown = true
            for word in line.split(separator: " ", omittingEmptySubsequences: false).map(String.init) + [""] {
                let letters = word.trimmingCharacters(in: .punctuationCharacters)
                if !letters.isEmpty, letters.allSatisfy({ $0.isASCII && $0.isLetter }) {
                    let lowered = letters.lowercased()
                    // A word cut to fit ("Wor…") is known when a known word starts with it.
                    isKnown = isKnown && (known.contains(lowered)
                        || word.hasSuffix("…") && known.contains { $0.hasPrefix(lowered) })
                    run.append(letters)
                    continue
                }
                if run.count >= 3, !isKnown { runs.append(run.joined(separator: " ")) }
                run = []
                isKnown = true
            }
        }
        return runs
    }
}
