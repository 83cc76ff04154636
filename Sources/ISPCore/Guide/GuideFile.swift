#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Guide {
    /// The largest guide file read: the built-in guide is 12 KB. Texts are wrapped on every screen, and
    /// a 1 MB prompt already takes 0.4 s to wrap in a release build, a 4 MB one 2 s.
    public static let maximumFileSize = 1 << 20

    /// Reads and validates a guide file; every problem is one sentence naming the file and the place.
    public static func load(from path: String) throws(FileError) -> Guide {
        try decode(readFile(at: path, kind: "guide", maximumSize: maximumFileSize), file: path.pathInMessage)
    }

    /// Decodes and validates the contents of a guide file, `file` being its name as messages show it.
    static func decode(_ data: Data, file: String) throws(FileError) -> Guide {
        let guide: Guide
        do {
            let header = try JSONDecoder().decode(FormatHeader.self, from: data)
            guard header.format == formatName else {
                throw FileError("\(file) is not an isp-wizard guide (its format is \"\(header.format.excerpt())\").")
            }
            guard header.version <= supportedVersion else {
                throw FileError(
                    "\(file) is a guide of format version \(header.version); this isp-wizard reads up to "
                        + "version \(supportedVersion). Please update isp-wizard.")
            }
            var decoded = try JSONDecoder().decode(Guide.self, from: data)
            if header.version < 2 { decoded.addBuiltInWorksheets() }
            guide = decoded
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError.decoding(error, of: data, file: file, kind: "guide")
        }
        if let problem = guide.validationProblem() {
            throw FileError("\(file) is not a valid guide: \(problem).")
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

/// Reads a whole regular file of at most `maximumSize` bytes, or says in one sentence why it cannot.
///
/// Uses stat and open rather than FileManager, to tell a missing file from a link loop, a name too long
/// or a permission refused; and never opens a FIFO, a socket or a device, where a read could block forever.
func readFile(at path: String, kind: String, maximumSize: Int) throws(FileError) -> Data {
    let file = path.pathInMessage
    guard !path.isEmpty else { throw FileError("No \(kind) file was given: the path is empty.") }
    var status = stat()
    guard stat(path, &status) == 0 else { throw FileError(openingFailure(file: file, kind: kind)) }
    try requireRegularFile(status, file: file, kind: kind)
    // O_NONBLOCK: if a FIFO took the file's place since stat, opening it must not wait for a writer.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileError(openingFailure(file: file, kind: kind)) }
    defer { close(descriptor) }
    guard fstat(descriptor, &status) == 0 else { throw FileError("\(file) cannot be read: \(errnoText()).") }
    try requireRegularFile(status, file: file, kind: kind)
    try requireSize(Int(status.st_size), atMost: maximumSize, file: file, kind: kind)
    if status.st_size == 0 { throw FileError("\(file) is empty, so it is not a \(kind) file.") }

    var data = Data(count: Int(status.st_size))
    var length = 0
    while true {
        // A file that grew since fstat is read to one byte past the limit, to be refused as well.
        if length == data.count { data.count = min(data.count * 2, maximumSize + 1) }
        let count = data.withUnsafeMutableBytes { buffer in
            read(descriptor, buffer.baseAddress! + length, buffer.count - length)
        }
        if count < 0 {
            if errno == EINTR { continue }
            throw FileError("\(file) cannot be read: \(errnoText()).")
        }
        if count == 0 { break }
        length += count
        try requireSize(length, atMost: maximumSize, file: file, kind: kind)
    }
    data.count = length
    return data
}

/// Why opening or looking up a file failed, from errno, as a sentence naming the file.
private func openingFailure(file: String, kind: String) -> String {
    switch errno {
    case ENOENT: "\(file) does not exist."
    case ENOTDIR: "\(file) does not exist: a part of its path is not a folder."
    case ELOOP: "\(file) cannot be opened: its symbolic links go round in a loop."
    case ENAMETOOLONG: "\(file) cannot be opened: its name is too long."
    case EACCES, EPERM: "\(file) cannot be read: permission denied."
    default: "\(file) cannot be read: \(errnoText())."
    }
}

/// Refuses folders, FIFOs, sockets and devices.
private func requireRegularFile(_ status: stat, file: String, kind: String) throws(FileError) {
    switch status.st_mode & S_IFMT {
    case S_IFREG: return
    case S_IFDIR: throw FileError("\(file) is a folder, not a \(kind) file.")
    default: throw FileError("\(file) is not a regular file, so it is not a \(kind) file.")
    }
}

/// Refuses a file over the limit: "X is 52 MB; isp-wizard opens session files up to 16 MB."
private func requireSize(_ size: Int, atMost limit: Int, file: String, kind: String) throws(FileError) {
    guard size > limit else { return }
    throw FileError("\(file) is \(megabytes(size)); isp-wizard opens \(kind) files up to \(megabytes(limit)).")
}

/// A size in megabytes (2^20 bytes), rounded up to a tenth so that a file just over a limit is not shown at it.
func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + (1 << 20) - 1) >> 20
    return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
}

extension String {
    public var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
