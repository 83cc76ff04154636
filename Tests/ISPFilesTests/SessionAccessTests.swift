import Foundation
import Glibc
import ISPCore
import ISPTestSupport
import Messages
import Testing

@testable import ISPFiles

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

private func contents(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
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

@Suite struct SessionAccessTests {
    let folder = TemporaryFolder()

    func savedSession() throws -> String {
        let path = folder.path + "/water.isp.json"
        try SessionFile.save(plainSession, to: path)
        return path
    }

    @Test func opensAnEditableSessionUnderItsLock() throws {
        let path = try savedSession()
        let opened = try SessionFile.openForEditing(path)
        #expect(opened.session == plainSession)
        #expect(opened.path == real(folder) + "/water.isp.json")
        #expect(opened.readOnly == nil)
        #expect(opened.lock != nil)
        #expect(folder.files == [".water.isp.json.lock", "water.isp.json"])
    }

    @Test func removesLeftoverTemporaryFilesOfThatSessionOnly() throws {
        let path = try savedSession()
        let leftovers = [".water.isp.json.Ab3xYz", ".water.isp.json.0q9Z8y"]
        let survivors = [
            "water.isp.json.v1.bak", ".water.isp.json.X", ".water.isp.json.Ab3xYz7", ".water.isp.json.ab-3_z",
            ".other.isp.json.Ab3xYz", "target",
        ]
        for name in leftovers + survivors { _ = try folder.write(name, Data("{".utf8)) }
        try FileManager.default.createDirectory(atPath: folder.path + "/.water.isp.json.Dir123",
                                                withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/.water.isp.json.Lnk123",
                                                   withDestinationPath: folder.path + "/target")
        let opened = try SessionFile.openForEditing(path)
        #expect(folder.files == (survivors + [
            ".water.isp.json.Dir123", ".water.isp.json.Lnk123", ".water.isp.json.lock", "water.isp.json",
        ]).sorted())
        #expect(try contents(folder.path + "/target") == Data("{".utf8))
        // Once the lock is let go, another wizard may be saving: nothing is removed any more.
        opened.lock?.release()
        _ = try folder.write(leftovers[0], Data("{".utf8))
        #expect(opened.lock?.removeLeftoverTemporaryFiles() == [])
        #expect(folder.files.contains(leftovers[0]))
    }

    @Test func aHardLinkedSessionOpensReadOnlyWithoutALock() throws {
        let path = try savedSession()
        #expect(link(path, folder.path + "/copy.isp.json") == 0)
        let opened = try SessionFile.openForEditing(path)
        #expect(opened.readOnly.map { Language.english.text($0.message) }
                    == "This session is read-only: \(real(folder))/water.isp.json has 2 hard links, "
            + "and saving would split them.")
        #expect(opened.lock == nil)
        #expect(folder.files == ["copy.isp.json", "water.isp.json"])
    }

    @Test func aFileWithoutWritePermissionOpensReadOnlyAndIsLeftAsItWas() throws {
        let path = try savedSession()
        #expect(chmod(path, 0o400) == 0)
        let before = try contents(path)
        let opened = try SessionFile.openForEditing(path)
        let reason = "This session is read-only: you have no permission to change \(real(folder))/water.isp.json."
        #expect(opened.readOnly.map { Language.english.text($0.message) } == reason)
        #expect(opened.lock == nil)
        let store = FileSessionStore(path: opened.path, readOnlyReason: opened.readOnly)
        #expect(throws: FileError(reason)) { try store.save(editedSession) }
        #expect(try contents(path) == before)
        #expect(permissions(path) == 0o400)
        // The folder can be written, so the summary still goes beside the session.
        #expect(try store.export(.summary, contents: Data("summary".utf8))
            == real(folder) + "/water.summary.txt")
        #expect(folder.files == ["water.isp.json", "water.summary.txt"])
    }

    @Test func aFolderWithoutWritePermissionOpensReadOnly() throws {
        let sub = folder.path + "/shared"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: false)
        let path = sub + "/water.isp.json"
        try SessionFile.save(plainSession, to: path)
        #expect(chmod(sub, 0o500) == 0)
        defer { chmod(sub, 0o700) }
        let opened = try SessionFile.openForEditing(path)
        #expect(opened.readOnly.map { Language.english.text($0.message) }
                    == "This session is read-only: saving \(real(folder))/shared/water.isp.json "
            + "needs permission to write in its folder \(real(folder))/shared, which you do not have.")
        #expect(opened.lock == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sub) == ["water.isp.json"])
        // Nothing can be written beside the session, so the summary would go to the current folder.
        let store = FileSessionStore(path: opened.path, readOnlyReason: opened.readOnly)
        #expect(store.exportPath(.summary) == FileManager.default.currentDirectoryPath + "/water.summary.txt")
        #expect(store.exportPath(.record(.csv)) == FileManager.default.currentDirectoryPath + "/water.record.csv")
    }

    /// A read-only file system cannot be mounted here, so the decision is checked from its inputs.
    @Test func aReadOnlyFileSystemIsTheReasonGivenFirst() {
        let conditions = SaveConditions(onReadOnlyFileSystem: true, fileWritable: false, folderWritable: false,
                                        hardLinks: 2)
        #expect(conditions.readOnly(for: "/media/water.isp.json").map { Language.english.text($0.message) }
            == "This session is read-only: /media/water.isp.json is on a read-only file system.")
        #expect(SaveConditions(onReadOnlyFileSystem: false, fileWritable: true, folderWritable: true, hardLinks: 1)
            .readOnly(for: "/w.isp.json") == nil)
    }

    @Test func savingThroughASymbolicLinkKeepsTheLinkAndChangesItsTarget() throws {
        let elsewhere = TemporaryFolder()
        let target = try savedSession()
        let link = elsewhere.path + "/link.isp.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let opened = try SessionFile.openForEditing(link)
        #expect(opened.path == real(folder) + "/water.isp.json")
        try FileSessionStore(path: opened.path).save(editedSession)
        #expect(kind(link) == S_IFLNK)
        #expect(try SessionFile.load(from: target) == editedSession)
        #expect(elsewhere.files == ["link.isp.json"])
        #expect(folder.files == [".water.isp.json.lock", "water.isp.json"])
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

    @Test func aSessionNotMadeYetIsLockedBesideWhereItWillBeAndNothingElseIsMade() throws {
        let elsewhere = TemporaryFolder()
        let linkedFolder = elsewhere.path + "/linked"
        try FileManager.default.createSymbolicLink(atPath: linkedFolder, withDestinationPath: folder.path)
        let first = try SessionLock(newSessionPath: linkedFolder + "/merged.isp.json")
        #expect(first.sessionPath == real(folder) + "/merged.isp.json")
        #expect(folder.files == [".merged.isp.json.lock"])
        #expect(throws: FileError("\(folder.path)/merged.isp.json is being written by another isp-wizard; try again "
                                      + "when it has finished.")) {
            _ = try SessionLock(newSessionPath: folder.path + "/merged.isp.json")
        }
        // Written while locked, the session meets the same lock as any other path to it.
        try SessionFile.save(plainSession, to: first.sessionPath)
        #expect(throws: FileError("\(folder.path)/merged.isp.json is already open in another isp-wizard; close "
                                      + "that one first.")) {
            _ = try SessionLock(sessionPath: folder.path + "/merged.isp.json")
        }
        first.release()
        #expect(folder.files == ["merged.isp.json"])
        let unwritten = try SessionLock(newSessionPath: folder.path + "/unwritten.isp.json")
        unwritten.release()
        #expect(folder.files == ["merged.isp.json"])
    }

    @Test func aSessionNotMadeYetNeedsAFileNameAndAFolder() {
        #expect(throws: FileError("\"\" names no file; give the path of a file to write the session to.")) {
            _ = try SessionLock(newSessionPath: "")
        }
        #expect(throws: FileError("\"\(folder.path)/new/\" names no file; give the path of a file to write the "
                                      + "session to.")) {
            _ = try SessionLock(newSessionPath: folder.path + "/new/")
        }
        #expect(throws: FileError("Cannot write in \(folder.path)/missing: No such file or directory.")) {
            _ = try SessionLock(newSessionPath: folder.path + "/missing/merged.isp.json")
        }
        #expect(folder.files.isEmpty)
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

@Suite struct RescueFileTests {
    let folder = TemporaryFolder()
    var environment: [String: String] {
        ["XDG_STATE_HOME": folder.path + "/state", "TMPDIR": folder.path + "/tmp", "HOME": "/nonexistent"]
    }

    init() throws {
        try FileManager.default.createDirectory(atPath: folder.path + "/tmp", withIntermediateDirectories: false)
    }

    @Test func writesAPrivateFileInAPrivateStateFolderUnderNewNames() throws {
        let first = try RescueFile.save(editedSession, environment: environment)
        let second = try RescueFile.save(editedSession, environment: environment)
        let rescueFolder = folder.path + "/state/isp-wizard/rescue"
        for path in [first, second] {
            #expect(path.hasPrefix(rescueFolder + "/isp-wizard-rescued-") && path.hasSuffix(".isp.json"))
            #expect(permissions(path) == 0o600)
            #expect(try SessionFile.load(from: path) == editedSession)
        }
        #expect(first != second)
        #expect(permissions(rescueFolder) == 0o700)
        #expect(permissions(folder.path + "/state/isp-wizard") == 0o700)
    }

    enum Obstacle: CaseIterable {
        case fileInTheWay, symbolicLink, folderOthersCanWrite
    }

    @Test(arguments: Obstacle.allCases)
    func anUnusableStateFolderFallsBackToAPrivateTemporaryFolder(_ obstacle: Obstacle) throws {
        let rescueFolder = folder.path + "/state/isp-wizard/rescue"
        let decoy = folder.path + "/decoy"
        try FileManager.default.createDirectory(atPath: decoy, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: folder.path + "/state/isp-wizard",
                                                withIntermediateDirectories: true)
        switch obstacle {
        case .fileInTheWay:
            _ = try folder.write("state/isp-wizard/rescue", Data())
        case .symbolicLink:
            try FileManager.default.createSymbolicLink(atPath: rescueFolder, withDestinationPath: decoy)
        case .folderOthersCanWrite:
            try FileManager.default.createDirectory(atPath: rescueFolder, withIntermediateDirectories: false)
            #expect(chmod(rescueFolder, 0o777) == 0)
        }
        // What the old rescue used: a predictable name anyone could take first.
        let squatted = folder.path + "/tmp/isp-wizard-rescued-\(getpid()).isp.json"
        try FileManager.default.createDirectory(atPath: squatted, withIntermediateDirectories: false)
        let path = try RescueFile.save(editedSession, environment: environment)
        let privateFolder = parentFolder(of: path)
        #expect(parentFolder(of: privateFolder) == folder.path + "/tmp")
        #expect(fileName(of: privateFolder).hasPrefix("isp-wizard-rescue-"))
        #expect(permissions(privateFolder) == 0o700)
        #expect(permissions(path) == 0o600)
        #expect(try SessionFile.load(from: path) == editedSession)
        #expect(try FileManager.default.contentsOfDirectory(atPath: decoy).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: squatted).isEmpty)
        if obstacle == .folderOthersCanWrite {
            #expect(try FileManager.default.contentsOfDirectory(atPath: rescueFolder).isEmpty)
        }
    }

    @Test func theStateFolderFollowsXDGStateHomeOrTheHomeFolder() {
        #expect(RescueFile.stateFolder(["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/isp-wizard/rescue")
        #expect(RescueFile.stateFolder(["XDG_STATE_HOME": "rel", "HOME": "/h"])
            == "/h/.local/state/isp-wizard/rescue")
        #expect(RescueFile.stateFolder([:]) == nil)
    }
}
