#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Messages

/// Every `.po` file of the `Catalog` folder: `Catalog/<language>/<area>.po`, English's the source of the others;
/// and each language's translation of the built-in guide, `Catalog/<language>/builtin-guide.json`.
///
/// An English entry keeps its text in `msgid` (and `msgid_plural`) with an empty `msgstr`, as a gettext template
/// does; its `msgctxt` is the message id. A translation's entry has the same `msgctxt` and `msgid` and its own
/// `msgstr`.
public struct Catalogs: Sendable {
    /// The files by language code, then by area (the file's name without `.po`).
    public var files: [String: [String: PoFile]]
    /// The built-in guide as a guide file with its texts' translations beside them (`"text::fr"`), by language.
    public var guideTranslations: [String: String]

    /// The name of a language's translation of the built-in guide in its folder.
    public static let guideTranslationName = "builtin-guide.json"

    public init(files: [String: [String: PoFile]], guideTranslations: [String: String] = [:]) {
        self.files = files
        self.guideTranslations = guideTranslations
    }

    /// The languages, English first.
    public var languages: [String] {
        [Language.english.code] + files.keys.filter { $0 != Language.english.code }.sorted()
    }

    /// Reads every `<language>/<area>.po` under `folder`.
    public static func load(from folder: String) throws(CatalogError) -> Catalogs {
        var files: [String: [String: PoFile]] = [:]
        var guides: [String: String] = [:]
        for language in try names(in: folder) where !language.hasPrefix(".") {
            for name in try names(in: folder + "/" + language) {
                let path = folder + "/" + language + "/" + name
                if name.hasSuffix(".po") {
                    files[language, default: [:]][String(name.dropLast(3))] = try PoFile(parsing: text(at: path),
                                                                                         path: path)
                } else if name == guideTranslationName {
                    guides[language] = try text(at: path)
                }
            }
        }
        return Catalogs(files: files, guideTranslations: guides)
    }

    private static func text(at path: String) throws(CatalogError) -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self)
        else { throw CatalogError(path, "cannot be read as UTF-8 text.") }
        return text
    }

    private static func names(in folder: String) throws(CatalogError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw CatalogError(folder, "cannot be listed: run isp-catalog in the package's top folder.")
        }
    }

    /// The English entries with their area, in the order of the files, after checking what the table needs.
    func englishEntries() throws(CatalogError) -> [(area: String, entry: PoEntry)] {
        guard let english = files[Language.english.code], !english.isEmpty else {
            throw CatalogError("Catalog/en", "has no .po file: English is the source of every other catalog.")
        }
        var entries: [(area: String, entry: PoEntry)] = []
        var names: [String: String] = [:]
        for (area, file) in english.sorted(by: { $0.key < $1.key }) {
            guard area.first?.isLetter == true, area.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) })
            else { throw CatalogError(file.path, "an area's name is lowercase letters and digits, as domain.po.") }
            for entry in file.entries {
                try Self.checkEnglish(entry, in: file)
                let id = entry.context ?? ""
                let name = Self.constantName(of: id)
                if let other = names[name] {
                    throw CatalogError(file.path, line: entry.line, "\(id) takes the Swift name \(name) that \(other) "
                                       + "has: choose another id.")
                }
                names[name] = id
                entries.append((area, entry))
            }
        }
        guard entries.contains(where: { $0.entry.context == MessageID.decimalSeparator.rawValue }) else {
            throw CatalogError("Catalog/en", "has no \(MessageID.decimalSeparator): the decimal separator is a "
                               + "message.")
        }
        return entries
    }

    private static func checkEnglish(_ entry: PoEntry, in file: PoFile) throws(CatalogError) {
        let error = { (reason: String) in CatalogError(file.path, line: entry.line, reason) }
        guard let id = entry.context else { throw error("every entry needs a msgctxt: its message id.") }
        let segments = id.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count > 1, segments.allSatisfy({ segment in
            segment.first?.isLowercase == true && segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }) else { throw error("\(id) is not a message id: write area.name in letters and digits, as stage.inPlace.") }
        guard entry.strings.allSatisfy(\.isEmpty) else {
            throw error("an English entry keeps its text in msgid: leave msgstr empty.")
        }
        guard !entry.id.isEmpty else { throw error("\(id) has an empty msgid.") }
        if let plural = entry.idPlural, !Template.placeholders(in: plural).contains(Message.countArgument) {
            throw error("\(id) has a plural, which needs {count} in its msgid_plural: the count chooses the form.")
        }
        let texts = [entry.id] + (entry.idPlural.map { [$0] } ?? [])
        if texts.contains(where: { !Template.placeholders(in: $0).isEmpty }),
           !entry.flags.contains("python-brace-format") {
            throw error("\(id) has placeholders: add \"#, python-brace-format\" so that msgfmt --check checks them.")
        }
    }

    /// The Swift name of a message id: `stage.notStarted` is `stageNotStarted`.
    static func constantName(of id: String) -> String {
        let segments = id.split(separator: ".")
        return segments.enumerated().map { index, segment in
            index == 0 ? String(segment) : segment.prefix(1).uppercased() + segment.dropFirst()
        }.joined()
    }

    /// A translation's entry for an English one, when it can be used: not fuzzy, every form written, for the
    /// same English text, with as many forms as its language has and the same placeholders.
    func usableTranslation(of english: PoEntry, area: String, language: String) -> PoEntry? {
        guard let entry = files[language]?[area]?.entries.first(where: { $0.context == english.context }),
              !entry.isFuzzy, entry.strings.allSatisfy({ !$0.isEmpty }),
              entry.id == english.id, entry.idPlural == english.idPlural,
              entry.strings.count == (english.idPlural == nil ? 1 : PluralRule(languageCode: language)?.formCount),
              Self.placeholderProblem(of: entry, translating: english) == nil
        else { return nil }
        return entry
    }

    /// How a translation's placeholders differ from English's, nil when they do not: every form has English's,
    /// but a plural's singular forms may leave the count out ("one step").
    static func placeholderProblem(of entry: PoEntry, translating english: PoEntry) -> String? {
        let placeholders = Set(Template.placeholders(in: english.idPlural ?? english.id))
        let everyForm = Set(Template.placeholders(in: english.id)).union(placeholders)
        let shown = { (names: Set<String>) in
            names.isEmpty ? "none" : names.sorted().map { "{\($0)}" }.joined(separator: " ")
        }
        for (index, form) in entry.strings.enumerated() {
            let names = Set(Template.placeholders(in: form))
            let isSingularOfPlural = english.idPlural != nil && index < entry.strings.count - 1
            if isSingularOfPlural ? !names.isSubset(of: everyForm) : names != placeholders {
                return "has the placeholders \(shown(names)) where English has \(shown(placeholders))."
            }
        }
        return nil
    }

    /// Checks every catalog's `Plural-Forms` header against its language's rule in code: the same number of forms,
    /// and the same form for every count from 0 to 1,000 and for a million.
    func checkPluralForms() throws(CatalogError) {
        for language in languages {
            let folder = "Catalog/" + language
            guard let rule = PluralRule(languageCode: language) else {
                throw CatalogError(folder, "no plural rule for \(language) is written in Sources/Messages/"
                                   + "Language.swift: add it there first.")
            }
            for file in (files[language] ?? [:]).values {
                if let problem = Self.pluralFormsProblem(file.header["Plural-Forms"], rule: rule) {
                    throw CatalogError(file.path, problem)
                }
            }
        }
    }

    /// What is wrong with a `Plural-Forms` header for `rule`, nil when nothing is.
    static func pluralFormsProblem(_ header: String?, rule: PluralRule) -> String? {
        let expected = rule == .oneIsSingular ? "nplurals=2; plural=(n != 1);" : "nplurals=2; plural=(n > 1);"
        guard let header else { return "its header has no Plural-Forms: write \"Plural-Forms: \(expected)\"." }
        var fields: [String: String] = [:]
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map(\.trimmingSpaces)
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard fields["nplurals"].flatMap(Int.init) == rule.formCount,
              let formula = fields["plural"].flatMap(PluralFormula.init),
              (Array(0...1_000) + [1_000_000]).allSatisfy({ formula.index(for: $0) == rule.category(of: $0).rawValue })
        else { return "its Plural-Forms (\(header)) does not choose the forms its language's rule does: \(expected)" }
        return nil
    }
}
