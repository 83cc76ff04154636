@testable import CatalogTools
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Messages
import Testing

/// The package's top folder, from this file's place in it.
private let packageFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The English header every test catalog starts with, for a language and its `Plural-Forms`.
private func header(_ language: String, _ pluralForms: String = "nplurals=2; plural=(n > 1);") -> String {
    """
    msgid ""
    msgstr ""
    "Language: \(language)\\n"
    "Plural-Forms: \(pluralForms)\\n"

    """
}

private let englishDomain = header("en", "nplurals=2; plural=(n != 1);") + """

    #. What the step's count is.
    #, python-brace-format
    msgctxt "steps.toConfirm"
    msgid "{count} answer to confirm in {step}"
    msgid_plural "{count} answers to confirm in {step}"
    msgstr[0] ""
    msgstr[1] ""

    msgctxt "band.ready"
    msgid "Ready"
    msgstr ""

    msgctxt "format.decimalSeparator"
    msgid "."
    msgstr ""
    """

private func catalogs(french: String) throws -> Catalogs {
    Catalogs(files: [
        "en": ["domain": try PoFile(parsing: englishDomain, path: "Catalog/en/domain.po")],
        "fr": ["domain": try PoFile(parsing: header("fr") + french, path: "Catalog/fr/domain.po")],
    ])
}

@Suite struct CatalogTests {
    @Test func theCommittedTableIsWhatTheCatalogsGenerate() throws {
        let catalogs = try Catalogs.load(from: packageFolder + "/Catalog")
        let generated = try CatalogGenerator.files(for: catalogs)
        let folder = packageFolder + "/" + CatalogGenerator.folder
        let committed = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }
        #expect(committed.sorted() == generated.keys.sorted(), "run `swift run isp-catalog` and commit its files")
        for (name, text) in generated {
            let file = FileManager.default.contents(atPath: folder + "/" + name)
                .map { String(decoding: $0, as: UTF8.self) }
            #expect(file == text, "\(name) differs from what the catalogs give: run `swift run isp-catalog`")
        }
    }

    @Test func everyCatalogHasEveryEnglishMessage() throws {
        let catalogs = try Catalogs.load(from: packageFolder + "/Catalog")
        #expect(try CatalogCheck.problems(in: catalogs) == [])
        #expect(catalogs.languages.first == "en")
    }

    @Test func aCompleteTranslationPassesAndIsCompiledIn() throws {
        let french = try catalogs(french: """

            #, python-brace-format
            msgctxt "steps.toConfirm"
            msgid "{count} answer to confirm in {step}"
            msgid_plural "{count} answers to confirm in {step}"
            msgstr[0] "{count} réponse à confirmer dans {step}"
            msgstr[1] "{count} réponses à confirmer "
            "dans {step}"

            msgctxt "band.ready"
            msgid "Ready"
            msgstr "Prêt"

            msgctxt "format.decimalSeparator"
            msgid "."
            msgstr ","
            """)
        #expect(try CatalogCheck.problems(in: french) == [])
        let table = try #require(try CatalogGenerator.files(for: french)["DomainMessages.swift"])
        #expect(table.contains("""
                    CatalogRow("fr", "steps.toConfirm", [
                        "{count} réponse à confirmer dans {step}",
                        "{count} réponses à confirmer dans {step}",
                    ]),
                    CatalogRow("en", "band.ready", ["Ready"]),
                    CatalogRow("fr", "band.ready", ["Prêt"]),
            """))
        #expect(table.contains("    public static let stepsToConfirm = MessageID(\"steps.toConfirm\")\n"))
    }

    @Test func theCheckNamesEveryWayATranslationFallsShort() throws {
        let french = try catalogs(french: """

            #, python-brace-format
            msgctxt "steps.toConfirm"
            msgid "{count} answer to confirm in {step}"
            msgid_plural "{count} answers to confirm in {step}"
            msgstr[0] "{count} réponse à confirmer"
            msgstr[1] "{count} réponses à confirmer dans {etape}"

            #, fuzzy
            msgctxt "band.ready"
            msgid "Ready"
            msgstr "Prêt"

            msgctxt "band.gone"
            msgid "Gone"
            msgstr "Parti"
            """)
        let problems = try CatalogCheck.problems(in: french)
        #expect(problems == [
            "Catalog/fr/domain.po: steps.toConfirm has the placeholders {count} {etape} where English has "
                + "{count} {step}.",
            "Catalog/fr/domain.po: band.ready is fuzzy: check the translation and take the fuzzy flag off.",
            "Catalog/fr/domain.po: format.decimalSeparator has no entry: copy it from English (msgmerge does).",
            "Catalog/fr/domain.po:18: band.gone is not in Catalog/en/domain.po: remove it.",
        ])
        let table = try #require(try CatalogGenerator.files(for: french)["DomainMessages.swift"])
        #expect(!table.contains("CatalogRow(\"fr\""), "a fuzzy or unfinished entry is not compiled in")
    }

    @Test func theCheckFindsEmptyStaleAndMissingCatalogs() throws {
        let french = try catalogs(french: """

            msgctxt "band.ready"
            msgid "Ready!"
            msgstr "Prêt"

            msgctxt "format.decimalSeparator"
            msgid "."
            msgstr ""
            """)
        var problems = try CatalogCheck.problems(in: french)
        #expect(problems == [
            "Catalog/fr/domain.po: steps.toConfirm has no entry: copy it from English (msgmerge does).",
            "Catalog/fr/domain.po: band.ready translates an older English text: update it with msgmerge and check it.",
            "Catalog/fr/domain.po: format.decimalSeparator is not translated.",
        ])
        var withoutFile = french
        withoutFile.files["fr"] = ["other": try PoFile(parsing: header("fr"), path: "Catalog/fr/other.po")]
        problems = try CatalogCheck.problems(in: withoutFile)
        #expect(problems == ["Catalog/fr/domain.po is missing: start it from Catalog/en/domain.po with msginit."])
    }

    @Test func aPluralFormsHeaderMustChooseAsTheLanguagesRuleDoes() throws {
        let french = PluralRule.zeroAndOneAreSingular
        #expect(Catalogs.pluralFormsProblem("nplurals=2; plural=(n > 1);", rule: french) == nil)
        #expect(Catalogs.pluralFormsProblem("nplurals=2; plural=n>1 ? 1 : 0", rule: french) == nil)
        #expect(Catalogs.pluralFormsProblem("nplurals=2; plural=(n != 1);", rule: .oneIsSingular) == nil)
        #expect(Catalogs.pluralFormsProblem("nplurals=2; plural=(n != 1);", rule: french)
                == "its Plural-Forms (nplurals=2; plural=(n != 1);) does not choose the forms its language's rule "
                + "does: nplurals=2; plural=(n > 1);")
        #expect(Catalogs.pluralFormsProblem("nplurals=3; plural=(n == 0 || n == 1) ? 0 : n % 1000000 == 0 ? 1 : 2;",
                                            rule: french) != nil)
        #expect(Catalogs.pluralFormsProblem(nil, rule: french)
                == "its header has no Plural-Forms: write \"Plural-Forms: nplurals=2; plural=(n > 1);\".")
        let wrong = try catalogs(french: "")
        var files = wrong.files
        files["fr"]?["domain"]?.header["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
        #expect(throws: CatalogError.self) { try CatalogGenerator.files(for: Catalogs(files: files)) }
    }

    @Test func everyRealCatalogsHeaderAgreesWithItsRule() throws {
        let catalogs = try Catalogs.load(from: packageFolder + "/Catalog")
        try catalogs.checkPluralForms()
        for (language, files) in catalogs.files {
            let rule = try #require(PluralRule(languageCode: language))
            for file in files.values {
                #expect(Catalogs.pluralFormsProblem(file.header["Plural-Forms"], rule: rule) == nil, "\(file.path)")
            }
        }
    }

    @Test func englishEntriesAreRefusedWithoutAnIdOrWithATranslation() throws {
        let noID = header("en", "nplurals=2; plural=(n != 1);") + "\nmsgid \"Ready\"\nmsgstr \"\"\n"
        let translated = header("en", "nplurals=2; plural=(n != 1);")
            + "\nmsgctxt \"band.ready\"\nmsgid \"Ready\"\nmsgstr \"Ready\"\n"
        let noFlag = header("en", "nplurals=2; plural=(n != 1);")
            + "\nmsgctxt \"band.ready\"\nmsgid \"Ready {name}\"\nmsgstr \"\"\n"
        for (text, reason) in [(noID, "every entry needs a msgctxt: its message id."),
                               (translated, "an English entry keeps its text in msgid: leave msgstr empty."),
                               (noFlag, "band.ready has placeholders: add \"#, python-brace-format\" so that "
                                + "msgfmt --check checks them.")] {
            let english = Catalogs(files: ["en": ["domain": try PoFile(parsing: text, path: "en.po")]])
            #expect(throws: CatalogError("en.po", line: 6, reason)) { try CatalogGenerator.files(for: english) }
        }
    }
}

@Suite struct PoFileTests {
    @Test func readsContextsPluralsContinuedStringsEscapesCommentsAndFlags() throws {
        let file = try PoFile(parsing: """
            # A translator's comment
            msgid ""
            msgstr ""
            "Language: fr\\n"
            "Plural-Forms: nplurals=2; plural=(n > 1);\\n"

            #. {count} is how many
            #: Sources/ISPCore/Readiness.swift:12
            #, fuzzy, python-brace-format
            msgctxt "a.b"
            msgid ""
            "one \\"quoted\\"\\n"
            "\\ttab \\\\"
            msgid_plural "{count} many"
            msgstr[0] "un"
            msgstr[1] "{count} plusieurs"
            msgctxt "c.d"
            msgid "next"
            msgstr "suivant"

            #~ msgctxt "old.one"
            #~ msgid "Old"
            #~ msgstr "Vieux"
            """, path: "fr.po")
        #expect(file.header == ["Language": "fr", "Plural-Forms": "nplurals=2; plural=(n > 1);"])
        #expect(file.entries == [
            PoEntry(context: "a.b", id: "one \"quoted\"\n\ttab \\", idPlural: "{count} many",
                    strings: ["un", "{count} plusieurs"], notes: ["{count} is how many"],
                    flags: ["fuzzy", "python-brace-format"], line: 10),
            PoEntry(context: "c.d", id: "next", strings: ["suivant"], line: 17),
        ])
        #expect(file.entries[0].isFuzzy)
    }

    @Test func aMalformedFileIsRefusedAtItsLine() {
        #expect(throws: CatalogError("x.po", line: 2, "\\q is not an escape a catalog may use.")) {
            try PoFile(parsing: "msgid \"a\"\nmsgstr \"\\q\"\n", path: "x.po")
        }
        #expect(throws: CatalogError("x.po", line: 1, "this entry has no msgstr.")) {
            try PoFile(parsing: "msgid \"a\"\n\n", path: "x.po")
        }
        #expect(throws: CatalogError("x.po", line: 1, "msgid_plural needs msgstr[0], msgstr[1]…")) {
            try PoFile(parsing: "msgid \"a\"\nmsgid_plural \"b\"\nmsgstr \"c\"\n", path: "x.po")
        }
        #expect(throws: CatalogError("x.po", line: 2, "a string is not in double quotes.")) {
            try PoFile(parsing: "msgid \"a\"\nmsgstr c\n", path: "x.po")
        }
    }
}
