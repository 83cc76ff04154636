@testable import Messages
import Testing

@Suite struct LanguageChoiceTests {
    private func chosen(_ flag: String? = nil, _ environment: [String: String] = [:],
                        guide: [String] = []) throws -> String {
        let choice = try LanguageChoice.choose(flag: flag, environment: environment, guideLanguages: guide)
        return choice.language.code + (choice.isGuideOnly ? "+" + choice.guideLanguage : "")
    }

    @Test func theFlagComesBeforeTheEnvironment() throws {
        #expect(try chosen("en-XA", ["LANG": "fr_FR.UTF-8"], guide: ["fr"]) == "en-XA")
        #expect(try chosen("en_xa") == "en-XA")
    }

    @Test func aLocaleNamesItsLanguage() throws {
        #expect(try chosen(nil, ["LANG": "fr_FR.UTF-8"], guide: ["fr"]) == "fr")
        // Portuguese is written as in Portugal and lusophone Africa; Brazil gets it too.
        #expect(try chosen(nil, ["LANG": "pt_MZ.UTF-8"]) == "pt")
        #expect(try chosen(nil, ["LANG": "pt_AO"]) == "pt")
        #expect(try chosen(nil, ["LANG": "pt_BR"], guide: ["pt"]) == "pt")
        #expect(try chosen(nil, ["LANG": "es_PE.UTF-8"]) == "es")
        // A language only the guide file has shows the guide in it, the rest in English.
        #expect(try chosen(nil, ["LANG": "sw_KE"], guide: ["sw"]) == "en+sw")
        #expect(try chosen(nil, ["LANG": "en_GB.UTF-8@euro"]) == "en")
    }

    @Test func theEnvironmentIsReadInGettextsOrder() throws {
        let guide = ["fr", "es", "pt"]
        #expect(try chosen(nil, ["LANGUAGE": "de:es:fr", "LC_ALL": "pt_PT", "LANG": "fr"], guide: guide) == "es")
        #expect(try chosen(nil, ["LC_ALL": "pt_PT", "LC_MESSAGES": "es", "LANG": "fr"], guide: guide) == "pt")
        #expect(try chosen(nil, ["LC_ALL": "", "LC_MESSAGES": "es_MX", "LANG": "fr"], guide: guide) == "es")
        #expect(try chosen(nil, ["LANG": "fr_CA"], guide: guide) == "fr")
        #expect(try chosen(nil, ["LANGUAGE": "sw:fr", "LANG": "de"], guide: ["sw"]) == "en+sw")
    }

    @Test func cAndPosixMeanEnglishEvenWithLanguageSet() throws {
        #expect(try chosen(nil, ["LANGUAGE": "fr", "LC_ALL": "C", "LANG": "fr_FR"], guide: ["fr"]) == "en")
        #expect(try chosen(nil, ["LANGUAGE": "fr", "LANG": "POSIX"], guide: ["fr"]) == "en")
        #expect(try chosen(nil, ["LANG": "C.UTF-8"], guide: ["fr"]) == "en")
    }

    @Test func aLocaleNobodyHasFallsBackToEnglishQuietly() throws {
        #expect(try chosen(nil, ["LANG": "de_DE.UTF-8", "LANGUAGE": "sw:de"]) == "en")
        #expect(try chosen(nil, [:]) == "en")
    }

    @Test func aFlagNobodyHasIsRefusedNamingTheLanguagesThereAre() {
        #expect(throws: LanguageRefusal(requested: "de", available: ["en", "es", "fr", "pt", "en-XA", "sw"])) {
            try LanguageChoice.choose(flag: "de", environment: ["LANG": "fr"], guideLanguages: ["fr", "sw", "FR"])
        }
        let refusal = LanguageRefusal(requested: "de\u{1B}[2J", available: ["en", "en-XA"])
        #expect(refusal.description
                == "--lang names a language no catalog or guide here has; choose one of en, en-XA.")
        #expect(throws: LanguageRefusal.self) { try LanguageChoice.choose(flag: "", environment: [:]) }
    }
}
