import Foundation
import ISPCore
import ISPTestSupport
import Messages
import Testing

@testable import ISPFiles

/// Files that are not what they should be, each refused with a sentence that says what is wrong.
@Suite struct RefusalTests {
    let folder = TemporaryFolder()

    func sessionError(_ path: String) -> String {
        do {
            _ = try SessionFile.load(from: path)
            return "loaded"
        } catch {
            return Language.english.text(error.sentence)
        }
    }

    @Test func aFIFOIsNotARegularFileAndDoesNotBlock() {
        let path = folder.path + "/fifo.isp.json"
        #expect(mkfifo(path, 0o600) == 0)
        // With no writer, opening the FIFO for reading would wait forever.
        #expect(sessionError(path) == "\(path) is not a regular file, so it is not a session file.")
    }

    @Test func aSocketIsNotARegularFile() throws {
        let path = folder.path + "/s.sock"
        let socketDescriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socketDescriptor >= 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        try #require(pathBytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: pathBytes)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(bound == 0)
        #expect(sessionError(path) == "\(path) is not a regular file, so it is not a session file.")
    }

    @Test func aDeviceIsNotARegularFile() {
        #expect(sessionError("/dev/null") == "/dev/null is not a regular file, so it is not a session file.")
        #expect(throws: FileError("/dev/zero is not a regular file, so it is not a guide file.")) {
            try Guide.load(from: "/dev/zero")
        }
    }

    @Test func aSymbolicLinkLoopIsNotAMissingFile() throws {
        let a = folder.path + "/a.isp.json"
        let b = folder.path + "/b.isp.json"
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        #expect(sessionError(a) == "\(a) cannot be opened: its symbolic links go round in a loop.")
    }

    @Test func aNameTooLongIsNotAMissingFile() {
        let name = String(repeating: "n", count: 300)
        let message = sessionError(folder.path + "/" + name)
        #expect(message.hasSuffix(" cannot be opened: its name is too long."))
        #expect(message.hasPrefix(folder.path + "/nnn"))
    }

    @Test func anEmptyPathSaysNoFileWasGiven() {
        #expect(sessionError("") == "No session file was given: the path is empty.")
    }

    @Test func aMissingFolderOnTheWayIsNamed() throws {
        let file = try folder.write("plain.txt", Data("x".utf8))
        #expect(sessionError(file + "/s.isp.json")
            == "\(file)/s.isp.json does not exist: a part of its path is not a folder.")
    }

    // Permission denied cannot be produced here: the tests run as root, which reads any file.

    @Test func aPathWithControlCharactersIsShownVisibly() {
        let path = folder.path + "/\u{1B}]0;x\u{07}\n.isp.json"
        #expect(sessionError(path) == "\(folder.path)/^[]0;x^G^J.isp.json does not exist.")
    }

    @Test func filesOverTheLimitAreRefusedBeforeReading() throws {
        let session = folder.path + "/big.isp.json"
        #expect(FileManager.default.createFile(atPath: session, contents: nil))
        // A sparse file: its size is all that is looked at.
        #expect(truncate(session, off_t(SessionFile.maximumSize + 1)) == 0)
        #expect(sessionError(session) == "\(session) is 4.1 MB; isp-wizard opens session files up to 4 MB.")
        #expect(truncate(session, 52 << 20) == 0)
        #expect(sessionError(session) == "\(session) is 52 MB; isp-wizard opens session files up to 4 MB.")

        let guide = folder.path + "/big-guide.json"
        #expect(FileManager.default.createFile(atPath: guide, contents: nil))
        #expect(truncate(guide, 5 << 20) == 0)
        #expect(throws: FileError("\(guide) is 5 MB; isp-wizard opens guide files up to 1 MB.")) {
            try Guide.load(from: guide)
        }
    }
}

/// Messages quote a short, visible excerpt of what they found, however large the field.
@Suite struct BoundedMessageTests {
    let folder = TemporaryFolder()
    /// Text of `count` characters, opening with a screen clear.
    func huge(_ count: Int) -> String { "\u{1B}[2J\u{9B}" + String(repeating: "y", count: count) }

    func expectShortAndClean(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(message.count < 300, "\(message.count) characters", sourceLocation: sourceLocation)
        #expect(!hasControls(message), sourceLocation: sourceLocation)
    }

    @Test func aDuplicatedHugeIDInAGuide() throws {
        var guide = Guide.builtIn
        // Twice 10 MB is over the size limit of guide files: the decoder is called directly.
        guide.phases[0].steps[0].prompts[0].id = huge(10_000_000)
        guide.phases[0].steps[0].prompts[1].id = huge(10_000_000)
        let data = guide.jsonData()
        let start = ContinuousClock.now
        var message = "loaded"
        do { _ = try Guide.decode(data, file: "FILE") } catch { message = Language.english.text(error.sentence) }
        #expect(ContinuousClock.now - start < .seconds(5))
        expectShortAndClean(message)
        #expect(message == "FILE is not a valid guide: phases[0].steps[0].prompts[1].id \"^[[2J<U+009B>"
            + String(repeating: "y", count: 67) + "…\" is used twice.")
    }

    @Test func aHugeFormatNameRatingOrAnswerKeyInASession() throws {
        let session = Session(guide: .builtIn, now: Date(timeIntervalSince1970: 1_800_000_000))
        let saved = String(decoding: try SessionFile.encoded(session, for: "FILE"), as: UTF8.self)
        // 3 MB stays under the size limit of session files, so the decoder meets it.
        let escaped = String(decoding: try JSONEncoder().encode(huge(3_000_000)), as: UTF8.self)
        let answers = #""answers" : {"#
        let edits = [
            saved.replacingOccurrences(of: #""isp-wizard-session""#, with: escaped),
            saved.replacingOccurrences(of: answers, with: answers + #""x":{"notes":"","rating":\#(escaped)},"#),
            saved.replacingOccurrences(of: answers, with: answers + #"\#(escaped):{"notes":"","rating":"9"},"#),
        ]
        for edited in edits {
            let start = ContinuousClock.now
            let path = try folder.write("huge.isp.json", Data(edited.utf8))
            var message = "loaded"
            do { _ = try SessionFile.load(from: path) } catch { message = Language.english.text(error.sentence) }
            expectShortAndClean(message)
            #expect(message.contains("^[[2J<U+009B>yyy"), "\(message)")
            #expect(ContinuousClock.now - start < .seconds(5))
        }
        let padding = Data(count: (11 << 20) - edits[0].utf8.count)
        let tooLarge = try folder.write("huge.isp.json", Data(edits[0].utf8) + padding)
        #expect(throws: FileError("\(tooLarge) is 11 MB; isp-wizard opens session files up to 4 MB.")) {
            try SessionFile.load(from: tooLarge)
        }
    }
}
