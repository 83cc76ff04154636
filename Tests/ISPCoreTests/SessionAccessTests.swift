import Foundation
import Glibc
import Testing

@testable import ISPCore

/// What lstat says about a path, or nil when nothing is there.
private func status(_ path: String) -> stat? {
    var result = stat()
    return lstat(path, &result) == 0 ? result : nil
}

private func permissions(_ path: String) -> mode_t? {
    status(path).map { $0.st_mode & 0o7777 }
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
