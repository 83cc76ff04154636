@preconcurrency import Glibc
import CNcurses
import Foundation
import Testing

@testable import NcursesBackend
import TerminalUI

/// A pseudo-terminal: the backend gets the slave side, the test plays the user on the master side.
final class PseudoTerminal {
    let master: Int32
    let input: UnsafeMutablePointer<FILE>
    let output: UnsafeMutablePointer<FILE>

    init(rows: UInt16, columns: UInt16) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        guard isp_open_pseudo_terminal(&master, &slave, rows, columns) == 0 else { throw PseudoTerminalError() }
        self.master = master
        guard slave >= 0, let input = fdopen(slave, "r"), let output = fdopen(dup(slave), "w") else {
            throw PseudoTerminalError()
        }
        self.input = input
        self.output = output
    }

    struct PseudoTerminalError: Error {}

    func resize(rows: UInt16, columns: UInt16) {
        _ = isp_set_window_size(master, rows, columns)
    }

    /// Types bytes as the user's terminal would send them.
    func type(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
    }

    /// Everything the program has written so far.
    func readOutput() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, 50) > 0 {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    deinit {
        fclose(input)
        fclose(output)
        close(master)
    }
}

@Suite(.serialized) struct NcursesBackendTests {
    /// Runs a test against a fresh backend on an 80×24 pseudo-terminal, always giving the terminal back.
    func withBackend(_ body: (NcursesBackend, PseudoTerminal) throws -> Void) throws {
        let terminal = try PseudoTerminal(rows: 24, columns: 80)
        let backend = try NcursesBackend(terminalType: "xterm-256color", input: terminal.input,
                                         output: terminal.output)
        defer { backend.stop() }
        try body(backend, terminal)
    }

    /// The next event, waiting a little for it to arrive.
    func nextEvent(_ backend: NcursesBackend) -> Event? {
        for _ in 0..<20 {
            if let event = backend.nextEvent(timeoutMilliseconds: 50) { return event }
        }
        return nil
    }

    @Test func takesItsSizeFromTheTerminalAndDrawsWideCharacters() throws {
        try withBackend { backend, terminal in
            #expect(backend.size == Size(rows: 24, columns: 80))
            let opening = terminal.readOutput()
            #expect(opening.contains("\u{1B}[?2004h"))  // bracketed paste on
            var grid = ScreenGrid(size: backend.size)
            grid.put("Zürich 水资源", row: 2, column: 4, style: .title)
            grid.cursor = Point(row: 2, column: 17)
            backend.draw(grid)
            let drawn = terminal.readOutput()
            #expect(drawn.contains("Zürich 水资源"))
            // Only the changed row is sent again.
            grid.put("x", row: 5, column: 0)
            backend.draw(grid)
            let update = terminal.readOutput()
            #expect(update.contains("x"))
            #expect(!update.contains("Zürich"))
        }
    }

    @Test func decodesTypedCharactersControlKeysAndEscapeSequences() throws {
        try withBackend { backend, terminal in
            let cases: [(typed: String, event: Event)] = [
                ("é", .key(.character("é"))), ("水", .key(.character("水"))),
                ("\u{0E}", .key(.control("n"))), ("\u{11}", .key(.control("q"))), ("\u{13}", .key(.control("s"))),
                ("\u{03}", .key(.control("c"))), ("\r", .key(.enter)), ("\t", .key(.tab)),
                ("\u{7F}", .key(.backspace)), ("\u{1B}OA", .key(.up)), ("\u{1B}[Z", .key(.backTab)),
                ("\u{1B}[6~", .key(.pageDown)), ("\u{1B}OP", .key(.function(1))), ("\u{1B}[21~", .key(.function(10))),
                ("\u{1B}", .key(.escape)), ("\u{1B}3", .key(.escape)), ("", .key(.character("3"))),
            ]
            for (typed, event) in cases {
                terminal.type(typed)
                #expect(nextEvent(backend) == event, "typed \(typed.debugDescription)")
            }
        }
    }

    @Test func aBracketedPasteArrivesAsTextWithNewlines() throws {
        try withBackend { backend, terminal in
            terminal.type("\u{1B}[200~Línea 1\rLínea 2 水\u{1B}[201~")
            #expect(nextEvent(backend) == .paste("Línea 1\nLínea 2 水"))
            terminal.type("\u{1B}[200~one\r\ntwo\u{1B}[201~")
            #expect(nextEvent(backend) == .paste("one\ntwo"))
            // Keys typed right after a paste come after it, in order.
            terminal.type("\u{1B}[200~水\u{1B}[201~né\u{1B}[A")
            #expect(nextEvent(backend) == .paste("水"))
            #expect(nextEvent(backend) == .key(.character("n")))
            #expect(nextEvent(backend) == .key(.character("é")))
            #expect(nextEvent(backend) == .key(.up))
        }
    }

    @Test func twoPastesAndAThousandKeysInOneBurstArriveOnceAndInOrder() throws {
        // Over a slow link a paste, the next paste and typing arrive together: far more than ncurses can have
        // pushed back (about 137 characters), which once made the wizard replay the typing forever.
        try withBackend { backend, terminal in
            let typed = String(repeating: "né水 ", count: 250)
            terminal.type("\u{1B}[200~P\u{1B}[201~\u{1B}[200~dos 水\u{1B}[201~" + typed + "\u{1B}[A\u{11}")
            var events: [Event] = []
            while let event = nextEvent(backend) {
                events.append(event)
            }
            let expected: [Event] = [.paste("P"), .paste("dos 水")] + typed.map { .key(.character($0)) }
                + [.key(.up), .key(.control("q"))]
            #expect(events.count == expected.count)
            #expect(events == expected)
        }
    }

    @Test func aLongPasteArrivesWhole() throws {
        try withBackend { backend, terminal in
            let text = String(repeating: "Les ONG 政府和企业 Ñandú\n", count: 4_000)
            let master = terminal.master
            let finished = DispatchSemaphore(value: 0)
            let writer = Thread {
                // Larger than the terminal's buffer: written while the backend reads.
                let bytes = Array(("\u{1B}[200~" + text + "\u{1B}[201~").utf8)
                var sent = 0
                while sent < bytes.count {
                    let written = bytes[sent...].withUnsafeBytes { write(master, $0.baseAddress, min($0.count, 4096)) }
                    guard written > 0 else { break }
                    sent += written
                }
                finished.signal()
            }
            defer { finished.wait() }  // the terminal outlives the writer
            writer.start()
            #expect(nextEvent(backend) == .paste(text))
        }
    }

    @Test func reportsTheNewSizeAfterAResize() throws {
        try withBackend { backend, terminal in
            terminal.resize(rows: 40, columns: 120)
            kill(getpid(), SIGWINCH)  // to the process: test threads may block signals
            #expect(nextEvent(backend) == .resize(Size(rows: 40, columns: 120)))
            #expect(backend.size == Size(rows: 40, columns: 120))
        }
    }

    @Test func decodesArrowAndFunctionKeysInTheFormTheTerminalDescriptionDoesNotName() throws {
        // xterm's description names `Esc O A` for Up; a terminal out of application mode sends `Esc [ A`.
        try withBackend { backend, terminal in
            let cases: [(typed: String, event: Event)] = [
                ("\u{1B}[A", .key(.up)), ("\u{1B}[B", .key(.down)), ("\u{1B}[C", .key(.right)),
                ("\u{1B}[D", .key(.left)), ("\u{1B}[H", .key(.home)), ("\u{1B}[F", .key(.end)),
                ("\u{1B}[1~", .key(.home)), ("\u{1B}[4~", .key(.end)), ("\u{1B}[1;5C", .key(.right)),
                ("\u{1B}OM", .key(.enter)), ("\u{1B}[11~", .key(.function(1))),
                ("\u{1B}Ob", .key(.escape)), ("", .key(.character("O"))), ("", .key(.character("b"))),
                // The numeric keypad in application mode, as ncurses asks of the terminal.
                ("\u{1B}Oq", .key(.character("1"))), ("\u{1B}Ox", .key(.character("8"))),
                ("\u{1B}Op", .key(.character("0"))), ("\u{1B}Ok", .key(.character("+"))),
            ]
            for (typed, event) in cases {
                terminal.type(typed)
                #expect(nextEvent(backend) == event, "typed \(typed.debugDescription)")
            }
        }
        // The Linux console's description names `Esc [ A`; the application form must work there too.
        let terminal = try PseudoTerminal(rows: 24, columns: 80)
        let backend = try NcursesBackend(terminalType: "linux", input: terminal.input, output: terminal.output)
        defer { backend.stop() }
        for (typed, key) in [("\u{1B}OA", Key.up), ("\u{1B}[A", .up), ("\u{1B}OH", .home), ("\u{1B}OF", .end)] {
            terminal.type(typed)
            #expect(nextEvent(backend) == .key(key), "typed \(typed.debugDescription) on linux")
        }
    }

    @Test func turnsEveryStopSignalIntoAStopEvent() throws {
        let signals: [(Int32, StopSignal)] = [
            (SIGHUP, .hangup), (SIGTERM, .terminate), (SIGINT, .interrupt), (SIGQUIT, .quit),
            (SIGUSR1, .userDefined1), (SIGUSR2, .userDefined2), (SIGALRM, .alarm),
        ]
        #expect(signals.count == StopSignal.allCases.count)
        try withBackend { backend, _ in
            for (signalNumber, stop) in signals {
                kill(getpid(), signalNumber)
                #expect(nextEvent(backend) == .stop(stop))
            }
        }
    }

    @Test func keysTypedBeforeAStopSignalArriveBeforeTheStop() throws {
        try withBackend { backend, terminal in
            terminal.type("half a sent")
            usleep(50_000)  // the bytes reach the terminal's input queue before the signal
            kill(getpid(), SIGTERM)
            var events: [Event] = []
            while let event = nextEvent(backend) {
                events.append(event)
                if case .stop = event { break }
            }
            #expect(events == "half a sent".map { .key(.character($0)) } + [.stop(.terminate)])
        }
    }

    @Test func aStopSignalEndsASlowPasteAtOnceKeepingWhatArrived() throws {
        try withBackend { backend, terminal in
            // A paste that trickles in for two seconds, a character every 0.1 s, with no end marker yet.
            let master = terminal.master
            let finished = DispatchSemaphore(value: 0)
            let writer = Thread {
                for piece in ["\u{1B}[200~"] + Array(repeating: "x", count: 20) {
                    let bytes = Array(piece.utf8)
                    _ = write(master, bytes, bytes.count)
                    usleep(100_000)
                }
                finished.signal()
            }
            defer { finished.wait() }  // the terminal outlives the writer
            writer.start()
            usleep(300_000)
            kill(getpid(), SIGTERM)
            let started = ContinuousClock.now
            let paste = nextEvent(backend)
            #expect(ContinuousClock.now - started < .seconds(1))
            guard case .paste(let text)? = paste else {
                Issue.record("expected the part of the paste that arrived, got \(String(describing: paste))")
                return
            }
            #expect(!text.isEmpty && text.allSatisfy { $0 == "x" })
            #expect(nextEvent(backend) == .stop(.terminate))
        }
    }

    @Test func givesTheTerminalBackOnStop() throws {
        let terminal = try PseudoTerminal(rows: 24, columns: 80)
        let backend = try NcursesBackend(terminalType: "xterm-256color", input: terminal.input,
                                         output: terminal.output)
        _ = terminal.readOutput()
        backend.stop()
        let closing = terminal.readOutput()
        #expect(closing.contains("\u{1B}[?2004l"))  // bracketed paste off
        #expect(closing.contains("\u{1B}[?1049l"))  // back from the alternate screen
    }

    @Test func refusesATerminalTypeItDoesNotKnow() throws {
        let terminal = try PseudoTerminal(rows: 24, columns: 80)
        #expect(throws: TerminalUnavailable.self) {
            _ = try NcursesBackend(terminalType: "no-such-terminal", input: terminal.input, output: terminal.output)
        }
    }
}
