import Foundation
import ISPCore
import ISPTestSupport
import Testing

@testable import ISPFiles

/// The sessions opened last, which the bare command opens wherever they are.
@Suite struct RecentSessionsTests {
    let folder = TemporaryFolder()

    func session(_ name: String) throws -> String {
        let path = folder.path + "/" + name
        try SessionFile.save(Session(guide: .builtIn), to: path)
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    @Test func theSessionOpenedLastComesFirstOnceAndGoneFilesAreSkipped() throws {
        let recent = RecentSessions(file: folder.path + "/state/recent")
        #expect(recent.mostRecent() == nil)
        let (water, jobs, roads) = try (session("water.isp.json"), session("jobs.isp.json"), session("roads.isp.json"))
        for path in [water, jobs, roads, water] { recent.remember(path) }
        #expect(recent.paths == [water, roads, jobs])
        // Moved away: the next one still there is opened, and the list forgets the gone file when it is next written.
        try FileManager.default.moveItem(atPath: water, toPath: folder.path + "/moved.isp.json")
        #expect(recent.mostRecent() == roads)
        recent.remember(jobs)
        #expect(recent.paths == [jobs, roads])
        #expect(try FileManager.default.attributesOfItem(atPath: folder.path + "/state/recent")[.posixPermissions]
                    as? Int == 0o600)
    }

    @Test func aLinkIsRememberedAsTheFileItNamesAndTheListKeepsTheLastTen() throws {
        let recent = RecentSessions(file: folder.path + "/recent")
        let target = try session("target.isp.json")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.isp.json", withDestinationPath: target)
        recent.remember(folder.path + "/link.isp.json")
        #expect(recent.paths == [target])
        let many = try (1...12).map { try session("s\($0).isp.json") }
        for path in many { recent.remember(path) }
        #expect(recent.paths == Array(many.reversed().prefix(RecentSessions.length)))
    }

    @Test func theListLivesInTheStateHome() {
        #expect(RecentSessions(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).file == "/s/isp-wizard/recent")
        #expect(RecentSessions(environment: ["HOME": "/h"]).file == "/h/.local/state/isp-wizard/recent")
        #expect(RecentSessions(environment: [:]).file == nil)
    }
}
