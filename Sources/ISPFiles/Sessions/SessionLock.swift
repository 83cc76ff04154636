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

/// Keeps a second isp-wizard from opening a session that one already has open, since the two would
/// overwrite each other's answers. The lock is the kernel's (flock), so it goes with the process, even a
/// killed one; the lock file beside the session (`.name.isp.json.lock`) is removed on release.
///
/// The lock follows the file, not the spelling of its path: symbolic links are resolved first, so the lock
/// file sits beside the real file and every path to it meets the same lock.
public final class SessionLock {
    /// The session's real path, symbolic links resolved (for a file not made yet, its folder's): the file this lock
    /// guards.
    public let sessionPath: String
    private let lockPath: String
    private var descriptor: Int32 = -1

    /// Locks the session file at `path`, which must exist, or says in one sentence why it cannot.
    public convenience init(sessionPath path: String) throws(FileError) {
        guard let realPath = resolvedPath(path) else { throw Self.lockFailure(path, errnoText()) }
        try self.init(realPath: realPath, shownAs: path)
    }

    /// Locks the session file to be written at `path` before anything looks whether it exists, so that of two
    /// merges into one new file the second is refused instead of replacing the first one's. A file that exists is
    /// locked as `init(sessionPath:)` locks it; for one not made yet, the lock file goes in its folder, links
    /// resolved, where the file will be. Nothing is made but the lock file, which `release` removes.
    public convenience init(newSessionPath path: String) throws(FileError) {
        if let realPath = resolvedPath(path) {
            try self.init(realPath: realPath, shownAs: path)
            return
        }
        guard errno == ENOENT else { throw Self.lockFailure(path, errnoText()) }
        let name = fileName(of: path)
        guard !["", ".", ".."].contains(name) else {
            throw FileError(Message(.fileLockNamesNoFile, ["file": .text(path.pathInMessage)]))
        }
        let folder = parentFolder(of: path)
        guard let realFolder = resolvedPath(folder) else {
            throw FileError(Message(.fileWriteCannotWriteIn, ["folder": .text(folder.pathInMessage),
                                                              "reason": .text(errnoText())]))
        }
        try self.init(realPath: (realFolder == "/" ? "" : realFolder) + "/" + name, shownAs: path,
                      busy: Message(.fileLockBeingWritten, ["file": .text(path.pathInMessage)]))
    }

    /// Locks the session at `realPath`, links resolved, naming it `path` in a refusal; `busy` says that another
    /// isp-wizard holds the lock.
    private init(realPath: String, shownAs path: String, busy: Message? = nil) throws(FileError) {
        let busy = busy ?? Message(.fileLockAlreadyOpen, ["file": .text(path)])
        sessionPath = realPath
        lockPath = parentFolder(of: realPath) + "/." + fileName(of: realPath) + ".lock"
        // The holder before us removes the lock file when it lets go; if that happens between our open and
        // our flock, we hold a removed file, so we try again with the one now at the name.
        for _ in 1...3 {
            // O_NOFOLLOW: a link planted at the lock's name must not make us create or open its target.
            let candidate = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard candidate >= 0 else {
                if errno == ELOOP { throw plantedLockError(path) }
                throw Self.lockFailure(path, errnoText())
            }
            var opened = stat()
            guard fstat(candidate, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
                close(candidate)
                throw plantedLockError(path)
            }
            guard flock(candidate, LOCK_EX | LOCK_NB) == 0 else {
                let reason = errno == EWOULDBLOCK ? nil : errnoText()
                close(candidate)
                if let reason { throw Self.lockFailure(path, reason) }
                throw FileError(busy)
            }
            var named = stat()
            if lstat(lockPath, &named) == 0, named.st_dev == opened.st_dev, named.st_ino == opened.st_ino {
                descriptor = candidate
                return
            }
            close(candidate)
        }
        // The lock file kept being replaced: another isp-wizard is opening and closing this session.
        throw FileError(busy)
    }

    private static func lockFailure(_ path: String, _ reason: String) -> FileError {
        FileError(Message(.fileLockFailed, ["file": .text(path), "reason": .text(reason)]))
    }

    private func plantedLockError(_ path: String) -> FileError {
        FileError(Message(.fileLockPlanted, ["file": .text(path), "lock": .text(lockPath)]))
    }

    /// Removes the temporary files that saves of this session cut short (by a kill or a power cut) left
    /// behind: regular files named `.NAME.XXXXXX`, XXXXXX being six of mkstemp's letters and digits.
    /// Does nothing once the lock is released, since only the lock's holder knows no save is under way.
    /// Returns the paths removed.
    @discardableResult
    public func removeLeftoverTemporaryFiles() -> [String] {
        guard descriptor >= 0 else { return [] }
        let folder = parentFolder(of: sessionPath)
        let prefix = Array(("." + fileName(of: sessionPath) + ".").utf8)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names {
            let bytes = Array(name.utf8)
            guard bytes.count == prefix.count + 6, bytes.starts(with: prefix),
                bytes.dropFirst(prefix.count).allSatisfy(isMkstempCharacter)
            else { continue }
            let path = folder + "/" + name
            var status = stat()
            // lstat: a link or a folder with such a name was not made by a save, so it is left alone.
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, unlink(path) == 0 else { continue }
            removed.append(path)
        }
        return removed
    }

    public func release() {
        guard descriptor >= 0 else { return }
        unlink(lockPath)
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }
}

/// One of the characters mkstemp puts in place of XXXXXX: an ASCII letter or digit.
private func isMkstempCharacter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}

/// The path with every symbolic link resolved and made absolute, or nil (errno set) when it cannot be.
func resolvedPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
