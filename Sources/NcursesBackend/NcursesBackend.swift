@preconcurrency import Glibc
import CNcurses
import Synchronization
import TerminalUI

/// The signal that arrived last (0 for none). A handler may only do async-signal-safe work, so it sets
/// this and the run loop, which polls every 100 ms, saves and restores the terminal.
private let pendingSignal = Atomic<Int32>(0)

/// Why the terminal could not be opened; the command line says it to the user in their language.
public enum TerminalUnavailable: Error, Equatable, Sendable {
    /// Standard input is not a terminal (a pipe, a file).
    case notInteractive
    /// TERM is not set.
    case termUnset
    /// TERM is `dumb`.
    case termDumb
    /// The terminal could not be opened for writing.
    case cannotWrite
    /// ncurses does not know the terminal type.
    case unknownType(String)
    /// The terminal cannot move its cursor.
    case noCursorMovement
}

/// The ncurses terminal: the one place that knows ncurses exists.
public final class NcursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    /// The terminal's input, which ncurses reads a byte per system call; a paste is read from it in blocks.
    private let inputDescriptor: Int32
    private var lastFrame: ScreenGrid?
    private var isStopped = false
    /// Consecutive reads that failed at once instead of waiting: the terminal has gone away.
    private var failedReads = 0
    private var previousSignalHandlers: [sighandler_t?] = []
    /// How roles look on this terminal: the theme asked for, or `mono` where the terminal has no colours.
    private let theme: Theme
    private var renditions: [Style: (attr_t, Int16)] = [:]
    private var colourPairs: [[Int16]: Int16] = [:]
    /// Events read ahead of their turn: what was typed before a stop signal, then the stop itself.
    private var queuedEvents: [Event] = []
    /// Whether a stop signal has come and what was typed before it is being read: no paste may wait for more.
    private var isDraining = false
    /// Bytes read from the terminal past ncurses (what followed a paste's end marker, or was put back while
    /// decoding an escape sequence), taken before anything ncurses reads. Kept here, not pushed back into
    /// ncurses, whose push-back buffer holds only about 137 characters.
    private var readAhead = ByteQueue()

    /// Opens the user's terminal: standard input, and standard output unless it is redirected,
    /// in which case `/dev/tty`, as dialog does.
    public convenience init(theme: Theme = .mono) throws(TerminalUnavailable) {
        try Self.checkTerminal()
        let outputDescriptor = isatty(STDOUT_FILENO) == 1 ? dup(STDOUT_FILENO) : open("/dev/tty", O_RDWR)
        guard outputDescriptor >= 0, let input = fdopen(dup(STDIN_FILENO), "r"),
            let output = fdopen(outputDescriptor, "w")
        else {
            throw .cannotWrite
        }
        try self.init(terminalType: nil, input: input, output: output, theme: theme)
    }

    /// Says, before anything is created, whether standard input is a terminal the wizard can draw on.
    public static func checkTerminal() throws(TerminalUnavailable) {
        guard isatty(STDIN_FILENO) == 1 else {
            throw .notInteractive
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty else { throw .termUnset }
        guard term != "dumb" else { throw .termDumb }
    }

    /// Opens a terminal of a given type on the given streams (a pseudo-terminal in tests).
    public init(terminalType: String?, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>,
                theme: Theme = .mono) throws(TerminalUnavailable) {
        Self.prepareLocale()
        isp_crash_remember_terminal(fileno(output))
        let previousHandlers = Self.installSignalHandlers()
        // The size comes from the terminal itself: LINES and COLUMNS in the environment would override it.
        // (use_env(false) and use_tioctl(true) are no way out: with them ncurses kept the old size on a resize.)
        unsetenv("LINES")
        unsetenv("COLUMNS")
        guard let screen = newterm(terminalType, output, input) else {
            Self.restoreSignalHandlers(previousHandlers)
            let term = terminalType ?? getenv("TERM").map { String(cString: $0) } ?? ""
            throw .unknownType(term)
        }
        set_term(screen)
        guard let window = isp_stdscr(), isp_has_capability("cup") != 0 else {
            endwin()
            delscreen(screen)
            Self.restoreSignalHandlers(previousHandlers)
            throw .noCursorMovement
        }
        self.screen = screen
        self.window = window
        self.output = output
        self.inputDescriptor = fileno(input)
        self.previousSignalHandlers = previousHandlers
        // Colours where the theme has them and the terminal can show them; the terminal's own background stays.
        if theme.usesColour && has_colors() && start_color() == OK {
            use_default_colors()
            self.theme = theme
        } else {
            self.theme = .mono
        }
        raw()  // Ctrl-C, Ctrl-S and Ctrl-Q arrive as keys instead of signals and flow control
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(Self.escapeDelay)
        // Bracketed paste: pasted text arrives between markers, so its newlines are not Enter.
        fputs("\u{1B}[?2004h", output)
        fflush(output)
        // A crash gives the terminal back as stop() would, as far as a signal handler can.
        isp_crash_install_handlers(String(cString: isp_capability("rmcup")) + String(cString: isp_capability("cnorm"))
                                   + String(cString: isp_capability("sgr0")) + "\u{1B}[?2004l\r\n")
    }

    /// Esc waits this long (ms) for the rest of an escape sequence: long enough for an arrow key split over a
    /// slow SSH link, short enough to feel immediate. The user's ESCDELAY wins.
    private static var escapeDelay: Int32 {
        getenv("ESCDELAY").flatMap { Int32(String(cString: $0)) } ?? 100
    }

    /// Wide characters need a UTF-8 locale; when the environment names none, use C.UTF-8.
    private static func prepareLocale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// The signals that stop the wizard the orderly way (save, give the terminal back, exit).
    private static let handledSignals = StopSignal.allCases.map(\.number)

    /// The stop signals set a flag; set before `newterm`, so ncurses keeps its hands off them.
    /// Returns the handlers they had, to put back on stop.
    private static func installSignalHandlers() -> [sighandler_t?] {
        let previous = handledSignals.map { signalNumber in
            signal(signalNumber) { received in pendingSignal.store(received, ordering: .relaxed) }
        }
        // A parent may have started us with these blocked (a blocked SIGHUP would lose the answers).
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in handledSignals + [SIGWINCH] { sigaddset(&unblocked, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        return previous
    }

    private static func restoreSignalHandlers(_ handlers: [sighandler_t?]) {
        for (signalNumber, handler) in zip(handledSignals, handlers) {
            signal(signalNumber, handler)
        }
    }

    public var size: Size {
        Size(rows: Int(getmaxy(window)), columns: Int(getmaxx(window)))
    }

    public func nextEvent(timeoutMilliseconds: Int) -> Event? {
        if !queuedEvents.isEmpty { return queuedEvents.removeFirst() }
        if let stop = takeSignal() { return drainInput(thenStop: stop) }
        let started = ContinuousClock.now
        let read = readEvent(timeoutMilliseconds: timeoutMilliseconds)
        if let stop = takeSignal() {
            if case .event(let event) = read { queuedEvents.append(event) }
            return drainInput(thenStop: stop)
        }
        switch read {
        case .event(let event):
            failedReads = 0
            return event
        case .skipped:
            failedReads = 0
            return nil
        case .nothing:
            // A read that fails at once, again and again, means the terminal is gone without a SIGHUP.
            if timeoutMilliseconds > 0 && ContinuousClock.now - started < .milliseconds(timeoutMilliseconds / 2) {
                failedReads += 1
                if failedReads > 50 { return .stop(.hangup) }
            } else {
                failedReads = 0
            }
            return nil
        }
    }

    /// What one read from the terminal gave.
    private enum Read {
        case event(Event)
        /// Input arrived that means nothing to the wizard.
        case skipped
        /// Nothing arrived in time, or the terminal failed.
        case nothing
    }

    private func readEvent(timeoutMilliseconds: Int) -> Read {
        let event: Event?
        switch nextInput(timeoutMilliseconds: timeoutMilliseconds) {
        case .character(let value): event = decodeCharacter(value)
        case .keyCode(let code): event = decodeKeyCode(code)
        case nil: return .nothing
        }
        return event.map(Read.event) ?? .skipped
    }

    /// What the terminal sent next: a character, or a key ncurses recognised by its escape sequence.
    private enum Input {
        case character(UInt32)
        case keyCode(Int32)
    }

    /// The next character read ahead, else what ncurses reads within the timeout.
    private func nextInput(timeoutMilliseconds: Int) -> Input? {
        if !readAhead.isEmpty {
            // A character split at the end of a block read: its last bytes are still on their way.
            if !readAhead.startsWithWholeCharacter { readAhead.append(readAvailableBytes(waitMilliseconds: 30)) }
            if let scalar = readAhead.popScalar() { return .character(scalar) }
        }
        wtimeout(window, Int32(timeoutMilliseconds))
        var character: wint_t = 0
        switch wget_wch(window, &character) {
        case OK: return .character(UInt32(character))
        case KEY_CODE_YES: return .keyCode(Int32(character))
        default: return nil
        }
    }

    /// One block of what the terminal has sent, read past ncurses, waiting up to the given time for it; empty
    /// when nothing came or the terminal failed.
    private func readAvailableBytes(waitMilliseconds: Int32) -> [UInt8] {
        var ready = pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, waitMilliseconds) > 0 else { return [] }
        var block = [UInt8](repeating: 0, count: 1 << 16)
        let count = read(inputDescriptor, &block, block.count)
        return count > 0 ? Array(block[..<count]) : []
    }

    /// Before a stop, takes in what was already typed (ncurses' buffer and the kernel's), so that keys sent
    /// just before a signal are saved too; after a real hangup the reads fail at once and nothing is waited for.
    private func drainInput(thenStop stop: StopSignal) -> Event {
        isDraining = true
        defer { isDraining = false }
        var reads = 0
        while reads < 1_000_000 {
            reads += 1
            switch readEvent(timeoutMilliseconds: 0) {
            case .event(let event): queuedEvents.append(event)
            case .skipped: continue
            case .nothing: reads = .max
            }
        }
        queuedEvents.append(.stop(stop))
        return queuedEvents.removeFirst()
    }

    private func takeSignal() -> StopSignal? {
        StopSignal(number: pendingSignal.exchange(0, ordering: .relaxed))
    }

    private func decodeCharacter(_ value: UInt32) -> Event? {
        switch value {
        case 13, 10: return .key(.enter)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 27: return decodeEscape()
        case 1...26:
            return .key(.control(Character(Unicode.Scalar(UInt8(value) + 96))))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// Esc alone is the Esc key; `Esc [ 200 ~` starts a bracketed paste; `Esc [ …` and `Esc O …` sequences that
    /// ncurses did not turn into keys (the terminal sent the other form of an arrow or function key) are decoded
    /// here; Esc typed just before another key gives both keys.
    private func decodeEscape() -> Event? {
        guard let next = readPending() else { return .key(.escape) }
        switch next {
        case "[":
            var sequence = ""
            while let character = readPending(), sequence.count < 16 {
                sequence.append(character)
                if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value) { break }
            }
            if sequence == "200~" { return .paste(readPaste()) }
            return EscapeSequence.controlSequenceKey(sequence).map(Event.key)
        case "O":
            guard let final = readPending() else {
                pushBack(["O"])
                return .key(.escape)
            }
            if let key = EscapeSequence.singleShiftKeys[final] { return .key(key) }
            pushBack(["O", final])
            return .key(.escape)
        default:
            pushBack([next])
            return .key(.escape)
        }
    }

    /// Puts characters back to be read next, in order.
    private func pushBack(_ characters: [Character]) {
        readAhead.prepend(Array(String(characters).utf8))
    }

    /// Reads pasted text up to the `Esc [ 201 ~` marker, its CR, LF and CR LF line ends as LF, waiting up to 0.5 s
    /// for more. Once a stop signal has come, it takes only what has already arrived, so that a slow paste never
    /// holds up the save and exit.
    ///
    /// The bytes are read from the terminal in blocks, past ncurses, which would make a system call and a call of
    /// ours for each (100 KB took 0.3 s). Nothing is left in ncurses' queue at this point: it holds only what it
    /// read ahead to match a key, and the start marker matched none. What follows the end marker (more typing, the
    /// next paste) is kept read ahead, to be taken as keys and pastes in turn.
    private func readPaste() -> String {
        let marker = Array("\u{1B}[201~".utf8)
        var bytes = readAhead.removeAll()
        var end = bytes.firstRange(of: marker)?.lowerBound
        while end == nil {
            let wait: Int32 = isDraining || pendingSignal.load(ordering: .relaxed) != 0 ? 0 : 500
            let block = readAvailableBytes(waitMilliseconds: wait)
            guard !block.isEmpty else { break }
            // The marker may straddle two blocks.
            let searchStart = max(bytes.count - marker.count + 1, 0)
            bytes += block
            end = bytes[searchStart...].firstRange(of: marker)?.lowerBound
        }
        if let end { readAhead.prepend(Array(bytes[(end + marker.count)...])) }
        return String(decoding: bytes[..<(end ?? bytes.count)], as: UTF8.self).normalisedNewlines
    }

    /// The next character of an escape sequence, if it comes within 30 ms.
    private func readPending() -> Character? {
        guard case .character(let value) = nextInput(timeoutMilliseconds: 30), let scalar = Unicode.Scalar(value)
        else { return nil }
        return Character(scalar)
    }

    /// ncurses' key codes for the keys the wizard knows; function keys F1 to F12 are computed in the header.
    private static let keyCodes: [Int32: Key] = [
        KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right, KEY_HOME: .home, KEY_END: .end,
        KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown, KEY_BTAB: .backTab, KEY_BACKSPACE: .backspace, KEY_DC: .delete,
        KEY_ENTER: .enter,
    ].merging((1...12).map { (isp_key_f(Int32($0)), Key.function($0)) }) { first, _ in first }

    private func decodeKeyCode(_ code: Int32) -> Event? {
        if code == KEY_RESIZE {
            lastFrame = nil
            return .resize(size)
        }
        return (Self.keyCodes[code] ?? Self.namedKey(code)).map(Event.key)
    }

    /// Keys ncurses knows by name only: the numeric keypad in application mode (a facilitator may rate with it),
    /// and arrow or editing keys held with Shift, Ctrl or Alt (`kRIT5` is Ctrl-Right), taken as the plain key.
    private static func namedKey(_ code: Int32) -> Key? {
        guard let pointer = keyname(code) else { return nil }
        let name = String(cString: pointer)
        if let key = keypadKeys[name] { return key }
        guard name.last?.isNumber == true else { return nil }
        return modifiedKeyNames[String(name.prefix { !$0.isNumber })]
    }

    /// The keypad's keys by their terminfo names, which go by position: `ka1` is the top left, 7.
    private static let keypadKeys: [String: Key] = [
        "KEY_A1": "7", "ka2": "8", "KEY_A3": "9", "kb1": "4", "KEY_B2": "5", "kb3": "6",
        "KEY_C1": "1", "kc2": "2", "KEY_C3": "3", "kpZRO": "0", "kpDOT": ".", "kpCMA": ",",
        "kpADD": "+", "kpSUB": "-", "kpMUL": "*", "kpDIV": "/",
    ].mapValues { Key.character($0) }

    private static let modifiedKeyNames: [String: Key] = [
        "kUP": .up, "kDN": .down, "kLFT": .left, "kRIT": .right, "kHOM": .home, "kEND": .end,
        "kPRV": .pageUp, "kNXT": .pageDown, "kDC": .delete,
    ]

    /// Draws the rows that changed since the last frame; ncurses then sends only the changed cells.
    public func draw(_ grid: ScreenGrid) {
        let size = grid.size
        let previous = lastFrame?.size == size ? lastFrame : nil
        if previous == nil { werase(window) }
        for row in 0..<size.rows {
            if let previous, (0..<size.columns).allSatisfy({ previous[row, $0] == grid[row, $0] }) { continue }
            for column in 0..<size.columns where !grid[row, column].isContinuation {
                var cell = makeCell(grid[row, column])
                mvwadd_wch(window, Int32(row), Int32(column), &cell)
            }
        }
        if let cursor = grid.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        lastFrame = grid
    }

    private func makeCell(_ cell: Cell) -> cchar_t {
        let (attributes, pair) = rendition(of: cell.style)
        var result = cchar_t()
        // A base character and up to four combining marks, then a zero, as setcchar takes them; in a tuple on the
        // stack, since an array for each of a frame's cells was most of the cost of drawing it.
        var characters: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &characters) { bytes in
            let wide = bytes.bindMemory(to: wchar_t.self)
            var index = 0
            for scalar in cell.character.unicodeScalars where index < 5 {
                wide[index] = wchar_t(bitPattern: scalar.value)
                index += 1
            }
            setcchar(&result, wide.baseAddress, attributes, pair, nil)
        }
        return result
    }

    /// The attributes and colour pair a style is drawn with in the theme, worked out once per style.
    private func rendition(of style: Style) -> (attr_t, Int16) {
        if let known = renditions[style] { return known }
        let look = theme.look(for: style)
        var attributes = isp_attr_normal()
        if look.attributes.contains(.bold) { attributes |= isp_attr_bold() }
        if look.attributes.contains(.reverse) { attributes |= isp_attr_reverse() }
        if look.attributes.contains(.dim) { attributes |= isp_attr_dim() }
        if look.attributes.contains(.underline) { attributes |= isp_attr_underline() }
        let rendition = (attributes, colourPair(foreground: look.foreground, background: look.background))
        renditions[style] = rendition
        return rendition
    }

    /// The colour pair of two colours (nil: the terminal's own), made on first use; 0 when the theme has none.
    private func colourPair(foreground: Look.Colour?, background: Look.Colour?) -> Int16 {
        guard theme.usesColour, foreground != nil || background != nil else { return 0 }
        let key = [foreground?.rawValue ?? -1, background?.rawValue ?? -1]
        if let pair = colourPairs[key] { return pair }
        let pair = Int16(colourPairs.count + 1)
        init_pair(pair, key[0], key[1])
        colourPairs[key] = pair
        return pair
    }

    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        fputs("\u{1B}[?2004l", output)
        fflush(output)
        endwin()
        delscreen(screen)
        isp_crash_remove_handlers()
        Self.restoreSignalHandlers(previousSignalHandlers)
    }

    public func bell() {
        beep()
    }

    deinit {
        stop()
    }
}

/// The escape sequences a terminal sends for keys in the form ncurses was not told about: `Esc [ A` where the
/// terminal description says `Esc O A`, and the other way round.
enum EscapeSequence {
    /// The final letters both forms share: arrows, Home, End, F1 to F4.
    private static let cursorKeys: [Character: Key] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end,
        "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4),
    ]

    /// `Esc O` and one character: the cursor keys in application mode, and the keypad's Enter.
    static let singleShiftKeys = cursorKeys.merging(["M": .enter]) { first, _ in first }

    private static let controlSequenceFinals = cursorKeys.merging(["Z": .backTab]) { first, _ in first }

    /// The key of an `Esc [` sequence given without its `Esc [` (`A`, `1;5A`, `5~`), or nil for one the wizard
    /// does not use. Modifiers (`;5`) are ignored: Ctrl-Up is Up.
    static func controlSequenceKey(_ sequence: String) -> Key? {
        guard let final = sequence.last else { return nil }
        guard final == "~" else { return controlSequenceFinals[final] }
        let number = Int(sequence.dropLast().prefix { $0 != ";" })
        switch number {
        case 1, 7: return .home
        case 4, 8: return .end
        case 3: return .delete
        case 5: return .pageUp
        case 6: return .pageDown
        case let code? where (11...15).contains(code): return .function(code - 10)
        case let code? where (17...21).contains(code): return .function(code - 11)
        case 23: return .function(11)
        case 24: return .function(12)
        default: return nil
        }
    }
}

/// Bytes waiting to be decoded, taken from the front a character at a time.
struct ByteQueue {
    private var bytes: [UInt8] = []
    /// Where the bytes not yet taken start: taking from the front moves this instead of shifting the array.
    private var start = 0

    var isEmpty: Bool { start == bytes.count }

    /// Whether the first character's UTF-8 bytes are all here.
    var startsWithWholeCharacter: Bool {
        guard !isEmpty else { return false }
        return bytes.count - start >= Self.sequenceLength(leadingByte: bytes[start])
    }

    mutating func append(_ more: [UInt8]) {
        bytes += more
    }

    mutating func prepend(_ more: [UInt8]) {
        guard !more.isEmpty else { return }
        bytes = more + bytes[start...]
        start = 0
    }

    /// Takes every byte.
    mutating func removeAll() -> [UInt8] {
        defer {
            bytes = []
            start = 0
        }
        return Array(bytes[start...])
    }

    /// Takes the first character's bytes and returns its scalar value; U+FFFD for bytes that are no UTF-8.
    mutating func popScalar() -> UInt32? {
        guard !isEmpty else { return nil }
        let length = min(Self.sequenceLength(leadingByte: bytes[start]), bytes.count - start)
        var decoder = UTF8()
        var iterator = bytes[start..<(start + length)].makeIterator()
        let value: UInt32
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            value = scalar.value
            start += length
        } else {
            value = 0xFFFD
            start += 1  // a stray byte is taken alone, so that the character after it is read whole
        }
        if isEmpty { _ = removeAll() }
        return value
    }

    /// How many bytes a UTF-8 sequence starting with this byte has (1 for a byte that starts none).
    private static func sequenceLength(leadingByte byte: UInt8) -> Int {
        switch byte {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }
}
