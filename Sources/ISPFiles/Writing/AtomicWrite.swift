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

/// Who may read a file isp-wizard writes.
public enum FileAccess: Sendable {
    /// The owner alone (0600): sessions and rescue copies, which hold what people said.
    case ownerOnly
    /// As the user's files usually are, 0666 less the umask (0644 usually), whether the file is new or replaced:
    /// reports, which are written to be handed out. An old report written 0600 would otherwise stay unreadable
    /// to the colleague it is for.
    case usual

    /// The permissions for a file about to be written.
    var permissions: mode_t {
        switch self {
        case .ownerOnly:
            return 0o600
        case .usual:
            let mask = umask(0o022)  // read by setting it; set back at once
            umask(mask)
            return 0o666 & ~mask
        }
    }
}

/// Writes `data` to `path` through a synced temporary file and a rename; the file replaced keeps its owner.
public func writeAtomically(_ data: Data, to path: String, access: FileAccess = .ownerOnly) throws(FileError) {
    let folder = parentFolder(of: path)
    let permissions = access.permissions
    let (descriptor, temporaryPath) = fillingTemplate("\(folder)/.\(fileName(of: path)).XXXXXX") { mkstemp($0) }
    guard descriptor >= 0 else {
        let failure = errno
        throw FileError(Message(.fileWriteCannotWriteIn, ["folder": .text(folder),
                                                          "reason": .text(String(cString: strerror(failure)))]),
                        reason: shortReason(failure))
    }
    var failure = fillAndClose(descriptor, with: data, permissions: permissions,
                               owner: { keepOwner(of: path, on: descriptor) })
    if failure == nil, rename(temporaryPath, path) != 0 { failure = errno }
    if let failure {
        unlink(temporaryPath)
        var previous = stat()
        let kept = stat(path, &previous) == 0 && (previous.st_mode & S_IFMT) == S_IFREG
        throw FileError(Message(kept ? .fileWriteNotSavedKept : .fileWriteNotSaved,
                                ["file": .text(path), "reason": .text(String(cString: strerror(failure)))]),
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
func shortReason(_ code: Int32) -> Message {
    switch code {
    case ENOSPC: Message(.fileReasonDiskFull)
    case EDQUOT: Message(.fileReasonQuotaFull)
    case EACCES, EPERM: Message(.fileReasonNoPermission)
    case EROFS: Message(.fileReasonReadOnlyDisk)
    case ENOENT: Message(.fileReasonFolderGone)
    case EIO: Message(.fileReasonDiskFailed)
    default: Message(.fileReasonSystem, ["reason": .text(String(cString: strerror(code)).lowercasedFirst)])
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
