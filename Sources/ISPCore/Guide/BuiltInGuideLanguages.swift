import Messages
import Synchronization
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Guide {
    /// The built-in guide in a language: our translation of the USAID text where the catalog has one
    /// (`Catalog/<code>/builtin-guide.json`), else the English. Its id and edition are the English guide's, so that
    /// a session answered in two languages is of one guide.
    public static func builtIn(in language: String) -> Guide {
        if let decoded = decodedTranslations.withLock({ $0[language] }) { return decoded }
        guard let translated = builtInTranslation(language) else { return .builtIn }
        decodedTranslations.withLock { $0[language] = translated }
        return translated
    }

    /// Whether the built-in guide in `language` is a translation, which the record's methods note then says.
    public var isBuiltInTranslation: Bool {
        id == Guide.builtIn.id && language != Guide.builtIn.language
    }

    /// The prompt of the same id in the English built-in guide, for `F2`: nil when this guide is that guide.
    public func englishOriginal(of promptID: String) -> Prompt? {
        guard isBuiltInTranslation, let place = Guide.builtIn.locate(promptID: promptID) else { return nil }
        return Guide.builtIn.steps[place.step].prompts[place.prompt]
    }

    /// A translation, decoded only when asked for, so that an English start decodes none: a guide file already in
    /// that one language (`isp-catalog` resolved it), whose texts the tests check against the English.
    static func builtInTranslation(_ language: String) -> Guide? {
        guard let json = BuiltInGuideTranslations.files[language],
            let file = try? JSONDecoder().decode(GuideFileV3.self, from: Data(json.utf8))
        else { return nil }
        return Guide(file, languages: [Guide.builtIn.language, language].compactMap { $0 })
    }
}

/// The translations decoded so far, by language: each is decoded once, when first asked for (the start in that
/// language, or a ballot sending its question to phones of every language).
private let decodedTranslations = Mutex<[String: Guide]>([:])
