/// The compiled catalogs: what `swift run isp-catalog` writes into `Generated/` from `Catalog/*/*.po`, indexed
/// once on first use.

/// One message in one language, as the generator writes it from a `.po` entry.
struct CatalogRow: Sendable {
    let language: String
    let id: String
    /// The text; for a plural, one per form in the language's order (`msgstr[0]`, `msgstr[1]`).
    let forms: [String]

    init(_ language: String, _ id: String, _ forms: [String]) {
        self.language = language
        self.id = id
        self.forms = forms
    }
}

enum Catalog {
    /// Every language's texts by message id.
    private static let texts: [String: [String: [String]]] = {
        var texts: [String: [String: [String]]] = [:]
        for row in CatalogTable.areas.joined() {
            texts[row.language, default: [:]][row.id] = row.forms
        }
        return texts
    }()

    /// A message's forms in a language's catalog, nil when that catalog lacks it.
    static func forms(of id: MessageID, in language: Language) -> [String]? {
        texts[language.code]?[id.rawValue]
    }

    /// Every message id English has.
    static var englishIDs: [String] { texts[Language.english.code].map { Array($0.keys) } ?? [] }
}

extension MessageID {
    /// Every message id the English catalog has, in no particular order.
    public static var all: [MessageID] { Catalog.englishIDs.map(MessageID.init) }
}
