import Messages
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The session file's format: its name and version, how a session is decoded from it and encoded into it.
public enum SessionFile {
    /// The value of `format` in every session file.
    public static let formatName = "isp-wizard-session"
    /// The newest session file layout this version reads, and the one it writes.
    public static let schemaVersion = 3

    /// The largest session file read. Every question answered in pages of notes is well under 1 MB; the
    /// worst file of 4 MB (190,000 tiny answers) takes 0.6 s to load in a release build, one of 16 MB 4 s.
    public static let maximumSize = 4 << 20

    /// Decodes the contents of a session file, `file` being its name as messages show it.
    static func decode(_ data: Data, file: String) throws(FileError) -> Session {
        try decodeAnyVersion(data, file: file).session
    }

    /// Decodes a session file of any version this one reads, migrating it to the newest.
    package static func decodeAnyVersion(_ data: Data, file: String) throws(FileError)
        -> (session: Session, version: Int)
    {
        do {
            let header = try JSONDecoder().decode(FormatHeader.self, from: data)
            guard header.format == formatName else {
                throw FileError(Message(.fileSessionOtherFormat, ["file": .text(file),
                                                                  "format": .text(header.format.excerpt())]))
            }
            guard header.version <= schemaVersion else {
                throw FileError(Message(.fileSessionNewerSchema, ["file": .text(file),
                                                                  "version": .integer(header.version),
                                                                  "supported": .integer(schemaVersion)]))
            }
            // Migrated step by step to the newest layout.
            let contents: WithUnknownFields<SessionFileV3>
            switch header.version {
            case 1:
                let old = try decoder.decode(SessionFileV1.self, from: data)
                contents = WithUnknownFields(SessionFileV3(migrating: SessionFileV2(migrating: old)))
            case 2:
                let old = try decoder.decode(WithUnknownFields<SessionFileV2>.self, from: data)
                contents = WithUnknownFields(SessionFileV3(migrating: old.value), unknownFields: old.unknownFields)
            case 3:
                contents = try decoder.decode(WithUnknownFields<SessionFileV3>.self, from: data)
            default:
                throw FileError(Message(.fileSessionUnknownSchema, ["file": .text(file),
                                                                    "version": .integer(header.version)]))
            }
            if let problem = contents.value.validationProblem() {
                throw FileError(Message(.fileSessionInvalid, ["file": .text(file), "problem": .message(problem)]))
            }
            return (Session(contents.value, unknownFields: contents.unknownFields), header.version)
        } catch let error as FileError {
            throw error
        } catch DecodingError.keyNotFound(let key, let context)
            where context.codingPath.isEmpty && ["format", "schemaVersion"].contains(key.stringValue)
        {
            throw FileError(Message(.fileSessionNotSessionFile, ["file": .text(file)]))
        } catch {
            throw FileError.decoding(error, of: data, file: file, kind: .session)
        }
    }

    /// The session as the JSON that `load` reads back; `destination` names where it was going if that fails.
    /// It is on one line when pretty-printing would take it over `maximumSize`, as records nested deep can:
    /// their indentation outgrows their text, and a file that opened must save again.
    package static func encoded(_ session: Session, for destination: String) throws(FileError) -> Data {
        do {
            let file = WithUnknownFields<SessionFileV3>(session)
            let pretty = try encodeJSON(file)
            return pretty.count <= maximumSize ? pretty : try encodeCompactJSON(file)
        } catch {
            throw FileError(Message(.fileSessionNotEncoded, ["file": .text(destination),
                                                             "problem": .text("\(error)")]))
        }
    }

    /// Encodes a session, a summary or a guide as every JSON file isp-wizard writes: pretty-printed, keys
    /// sorted, ISO 8601 dates, every control character escaped.
    static func encodeJSON(_ value: some Encodable) throws -> Data {
        try escapingControls(inJSON: encoder.encode(value))
    }

    /// Encodes a value on one line, keys sorted, ISO 8601 dates, every control character escaped: JSON inside a
    /// table's cell, or a session too large to pretty-print.
    static func encodeCompactJSON(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try escapingControls(inJSON: encoder.encode(value))
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

/// A session as read from its file.
public struct SessionFileContents: Sendable {
    public let session: Session
    /// The version of the file's layout (`schemaVersion`).
    public let version: Int
    /// The file's bytes when it was written by an older version, to keep before it is written anew.
    public let olderOriginal: Data?
    /// The path it was read from with every symbolic link resolved; nil when it was not read from a file, or
    /// that path could not be resolved.
    public let realPath: String?

    package init(session: Session, version: Int, olderOriginal: Data?, realPath: String? = nil) {
        self.session = session
        self.version = version
        self.olderOriginal = olderOriginal
        self.realPath = realPath
    }
}
