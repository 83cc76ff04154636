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

/// Where a report named by a path goes. Only a regular file is replaced (through a temporary file and a rename);
/// a device or a FIFO is written into as it is, since replacing `/dev/null` with a file would break the machine.
public enum ReportDestination: Equatable, Sendable {
    /// `-` or `/dev/stdout`.
    case standardOutput
    /// A character device or a FIFO, at this path: written into, never replaced.
    case stream(String)
    /// A regular file, or where a new one will be: a symbolic link's target, so that the link stays.
    case file(String)

    /// What `path` names, or why a report cannot go there, in one sentence.
    public init(path: String) throws(FileError) {
        let shown = path.pathInMessage
        if path == "-" || path == "/dev/stdout" {
            self = .standardOutput
            return
        }
        guard !path.isEmpty else {
            throw FileError(Message(.fileReportEmptyPath))
        }
        var named = stat()
        guard lstat(path, &named) == 0 else {
            guard errno == ENOENT else {
                throw FileError(Message(.fileReportCannotWriteTo, ["file": .text(shown),
                                                                   "reason": .text(errnoText())]))
            }
            if path.hasSuffix("/") { throw FileError(Message(.fileReportMissingFolder, ["file": .text(shown)])) }
            self = .file(path)
            return
        }
        var target = named
        if named.st_mode & S_IFMT == S_IFLNK, stat(path, &target) != 0 {
            throw FileError(Message(.fileReportDanglingLink, ["file": .text(shown)]))
        }
        switch target.st_mode & S_IFMT {
        case S_IFREG:
            let file = named.st_mode & S_IFMT == S_IFLNK ? resolvedPath(path) ?? path : path
            // A session, even one this version cannot read (damaged, or from a newer version), is a record of a
            // workshop: no report replaces it.
            if holdsSession(file) {
                throw FileError(Message(.fileReportSession, ["file": .text(file.pathInMessage)]))
            }
            if access(file, W_OK) != 0 {
                throw FileError(Message(.fileReportReadOnly, ["file": .text(file.pathInMessage)]))
            }
            self = .file(file)
        case S_IFCHR, S_IFIFO:
            self = .stream(path)
        case S_IFDIR:
            throw FileError(Message(.fileReportFolder, ["file": .text(shown)]))
        default:
            throw FileError(Message(.fileReportSpecial, ["file": .text(shown)]))
        }
    }

    /// Writes the report: a file is replaced whole or not at all, and gets the usual permissions.
    public func write(_ data: Data) throws(FileError) {
        switch self {
        case .file(let path):
            try writeAtomically(data, to: path, access: .usual)
        case .standardOutput:
            if let failure = writeAll(data, to: STDOUT_FILENO) {
                throw FileError(Message(.fileReportStandardOutput,
                                        ["reason": .text(String(cString: strerror(failure)))]))
            }
        case .stream(let path):
            // Opened without waiting, so that a FIFO nobody reads is said at once instead of waited on forever.
            let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
            if descriptor < 0 && errno == ENXIO {
                throw FileError(Message(.fileReportFifoUnread, ["file": .text(path.pathInMessage)]))
            }
            if descriptor >= 0 { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
            var failure = descriptor < 0 ? errno : writeAll(data, to: descriptor)
            if descriptor >= 0, close(descriptor) != 0, failure == nil { failure = errno }
            if let failure {
                throw FileError(Message(.fileReportNotWritten, ["file": .text(path.pathInMessage),
                                                                "reason": .text(String(cString: strerror(failure)))]))
            }
        }
    }
}

/// Whether the file at `path` is an isp-wizard session: one that opens, or one that says so in its first bytes
/// (`"format": "isp-wizard-session"`) or its name (`.isp.json`), though damaged or from a newer version.
private func holdsSession(_ path: String) -> Bool {
    if path.hasSuffix(".isp.json") || (try? SessionFile.read(from: path)) != nil { return true }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var start = [UInt8](repeating: 0, count: 4_096)
    let count = read(descriptor, &start, start.count)
    return count > 0 && String(decoding: start[..<count], as: UTF8.self).contains("\"\(SessionFile.formatName)\"")
}
