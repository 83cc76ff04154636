import ISPCore
import Messages
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
    /// Nil when the session may be changed; otherwise why not.
    public let readOnly: ReadOnlyReason?
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
            throw FileError(Message(.fileOpenFailed, ["file": .text(path), "reason": .text(reason)]))
        }
        let readOnly = SaveConditions(realPath: realPath).readOnly(for: realPath)
        // Locked before loading, so that a wizard closing this session just now has finished its last save.
        let lock = readOnly == nil ? try SessionLock(sessionPath: realPath) : nil
        let contents = try read(from: path)
        lock?.removeLeftoverTemporaryFiles()
        return OpenedSession(contents: contents, path: realPath, readOnly: readOnly, lock: lock)
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

    /// Nil when the session at `path` may be saved; otherwise why not.
    func readOnly(for path: String) -> ReadOnlyReason? {
        if onReadOnlyFileSystem { return .readOnlyFileSystem(path) }
        if !fileWritable { return .noPermission(path) }
        if !folderWritable { return .folderNotWritable(path, folder: parentFolder(of: path)) }
        if hardLinks > 1 { return .hardLinks(path, count: hardLinks) }
        return nil
    }
}

/// Why a session may be read but not saved where it is; each names the session's real path.
public enum ReadOnlyReason: Equatable, Sendable {
    case readOnlyFileSystem(String)
    case noPermission(String)
    /// Saving makes a temporary file in `folder`, which may not be written.
    case folderNotWritable(String, folder: String)
    /// The file has `count` names, which a save (a new file renamed over it) would split.
    case hardLinks(String, count: Int)

    /// The sentence a reader is told: "This session is read-only: …".
    public var message: Message {
        switch self {
        case .readOnlyFileSystem(let path): Message(.fileReadOnlyFileSystem, ["file": .text(path)])
        case .noPermission(let path): Message(.fileReadOnlyNoPermission, ["file": .text(path)])
        case .folderNotWritable(let path, let folder):
            Message(.fileReadOnlyFolder, ["file": .text(path), "folder": .text(folder)])
        case .hardLinks(let path, let count):
            Message(.fileReadOnlyHardLinks, ["file": .text(path), "count": .integer(count)])
        }
    }
}

/// Whether the file or folder may be changed: the system allows it, and it has a write permission bit at
/// all. A file nobody may write is taken as read-only on purpose, even by root, whom access() lets through.
func isWritable(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && status.st_mode & 0o222 != 0 && access(path, W_OK) == 0
}
