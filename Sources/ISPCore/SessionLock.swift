#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a second isp-wizard from opening a session that one already has open, since the two would
/// overwrite each other's answers. The lock is the kernel's (flock), so it goes with the process, even a
/// killed one; the lock file beside the session (`.name.isp.json.lock`) is removed on release.
public final class SessionLock {
    private let lockPath: String
    private var descriptor: Int32

    public init(sessionPath: String) throws(FileError) {
        lockPath = parentFolder(of: sessionPath) + "/." + fileName(of: sessionPath) + ".lock"
        descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw FileError("Cannot lock \(sessionPath) for editing: \(errnoText()).")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw FileError("\(sessionPath) is already open in another isp-wizard; close that one first.")
        }
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
