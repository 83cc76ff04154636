import Foundation
import Glibc
import Testing

@testable import ISPCore

/// What lstat says about a path, or nil when nothing is there.
private func status(_ path: String) -> stat? {
    var result = stat()
    return lstat(path, &result) == 0 ? result : nil
}

private func kind(_ path: String) -> mode_t? {
    status(path).map { $0.st_mode & S_IFMT }
}

private func permissions(_ path: String) -> mode_t? {
    status(path).map { $0.st_mode & 0o7777 }
}

/// A temporary folder's path with symbolic links resolved, as the file layer reports paths.
private func real(_ folder: TemporaryFolder) -> String {
    resolvedPath(folder.path) ?? folder.path
}

private let plainSession = Session(guide: .builtIn, name: "Water", now: Date(timeIntervalSince1970: 1_800_000_000))

private var editedSession: Session {
    var session = plainSession
    session.answers["s1.q1"] = Answer(rating: .stage(.partial), notes: "editedSession")
    return session
}

@Suite struct SavingTests {
    let folder = TemporaryFolder()

    @Test(.enabled(if: geteuid() == 0, "only root can give a file to another user"))
    func savingKeepsTheOwnerOfTheFileItReplaces() throws {
        let path = folder.path + "/water.isp.json"
        try SessionFile.save(plainSession, to: path)
        #expect(chown(path, 4321, 4322) == 0)
        try SessionFile.save(editedSession, to: path)
        #expect(status(path)?.st_uid == 4321)
        #expect(status(path)?.st_gid == 4322)
        #expect(permissions(path) == 0o600)
        #expect(try SessionFile.load(from: path) == editedSession)
    }
}

@Suite struct SessionLockPathTests {
    let folder = TemporaryFolder()

    @Test func aLockThroughALinkInAnotherFolderMeetsTheLockThroughTheRealPath() throws {
        let elsewhere = TemporaryFolder()
        let path = folder.path + "/water.isp.json"
        try SessionFile.save(plainSession, to: path)
        let link = elsewhere.path + "/link.isp.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let first = try SessionLock(sessionPath: link)
        #expect(first.sessionPath == real(folder) + "/water.isp.json")
        #expect(folder.files == [".water.isp.json.lock", "water.isp.json"])
        #expect(elsewhere.files == ["link.isp.json"])
        #expect(throws: FileError("\(path) is already open in another isp-wizard; close that one first.")) {
            _ = try SessionLock(sessionPath: path)
        }
        first.release()
    }

    @Test func aLinkPlantedAsTheLockIsRefusedAndItsTargetNotCreated() throws {
        let path = folder.path + "/water.isp.json"
        try SessionFile.save(plainSession, to: path)
        let planted = folder.path + "/.water.isp.json.lock"
        let target = folder.path + "/victim"
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: target)
        #expect(throws: FileError("Cannot lock \(path) for editing: \(real(folder))/.water.isp.json.lock is a "
            + "symbolic link or a special file, not a lock file; remove it if you did not put it there.")) {
            _ = try SessionLock(sessionPath: path)
        }
        #expect(kind(target) == nil)
        #expect(kind(planted) == S_IFLNK)
    }

    @Test func aSpecialFilePlantedAsTheLockIsRefused() throws {
        let path = folder.path + "/water.isp.json"
        try SessionFile.save(plainSession, to: path)
        #expect(mkfifo(folder.path + "/.water.isp.json.lock", 0o600) == 0)
        #expect(throws: FileError.self) { _ = try SessionLock(sessionPath: path) }
        #expect(kind(folder.path + "/.water.isp.json.lock") == S_IFIFO)
    }
}
