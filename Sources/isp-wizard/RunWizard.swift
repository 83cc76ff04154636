import ArgumentParser
import ISPCore
import ISPFiles
import Messages
import NcursesBackend
import TerminalUI
import Wizard

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
@preconcurrency import Glibc
import Synchronization

/// The full screen (ncurses) or the plain, line-by-line wizard.
enum Interface {
    case fullScreen, plain
}

/// How a command that opens the wizard starts it: where in the session, and the ballot server's options.
struct WizardStart {
    /// The walk starts at its first screen rather than where the session was left.
    var fromStart = false
    /// The ballot server starts with the wizard (`--ballot`), not at the first ballot.
    var startsBallots = false
    var ballotLaunch = BallotServerLaunch()
}

func createSession(_ session: Session, at path: String) throws {
    try reporting { () throws(FileError) in try SessionFile.save(session, to: path) }
}

/// Opens a session in the chosen interface and saves it on the way out, whatever ends the run; a terminal
/// ncurses cannot draw on gets the plain wizard instead, which holds no ballot from phones.
func runWizard(sessionPath: String, guide: Guide, language: Language, theme: Theme,
               interface chooseInterface: () throws -> Interface,
               start: WizardStart = WizardStart(), saysWhichSession: Bool = false) throws
{
    let opened = try reporting { () throws(FileError) in try SessionFile.openForEditing(sessionPath) }
    defer { opened.lock?.release() }
    RecentSessions(environment: ProcessInfo.processInfo.environment).remember(opened.path)
    let opening = saysWhichSession ? shortened(opened.path) : nil
    var session = opened.session
    if start.fromStart { session.position = nil }
    // Chosen after the file is open, so that a damaged file is named before a missing terminal.
    let interface = try chooseInterface()
    // The real path, so that saving a session reached through a symbolic link keeps the link.
    let store = FileSessionStore(path: opened.path, readOnlyReason: opened.readOnly, opened: opened.contents)
    let ending: (state: WizardState, signal: StopSignal?)
    switch interface {
    case .fullScreen:
        do {
            ending = try runFullScreen(session: session, guide: guide, language: language, theme: theme,
                                       store: store, opening: opening, start: start)
        } catch is TerminalUnavailable {
            let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
            print(language.text(.cliPlainInstead, ["term": .text(term.visibleControls)]))
            ending = runPlain(session: session, guide: guide, language: language, store: store, opening: opening,
                              fromStart: start.fromStart)
        }
    case .plain:
        ending = runPlain(session: session, guide: guide, language: language, store: store, opening: opening,
                          fromStart: start.fromStart)
    }
    if let error = ending.state.saveFailure {
        throw UserError(rescue(ending.state.session, failure: error))
    }
    let shownPath: [String: MessageArgument] = ["file": .text(sessionPath.visibleControls)]
    let farewell = language.text(store.readOnlyReason == nil ? .cliSaved : .cliUnchanged, shownPath)
    if ending.signal != .hangup { print(farewell) }
    if let signal = ending.signal { throw ExitCode(128 + signal.number) }
}

/// The path with the home folder as `~`, shorter to read on a status line.
private func shortened(_ path: String) -> String {
    guard let home = ProcessInfo.processInfo.environment["HOME"], home.count > 1, path.hasPrefix(home + "/") else {
        return path
    }
    return "~" + path.dropFirst(home.count)
}

/// `opening`, the session's path when given, is said on the first screen's status line.
private func runFullScreen(session: Session, guide: Guide, language: Language, theme: Theme,
                           store: FileSessionStore, opening: String?, start: WizardStart)
    throws -> (state: WizardState, signal: StopSignal?)
{
    let backend = try NcursesBackend(theme: theme)
    var state = WizardState(guide: guide, session: session, size: backend.size, language: language,
                            readOnlyReason: store.readOnlyReason)
    if let opening { state.say(language.text(.cliOpened, ["file": .text(opening)])) }
    let runner = WizardRunner(state: state, backend: backend, store: store, ballotLaunch: start.ballotLaunch)
    if start.startsBallots { runner.startBallotServer() }
    let outcome = runner.run()
    backend.stop()
    if case .stopped(let signal) = outcome { return (runner.state, signal) }
    return (runner.state, nil)
}

/// The plain wizard on standard input and output; a stop signal ends the line being read, and with it the walk.
private func runPlain(session: Session, guide: Guide, language: Language, store: FileSessionStore,
                      opening: String?, fromStart: Bool) -> (state: WizardState, signal: StopSignal?)
{
    PlainStopSignals.install()
    if let opening { print(language.text(.cliOpenedLine, ["file": .text(opening)]).visibleControls) }
    let state = WizardState(guide: guide, session: session, size: WizardState.minimumSize, language: language,
                            readOnlyReason: store.readOnlyReason)
    let input = LineReader(descriptor: STDIN_FILENO, longestLine: WizardState.largestPastedSession)
    let wizard = PlainWizard(state: state, store: store, readLine: { input.nextLine() },
                             write: { text in
                                 fputs(text, stdout)
                                 fflush(stdout)
                             }, echoesAnswers: isatty(STDIN_FILENO) == 0, startsFromStart: fromStart)
    _ = wizard.run()
    return (wizard.state, PlainStopSignals.received)
}

/// When the session cannot be saved where it belongs, writes a rescue copy so that nothing typed is lost,
/// and says where it went.
func rescue(_ session: Session, failure: FileError) -> Message {
    do throws(FileError) {
        let path = try RescueFile.save(session, environment: ProcessInfo.processInfo.environment)
        return Message(.cliRescued, ["failure": .message(failure.sentence), "path": .text(path)])
    } catch {
        return Message(.cliNotRescued, ["failure": .message(failure.sentence),
                                        "rescueFailure": .message(error.sentence)])
    }
}

/// Stop signals for the plain wizard: they set a flag and, installed without SA_RESTART, interrupt the read
/// under way, which then ends the walk as the end of the input does (saved).
enum PlainStopSignals {
    static func install() {
        for number in StopSignal.allCases.map(\.number) {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in lastSignal.store(received, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }

    static var received: StopSignal? {
        StopSignal(number: lastSignal.load(ordering: .relaxed))
    }
}

private let lastSignal = Atomic<Int32>(0)

/// Lines from a file descriptor. Not Swift's `readLine`, which retries a read a signal interrupted, forever once
/// the stream has failed: here an interrupted read ends the input, so that a stop signal ends the walk.
final class LineReader {
    private let descriptor: Int32
    private var buffer: LineBuffer
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var isAtEnd = false

    /// A line longer than `longestLine` bytes is given cut to `longestLine + 1`, to be refused whole.
    init(descriptor: Int32, longestLine: Int) {
        self.descriptor = descriptor
        buffer = LineBuffer(longestLine: longestLine)
    }

    /// The next line without its line end (CR LF or LF), or nil at the end of the input or on a stop signal.
    func nextLine() -> String? {
        while !isAtEnd {
            if let line = buffer.nextLine() { return line }
            let count = read(descriptor, &chunk, chunk.count)
            if count > 0 {
                buffer.append(chunk[..<count])
            } else {
                // The end of the input, a failed read, or a signal (installed without SA_RESTART).
                isAtEnd = true
            }
        }
        return buffer.nextLineAtEnd()
    }
}
