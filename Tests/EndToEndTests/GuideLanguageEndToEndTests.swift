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
        // The fixture's French relabelled as Swahili, a language isp-wizard has no catalog for.
        let workspace = try Workspace()
        let swahiliGuide = workspace.path + "/guide-sw.json"
        let text = try String(contentsOfFile: guide, encoding: .utf8).replacingOccurrences(of: "::fr", with: "::sw")
        try text.write(toFile: swahiliGuide, atomically: true, encoding: .utf8)
        let swahili = try runWizard(["--guide", swahiliGuide, "--lang", "sw", "guide"], environment: noLocale)
        #expect(swahili.status == 0)
        #expect(swahili.output.contains("\"title\" : \"Lancer un partenariat de l'eau\""))
        #expect(swahili.error == "The guide is shown in sw; the rest is in English, as isp-wizard has no catalog "
            + "for sw yet.\n")
        let fromTheEnvironment = try runWizard(["--guide", swahiliGuide, "guide"],
                                               environment: noLocale.merging(["LANG": "sw_KE.UTF-8"]) { $1 })
        #expect(fromTheEnvironment.output == swahili.output && fromTheEnvironment.error == swahili.error)
        // French has a catalog: the guide file's French shows, and nothing is said.
        let french = try runWizard(["--guide", guide, "--lang", "fr", "guide"], environment: noLocale)
        #expect(french.status == 0 && french.error == "")
        #expect(french.output.contains("\"title\" : \"Lancer un partenariat de l'eau\""))
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
                                       + "es, fr, pt, en-XA."))
    }
}
