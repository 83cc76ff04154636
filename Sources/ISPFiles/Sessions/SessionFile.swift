import ISPCore
import Messages
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
extension SessionFile {
    /// Reads a session, refusing files that are not sessions, are damaged, too large or come from a newer
    /// version. The file is never changed by a failed load.
    public static func load(from path: String) throws(FileError) -> Session {
        try read(from: path).session
    }

    /// Reads a session with the version its file was written in, and the file's bytes when that version is
    /// older than this one's (to keep them before the file is first written anew).
    public static func read(from path: String) throws(FileError) -> SessionFileContents {
        let data = try readFile(at: path, kind: .session, maximumSize: maximumSize)
        let (session, version) = try decodeAnyVersion(data, file: path.pathInMessage)
        return SessionFileContents(session: session, version: version,
                                   olderOriginal: version < schemaVersion ? data : nil, realPath: resolvedPath(path))
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
                if (try? readFile(at: backup, kind: .session, maximumSize: original.count)) == original { return }
                continue
            }
            let failure = descriptor < 0 ? errno : fillAndClose(descriptor, with: original)
            guard let failure else { return }
            if descriptor >= 0 { unlink(backup) }
            throw FileError(Message(.fileBackupFailed, ["file": .text(path.pathInMessage),
                                                        "backup": .text(backup.pathInMessage),
                                                        "reason": .text(String(cString: strerror(failure)))]),
                            reason: shortReason(failure))
        }
        let shownStem = stem.pathInMessage
        throw FileError(Message(.fileBackupNoFreeName, ["file": .text(path.pathInMessage), "stem": .text(shownStem)]),
                        reason: Message(.fileReasonNoBackupName))
    }

    /// Writes the session to a temporary file in the same folder, syncs it, and renames it over `path`,
    /// so that a crash or a full disk leaves either the old file or the new one, never half of one. A session
    /// larger than `maximumSize` is not written, since it could not be opened again.
    public static func save(_ session: Session, to path: String) throws(FileError) {
        let data = try encoded(session, for: path)
        guard data.count <= maximumSize else {
            throw FileError(Message(.fileSaveTooLarge, ["file": .text(path.pathInMessage),
                                                        "size": megabytes(data.count),
                                                        "limit": megabytes(maximumSize)]),
                            reason: Message(.fileReasonTooLarge))
        }
        try writeAtomically(data, to: path)
    }
}

extension MergeInput {
    /// Reads the file at `path`, keeping a failure to report in its place among the others.
    public static func read(_ path: String) -> MergeInput {
        MergeInput(path: path, contents: Result { () throws(FileError) in try SessionFile.read(from: path) })
    }
}
