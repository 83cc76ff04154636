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
    /// The value of `format` in every session file.
    public static let formatName = "isp-wizard-session"
    /// The newest session file layout this version reads, and the one it writes.
    public static let schemaVersion = 2

    /// The largest session file read. Every question answered in pages of notes is well under 1 MB; the
    /// worst file of 4 MB (190,000 tiny answers) takes 0.6 s to load in a release build, one of 16 MB 4 s.
    public static let maximumSize = 4 << 20

    /// Reads a session, refusing files that are not sessions, are damaged, too large or come from a newer
    /// version. The file is never changed by a failed load.
    public static func load(from path: String) throws(FileError) -> Session {
        try read(from: path).session
    }

    /// Reads a session with the version its file was written in, and the file's bytes when that version is
    /// older than this one's (to keep them before the file is first written anew).
    public static func read(from path: String) throws(FileError) -> SessionFileContents {
        let data = try readFile(at: path, kind: "session", maximumSize: maximumSize)
        let (session, version) = try decodeAnyVersion(data, file: path.pathInMessage)
        return SessionFileContents(session: session, version: version,
                                   olderOriginal: version < schemaVersion ? data : nil, realPath: resolvedPath(path))
    }

    /// Decodes the contents of a session file, `file` being its name as messages show it.
    static func decode(_ data: Data, file: String) throws(FileError) -> Session {
        try decodeAnyVersion(data, file: file).session
    }

    /// Decodes a session file of any version this one reads, migrating it to the newest.
    private static func decodeAnyVersion(_ data: Data, file: String) throws(FileError)
        -> (session: Session, version: Int)
    {
        do {
            let header = try JSONDecoder().decode(FormatHeader.self, from: data)
            guard header.format == formatName else {
                throw FileError("\(file) is not an isp-wizard session (its format is \"\(header.format.excerpt())\").")
            }
            guard header.version <= schemaVersion else {
                throw FileError(
                    "\(file) was written by a newer isp-wizard (session schema \(header.version); this one "
                        + "reads up to \(schemaVersion)). Please update isp-wizard; the file was not changed.")
            }
            switch header.version {
            case 1: return (Session(SessionFileV2(migrating: try decoder.decode(SessionFileV1.self, from: data))), 1)
            case 2:
                let contents = try decoder.decode(WithUnknownFields<SessionFileV2>.self, from: data)
                if let problem = contents.value.validationProblem() {
                    throw FileError("\(file) is not a valid session: \(problem).")
                }
                return (Session(contents.value, unknownFields: contents.unknownFields), 2)
            default:
                throw FileError("\(file) is not a valid session: no isp-wizard wrote session schema \(header.version).")
            }
        } catch let error as FileError {
            throw error
        } catch DecodingError.keyNotFound(let key, let context)
            where context.codingPath.isEmpty && ["format", "schemaVersion"].contains(key.stringValue)
        {
            throw FileError("\(file) is not an isp-wizard session file.")
        } catch {
            throw FileError.decoding(error, of: data, file: file, kind: "session")
        }
    }

    /// Keeps the bytes of a file written by an older version beside it, once, as `FILE.v1.bak` (0600): the first
    /// save in the newest version would otherwise replace the only copy of the old one. An existing backup is
    /// never overwritten: when `FILE.v1.bak` holds other bytes (an old file put back in the session's place, say),
    /// these go to the first free name of `FILE.v1.1.bak`…`FILE.v1.99.bak`; a backup of these very bytes is
    /// kept once. Throws, so that nothing is saved, when no backup could be written.
    public static func keepOriginal(_ contents: SessionFileContents, of path: String) throws(FileError) {
        guard let original = contents.olderOriginal else { return }
        let stem = "\(path).v\(contents.version)"
        for number in 0...99 {
            let backup = stem + (number == 0 ? "" : ".\(number)") + ".bak"
            let descriptor = open(backup, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor < 0 && errno == EEXIST {
                if (try? readFile(at: backup, kind: "backup", maximumSize: original.count)) == original { return }
                continue
            }
            let failure = descriptor < 0 ? errno : fillAndClose(descriptor, with: original)
            guard let failure else { return }
            if descriptor >= 0 { unlink(backup) }
            throw FileError("Could not keep the original of \(path.pathInMessage) as \(backup.pathInMessage) before "
                                + "saving it in the new format: \(String(cString: strerror(failure))).",
                            reason: shortReason(failure))
        }
        let shownStem = stem.pathInMessage
        throw FileError("Could not keep the original of \(path.pathInMessage) before saving it in the new format: "
                            + "\(shownStem).bak and \(shownStem).1.bak to \(shownStem).99.bak all hold other files; "
                            + "move some of them elsewhere.", reason: "no free name for its backup")
    }

    /// Writes the session to a temporary file in the same folder, syncs it, and renames it over `path`,
    /// so that a crash or a full disk leaves either the old file or the new one, never half of one. A session
    /// larger than `maximumSize` is not written, since it could not be opened again.
    public static func save(_ session: Session, to path: String) throws(FileError) {
        let data = try encoded(session, for: path)
        guard data.count <= maximumSize else {
            throw FileError("Could not save \(path.pathInMessage): the session would be \(megabytes(data.count)), "
                                + "more than the \(megabytes(maximumSize)) isp-wizard opens, so it was not written.",
                            reason: "too large to open again")
        }
        try writeAtomically(data, to: path)
    }

    /// The session as the JSON that `load` reads back; `destination` names where it was going if that fails.
    /// It is on one line when pretty-printing would take it over `maximumSize`, as records nested deep can:
    /// their indentation outgrows their text, and a file that opened must save again.
    static func encoded(_ session: Session, for destination: String) throws(FileError) -> Data {
        do {
            let file = WithUnknownFields<SessionFileV2>(session)
            let pretty = try encodeJSON(file)
            return pretty.count <= maximumSize ? pretty : try encodeCompactJSON(file)
        } catch {
            throw FileError("The session could not be encoded for \(destination): \(error).")
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

    init(session: Session, version: Int, olderOriginal: Data?, realPath: String? = nil) {
        self.session = session
        self.version = version
        self.olderOriginal = olderOriginal
        self.realPath = realPath
    }
}

/// Who may read a file isp-wizard writes.
public enum FileAccess: Sendable {
    /// The owner alone (0600): sessions and rescue copies, which hold what people said.
    case ownerOnly
    /// As the user's files usually are: a file replaced keeps its permissions, a new one gets 0666 less the
    /// umask. Reports, which are written to be handed out.
    case usual

    /// The permissions for a file about to be written at `path`.
    func permissions(replacing path: String) -> mode_t {
        switch self {
        case .ownerOnly:
            return 0o600
        case .usual:
            var existing = stat()
            // Its read and write bits; never set-user-id or set-group-id, which a report has no use for.
            if stat(path, &existing) == 0, existing.st_mode & S_IFMT == S_IFREG { return existing.st_mode & 0o777 }
            let mask = umask(0o022)  // read by setting it; set back at once
            umask(mask)
            return 0o666 & ~mask
        }
    }
}

/// Writes `data` to `path` through a synced temporary file and a rename; the file replaced keeps its owner.
public func writeAtomically(_ data: Data, to path: String, access: FileAccess = .ownerOnly) throws(FileError) {
    let folder = parentFolder(of: path)
    let permissions = access.permissions(replacing: path)
    let (descriptor, temporaryPath) = fillingTemplate("\(folder)/.\(fileName(of: path)).XXXXXX") { mkstemp($0) }
    guard descriptor >= 0 else {
        let failure = errno
        throw FileError("Cannot write in \(folder): \(String(cString: strerror(failure))).",
                        reason: shortReason(failure))
    }
    var failure = fillAndClose(descriptor, with: data, permissions: permissions,
                               owner: { keepOwner(of: path, on: descriptor) })
    if failure == nil, rename(temporaryPath, path) != 0 { failure = errno }
    if let failure {
        unlink(temporaryPath)
        var previous = stat()
        let kept = stat(path, &previous) == 0 && (previous.st_mode & S_IFMT) == S_IFREG
            ? " The previous version of the file is unchanged." : ""
        throw FileError("Could not save \(path): \(String(cString: strerror(failure))).\(kept)",
                        reason: shortReason(failure))
    }
    // Sync the folder too, so that the rename itself survives a power cut.
    let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY)
    if folderDescriptor >= 0 {
        fsync(folderDescriptor)
        close(folderDescriptor)
    }
}

/// A write failure in a few words, for a status line: "disk full" rather than "No space left on device".
func shortReason(_ code: Int32) -> String {
    switch code {
    case ENOSPC: "disk full"
    case EDQUOT: "disk quota full"
    case EACCES, EPERM: "no permission to write"
    case EROFS: "the disk is read-only"
    case ENOENT: "its folder is gone"
    case EIO: "the disk failed"
    default: String(cString: strerror(code)).lowercasedFirst
    }
}

/// Runs mkstemp or mkdtemp on `template` (ending in XXXXXX) and returns its result with the name it chose.
func fillingTemplate<Result>(_ template: String, _ make: (UnsafeMutablePointer<CChar>) -> Result)
    -> (Result, String)
{
    var characters = Array(template.utf8CString)
    let result = make(&characters)
    return (result, String(decoding: characters.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
}

/// Gives a newly created file its permissions (0600 unless told) and owner, writes `data`, syncs and closes it;
/// returns the errno of what failed, if anything did. The descriptor is closed either way.
func fillAndClose(_ descriptor: Int32, with data: Data, permissions: mode_t = 0o600,
                  owner: () -> Int32? = { nil }) -> Int32? {
    var failure: Int32?
    if fchmod(descriptor, permissions) != 0 { failure = errno }
    if failure == nil { failure = owner() }
    if failure == nil { failure = writeAll(data, to: descriptor) }
    if failure == nil, fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0, failure == nil { failure = errno }
    return failure
}

/// Writes all of `data` to an open file, or returns the errno of why it could not.
func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
    data.withUnsafeBytes { buffer -> Int32? in
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}

/// Gives the new file the owner and group of the file it is about to replace, so that root saving a
/// user's session does not take it over; returns the errno of why that failed, if it did.
private func keepOwner(of path: String, on descriptor: Int32) -> Int32? {
    var old = stat()
    var new = stat()
    guard lstat(path, &old) == 0, fstat(descriptor, &new) == 0,
        old.st_uid != new.st_uid || old.st_gid != new.st_gid
    else { return nil }
    // EPERM: only root may give a file away, and for anyone else the owner already is the one saving.
    // EINVAL: the old owner has no number in this user namespace, so it cannot be given back anyway.
    if fchown(descriptor, old.st_uid, old.st_gid) == 0 || errno == EPERM || errno == EINVAL { return nil }
    return errno
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
