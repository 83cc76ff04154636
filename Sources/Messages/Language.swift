/// A language messages are rendered in: one with a catalog (`Catalog/<code>/`), or the pseudo-language.
public struct Language: Hashable, Sendable, CustomStringConvertible {
    /// The catalog folder's name, as `--lang` takes it: `en`, `fr`, `en-XA`.
    public let code: String

    private init(uncheckedCode code: String) {
        self.code = code
    }

    /// The language with a catalog or the pseudo-language of that code (`fr`, `en-XA`, in any case); nil for any
    /// other.
    public init?(code: String) {
        guard let known = Language.all.first(where: { $0.code.lowercased() == code.lowercased() }) else { return nil }
        self = known
    }

    public static let english = Language(uncheckedCode: "en")

    /// Every message accented and about 40 % longer, from English at render time, to find text that is still
    /// hard-coded (it stays plain) or cut (its closing bracket is missing). `en-XA` is the code Android and
    /// Chromium give the same pseudo-locale.
    public static let pseudo = Language(uncheckedCode: "en-XA")

    /// The languages with a catalog, English first, then the pseudo-language.
    public static let all: [Language] =
        CatalogTable.languages.map(Language.init(uncheckedCode:)) + [pseudo]

    public var description: String { code }

    /// How this language chooses a plural form; the pseudo-language's is English's.
    public var pluralRule: PluralRule {
        PluralRule(languageCode: code) ?? .oneIsSingular
    }
}

/// A CLDR plural category: which form of a word a number takes.
///
/// Only the categories the four languages use are here; a catalog's `msgstr[0]` is `one` and `msgstr[1]` is
/// `other`.
public enum PluralCategory: Int, CaseIterable, Sendable {
    case one = 0
    case other = 1
}

/// The CLDR plural rules of the catalogs' languages, for whole numbers (counts are never fractions here).
///
/// CLDR 42 also gives French, Spanish and Portuguese a `many` form for exact millions ("un million de
/// personnes"); no count in a workshop reaches a million, and gettext's usual `Plural-Forms` for these languages
/// have two forms, so `many` is read as `other`.
public enum PluralRule: Sendable {
    /// English, Spanish and the Portuguese of Portugal and lusophone Africa, which the `pt` catalog is written in:
    /// `one` is 1 only (`i = 1 and v = 0`; es `n = 1`; pt-PT `i = 1 and v = 0`), so that 0 takes the plural
    /// ("0 votos").
    case oneIsSingular
    /// French: `one` is 0 and 1 (`i = 0,1`).
    case zeroAndOneAreSingular

    /// The rule of a language code, nil for a language whose rule is not written here yet.
    public init?(languageCode: String) {
        switch languageCode.lowercased() {
        case "en", "es", "pt", "en-xa": self = .oneIsSingular
        case "fr": self = .zeroAndOneAreSingular
        default: return nil
        }
    }

    public func category(of count: Int) -> PluralCategory {
        switch self {
        case .oneIsSingular: count == 1 ? .one : .other
        case .zeroAndOneAreSingular: count == 0 || count == 1 ? .one : .other
        }
    }

    /// How many forms a plural entry of this language has, as its `Plural-Forms` header says `nplurals`.
    public var formCount: Int { PluralCategory.allCases.count }
}
