import Foundation
import ISPCore
import Testing

@testable import Wizard

/// Plain mode in the pseudo-language `en-XA`: every sentence plain mode says of its own is a message, so it reads
/// accented and bracketed; what is left in plain English is the guide's, the user's or another part's.
@Suite struct PlainPseudoLanguageTests {
    /// The session details, a participant, a question rated round the room, help, a wrong command, the summary,
    /// the steps and a worksheet's list of rows.
    static let walk = ["Agua", "", "", "", "a", "Ana", "Municipio", "1", "", "7", "2 youth not consulted", "3",
                       "Ana spoke for the room", "Shared problem", ".", ":h", ":z", ":s", ":m", "x", "w1", "", "", "",
                       "", "", "", ":q"]

    static func pseudoRun() -> PlainRun {
        let session = Session(guide: .builtIn, name: "Água 水")
        return PlainRun(walk, state: WizardState(guide: .builtIn, session: session, size: standardSize,
                                                 language: .pseudo))
    }

    @Test func aShortPlainWalkInThePseudoLanguageSaysWhatItsGoldenTranscriptSays() {
        expectGolden(text: Self.pseudoRun().transcript, "plain-walk-pseudo")
    }

    @Test func aShortPlainWalkInThePseudoLanguageLeavesNoEnglishSentenceOfPlainMode() throws {
        var rest = Self.pseudoRun().transcript
        // Only texts of two words or more are taken out, longest first: a word taken out of a sentence could
        // hide what is left of it.
        let kept = Set(try guideTexts() + Self.walk + Self.ownedElsewhere).filter { $0.contains(" ") }
        for text in kept.sorted(by: { $0.count > $1.count }) {
            rest = rest.replacingOccurrences(of: text, with: "…")
        }
        // Two English words in a row: every word of a message is accented in the pseudo-language.
        let english = try NSRegularExpression(pattern: "[A-Za-z']+( [A-Za-z']+)+")
        let runs = english.matches(in: rest, range: NSRange(rest.startIndex..., in: rest))
            .compactMap { Range($0.range, in: rest).map { String(rest[$0]) } }
        #expect(runs.isEmpty, "English left in plain mode's lines: \(runs)")
    }

    /// Texts plain mode shows but other parts say, until they are messages too: the answer fields' prompts and
    /// corrections, the spread line, a question's notes and the setup's labels (Fields and Screens), the step's
    /// standing (the step map).
    static let ownedElsewhere = [
        "Partnership name", "Focal issue (the problem the partnership addresses)", "Who is answering",
        "Name (may stay empty)", "Civil society", "now not rated", "not started", "Group notes", "group notes",
        "Please answer 0 to 4, n or d, a note after it if wanted, or Enter to keep.",
        "1 of 1 rated; Group: no consensus yet (mean 2.0)",
        "Group consensus (0 to 4, n, d; x to clear; Enter keeps none):",
        "The consensus differs from the ratings: why did the group settle on this consensus? Now none yet:",
        "Critical question: the step stays at Developing until this is rated Partial (2) or higher.",
        "Scale here:", "Insufficient answers", "of 3 rated", "of 4 rated", "of 5 rated", "of 6 rated",
    ]

    /// Every text of the built-in guide: titles, guidance, questions, worksheets' labels and hints.
    private func guideTexts() throws -> [String] {
        func strings(in value: Any) -> [String] {
            switch value {
            case let text as String: [text]
            case let array as [Any]: array.flatMap(strings)
            case let object as [String: Any]: object.values.flatMap(strings)
            default: []
            }
        }
        return strings(in: try JSONSerialization.jsonObject(with: Guide.builtIn.jsonData()))
    }
}
