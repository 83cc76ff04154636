/// Which language a reader gets: `--lang`, else the environment in gettext's order, else English.
public struct LanguageChoice: Equatable, Sendable {
    /// The language the messages are rendered in: one with a catalog, else English.
    public var language: Language
    /// The language the guide is shown in when it has it: `language`'s code, or a language only the guide has.
    public var guideLanguage: String

    public init(language: Language, guideLanguage: String) {
        self.language = language
        self.guideLanguage = guideLanguage
    }

    /// True when the guide is in a language the messages are not, to be said once.
    public var isGuideOnly: Bool { guideLanguage.lowercased() != language.code.lowercased() }

    /// The language asked for by `--lang` (`flag`), else by the environment: the first language of `LANGUAGE`
    /// (a colon list) that a catalog or the guide has, else that of `LC_ALL`, `LC_MESSAGES` or `LANG`, the first
    /// one set. A locale of `C` or `POSIX` means English and, as in gettext, then `LANGUAGE` is not read, so that
    /// `LC_ALL=C` gives a script English. A locale nobody has falls back to English quietly; a `--lang` nobody
    /// has is refused.
    ///
    /// `fr_FR.UTF-8`, `fr-FR` and `FR` all ask for `fr`; a code the guide has in full (`pt-BR`) is taken in full.
    /// `guideLanguages` are the codes the guide in use has labels in.
    public static func choose(flag: String?, environment: [String: String],
                              guideLanguages: [String] = []) throws(LanguageRefusal) -> LanguageChoice {
        let available = Language.all.map(\.code) + guideLanguages
        if let flag {
            guard let code = match(flag, in: available) else {
                throw LanguageRefusal(requested: flag, available: unique(available))
            }
            return choice(for: code)
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        if let locale, isEnglishByDefinition(locale) { return choice(for: Language.english.code) }
        let listed = (environment["LANGUAGE"] ?? "").split(separator: ":").map(String.init)
        let wanted = listed + (locale.map { [$0] } ?? [])
        return choice(for: wanted.lazy.compactMap { match($0, in: available) }.first ?? Language.english.code)
    }

    private static func choice(for code: String) -> LanguageChoice {
        LanguageChoice(language: Language(code: code) ?? .english, guideLanguage: code)
    }

    private static func isEnglishByDefinition(_ locale: String) -> Bool {
        let name = locale.split(separator: ".").first.map(String.init) ?? locale
        return name == "C" || name == "POSIX"
    }

    /// The code in `available` that `requested` names: in full (`en-XA`, `pt-BR`), else by its language (`fr` of
    /// `fr_FR.UTF-8@euro`), in any case; nil when none does.
    public static func match(_ requested: String, in available: [String]) -> String? {
        let full = requested.split(whereSeparator: { $0 == "." || $0 == "@" }).first.map(String.init) ?? ""
        let normalized = full.replacingUnderscores().lowercased()
        guard !normalized.isEmpty else { return nil }
        if let exact = available.first(where: { $0.lowercased() == normalized }) { return exact }
        let language = normalized.split(separator: "-").first.map(String.init) ?? normalized
        return available.first { $0.lowercased() == language }
    }

    private static func unique(_ codes: [String]) -> [String] {
        var seen = Set<String>()
        return codes.filter { seen.insert($0.lowercased()).inserted }
    }
}

/// A `--lang` that names a language neither a catalog nor the guide has.
public struct LanguageRefusal: Error, Equatable, CustomStringConvertible {
    public var requested: String
    public var available: [String]

    /// What the reader is told. What was typed is left out: it may hold control characters, and the flag is named.
    public var message: Message {
        // The codes as they are typed, so separated by commas rather than as a sentence's list.
        Message(.cliLangRefused, ["languages": .text(available.joined(separator: ", "))])
    }

    /// In English, as a log reads it.
    public var description: String { message.english }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
