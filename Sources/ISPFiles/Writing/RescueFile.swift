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

/// A copy of a session that could not be saved where it belongs, so that nothing typed is lost: written
/// under a name nobody can guess or take beforehand, in a folder only its user can write.
public enum RescueFile {
    /// Writes the session to a new file (permissions 0600, synced) in the first of these that works:
    /// `$XDG_STATE_HOME/isp-wizard/rescue/` (by default `~/.local/state/isp-wizard/rescue/`), a private
    /// folder made in `$TMPDIR` (or /tmp), the current folder. Returns the path written.
    public static func save(_ session: Session, environment: [String: String]) throws(FileError) -> String {
        let data = try SessionFile.encoded(session, for: "a rescue copy")
        let temporary = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var places: [Place] = stateFolder(environment).map { [.stateFolder($0)] } ?? []
        places += [.temporaryFolder(temporary), .currentFolder]
        var problems: [Message] = []
        for place in places {
            do throws(FileError) {
                return try write(data, in: place.open())
            } catch {
                problems.append(error.sentence)
            }
        }
        // What went wrong in each place, joined from the last: "A; B; C".
        let joined = problems.dropLast().reversed().reduce(problems.last.map(MessageArgument.message)) { rest, first in
            .message(Message(.fileRescueProblems, ["first": .message(first), "rest": rest ?? .text("")]))
        }
        throw FileError(Message(.fileRescueFailed, ["problems": joined ?? .text("")]))
    }

    /// Where a rescue copy may go, in the order tried.
    enum Place {
        /// The user's own folder, made if missing; refused if anyone else could write in it.
        case stateFolder(String)
        /// A new private folder made in this one.
        case temporaryFolder(String)
        /// The last resort, whoever else may write in it.
        case currentFolder

        func open() throws(FileError) -> OpenFolder {
            switch self {
            case .stateFolder(let path):
                try createFolders(path)
                return try OpenFolder(privateFolder: path)
            case .temporaryFolder(let parent):
                let (made, path) = fillingTemplate(parent + "/isp-wizard-rescue-XXXXXX") { mkdtemp($0) }
                guard made != nil else { throw problem(.fileRescueCannotMakeFolderIn, parent, errnoText()) }
                return try OpenFolder(privateFolder: path)
            case .currentFolder:
                return try OpenFolder.current()
            }
        }
    }

    /// `$XDG_STATE_HOME/isp-wizard/rescue`, or `~/.local/state/isp-wizard/rescue`; nil without a home.
    static func stateFolder(_ environment: [String: String]) -> String? {
        stateHome(environment).map { $0 + "/rescue" }
    }

    /// Makes each missing folder of the absolute `path`, readable by its owner only.
    static func createFolders(_ path: String) throws(FileError) {
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw problem(.fileRescueCannotMake, prefix, errnoText())
            }
        }
    }

    /// Creates a new file with a random name in `folder` and fills it; O_EXCL, so nothing there is reused.
    static func write(_ data: Data, in folder: OpenFolder) throws(FileError) -> String {
        defer { close(folder.descriptor) }
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        for _ in 1...10 {
            let random = String((1...8).map { _ in letters[Int.random(in: 0..<letters.count)] })
            let name = "isp-wizard-rescued-\(random).isp.json"
            let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
            let descriptor = openat(folder.descriptor, name, flags, 0o600)
            if descriptor < 0, errno == EEXIST { continue }
            guard descriptor >= 0 else { throw problem(.fileRescueCannotWriteIn, folder.path, errnoText()) }
            if let failure = fillAndClose(descriptor, with: data).map({ String(cString: strerror($0)) }) {
                unlinkat(folder.descriptor, name, 0)
                throw problem(.fileRescueCannotWriteIn, folder.path, failure)
            }
            // Sync the folder too, so that the new name survives a power cut.
            fsync(folder.descriptor)
            return folder.path + "/" + name
        }
        throw problem(.fileRescueNoFreeName, folder.path)
    }
}

/// A folder held open while the rescue file is created in it, so that it cannot be swapped after its check.
struct OpenFolder {
    let path: String
    let descriptor: Int32

    /// Opens a folder that must be the user's own, writable by nobody else, and not a symbolic link.
    init(privateFolder path: String) throws(FileError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw problem(.fileRescueSymbolicLink, path) }
            throw problem(.fileRescueCannotOpen, path, errnoText())
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_uid == geteuid(), status.st_mode & 0o022 == 0 else {
            close(descriptor)
            throw problem(.fileRescueNotPrivate, path)
        }
        self.init(path: path, descriptor: descriptor)
    }

    /// Opens the current folder.
    static func current() throws(FileError) -> OpenFolder {
        let descriptor = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileError(Message(.fileRescueCannotOpenCurrent, ["reason": .text(errnoText())]))
        }
        return OpenFolder(path: FileManager.default.currentDirectoryPath, descriptor: descriptor)
    }

    init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }
}

/// What went wrong with a place for a rescue copy: a phrase of `file.rescue.failed`, naming the folder and, when
/// the system gave one, its reason.
private func problem(_ id: MessageID, _ folder: String, _ reason: String? = nil) -> FileError {
    FileError(Message(id, ["folder": .text(folder)].merging(reason.map { ["reason": .text($0)] } ?? [:]) { $1 }))
}
