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

/// Reads a whole regular file of at most `maximumSize` bytes, or says in one sentence why it cannot.
///
/// Uses stat and open rather than FileManager, to tell a missing file from a link loop, a name too long
/// or a permission refused; and never opens a FIFO, a socket or a device, where a read could block forever.
func readFile(at path: String, kind: FileKind, maximumSize: Int) throws(FileError) -> Data {
    let file = path.pathInMessage
    guard !path.isEmpty else {
        throw FileError(Message(kind.pick(session: .fileReadNoPathSession, guide: .fileReadNoPathGuide)))
    }
    var status = stat()
    guard stat(path, &status) == 0 else { throw openingFailure(file: file) }
    try requireRegularFile(status, file: file, kind: kind)
    // O_NONBLOCK: if a FIFO took the file's place since stat, opening it must not wait for a writer.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
    guard descriptor >= 0 else { throw openingFailure(file: file) }
    defer { close(descriptor) }
    guard fstat(descriptor, &status) == 0 else { throw readingFailure(file: file) }
    try requireRegularFile(status, file: file, kind: kind)
    try requireSize(Int(status.st_size), atMost: maximumSize, file: file, kind: kind)
    if status.st_size == 0 {
        throw FileError(Message(kind.pick(session: .fileReadEmptySession, guide: .fileReadEmptyGuide),
                                ["file": .text(file)]))
    }

    var data = Data(count: Int(status.st_size))
    var length = 0
    while true {
        // A file that grew since fstat is read to one byte past the limit, to be refused as well.
        if length == data.count { data.count = min(data.count * 2, maximumSize + 1) }
        let count = data.withUnsafeMutableBytes { buffer in
            read(descriptor, buffer.baseAddress! + length, buffer.count - length)
        }
        if count < 0 {
            if errno == EINTR { continue }
            throw readingFailure(file: file)
        }
        if count == 0 { break }
        length += count
        try requireSize(length, atMost: maximumSize, file: file, kind: kind)
    }
    data.count = length
    return data
}

/// Why opening or looking up a file failed, from errno, as a sentence naming the file.
private func openingFailure(file: String) -> FileError {
    let id: MessageID
    switch errno {
    case ENOENT: id = .fileReadMissing
    case ENOTDIR: id = .fileReadNotInFolder
    case ELOOP: id = .fileReadLinkLoop
    case ENAMETOOLONG: id = .fileReadNameTooLong
    case EACCES, EPERM: id = .fileReadPermissionDenied
    default: return readingFailure(file: file)
    }
    return FileError(Message(id, ["file": .text(file)]))
}

/// A read that failed, with errno's reason.
private func readingFailure(file: String) -> FileError {
    FileError(Message(.fileReadFailed, ["file": .text(file), "reason": .text(errnoText())]))
}

/// Refuses folders, FIFOs, sockets and devices.
private func requireRegularFile(_ status: stat, file: String, kind: FileKind) throws(FileError) {
    switch status.st_mode & S_IFMT {
    case S_IFREG: return
    case S_IFDIR:
        throw FileError(Message(kind.pick(session: .fileReadFolderSession, guide: .fileReadFolderGuide),
                                ["file": .text(file)]))
    default:
        throw FileError(Message(kind.pick(session: .fileReadNotRegularSession, guide: .fileReadNotRegularGuide),
                                ["file": .text(file)]))
    }
}

/// Refuses a file over the limit: "X is 52 MB; isp-wizard opens session files up to 16 MB."
private func requireSize(_ size: Int, atMost limit: Int, file: String, kind: FileKind) throws(FileError) {
    guard size > limit else { return }
    throw FileError(Message(kind.pick(session: .fileReadTooLargeSession, guide: .fileReadTooLargeGuide),
                            ["file": .text(file), "size": megabytes(size), "limit": megabytes(limit)]))
}

/// A size in megabytes (2^20 bytes), rounded up to a tenth so that a file just over a limit is not shown at it:
/// "4.1 MB", and "4 MB" without its tenths when they are none.
func megabytes(_ bytes: Int) -> MessageArgument {
    let tenths = (bytes * 10 + (1 << 20) - 1) >> 20
    let size: MessageArgument = tenths % 10 == 0 ? .integer(tenths / 10) : .decimal(Double(tenths) / 10)
    return .message(Message(.fileMegabytes, ["size": size]))
}
