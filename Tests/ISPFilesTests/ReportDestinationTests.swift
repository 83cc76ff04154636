import Foundation
import ISPCore
import ISPTestSupport
import Testing

@testable import ISPFiles

/// What a report's `--output` path names: only regular files are replaced, devices and FIFOs are written into.
@Suite struct ReportDestinationTests {
    let folder = TemporaryFolder()

    @Test func standardOutputIsADashOrDevStdout() throws {
        // Classified only: nothing is written to the system's /dev.
        #expect(try ReportDestination(path: "-") == .standardOutput)
        #expect(try ReportDestination(path: "/dev/stdout") == .standardOutput)
    }

    @Test func aFileIsReplacedAndALinkToOneIsFollowed() throws {
        let file = folder.path + "/record.txt"
        #expect(try ReportDestination(path: file) == .file(file))  // not there yet
        try Data("old".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try ReportDestination(path: file) == .file(file))
        let link = folder.path + "/link.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "record.txt")
        #expect(try ReportDestination(path: link) == .file(realPath(file)))
    }

    @Test func aFIFOAndADeviceAreWrittenIntoNotReplaced() throws {
        let fifo = folder.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(try ReportDestination(path: fifo) == .stream(fifo))
        let linkToFIFO = folder.path + "/to-fifo"
        try FileManager.default.createSymbolicLink(atPath: linkToFIFO, withDestinationPath: fifo)
        #expect(try ReportDestination(path: linkToFIFO) == .stream(linkToFIFO))
        // A private null device, where the system allows making one (as root outside a container's limits).
        let device = folder.path + "/null"
        if mknod(device, S_IFCHR | 0o600, nullDevice) == 0 {
            #expect(try ReportDestination(path: device) == .stream(device))
        }
    }

    @Test func aFolderAnEmptyPathAndALinkToNothingAreRefusedInASentence() throws {
        let dangling = folder.path + "/dangling"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "nothing")
        let refusals: [(path: String, message: String)] = [
            ("", "An empty path names no file; name a file, or - for standard output."),
            (folder.path, "\(folder.path) is a folder; name a file in it."),
            (folder.path + "/", "\(folder.path)/ is a folder; name a file in it."),
            (folder.path + "/new/", "\(folder.path)/new/ names a folder that does not exist; name a file."),
            (dangling, "\(dangling) is a symbolic link to nothing that exists; remove it or name another file."),
        ]
        for (path, message) in refusals {
            #expect(throws: FileError(message), "\(path)") { try ReportDestination(path: path) }
        }
    }

    @Test func noSessionIsReplacedNotEvenOneThisVersionCannotRead() throws {
        let future = folder.path + "/future.json"
        try Data(#"{"format": "isp-wizard-session", "schemaVersion": 4, "fromTheFuture": true}"#.utf8)
            .write(to: URL(fileURLWithPath: future))
        let truncated = folder.path + "/cut.isp.json"
        try Data(#"{"format": "isp-wiz"#.utf8).write(to: URL(fileURLWithPath: truncated))
        let link = folder.path + "/water.summary.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "cut.isp.json")
        for (path, named) in [(future, future), (truncated, truncated), (link, realPath(truncated))] {
            #expect(throws: FileError("\(named) is an isp-wizard session, so no report is written over it; name "
                                      + "another file.")) { try ReportDestination(path: path) }
        }
        // Nor does a report exported from the wizard beside a session.
        let store = FileSessionStore(path: folder.path + "/water.isp.json")
        #expect(throws: FileError.self) { _ = try store.export(.summary, contents: Data("summary".utf8)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: truncated)) == Data(#"{"format": "isp-wiz"#.utf8))
    }

    @Test func aFIFONobodyReadsIsSaidAtOnceAndAReplacedFileLosesSetUserID() throws {
        let fifo = folder.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: FileError("Nobody reads the FIFO \(fifo), so the report was not written; start what reads it "
                                  + "first.")) { try ReportDestination(path: fifo).write(Data("report".utf8)) }
        let program = folder.path + "/program.txt"
        try Data("old".utf8).write(to: URL(fileURLWithPath: program))
        chmod(program, 0o4755)
        try ReportDestination(path: program).write(Data("report".utf8))
        #expect(try permissions(program) == 0o666 & ~Int(usualMask))
    }

    @Test func aReportNewOrReplacedGetsTheUsualPermissionsSoAnOldPrivateOneIsReadableToo() throws {
        let usual = 0o666 & ~Int(usualMask)
        let new = folder.path + "/new.txt"
        try ReportDestination(path: new).write(Data("report".utf8))
        #expect(try permissions(new) == usual)
        let handout = folder.path + "/handout.html"
        try Data("old".utf8).write(to: URL(fileURLWithPath: handout))
        chmod(handout, 0o600)
        try ReportDestination(path: handout).write(Data("report".utf8))
        #expect(try permissions(handout) == usual)
        #expect(try String(contentsOfFile: handout, encoding: .utf8) == "report")
        // Sessions stay the owner's alone.
        let session = folder.path + "/s.isp.json"
        try SessionFile.save(Session(guide: .builtIn), to: session)
        #expect(try permissions(session) == 0o600)
    }

    /// The umask, read by setting it and set back at once.
    private var usualMask: mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    private func permissions(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    private func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}

/// The null device's number, makedev(1, 3), for a private copy in a temporary folder (a macro Swift cannot call).
let nullDevice = dev_t(1 << 8 | 3)
