import Glibc
import FoundationEssentials
import Messages

/// The ballot server `isp-ballot`, run as a child process that the wizard talks to in protocol lines.
///
/// The wizard's run loop calls `receivedEvents()` between keys, every 50 ms while a server runs; that read never
/// blocks (a caller may also poll `eventDescriptor`, as the tests do). The server ends when this value goes away (or on `end()`), and also by itself
/// when the wizard dies, as its standard input then closes.
public final class BallotProcess {
    /// The descriptor the server's events arrive on, to poll for reading.
    public let eventDescriptor: Int32
    private let commandDescriptor: Int32
    private var processID: pid_t?
    private var lines = LineBuffer()
    /// A failure read after events in the same read: thrown on the next call, once those events are handled.
    private var pendingFailure: BallotProcessFailure?
    private let executable: String
    /// What a read takes at most, kept between calls: the run loop reads every 50 ms.
    private var readBuffer = [UInt8](repeating: 0, count: 16_384)

    /// The file `isp-ballot` is looked for at: beside the running program's own executable.
    public static var besideThisProgram: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let program = length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : CommandLine.arguments.first ?? ""
        let folder = program.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return (folder.isEmpty && !program.hasPrefix("/") ? "." : folder) + "/isp-ballot"
    }

    /// Starts the server with its options (`--port 0`, `--address A`); it says `ready` or `failed` first.
    public init(executable: String = BallotProcess.besideThisProgram, arguments: [String] = [])
        throws(BallotProcessFailure)
    {
        self.executable = executable
        guard access(executable, X_OK) == 0 else {
            throw errno == ENOENT ? .missing(path: executable)
                : .cannotStart(path: executable, reason: Self.describe(errno))
        }
        // Socket pairs rather than pipes: a send to a server that died fails with EPIPE instead of raising SIGPIPE
        // in the wizard, which would end it.
        var commands: [Int32] = [0, 0]
        var events: [Int32] = [0, 0]
        guard Self.socketPair(&commands), Self.socketPair(&events) else {
            throw .cannotStart(path: executable, reason: Self.describe(errno))
        }
        defer {
            close(commands[1])
            close(events[1])
        }
        commandDescriptor = commands[0]
        eventDescriptor = events[0]
        _ = fcntl(eventDescriptor, F_SETFL, fcntl(eventDescriptor, F_GETFL) | O_NONBLOCK)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, commands[1], 0)
        posix_spawn_file_actions_adddup2(&actions, events[1], 1)
        // The server must never write on the wizard's terminal.
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // A process group of its own: a Ctrl-C meant for the wizard's terminal does not reach the server.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
                                                     | POSIX_SPAWN_SETPGROUP))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        guard status == 0 else {
            close(commandDescriptor)
            close(eventDescriptor)
            throw .cannotStart(path: executable, reason: Self.describe(status))
        }
        processID = child
    }

    deinit {
        end()
    }

    /// Sends a command; fails when the server has stopped.
    public func send(_ command: BallotCommand) throws(BallotProcessFailure) {
        let line = [UInt8](BallotLine.encode(command))
        var sent = 0
        while sent < line.count {
            let count = line[sent...].withUnsafeBytes { sendWithoutSignal(commandDescriptor, $0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw stopped() }
            sent += count
        }
    }

    /// The events that have arrived since the last call, without waiting for more.
    ///
    /// Throws when the server has stopped (after the events it sent before stopping have been returned) or sent a
    /// line this wizard cannot read.
    public func receivedEvents() throws(BallotProcessFailure) -> [BallotEvent] {
        if let failure = pendingFailure {
            pendingFailure = nil
            throw failure
        }
        var events: [BallotEvent] = []
        /// Hands over the events read before a failure first; the failure comes with the next call.
        func fail(_ failure: BallotProcessFailure) throws(BallotProcessFailure) -> [BallotEvent] {
            guard !events.isEmpty else { throw failure }
            pendingFailure = failure
            return events
        }
        let capacity = readBuffer.count
        while true {
            let count = read(eventDescriptor, &readBuffer, capacity)
            if count > 0 {
                for line in lines.append(readBuffer[..<count]) {
                    let event: BallotEvent
                    do {
                        event = try BallotLine.decode(BallotEvent.self, from: line)
                    } catch {
                        return try fail(.otherRelease(path: executable))
                    }
                    if case .failed(let problem, let port) = event {
                        return try fail(.cannotListen(problem, port: port))
                    }
                    events.append(event)
                }
            } else if count < 0 && errno == EINTR {
                continue
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return events
            } else {
                // End of file: the server has gone. What it said last still counts.
                return try fail(stopped())
            }
        }
    }

    /// Tells the server to stop and waits a moment for it, then ends it.
    public func end() {
        guard processID != nil else { return }
        try? send(.end)
        _ = reap()
    }

    /// Why the server is gone: its exit status or the signal that ended it.
    private func stopped() -> BallotProcessFailure {
        reap() ?? .exited(status: 0)
    }

    /// Closes the descriptors and waits up to half a second for the server to exit, then kills it, so the wizard
    /// never hangs on it; how it ended, nil when it had been reaped before.
    private func reap() -> BallotProcessFailure? {
        guard let child = processID else { return nil }
        processID = nil
        close(commandDescriptor)
        close(eventDescriptor)
        var status: Int32 = 0
        var reaped = waitpid(child, &status, WNOHANG)
        for _ in 0..<50 where reaped == 0 {
            usleep(10_000)
            reaped = waitpid(child, &status, WNOHANG)
        }
        if reaped == 0 {
            kill(child, SIGKILL)
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        }
        let signal = status & 0x7F
        return signal == 0 ? .exited(status: (status >> 8) & 0xFF) : .killed(signal: signal)
    }

    private static func socketPair(_ pair: inout [Int32]) -> Bool {
        socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// Writes bytes to a socket; a peer that has gone fails the call with EPIPE rather than raising SIGPIPE.
private func sendWithoutSignal(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
}

/// Why the ballot server cannot be used, said in one sentence by `message`.
public enum BallotProcessFailure: Error, Equatable {
    case missing(path: String)
    case cannotStart(path: String, reason: String)
    case exited(status: Int32)
    case killed(signal: Int32)
    case cannotListen(BallotServerProblem, port: Int)
    case otherRelease(path: String)

    public var message: Message {
        switch self {
        case .missing(let path): Message(.ballotProcessMissing, ["path": .text(path)])
        case .cannotStart(let path, let reason):
            Message(.ballotProcessCannotStart, ["path": .text(path), "reason": .text(reason)])
        case .exited(let status): Message(.ballotProcessExited, ["status": .integer(Int(status))])
        case .killed(let signal): Message(.ballotProcessKilled, ["signal": .integer(Int(signal))])
        case .cannotListen(.portInUse, let port): Message(.ballotProcessPortInUse, ["port": .integer(port)])
        case .cannotListen(.cannotListen, let port): Message(.ballotProcessCannotListen, ["port": .integer(port)])
        case .otherRelease(let path): Message(.ballotProcessOtherRelease, ["path": .text(path)])
        }
    }
}
