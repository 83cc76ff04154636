import BallotWire
import Foundation
import Glibc
import Messages
import Testing

/// The wizard's side of the protocol: its lines, and the child process it starts and ends.
@Suite struct BallotProcessTests {
    @Test func commandsAndEventsGoThroughALineAndBack() throws {
        let opening = BallotOpening(
            question: BallotQuestion(id: "s1.q1", text: "Why?"), scale: englishScale,
            voters: .anonymous(sectors: [BallotSector(id: "government", name: "Government")]), allowsNote: false)
        for command in [BallotCommand.open(opening), .close, .reveal, .release(participant: "p1"), .end] {
            let line = BallotLine.encode(command)
            #expect(line.last == UInt8(ascii: "\n") && line.dropLast().allSatisfy { $0 != UInt8(ascii: "\n") })
            #expect(try BallotLine.decode(BallotCommand.self, from: line.dropLast()) == command)
        }
        let events: [BallotEvent] = [
            .ready(url: "HTTP://10.0.0.2:8470/ABCDEFGH", qrCode: QRModules(rows: ["10", "01"])),
            .count(question: "s1.q1", votes: 5, of: 7), .count(question: "s1.q1", votes: 2, of: nil),
            .revealed(question: "s1.q1", votes: [BallotVote(sector: "business", rating: .dontKnow, note: "x")]),
            .failed(.portInUse, port: 8470),
        ]
        for event in events {
            #expect(try BallotLine.decode(BallotEvent.self, from: BallotLine.encode(event).dropLast()) == event)
        }
        #expect(String(decoding: BallotLine.encode(BallotCommand.reveal), as: UTF8.self)
            == "{\"type\":\"reveal\",\"version\":1}\n")
    }

    @Test func theRoomsSizeIsOnTheLineOnlyWhenGiven() throws {
        var opening = BallotOpening(question: BallotQuestion(id: "s1.q1", text: "Why?"), scale: englishScale,
                                    voters: .anonymous(sectors: []))
        let without = String(decoding: BallotLine.encode(BallotCommand.open(opening)), as: UTF8.self)
        #expect(!without.contains("mostVotes"))
        #expect(try BallotLine.decode(BallotCommand.self, from: Array(without.utf8.dropLast())) == .open(opening))
        opening.mostVotes = 12
        let with = BallotLine.encode(BallotCommand.open(opening))
        #expect(String(decoding: with, as: UTF8.self).contains("\"mostVotes\":12,"))
        #expect(try BallotLine.decode(BallotCommand.self, from: with.dropLast()) == .open(opening))
    }

    @Test func aLineOfAnotherVersionIsRefused() {
        #expect(throws: BallotWireError.otherVersion(2)) {
            _ = try BallotLine.decode(BallotEvent.self, from: Array("{\"version\":2,\"type\":\"ready\"}".utf8))
        }
        #expect(throws: BallotWireError.unreadable("not json")) {
            _ = try BallotLine.decode(BallotEvent.self, from: Array("not json".utf8))
        }
    }

    @Test func aMissingServerIsSaidInOneSentence() {
        let folder = NSTemporaryDirectory() + "isp-ballot-missing-" + UUID().uuidString
        #expect(throws: BallotProcessFailure.missing(path: folder + "/isp-ballot")) {
            _ = try BallotProcess(executable: folder + "/isp-ballot")
        }
        #expect(render(BallotProcessFailure.missing(path: "/opt/isp/isp-ballot").message, in: .english)
            == "The ballot server /opt/isp/isp-ballot is missing; build it with `swift build` or install it beside "
            + "isp-wizard.")
    }

    /// Events read in the same read as a line this wizard cannot take are handed over first; the failure comes
    /// with the next call.
    @Test func eventsBeforeAnUnreadableLineAreKeptAndTheFailureFollows() throws {
        let folder = NSTemporaryDirectory() + "isp-ballot-fake-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let count = String(decoding: BallotLine.encode(BallotEvent.count(question: "s1.q1", votes: 5, of: 7)),
                           as: UTF8.self)
        let fake = folder + "/isp-ballot"
        try "#!/bin/sh\nprintf '%s' '\(count)not json\n'\nsleep 5\n"
            .write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        let process = try BallotProcess(executable: fake)
        var received: [BallotEvent] = []
        for _ in 0..<50 where received.isEmpty {
            var descriptor = pollfd(fd: process.eventDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 100)
            received = try process.receivedEvents()
        }
        #expect(received == [.count(question: "s1.q1", votes: 5, of: 7)])
        #expect(throws: BallotProcessFailure.otherRelease(path: fake)) { _ = try process.receivedEvents() }
    }

    @Test func aServerThatStopsIsSaidWithHowItStopped() throws {
        let server = try RunningBallotServer()
        // The server stops at the end of its input, as when the wizard is gone; here it is told to.
        try server.process.send(.end)
        var failure: BallotProcessFailure?
        for _ in 0..<50 where failure == nil {
            var descriptor = pollfd(fd: server.process.eventDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 100)
            do { _ = try server.process.receivedEvents() } catch { failure = error }
        }
        #expect(failure == .exited(status: 0))
        #expect(render(BallotProcessFailure.killed(signal: 9).message, in: .english)
            == "The ballot server was stopped by signal 9; open the ballot again to restart it.")
    }

    @Test func theQRCodeIsDrawnInHalfBlocks() {
        let code = QRModules(rows: ["10", "01"])
        #expect(code.halfBlockLines(quietZone: 0) == ["▀▄"])
        #expect(code.halfBlockLines(quietZone: 1, ink: .light) == ["█▀██", "██▄█"])
    }
}
