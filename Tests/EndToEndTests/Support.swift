import Foundation
import ISPCore
import Testing

/// The `isp-wizard` binary that `swift build` put beside this test bundle.
let wizardBinary: String? = {
    let candidates = [
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent(),
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug"),
    ]
    return candidates.map { $0.appendingPathComponent("isp-wizard").standardizedFileURL.path }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// Runs the binary to its end without a terminal and returns its exit status and what it printed; `input`
/// is its standard input, as from a file (none when nil).
func runWizard(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws
    -> (status: Int32, output: String, error: String)
{
    let binary = try #require(wizardBinary, "isp-wizard is not built; run `swift build` first")
    return try spawn([binary] + arguments, environment: environment, input: input)
}

/// The state folder of every program the tests run, never the user's own.
let testStateHome = NSTemporaryDirectory() + "isp-wizard-e2e-state"

/// Runs a program with input from /dev/null and output to files, and waits for it.
///
/// Not Foundation's Process: it runs children with the test thread's blocked signals, and tmux's server,
/// which outlives the call, would inherit the pipes it waits on.
func spawn(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws
    -> (status: Int32, output: String, error: String)
{
    let folder = NSTemporaryDirectory() + "isp-wizard-spawn-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let input { try input.write(toFile: folder + "/in", atomically: true, encoding: .utf8) }
    posix_spawn_file_actions_addopen(&actions, 0, input == nil ? "/dev/null" : folder + "/in", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, folder + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, folder + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGWINCH] { sigaddset(&defaults, signalNumber) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    // What the wizard keeps for its user (the sessions opened last, rescue copies) goes to a folder of the tests'.
    let fullEnvironment = ProcessInfo.processInfo.environment.merging(["XDG_STATE_HOME": testStateHome]) { $1 }
        .merging(environment) { $1 }
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = fullEnvironment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else {
        throw SpawnFailed(program: arguments[0])
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let read = { (name: String) in (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? "" }
    // The exit code, or 128 plus the signal that ended the program.
    let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (exitStatus, read("out"), read("err"))
}

struct SpawnFailed: Error {
    let program: String
}

/// A tmux server of the test's own, running the wizard in a window of a given size.
final class TmuxSession {
    let socket = "isp-wizard-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    let name = "wizard"

    init(command: String, columns: Int = 80, rows: Int = 24) throws {
        try tmux(["new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-s", name, command])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try spawn(["tmux", "-L", socket] + arguments)
        guard result.status == 0 else { throw TmuxFailed(arguments: arguments, error: result.error) }
        return result.output
    }

    struct TmuxFailed: Error {
        let arguments: [String]
        let error: String
    }

    /// Sends tmux key names (`C-n`, `Tab`, `Escape`).
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    var screen: String {
        (try? tmux(["capture-pane", "-p", "-t", name])) ?? ""
    }

    /// The screen with its colour and attribute escapes, as tmux keeps them.
    var screenWithEscapes: String {
        (try? tmux(["capture-pane", "-e", "-p", "-t", name])) ?? ""
    }

    var isRunning: Bool {
        (try? tmux(["has-session", "-t", name])) != nil
    }

    /// Waits until the screen shows the text, and returns the screen; fails the test after ten seconds.
    @discardableResult
    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        waitUntil("showed \"\(text)\"", sourceLocation: sourceLocation) { $0.joined(separator: "\n").contains(text) }
    }

    /// Waits until the screen's rows pass a check, and returns the screen; fails the test after ten seconds.
    @discardableResult
    func waitUntil(_ description: String, sourceLocation: SourceLocation = #_sourceLocation,
                   _ check: ([Substring]) -> Bool) -> String {
        for _ in 0..<200 {
            let shown = screen
            if check(shown.split(separator: "\n", omittingEmptySubsequences: false)) { return shown }
            usleep(50_000)
        }
        Issue.record("The screen never \(description):\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    /// The process the window's shell started: the wizard, when the command is `wizard …; more commands`.
    func childProcess() throws -> pid_t {
        let shell = try #require(pid_t(try tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return try #require(children.split(separator: " ").first.flatMap { pid_t($0) }, "the shell has no child")
    }

    /// Waits until the program has ended and its window closed.
    func waitForExit(sourceLocation: SourceLocation = #_sourceLocation) {
        for _ in 0..<200 where isRunning { usleep(50_000) }
        #expect(!isRunning, "the wizard is still running", sourceLocation: sourceLocation)
    }
}

/// A temporary folder for one test's sessions.
final class Workspace {
    let path = NSTemporaryDirectory() + "isp-wizard-e2e-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A shell command that runs the wizard with this workspace as its data folder, a UTF-8 locale, a colour
    /// terminal and no colour settings of the test run's own (swift test sets NO_COLOR), then `variables`.
    func command(_ arguments: String, variables: String = "") throws -> String {
        let binary = try #require(wizardBinary, "isp-wizard is not built; run `swift build` first")
        return "env -u NO_COLOR -u ISP_WIZARD_THEME XDG_DATA_HOME=\(path) XDG_STATE_HOME=\(testStateHome) LANG=C.UTF-8 "
            + "TERM=xterm-256color "
            + "\(variables) \(binary) \(arguments)"
    }
}

/// A 64 KiB tmpfs of the test's own, to fill up: a full disk without filling the machine's.
final class SmallDisk {
    let path = NSTemporaryDirectory() + "isp-wizard-disk-" + UUID().uuidString
    private var filler: String { path + "/filler" }

    /// Whether this test run may mount file systems (it runs as root, as CI does).
    static let canMount: Bool = (try? SmallDisk()) != nil

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard try spawn(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", path]).status == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw SpawnFailed(program: "mount")
        }
    }

    /// Takes every free block.
    func fill() throws {
        _ = try spawn(["dd", "if=/dev/zero", "of=\(filler)", "bs=4k", "count=64"])
    }

    func free() throws {
        try FileManager.default.removeItem(atPath: filler)
    }

    deinit {
        _ = try? spawn(["umount", "-l", path])
        try? FileManager.default.removeItem(atPath: path)
    }
}
