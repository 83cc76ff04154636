import Foundation
import Messages
import Testing

@testable import ISPCore

/// The built-in guide's translations (`Catalog/<code>/builtin-guide.json`): each is the English guide of this
/// release with every text translated, and the guide in that language keeps the English guide's id and edition.
@Suite struct GuideTranslationTests {
    static let codes = ["es", "fr", "pt"]

    /// The translation as written: `Catalog/<code>/builtin-guide.json`.
    func source(_ code: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Catalog/\(code)/builtin-guide.json"))
    }

    @Test(arguments: codes) func eachTranslationIsOfTodaysEnglishGuide(code: String) throws {
        let file = try GuideFile.decode(source(code), file: code)
        // A guide edited in English since the translation was made shows here, not as English in a translation.
        #expect(file.guide(in: nil).phases == Guide.builtIn.phases)
        #expect(file.guide(in: nil).title == Guide.builtIn.title)
        // What the wizard reads (resolved by isp-catalog) is the file's guide in that language, valid.
        let translated = Guide.builtIn(in: code)
        #expect(translated.phases == file.guide(in: code).phases)
        #expect(translated.title == file.guide(in: code).title && translated.source == file.guide(in: code).source)
        #expect(translated.validationProblem() == nil)
        #expect(translated.id == Guide.builtIn.id && translated.edition == Guide.builtIn.edition)
        #expect(translated.language == code)
        #expect(translated.isBuiltInTranslation)
    }

    /// Every text of the file has its translation beside it, none empty: no English left in the language.
    @Test(arguments: codes) func everyTextIsTranslated(code: String) throws {
        let content = try #require(try JSONSerialization.jsonObject(with: source(code)) as? [String: Any])
        var untranslated: [String] = []
        func walk(_ value: Any, place: String, everyKeyIsText: Bool) {
            if let object = value as? [String: Any] {
                for (key, child) in object where !key.contains("::") {
                    let isText = child is String && (everyKeyIsText || Self.textKeys.contains(key))
                    if isText, (object["\(key)::\(code)"] as? String)?.isEmpty != false {
                        untranslated.append("\(place).\(key)")
                    }
                    walk(child, place: "\(place).\(key)", everyKeyIsText: key == "cells")
                }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() {
                    walk(child, place: "\(place)[\(index)]", everyKeyIsText: false)
                }
            }
        }
        walk(content, place: "", everyKeyIsText: false)
        #expect(untranslated == [])
    }

    static let textKeys: Set<String> = ["title", "source", "guidance", "text", "hint", "scale", "intro", "label",
                                        "group"]

    @Test func theEnglishOriginalIsThereOnlyForATranslation() throws {
        let spanish = Guide.builtIn(in: "es")
        let original = try #require(spanish.englishOriginal(of: "s3.q1"))
        #expect(original.text == "What is the history of the issue and relations among stakeholders?")
        #expect(spanish.steps[2].prompts[0].text != original.text)
        #expect(Guide.builtIn.englishOriginal(of: "s3.q1") == nil)
        #expect(Guide.builtIn(in: "en") == Guide.builtIn)
        #expect(Guide.builtIn(in: "de") == Guide.builtIn)
    }

    @Test func theMethodsNoteSaysTheGuideIsOurTranslation() {
        let session = Session(guide: .builtIn, mode: .workshop, name: "Agua")
        let spanish = SummaryReport(guide: .builtIn(in: "es"), session: session,
                                    language: Language(code: "es") ?? .english)
        #expect(spanish.methods.contains { $0.contains("USAID") && $0.contains("F2") })
        let english = SummaryReport(guide: .builtIn, session: session)
        #expect(!english.methods.contains { $0.contains("translation") })
    }
}
