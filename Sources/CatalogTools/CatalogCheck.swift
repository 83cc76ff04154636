import Messages

/// What keeps the catalogs from being complete: every catalog has every message of the English one, with the same
/// placeholders, none empty, none fuzzy, none for an older English text, and nothing English lacks.
public enum CatalogCheck {
    /// Every problem, one sentence each, naming the file and the message id; none when every catalog is complete.
    public static func problems(in catalogs: Catalogs) throws(CatalogError) -> [String] {
        let english = try catalogs.englishEntries()
        var problems: [String] = []
        for language in catalogs.languages.dropFirst() {
            let files = catalogs.files[language] ?? [:]
            for area in Set(english.map(\.area)).sorted() where files[area] == nil {
                problems.append("Catalog/\(language)/\(area).po is missing: start it from Catalog/en/\(area).po "
                                + "with msginit.")
            }
            for (area, entry) in english {
                guard let file = files[area] else { continue }
                if let problem = problem(translating: entry, in: file, area: area, language: language,
                                         catalogs: catalogs) {
                    problems.append("\(file.path): \(entry.context ?? "") \(problem)")
                }
            }
            for (area, file) in files.sorted(by: { $0.key < $1.key }) {
                let ids = Set(english.filter { $0.area == area }.compactMap(\.entry.context))
                for entry in file.entries where !ids.contains(entry.context ?? "") {
                    problems.append("\(file.path):\(entry.line): \(entry.context ?? entry.id) is not in "
                                    + "Catalog/en/\(area).po: remove it.")
                }
            }
        }
        return problems
    }

    private static func problem(translating english: PoEntry, in file: PoFile, area: String, language: String,
                                catalogs: Catalogs) -> String? {
        guard let entry = file.entries.first(where: { $0.context == english.context }) else {
            return "has no entry: copy it from English (msgmerge does)."
        }
        guard entry.id == english.id, entry.idPlural == english.idPlural else {
            return "translates an older English text: update it with msgmerge and check it."
        }
        if entry.isFuzzy { return "is fuzzy: check the translation and take the fuzzy flag off." }
        if entry.strings.contains(where: \.isEmpty) { return "is not translated." }
        let forms = english.idPlural == nil ? 1 : PluralRule(languageCode: language)?.formCount ?? 0
        guard entry.strings.count == forms else {
            return "has \(entry.strings.count) forms where \(language) has \(forms)."
        }
        return Catalogs.placeholderProblem(of: entry, translating: english)
    }
}
