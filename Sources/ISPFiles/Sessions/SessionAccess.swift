import ISPCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A session opened for the full-screen interface: editable under its lock, or read-only with the reason.
public struct OpenedSession {
    /// The session as read, with the version of its file.
    public let contents: SessionFileContents
    public var session: Session { contents.session }
    /// The real path, symbolic links resolved: where the session is saved, so that a link stays a link.
    public let path: String
    /// Nil when the session may be changed; otherwise one sentence saying why not, naming the file.
    public let readOnlyReason: String?
    /// Held while the session is editable; nil when read-only, since nothing will be written.
    public let lock: SessionLock?
}

extension SessionFile {
    /// Opens a session for the wizard: resolves symbolic links, decides whether it may be changed in place,
    /// locks it if so, loads it (refusing it as `load` does), and removes temporary files that an
    /// interrupted save left behind.
    public static func openForEditing(_ path: String) throws(FileError) -> OpenedSession {
        guard let realPath = resolvedPath(path) else {
            let reason = errnoText()
            // `load` says in its words why a file cannot be opened (missing, unreadable…).
            _ = try load(from: path)
            throw FileError("Cannot open \(path): \(reason).")
        }
        let readOnlyReason = SaveConditions(realPath: realPath).readOnlyReason(for: realPath)
        // Locked before loading, so that a wizard closing this session just now has finished its last save.
        let lock = readOnlyReason == nil ? try SessionLock(sessionPath: realPath) : nil
        let contents = try read(from: path)
        lock?.removeLeftoverTemporaryFiles()
        return OpenedSession(contents: contents, path: realPath, readOnlyReason: readOnlyReason, lock: lock)
    }
}

/// What decides whether a session may be saved where it is.
struct SaveConditions: Equatable {
    var onReadOnlyFileSystem: Bool
    var fileWritable: Bool
    /// Saving makes a temporary file beside the session and renames it, which needs the folder.
    var folderWritable: Bool
    var hardLinks: Int
}

extension SaveConditions {
    /// The conditions of the file at `realPath` (symbolic links resolved), as the system reports them.
    init(realPath: String) {
        var status = stat()
        var fileSystem = statvfs()
        onReadOnlyFileSystem = statvfs(realPath, &fileSystem) == 0 && fileSystem.f_flag & UInt(ST_RDONLY) != 0
        fileWritable = isWritable(realPath)
        folderWritable = isWritable(parentFolder(of: realPath))
        hardLinks = lstat(realPath, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? Int(status.st_nlink) : 1
    }

    /// Nil when the session at `path` may be saved; otherwise one sentence saying why not.
    func readOnlyReason(for path: String) -> String? {
        if onReadOnlyFileSystem {
            return "This session is read-only: \(path) is on a read-only file system."
        }
        if !fileWritable {
            return "This session is read-only: you have no permission to change \(path)."
        }
        if !folderWritable {
            return "This session is read-only: saving \(path) needs permission to write in its folder "
                + "\(parentFolder(of: path)), which you do not have."
        }
        if hardLinks > 1 {
            return "This session is read-only: \(path) has \(hardLinks) hard links, and saving would split them."
        }
        return nil
    }
}

/// Whether the file or folder may be changed: the system allows it, and it has a write permission bit at
/// all. A file nobody may write is taken as read-only on purpose, even by root, whom access() lets through.
func isWritable(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && status.st_mode & 0o222 != 0 && access(path, W_OK) == 0
}
