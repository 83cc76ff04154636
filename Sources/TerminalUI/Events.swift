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

/// Why the program is being asked to stop from outside.
public enum StopSignal: Equatable, Sendable {
    /// SIGINT outside raw mode.
    case interrupt
    /// SIGTERM.
    case terminate
    /// SIGHUP, or the terminal going away: the SSH link dropped or the window closed.
    case hangup
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
    /// Gives the terminal back as it was.
    func stop()
}
