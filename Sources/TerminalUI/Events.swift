#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A key, decoded from whatever the backend reads.
public enum Key: Equatable, Sendable {
    /// A printable character (after any dead keys and input methods have composed it).
    case character(Character)
    /// A control chord, by its lower-case letter: Ctrl-N is `.control("n")`.
    case control(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

/// Why the program is being asked to stop from outside. Each one saves, gives the terminal back and exits.
public enum StopSignal: Equatable, Sendable, CaseIterable {
    /// SIGINT outside raw mode.
    case interrupt
    /// SIGTERM.
    case terminate
    /// SIGHUP, or the terminal going away: the SSH link dropped or the window closed.
    case hangup
    /// SIGQUIT, usually Ctrl-\ in a terminal that is not in raw mode.
    case quit
    /// SIGUSR1, SIGUSR2 and SIGALRM: nothing in the wizard uses them, and their default is to end the process.
    case userDefined1, userDefined2, alarm

    /// The signal's number: what its handler receives; 128 + it is the exit status of a process it ended.
    public var number: Int32 {
        switch self {
        case .interrupt: SIGINT
        case .terminate: SIGTERM
        case .hangup: SIGHUP
        case .quit: SIGQUIT
        case .userDefined1: SIGUSR1
        case .userDefined2: SIGUSR2
        case .alarm: SIGALRM
        }
    }

    /// The stop signal a handler received, if the number is one.
    public init?(number: Int32) {
        guard let signal = Self.allCases.first(where: { $0.number == number }) else { return nil }
        self = signal
    }
}

public enum Event: Equatable, Sendable {
    case key(Key)
    /// Text that arrived as one bracketed paste: typed as text, newlines included, never as commands.
    case paste(String)
    case resize(Size)
    case stop(StopSignal)
}

/// What draws frames and reads events: ncurses on a real terminal, memory in tests.
public protocol TerminalBackend: AnyObject {
    /// The terminal's size now.
    var size: Size { get }
    /// The next event, or nil when nothing arrived within the timeout.
    func nextEvent(timeoutMilliseconds: Int) -> Event?
    /// Shows a frame; implementations write only what changed since the last one.
    func draw(_ grid: ScreenGrid)
    /// Rings the terminal's bell once, to draw the eye to a warning.
    func bell()
    /// Gives the terminal back as it was.
    func stop()
}
