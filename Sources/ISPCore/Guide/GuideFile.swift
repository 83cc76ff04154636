import Messages
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Guide {
    /// Decodes and validates the contents of a guide file, `file` being its name as messages show it.
    package static func decode(_ data: Data, file: String) throws(FileError) -> Guide {
        let guide: Guide
        do {
            let header = try JSONDecoder().decode(FormatHeader.self, from: data)
            guard header.format == formatName else {
                throw FileError(Message(.fileGuideOtherFormat, ["file": .text(file),
                                                                "format": .text(header.format.excerpt())]))
            }
            guard header.version <= supportedVersion else {
                throw FileError(Message(.fileGuideNewerFormat, ["file": .text(file),
                                                                "version": .integer(header.version),
                                                                "supported": .integer(supportedVersion)]))
            }
            var decoded = try JSONDecoder().decode(Guide.self, from: data)
            if header.version < 2 { decoded.addBuiltInWorksheets() }
            guide = decoded
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError.decoding(error, of: data, file: file, kind: .guide)
        }
        if let problem = guide.validationProblem() {
            throw FileError(Message(.fileGuideInvalid, ["file": .text(file), "problem": .text(problem)]))
        }
        return guide
    }

    /// The guide as the JSON that `load` reads back.
    public func jsonData() -> Data {
        // A guide is plain strings, numbers and booleans: encoding cannot fail.
        (try? SessionFile.encodeJSON(self)) ?? Data()
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
            if duplicate(phase.id) { return "\(phasePlace).id \"\(phase.id.excerpt())\" is used twice" }
            if phase.title.isBlank { return "\(phasePlace).title is empty" }
            if phase.steps.isEmpty { return "\(phasePlace) has no steps" }
            for (stepIndex, step) in phase.steps.enumerated() {
                let stepPlace = "\(phasePlace).steps[\(stepIndex)]"
                if step.id.isBlank { return "\(stepPlace).id is empty" }
                if duplicate(step.id) { return "\(stepPlace).id \"\(step.id.excerpt())\" is used twice" }
                if step.title.isBlank { return "\(stepPlace).title is empty" }
                if step.prompts.isEmpty { return "\(stepPlace) (\(step.id.excerpt())) has no prompts" }
                for (promptIndex, prompt) in step.prompts.enumerated() {
                    let promptPlace = "\(stepPlace).prompts[\(promptIndex)]"
                    if prompt.id.isBlank { return "\(promptPlace).id is empty" }
                    if duplicate(prompt.id) { return "\(promptPlace).id \"\(prompt.id.excerpt())\" is used twice" }
                    if prompt.text.isBlank { return "\(promptPlace) (\(prompt.id.excerpt())) has no text" }
                }
            }
        }
        return worksheetProblem()
    }

    /// Gives a guide of format version 1 (questions only, such as a translation made before worksheets) the
    /// built-in worksheets: to each step with a built-in step's id, or, in a guide of seven steps with other
    /// ids (a translation that renamed them), step by step in order.
    mutating func addBuiltInWorksheets() {
        let builtInSteps = Guide.builtIn.steps
        let byPlace = steps.count == builtInSteps.count && !steps.contains { step in
            builtInSteps.contains { $0.id == step.id }
        }
        var stepNumber = 0
        for phaseIndex in phases.indices {
            for stepIndex in phases[phaseIndex].steps.indices {
                let id = phases[phaseIndex].steps[stepIndex].id
                let match = byPlace ? builtInSteps[stepNumber] : builtInSteps.first { $0.id == id }
                phases[phaseIndex].steps[stepIndex].worksheet = match?.worksheet
                stepNumber += 1
            }
        }
        // A guide of only some of the steps may lack the register that a worksheet refers to: it goes without.
        if worksheetProblem() != nil {
            for phaseIndex in phases.indices {
                for stepIndex in phases[phaseIndex].steps.indices {
                    phases[phaseIndex].steps[stepIndex].worksheet = nil
                }
            }
        }
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
