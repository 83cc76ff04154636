import Foundation
import ISPCore
import ISPTestSupport
import Messages
import Testing

@testable import Wizard

/// Plain mode in the pseudo-language `en-XA`: every sentence plain mode says of its own is a message, so it reads
/// accented and bracketed; what is left in plain English is the guide's or the user's.
@Suite struct PlainPseudoLanguageTests {
    /// The session details, a participant, a question rated round the room, help, a wrong command, the summary,
    /// the steps and a worksheet's list of rows.
    static let walk = ["Agua", "", "", "", "a", "Ana", "Municipio", "1", "", "7", "2 youth not consulted", "3",
                       "Ana spoke for the room", "Shared problem", ".", ":h", ":z", ":s", ":m", "x", "w1", "", "", "",
                       "", "", "", "", "", "", "", ":q"]

    static func pseudoRun() -> PlainRun {
        let session = Session(guide: .builtIn, name: "Água 水")
        return PlainRun(walk, state: WizardState(guide: .builtIn, session: session, size: standardSize,
                                                 language: .pseudo))
    }

    @Test func aShortPlainWalkInThePseudoLanguageSaysWhatItsGoldenTranscriptSays() {
        expectGolden(text: Self.pseudoRun().transcript, "plain-walk-pseudo")
    }

    @Test func aPartnershipWithoutANameIsCalledSoInTheReadersLanguageByPlainModeAndTheScreens() {
        let state = WizardState(guide: .builtIn, session: Session(guide: .builtIn, name: ""), size: standardSize,
                                language: .pseudo)
        let unnamed = Language.pseudo.text(.reportUnnamedPartnership)
        let run = PlainRun([":q"], state: state)
        #expect(run.transcript.hasPrefix(Language.pseudo.text(.plainWelcome, ["session": .text(unnamed)]) + "\n"))
        #expect(state.view().text.hasPrefix(" " + Language.pseudo.text(.wizardTitle, ["session": .text(unnamed)])))
    }

    @Test func aShortPlainWalkInThePseudoLanguageLeavesNoEnglishSentenceOfPlainMode() throws {
        let run = Self.pseudoRun()
        // The commands are filled in as they are typed (":m w3"), in every language.
        let commands = PlainWizard.typedCommands.values.compactMap { argument -> String? in
            if case .text(let typed) = argument { typed } else { nil }
        }
        let kept = try typedTexts(of: .builtIn, run.session) + Self.walk + commands
        // Two English words in a row: every word of a message is accented in the pseudo-language.
        let runs = englishRuns(in: run.transcript, keeping: kept, words: 2)
        #expect(runs.isEmpty, "English left in plain mode's lines: \(runs)")
    }
}
