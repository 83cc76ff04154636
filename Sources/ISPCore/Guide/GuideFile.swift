import Messages
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A guide file as read: its guide in each language it has the texts in.
public struct GuideFile: Sendable, Equatable {
    /// The languages the file has the texts in, its own first; empty when it does not say (format 1 and 2).
    public let languages: [String]
    /// The guide in the file's own language, the one its texts are written in without a language code.
    private let original: Guide
    /// The guide in each language of a translation, by its code.
    private let translated: [String: Guide]

    /// The guide in `language` when the file has that translation, else in its own language. The id and the
    /// edition are the same in every language, so that sessions answered in two languages are of one guide.
    public func guide(in language: String?) -> Guide {
        language.flatMap { translated[$0] } ?? original
    }

    /// Decodes and validates the contents of a guide file in every language it has, `file` being its name as
    /// messages show it.
    package static func decode(_ data: Data, file: String) throws(FileError) -> GuideFile {
        let guideFile: GuideFile
        do {
            let header = try JSONDecoder().decode(FormatHeader.self, from: data)
            guard header.format == Guide.formatName else {
                throw FileError(Message(.fileGuideOtherFormat, ["file": .text(file),
                                                                "format": .text(header.format.excerpt())]))
            }
            guard header.version <= Guide.supportedVersion else {
                throw FileError(Message(.fileGuideNewerFormat, ["file": .text(file),
                                                                "version": .integer(header.version),
                                                                "supported": .integer(Guide.supportedVersion)]))
            }
            switch header.version {
            case ...1:
                let guide = Guide(GuideFileV3(migrating: try JSONDecoder().decode(GuideFileV1.self, from: data)),
                                  languages: [])
                guideFile = GuideFile(languages: [], original: guide, translated: [:])
            case 2:
                let guide = Guide(try JSONDecoder().decode(GuideFileV3.self, from: data), languages: [])
                guideFile = GuideFile(languages: [], original: guide, translated: [:])
            default:
                guideFile = try translatedFile(TranslatedGuideFile(data), file: file)
            }
        } catch let error as FileError {
            throw error
        } catch let problem as GuideTranslationProblem {
            throw FileError(Message(.fileGuideInvalid, ["file": .text(file), "problem": .message(problem.message)]))
        } catch {
            throw FileError.decoding(error, of: data, file: file, kind: .guide)
        }
        if let problem = guideFile.original.validationProblem() {
            throw FileError(Message(.fileGuideInvalid, ["file": .text(file), "problem": .message(problem)]))
        }
        for (code, guide) in guideFile.translated {
            if let problem = guide.validationProblem() {
                throw FileError(Message(.fileGuideInvalidInLanguage, ["file": .text(file),
                                                                      "language": .text(code.excerpt()),
                                                                      "problem": .message(problem)]))
            }
        }
        return guideFile
    }

    /// The guide of a version-3 file in its own language and in each of its translations.
    private static func translatedFile(_ translatedFile: TranslatedGuideFile, file: String) throws -> GuideFile {
        let own = try translatedFile.texts(in: nil)
        let codes = translatedFile.translations.filter { $0 != own.language }
        let languages = (own.language.map { [$0] } ?? []) + codes
        var translated: [String: Guide] = [:]
        for code in codes {
            translated[code] = Guide(try translatedFile.texts(in: code), languages: languages)
        }
        return GuideFile(languages: languages, original: Guide(own, languages: languages), translated: translated)
    }
}

extension Guide {
    /// The value of `format` in every guide file.
    public static let formatName = "isp-wizard-guide"
    /// The newest guide file layout this version reads, and the one it writes: 2 added worksheets to the steps,
    /// 3 the language of the texts and their translations beside them.
    public static let supportedVersion = 3

    /// Decodes and validates the contents of a guide file: the guide in its own language.
    package static func decode(_ data: Data, file: String) throws(FileError) -> Guide {
        try GuideFile.decode(data, file: file).guide(in: nil)
    }

    /// The guide as the JSON that `load` reads back: a file of the newest version, in the guide's language.
    public func jsonData() -> Data {
        // A guide is plain strings, numbers and booleans: encoding cannot fail.
        (try? SessionFile.encodeJSON(GuideFileV3(self))) ?? Data()
    }

    /// The first thing wrong with the guide's content, naming its place, or nil when it is sound.
    public func validationProblem() -> Message? {
        if id.isBlank { return .problem(.fileProblemEmpty, at: "id") }
        if title.isBlank { return .problem(.fileProblemEmpty, at: "title") }
        if phases.isEmpty { return Message(.guideProblemNoPhases) }
        var seen: Set<String> = []
        /// The problem with an id at `place`: empty, or one that an earlier phase, step or prompt has.
        func idProblem(_ id: String, at place: String) -> Message? {
            if id.isBlank { return .problem(.fileProblemEmpty, at: "\(place).id") }
            if !seen.insert(id).inserted {
                return .problem(.fileProblemUsedTwice, at: "\(place).id", ["value": .text(id.excerpt())])
            }
            return nil
        }
        for (phaseIndex, phase) in phases.enumerated() {
            let phasePlace = "phases[\(phaseIndex)]"
            if let problem = idProblem(phase.id, at: phasePlace) { return problem }
            if phase.title.isBlank { return .problem(.fileProblemEmpty, at: "\(phasePlace).title") }
            if phase.steps.isEmpty { return .problem(.guideProblemNoSteps, at: phasePlace) }
            for (stepIndex, step) in phase.steps.enumerated() {
                let stepPlace = "\(phasePlace).steps[\(stepIndex)]"
                if let problem = idProblem(step.id, at: stepPlace) { return problem }
                if step.title.isBlank { return .problem(.fileProblemEmpty, at: "\(stepPlace).title") }
                if step.prompts.isEmpty {
                    return .problem(.guideProblemNoPrompts, at: stepPlace, ["step": .text(step.id.excerpt())])
                }
                for (promptIndex, prompt) in step.prompts.enumerated() {
                    let promptPlace = "\(stepPlace).prompts[\(promptIndex)]"
                    if let problem = idProblem(prompt.id, at: promptPlace) { return problem }
                    if prompt.text.isBlank {
                        return .problem(.guideProblemNoText, at: promptPlace, ["prompt": .text(prompt.id.excerpt())])
                    }
                }
            }
        }
        return worksheetProblem()
    }
}

/// The two fields read first, so a file from elsewhere or from a newer version gets the right sentence.
struct FormatHeader: Decodable {
    var format: String
    var version: Int

    enum CodingKeys: String, CodingKey {
        case format, version, schemaVersion
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        // Without either, the last decode says that schemaVersion is missing.
        version = try Self.wholeNumber(.version, in: container) ?? Self.wholeNumber(.schemaVersion, in: container)
            ?? container.decode(Int.self, forKey: .schemaVersion)
    }

    /// The version under `key`, read as any number so that one with a fraction is refused saying so (JSON's
    /// decoder would call the file invalid JSON); nil when there is none.
    private static func wholeNumber(_ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>) throws
        -> Int?
    {
        guard let number = try container.decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard let whole = Int(exactly: number) else {
            let problem = number.rounded() == number ? "too large" : "not a whole number"
            throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                   debugDescription: "Is \(number), which is \(problem).")
        }
        return whole
    }
}

extension String {
    public var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
