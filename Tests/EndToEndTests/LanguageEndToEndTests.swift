import Foundation
import Testing

/// The command line's refusals in the reader's language: --lang's, else the environment's, else English.
@Suite struct RefusalLanguageTests {
    /// No locale of the test run's own: each test says the one it means.
    static let noLocale = ["LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""]

    /// Three plain-ASCII lowercase words in a row: English the pseudo-language would have accented.
    static func englishLeft(in text: String) -> String? {
        text.firstMatch(of: /[a-z]+ [a-z]+ [a-z]+/).map { String($0.output) }
    }

    @Test func aRefusalUnderLangEnXAIsInThePseudoLanguage() throws {
        let workspace = try Workspace()
        let exclusive = try runWizard(["new", "--lang", "en-XA", "--from", "a", "--for", "b"],
                                      environment: Self.noLocale)
        #expect(exclusive.status == 1)
        #expect(exclusive.error
            == "Error: [--ƒŕöɱ àñð --ƒöŕ éẋçļûðé éàçĥ öţĥéŕ; ĝîṽé öñé öƒ ţĥéɱ. ···················]\n")

        let existing = workspace.path + "/water.isp.json"
        try Data("{}".utf8).write(to: URL(fileURLWithPath: existing))
        let refusals: [[String]] = [
            ["open", workspace.path + "/none.isp.json"],
            ["new", "--file", existing],
            ["new", "--organisation", "Banco"],
            ["new", "--from", workspace.path + "/none.isp.json", "--file", workspace.path + "/next.isp.json"],
            ["merge", "--output", workspace.path + "/merged.isp.json"],
            ["merge", existing, "--output", existing],
            // Without a terminal, and without --plain.
            ["new", "--file", workspace.path + "/next.isp.json"],
        ]
        for arguments in refusals {
            let refused = try runWizard(arguments + ["--lang", "en-XA"], environment: Self.noLocale)
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.error.hasPrefix("Error: [") && refused.error.hasSuffix("]\n"), "\(refused.error)")
            let withoutPaths = refused.error.replacingOccurrences(of: workspace.path, with: "")
            #expect(Self.englishLeft(in: withoutPaths) == nil, "\(refused.error)")
        }
    }

    @Test func aLangNobodyHasIsRefusedInTheEnvironmentsLanguage() throws {
        let workspace = try Workspace()
        let arguments = ["new", "--lang", "xx", "--file", workspace.path + "/s.isp.json"]
        let english = try runWizard(arguments, environment: Self.noLocale.merging(["LANG": "C.UTF-8"]) { $1 })
        #expect(english.status == 1)
        #expect(english.error.hasPrefix("Error: --lang names a language no catalog or guide here has; choose one of "
            + "en, "))
        let pseudo = try runWizard(arguments, environment: Self.noLocale.merging(["LANGUAGE": "en-XA"]) { $1 })
        #expect(pseudo.status == 1)
        #expect(pseudo.error.hasPrefix("Error: [--ļàñĝ ñàɱéš à ļàñĝûàĝé ñö çàţàļöĝ öŕ ĝûîðé ĥéŕé ĥàš; çĥööšé öñé öƒ "
            + "en, "))
        #expect(!FileManager.default.fileExists(atPath: workspace.path + "/s.isp.json"))
    }

    /// A French locale gets French refusals; a locale no catalog has (German) gets English, and no word about it.
    @Test func aSessionErrorIsInTheLocalesLanguageElseEnglish() throws {
        let workspace = try Workspace()
        let missing = workspace.path + "/none.isp.json"
        let french = Self.noLocale.merging(["LANG": "fr_FR.UTF-8"]) { $1 }
        let opened = try runWizard(["open", missing], environment: french)
        #expect(opened.status == 1)
        #expect(opened.error == "Error: \(missing) n'existe pas.\n")
        let nextRound = try runWizard(["new", "--from", missing], environment: french)
        #expect(nextRound.error == "Error: \(missing) n'existe pas.\n")
        let german = Self.noLocale.merging(["LANG": "de_DE.UTF-8"]) { $1 }
        #expect(try runWizard(["open", missing], environment: german).error == "Error: \(missing) does not exist.\n")
    }
}
