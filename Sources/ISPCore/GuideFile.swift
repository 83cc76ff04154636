#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Guide {
    /// Reads and validates a guide file; every problem is one sentence naming the file and the place.
    public static func load(from path: String) throws(FileError) -> Guide {
        let data = try readFile(at: path, kind: "guide")
        let guide: Guide
        do {
            let header = try JSONDecoder().decode(FormatHeader.self, from: data)
            guard header.format == formatName else {
                throw FileError("\(path) is not an isp-wizard guide (its format is \"\(header.format)\").")
            }
            guard header.version <= supportedVersion else {
                throw FileError(
                    "\(path) is a guide of format version \(header.version); this isp-wizard reads up to "
                        + "version \(supportedVersion). Please update isp-wizard.")
            }
            guide = try JSONDecoder().decode(Guide.self, from: data)
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError.decoding(error, file: path, kind: "guide")
        }
        if let problem = guide.validationProblem() {
            throw FileError("\(path) is not a valid guide: \(problem).")
        }
        return guide
    }

    /// The guide as the JSON that `load` reads back.
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // A guide is plain strings, numbers and booleans: encoding cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    /// The first thing wrong with the guide's content, naming its place, or nil when it is sound.
    public func validationProblem() -> String? {
        if id.isBlank { return "id is empty" }
        if title.isBlank { return "title is empty" }
        if phases.isEmpty { return "it has no phases" }
        var seen: Set<String> = []
        func duplicate(_ id: String) -> Bool { !seen.insert(id).inserted }
        for (phaseIndex, phase) in phases.enumerated() {
            let phasePlace = "phases[\(phaseIndex)]"
            if phase.id.isBlank { return "\(phasePlace).id is empty" }
            if duplicate(phase.id) { return "\(phasePlace).id \"\(phase.id)\" is used twice" }
            if phase.title.isBlank { return "\(phasePlace).title is empty" }
            if phase.steps.isEmpty { return "\(phasePlace) has no steps" }
            for (stepIndex, step) in phase.steps.enumerated() {
                let stepPlace = "\(phasePlace).steps[\(stepIndex)]"
                if step.id.isBlank { return "\(stepPlace).id is empty" }
                if duplicate(step.id) { return "\(stepPlace).id \"\(step.id)\" is used twice" }
                if step.title.isBlank { return "\(stepPlace).title is empty" }
                if step.prompts.isEmpty { return "\(stepPlace) (\(step.id)) has no prompts" }
                for (promptIndex, prompt) in step.prompts.enumerated() {
                    let promptPlace = "\(stepPlace).prompts[\(promptIndex)]"
                    if prompt.id.isBlank { return "\(promptPlace).id is empty" }
                    if duplicate(prompt.id) { return "\(promptPlace).id \"\(prompt.id)\" is used twice" }
                    if prompt.text.isBlank { return "\(promptPlace) (\(prompt.id)) has no text" }
                }
            }
        }
        return nil
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
        version = try container.decodeIfPresent(Int.self, forKey: .version)
            ?? container.decode(Int.self, forKey: .schemaVersion)
    }
}

/// Reads a whole file, or says in one sentence why it cannot.
func readFile(at path: String, kind: String) throws(FileError) -> Data {
    var isDirectory = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw FileError("\(path) does not exist.")
    }
    if isDirectory { throw FileError("\(path) is a folder, not a \(kind) file.") }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw FileError("\(path) cannot be read (check its permissions).")
    }
    if data.isEmpty { throw FileError("\(path) is empty, so it is not a \(kind) file.") }
    return data
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
