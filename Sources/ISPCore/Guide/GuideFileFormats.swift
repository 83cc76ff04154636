import Messages
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// The layouts of guide files, one type per version, apart from the `Guide` model: a file is decoded as the
// version its header names, migrated to the newest, and then turned into a `Guide` for each of its languages.
// A release writes the newest version only. The parts whose JSON never changed (Phase, Step, Prompt, Worksheet
// and its fields) are shared; a change to one of them makes a new version with its own copy of the old shape.
// Real files of every version are test fixtures.

/// Version 1 (the first release): phases, steps and their prompts; worksheets came with version 2.
struct GuideFileV1: Decodable {
    var format: String
    var version: Int
    var id: String
    var edition: String
    var title: String
    var source: String
    var phases: [Phase]
}

/// Version 3, in one language: `language` names the language of the texts. Version 2 (worksheets in the steps)
/// is this layout without `language` and without translations, so it is read as this type.
///
/// A file of version 3 may hold, beside any text, its translation under the text's key and a language code,
/// as KoboToolbox's XLSForm does: `"title::fr"` beside `"title"`. `TranslatedGuideFile` reads those and gives
/// the file in one language as this type.
struct GuideFileV3: Codable {
    var format: String
    var version: Int
    var id: String
    var edition: String
    var language: String?
    var title: String
    var source: String
    var phases: [Phase]
}

extension GuideFileV3 {
    /// A version-1 file as version 3, with the built-in worksheets: to each step with a built-in step's id, or, in a
    /// guide of seven steps with other ids (a translation that renamed them), step by step in order. A guide of only
    /// some of the steps may lack the register that a worksheet refers to: it then goes without worksheets.
    init(migrating old: GuideFileV1) {
        let builtInSteps = Guide.builtIn.steps
        let steps = old.phases.flatMap(\.steps)
        let byPlace = steps.count == builtInSteps.count && !steps.contains { step in
            builtInSteps.contains { $0.id == step.id }
        }
        var stepNumber = 0
        var withWorksheets = old.phases
        var without = old.phases
        for phaseIndex in old.phases.indices {
            for stepIndex in old.phases[phaseIndex].steps.indices {
                let id = old.phases[phaseIndex].steps[stepIndex].id
                let match = byPlace ? builtInSteps[stepNumber] : builtInSteps.first { $0.id == id }
                withWorksheets[phaseIndex].steps[stepIndex].worksheet = match?.worksheet
                without[phaseIndex].steps[stepIndex].worksheet = nil
                stepNumber += 1
            }
        }
        let sound = Guide(id: old.id, edition: old.edition, title: old.title, source: old.source,
                          phases: withWorksheets).worksheetProblem() == nil
        self.init(format: old.format, version: 3, id: old.id, edition: old.edition, language: nil, title: old.title,
                  source: old.source, phases: sound ? withWorksheets : without)
    }

    /// A guide's file, in the guide's language.
    init(_ guide: Guide) {
        self.init(format: Guide.formatName, version: Guide.supportedVersion, id: guide.id, edition: guide.edition,
                  language: guide.language, title: guide.title, source: guide.source, phases: guide.phases)
    }
}

extension Guide {
    /// The guide of a file in one language, the file having texts in `languages`.
    init(_ file: GuideFileV3, languages: [String]) {
        self.init(id: file.id, edition: file.edition, title: file.title, source: file.source, phases: file.phases,
                  language: file.language)
        self.languages = languages
    }
}

/// A version-3 file as read, with the translations beside its texts (`"title::fr"` beside `"title"`).
struct TranslatedGuideFile {
    /// The keys whose values are texts a reader sees, and so may be translated; ids, types and flags may not.
    /// Every cell of a default row is a text too.
    static let textKeys: Set<String> = ["title", "source", "guidance", "text", "hint", "scale", "intro", "label",
                                        "group"]
    /// What separates a text's key from a language code.
    static let separator = "::"

    /// The file as read.
    private let content: JSONValue
    /// The language codes of the translations, in the order they first appear.
    let translations: [String]

    /// Reads the file's JSON and the languages of its translations; throws a problem naming its place when a key
    /// translates something that is no text, names no language, or holds no text.
    init(_ data: Data) throws {
        content = try JSONDecoder().decode(JSONValue.self, from: data)
        var codes: [String] = []
        if let problem = Self.translationProblem(in: content, place: "", everyKeyIsText: false, codes: &codes) {
            throw GuideTranslationProblem(message: problem)
        }
        translations = codes
    }

    /// The file with each text in the language `code` where it has a translation into it, else as written, and no
    /// other translations: the layout of version 3 in one language.
    func texts(in code: String?) throws -> GuideFileV3 {
        var file = try JSONDecoder().decode(GuideFileV3.self,
                                            from: JSONEncoder().encode(Self.resolve(content, to: code)))
        if let code, translations.contains(code) { file.language = code }
        return file
    }

    private static func resolve(_ value: JSONValue, to code: String?) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map { resolve($0, to: code) })
        case .object(let fields):
            var resolved: [String: JSONValue] = [:]
            for (key, field) in fields {
                guard let (name, language) = split(key) else {
                    // A translation already put here stays.
                    if resolved[key] == nil { resolved[key] = resolve(field, to: code) }
                    continue
                }
                if language == code { resolved[name] = field }
            }
            return .object(resolved)
        default:
            return value
        }
    }

    /// A key's text key and language code, or nil for a key that is no translation.
    private static func split(_ key: String) -> (name: String, language: String)? {
        guard let range = key.firstRange(of: separator) else { return nil }
        return (String(key[..<range.lowerBound]), String(key[range.upperBound...]))
    }

    /// The first translation that is not one, naming its place; collects the language codes into `codes`.
    private static func translationProblem(in value: JSONValue, place: String, everyKeyIsText: Bool,
                                           codes: inout [String]) -> Message?
    {
        switch value {
        case .array(let items):
            for (index, item) in items.enumerated() {
                let problem = translationProblem(in: item, place: "\(place)[\(index)]", everyKeyIsText: false,
                                                 codes: &codes)
                if let problem { return problem }
            }
        case .object(let fields):
            // In a stable order, so that the first problem is the same at every reading.
            for key in fields.keys.sorted() {
                guard let field = fields[key] else { continue }
                let fieldPlace = place.isEmpty ? key.excerpt() : "\(place).\(key.excerpt())"
                guard let (name, code) = split(key) else {
                    let problem = translationProblem(in: field, place: fieldPlace, everyKeyIsText: key == "cells",
                                                     codes: &codes)
                    if let problem { return problem }
                    continue
                }
                guard everyKeyIsText || textKeys.contains(name) else {
                    return .problem(.guideProblemTranslatesNoText, at: fieldPlace, ["key": .text(name.excerpt())])
                }
                guard code.isLanguageCode else {
                    return .problem(.guideProblemNoLanguageCode, at: fieldPlace, ["separator": .text(separator)])
                }
                guard field.string != nil else { return .problem(.guideProblemWrongType, at: fieldPlace) }
                if !codes.contains(code) { codes.append(code) }
            }
        default:
            break
        }
        return nil
    }
}

/// A key of a guide file that is no translation, with its place.
struct GuideTranslationProblem: Error {
    var message: Message
}

extension String {
    /// Whether the text can be a language code: letters, digits and hyphens, starting with a letter (`fr`, `pt-BR`).
    fileprivate var isLanguageCode: Bool {
        guard let first = unicodeScalars.first, first.isASCIILetter else { return false }
        return unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
