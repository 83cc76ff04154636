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

/// Reading and writing session files: JSON, replaced atomically, readable by the owner only.
public enum SessionFile {
    /// The largest session file read. Every question answered in pages of notes is well under 1 MB; the
    /// worst file of 4 MB (190,000 tiny answers) takes 0.6 s to load in a release build, one of 16 MB 4 s.
    public static let maximumSize = 4 << 20

    /// Reads a session, refusing files that are not sessions, are damaged, too large or come from a newer
    /// version. The file is never changed by a failed load.
    public static func load(from path: String) throws(FileError) -> Session {
        try decode(readFile(at: path, kind: "session", maximumSize: maximumSize), file: path.pathInMessage)
    }

    /// Decodes the contents of a session file, `file` being its name as messages show it.
    static func decode(_ data: Data, file: String) throws(FileError) -> Session {
        do {
            let header = try JSONDecoder().decode(FormatHeader.self, from: data)
            guard header.format == Session.formatName else {
                throw FileError("\(file) is not an isp-wizard session (its format is \"\(header.format.excerpt())\").")
            }
            guard header.version <= Session.schemaVersion else {
                throw FileError(
                    "\(file) was written by a newer isp-wizard (session schema \(header.version); this one "
                        + "reads up to \(Session.schemaVersion)). Please update isp-wizard; the file was not changed.")
            }
            return try decoder.decode(Session.self, from: data)
        } catch let error as FileError {
            throw error
        } catch DecodingError.keyNotFound(let key, let context)
            where context.codingPath.isEmpty && ["format", "schemaVersion"].contains(key.stringValue)
        {
            throw FileError("\(file) is not an isp-wizard session file.")
        } catch {
            throw FileError.decoding(error, file: file, kind: "session")
        }
    }

    /// Writes the session to a temporary file in the same folder, syncs it, and renames it over `path`,
    /// so that a crash or a full disk leaves either the old file or the new one, never half of one.
    public static func save(_ session: Session, to path: String) throws(FileError) {
        let data: Data
        do {
            data = try encodeJSON(session)
        } catch {
            throw FileError("The session could not be encoded for \(path): \(error).")
        }
        try writeAtomically(data, to: path)
    }

    /// Encodes a session, a summary or a guide as every JSON file isp-wizard writes: pretty-printed, keys
    /// sorted, ISO 8601 dates, every control character escaped.
    static func encodeJSON(_ value: some Encodable) throws -> Data {
        try escapingControls(inJSON: encoder.encode(value))
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// Writes `data` to `path` through a synced temporary file and a rename, with permissions 0600.
public func writeAtomically(_ data: Data, to path: String) throws(FileError) {
    let folder = parentFolder(of: path)
    var template = Array("\(folder)/.\(fileName(of: path)).XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
        throw FileError("Cannot write in \(folder): \(errnoText()).")
    }
    let temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var failure: String?
    if fchmod(descriptor, 0o600) != 0 { failure = errnoText() }
    if failure == nil {
        failure = data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errnoText()
                }
                offset += written
            }
            return nil
        }
    }
    if failure == nil, fsync(descriptor) != 0 { failure = errnoText() }
    if close(descriptor) != 0, failure == nil { failure = errnoText() }
    if failure == nil, rename(temporaryPath, path) != 0 { failure = errnoText() }
    if let failure {
        unlink(temporaryPath)
        throw FileError("Could not save \(path): \(failure). The previous version of the file is unchanged.")
    }
    // Sync the folder too, so that the rename itself survives a power cut.
    let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY)
    if folderDescriptor >= 0 {
        fsync(folderDescriptor)
        close(folderDescriptor)
    }
}

func errnoText() -> String {
    String(cString: strerror(errno))
}

func parentFolder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

func fileName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
}
