import ISPCore
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
func readFile(at path: String, kind: String, maximumSize: Int) throws(FileError) -> Data {
    let file = path.pathInMessage
    guard !path.isEmpty else { throw FileError("No \(kind) file was given: the path is empty.") }
    var status = stat()
    guard stat(path, &status) == 0 else { throw FileError(openingFailure(file: file, kind: kind)) }
    try requireRegularFile(status, file: file, kind: kind)
    // O_NONBLOCK: if a FIFO took the file's place since stat, opening it must not wait for a writer.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileError(openingFailure(file: file, kind: kind)) }
    defer { close(descriptor) }
    guard fstat(descriptor, &status) == 0 else { throw FileError("\(file) cannot be read: \(errnoText()).") }
    try requireRegularFile(status, file: file, kind: kind)
    try requireSize(Int(status.st_size), atMost: maximumSize, file: file, kind: kind)
    if status.st_size == 0 { throw FileError("\(file) is empty, so it is not a \(kind) file.") }

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
            throw FileError("\(file) cannot be read: \(errnoText()).")
        }
        if count == 0 { break }
        length += count
        try requireSize(length, atMost: maximumSize, file: file, kind: kind)
    }
    data.count = length
    return data
}

/// Why opening or looking up a file failed, from errno, as a sentence naming the file.
private func openingFailure(file: String, kind: String) -> String {
    switch errno {
    case ENOENT: "\(file) does not exist."
    case ENOTDIR: "\(file) does not exist: a part of its path is not a folder."
    case ELOOP: "\(file) cannot be opened: its symbolic links go round in a loop."
    case ENAMETOOLONG: "\(file) cannot be opened: its name is too long."
    case EACCES, EPERM: "\(file) cannot be read: permission denied."
    default: "\(file) cannot be read: \(errnoText())."
    }
}

/// Refuses folders, FIFOs, sockets and devices.
private func requireRegularFile(_ status: stat, file: String, kind: String) throws(FileError) {
    switch status.st_mode & S_IFMT {
    case S_IFREG: return
    case S_IFDIR: throw FileError("\(file) is a folder, not a \(kind) file.")
    default: throw FileError("\(file) is not a regular file, so it is not a \(kind) file.")
    }
}

/// Refuses a file over the limit: "X is 52 MB; isp-wizard opens session files up to 16 MB."
private func requireSize(_ size: Int, atMost limit: Int, file: String, kind: String) throws(FileError) {
    guard size > limit else { return }
    throw FileError("\(file) is \(megabytes(size)); isp-wizard opens \(kind) files up to \(megabytes(limit)).")
}

/// A size in megabytes (2^20 bytes), rounded up to a tenth so that a file just over a limit is not shown at it.
func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + (1 << 20) - 1) >> 20
    return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
}
