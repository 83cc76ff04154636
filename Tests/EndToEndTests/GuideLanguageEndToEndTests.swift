import Foundation
import Testing

/// A guide file in two languages chosen with --lang or the environment, the program run as a user runs it.
@Suite struct GuideLanguageEndToEndTests {
    /// The test guide in English and French (ISPTestSupport's fixture, which this target does not link).
    let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ISPTestSupport/Fixtures/guides/water-partnership-en-fr-format-3.json")
        .standardizedFileURL.path
    /// No language from the environment running the tests.
    let noLocale = ["LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""]

    @Test func aLanguageOnlyTheGuideHasShowsTheGuideInItAndSaysOnceThatTheRestIsInEnglish() throws {
        let french = try runWizard(["--guide", guide, "--lang", "fr", "guide"], environment: noLocale)
        #expect(french.status == 0)
        #expect(french.output.contains("\"title\" : \"Lancer un partenariat de l'eau\""))
        #expect(french.error == "The guide is shown in fr; the rest is in English, as isp-wizard has no catalog "
            + "for fr yet.\n")
        let fromTheEnvironment = try runWizard(["--guide", guide, "guide"],
                                               environment: noLocale.merging(["LANG": "fr_FR.UTF-8"]) { $1 })
        #expect(fromTheEnvironment.output == french.output && fromTheEnvironment.error == french.error)
    }

    @Test func withoutTheGuidesLanguageTheGuideIsInItsOwnAndNothingIsSaid() throws {
        let english = try runWizard(["--guide", guide, "guide"], environment: noLocale)
        #expect(english.status == 0 && english.error == "")
        #expect(english.output.contains("\"title\" : \"Starting a water partnership\""))
    }

    @Test func aLangNeitherACatalogNorTheGuideHasIsRefusedNamingThoseThereAre() throws {
        let refused = try runWizard(["--guide", guide, "--lang", "de", "guide"], environment: noLocale)
        #expect(refused.status != 0 && refused.output == "")
        #expect(refused.error.contains("--lang names a language no catalog or guide here has; choose one of en, "
                                       + "en-XA, fr."))
    }
}
