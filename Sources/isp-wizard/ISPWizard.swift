import ArgumentParser
import ISPCore
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

@main
struct ISPWizard: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Every command names itself: deriving a name from the type's name costs a scan of every protocol
        // conformance in the program at each start.
        commandName: "isp-wizard",
        abstract: "Walk a partnership through the seven start-up steps and see how ready it is.",
        discussion: """
            With no command, opens the session changed most recently, or starts a new one when there is none.
            Sessions are kept in $XDG_DATA_HOME/isp-wizard (by default ~/.local/share/isp-wizard).
            """,
        subcommands: [New.self, Open.self, Summary.self, Report.self, Compare.self, Merge.self, PrintGuide.self]
    )

    @OptionGroup var global: GlobalOptions

    @OptionGroup var start: StartOptions

    static func main() {
        // A closed pipe (`summary … | head`) must never stop the program, least of all half-way through a save.
        signal(SIGPIPE, SIG_IGN)
        // The bare command and `open FILE` give no option to parse, so they start without the parser: its look-ups
        // of every command's and option's type were a third of the instructions before the first screen.
        let arguments = CommandLine.arguments.dropFirst()
        do {
            if arguments.isEmpty { return try openLastOrNew(DefaultOptions()) }
            if arguments.count == 2, arguments.first == "open", let file = arguments.last, !file.hasPrefix("-") {
                return try Open.open(file, DefaultOptions())
            }
        } catch {
            exit(withError: error)
        }
        main(nil)
    }

    func run() throws {
        try Self.openLastOrNew(global, fromStart: start.fromStart)
    }

    /// Opens the session used last, or a new one when there is none; at its first screen with `fromStart`.
    static func openLastOrNew(_ options: some CommonOptions, fromStart: Bool = false) throws {
        let guide = try options.loadGuide()
        let interface = try options.interface()
        let theme = try options.chosenTheme()
        let library = try options.library()
        if let path = library.mostRecentSession() {
            try runWizard(sessionPath: path, guide: guide, theme: theme, interface: { interface },
                          fromStart: fromStart)
        } else {
            let path = library.newSessionPath(name: "")
            try createSession(Session(guide: guide), at: path)
            try runWizard(sessionPath: path, guide: guide, theme: theme, interface: { interface },
                          fromStart: fromStart)
        }
    }
}

/// What the options every command takes choose: the guide, the plain mode and the theme.
protocol CommonOptions {
    var guide: String? { get }
    var plain: Bool { get }
    var theme: String? { get }
}

/// The options a command line without any gives.
struct DefaultOptions: CommonOptions {
    let guide: String? = nil
    let plain = false
    let theme: String? = nil
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments, CommonOptions {
    @Option(name: .long, help: ArgumentHelp("Use an edited or translated guide file.", valueName: "file"))
    var guide: String?

    @Flag(help: ArgumentHelp("Ask line by line instead of drawing screens: for screen readers, dumb terminals and "
                             + "input from a file (also ACCESSIBLE=1)."))
    var plain = false

    @Option(help: ArgumentHelp("Colours: default, mono (no colours) or high-contrast (for projectors and low vision); "
                               + "also ISP_WIZARD_THEME. NO_COLOR set means mono.", valueName: "name"))
    var theme: String?
}

/// Where the commands that open a session (the bare command, `new`, `open`) start it.
struct StartOptions: ParsableArguments {
    @Flag(help: ArgumentHelp("Start at the session details, not where the session was left, so that answers read "
                             + "from a file start at a known place."))
    var fromStart = false
}

extension CommonOptions {
    /// The theme asked for: --theme, else ISP_WIZARD_THEME, else mono when NO_COLOR is set, else the default.
    func chosenTheme() throws -> Theme {
        let environment = ProcessInfo.processInfo.environment
        guard let name = theme ?? environment["ISP_WIZARD_THEME"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return environment["NO_COLOR"].map { $0.isEmpty ? Theme.standard : .mono } ?? .standard
        }
        if let chosen = Theme.named(name) { return chosen }
        let known = Theme.all.map(\.name).joined(separator: ", ")
        guard theme == nil else {
            throw UserError("There is no theme \"\(name.visibleControls)\"; the themes are \(known).")
        }
        // A setting left in the environment should not keep the wizard from starting.
        fputs("ISP_WIZARD_THEME names no theme (\"\(name.visibleControls)\"); using the default. The themes are "
              + "\(known).\n", stderr)
        return .standard
    }

    /// How the wizard talks to the user: line by line when asked to, or when the terminal cannot draw screens;
    /// without a terminal and without --plain, a refusal.
    func interface() throws -> Interface {
        let accessible = ProcessInfo.processInfo.environment["ACCESSIBLE"].map { !$0.isEmpty && $0 != "0" } ?? false
        if plain || accessible { return .plain }
        do {
            try NcursesBackend.checkTerminal()
            return .fullScreen
        } catch {
            // A terminal that cannot move its cursor (TERM=dumb or unset) still reads and writes lines.
            if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 { return .plain }
            throw UserError(error.description)
        }
    }

    func loadGuide() throws -> Guide {
        guard let guide else { return .builtIn }
        return try reporting { () throws(FileError) in try Guide.load(from: guide) }
    }

    func library() throws -> SessionLibrary {
        let library = SessionLibrary(environment: ProcessInfo.processInfo.environment)
        try reporting { () throws(FileError) in try library.prepare() }
        return library
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new session and open it.",
        discussion: """
            With --for, makes a partner's self-assessment of a workshop's partnership instead, to send to that \
            partner: it writes the file (in the current folder, named after the organisation, unless --file says \
            otherwise), prints its path and opens nothing.

            With --from, starts the next round of a session's partnership and opens it: the same partnership, the \
            round after, today's date, its participants, records and answers, each answer carried over until it \
            is confirmed, changed or rated again.
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var start: StartOptions

    @Option(help: ArgumentHelp("Where to save the session (default: a new file in the session folder, or with "
                                   + "--for in the current folder).", valueName: "path"))
    var file: String?

    @Option(help: "Who answers: workshop (a facilitated group) or self-assessment (one organisation).")
    var mode: ModeArgument = .workshop

    @Option(help: ArgumentHelp("The partnership's name.", valueName: "text"))
    var name: String = ""

    @Option(name: .customLong("for"),
            help: ArgumentHelp("Make a partner's self-assessment of this workshop's partnership (with --mode "
                                   + "self-assessment, --organisation and --sector).", valueName: "workshop-file"))
    var workshop: String?

    @Option(help: ArgumentHelp("Start the next round of this session's partnership.", valueName: "old-file"))
    var from: String?

    @Option(help: ArgumentHelp("The organisation assessing itself (self-assessment).", valueName: "name"))
    var organisation: String?

    @Option(help: "Its sector (self-assessment).")
    var sector: Sector?

    func run() throws {
        if let from {
            guard workshop == nil else { throw UserError("--from and --for exclude each other; give one of them.") }
            return try startNextRound(of: from)
        }
        // A partner's self-assessment takes the workshop's guide reference, so it loads no guide.
        if let workshop { return try makeSelfAssessment(for: workshop) }
        let guide = try global.loadGuide()
        guard mode == .selfAssessment || (organisation == nil && sector == nil) else {
            throw UserError("--organisation and --sector describe a self-assessment; add --mode self-assessment.")
        }
        let path = try file ?? global.library().newSessionPath(name: name)
        try refuseExisting(path)
        var session = Session(guide: guide, mode: mode.mode, name: name)
        session.organisation = organisation ?? ""
        session.sector = sector
        try createAndOpen(session, at: path, guide: guide)
    }

    /// Writes a new session and opens it; the interface and theme are checked first, so that a failed start
    /// leaves no empty session behind.
    private func createAndOpen(_ session: Session, at path: String, guide: Guide) throws {
        let interface = try global.interface()
        let theme = try global.chosenTheme()
        try createSession(session, at: path)
        try runWizard(sessionPath: path, guide: guide, theme: theme, interface: { interface },
                      fromStart: start.fromStart)
    }

    /// Starts the next round of the partnership in `oldPath`'s session, which is only read, and opens it.
    private func startNextRound(of oldPath: String) throws {
        guard name.isEmpty, organisation == nil, sector == nil, mode == .workshop else {
            throw UserError("The next round of \(oldPath) takes its name, mode, organisation and sector from it; "
                                + "leave out --name, --mode, --organisation and --sector.")
        }
        let guide = try global.loadGuide()
        let old = try reporting { () throws(FileError) in try SessionFile.load(from: oldPath) }
        let path = try file ?? global.library().newSessionPath(name: old.partnership.name)
        try refuseExisting(path)
        try createAndOpen(Session(nextRoundOf: old), at: path, guide: guide)
    }

    /// Writes a self-assessment of the workshop's partnership for the organisation, and prints its path. The
    /// workshop file is only read: not locked, never changed.
    private func makeSelfAssessment(for workshopPath: String) throws {
        let complete = mode == .selfAssessment && organisation.map { !$0.allSatisfy(\.isWhitespace) } == true
        guard complete, let organisation, let sector else {
            throw UserError("A self-assessment for \(workshopPath) needs --mode self-assessment, --organisation NAME "
                                + "and --sector SECTOR.")
        }
        guard name.isEmpty else {
            throw UserError("A self-assessment for \(workshopPath) takes its name from that workshop; leave out "
                                + "--name.")
        }
        let workshop = try reporting { () throws(FileError) in try SessionFile.load(from: workshopPath) }
        guard workshop.mode == .workshop else {
            throw UserError("\(workshopPath) is a self-assessment, not a workshop; give --for the workshop's file.")
        }
        let path = file ?? SessionLibrary.unusedPath(for: organisation)
        try refuseExisting(path)
        try createSession(Session(selfAssessmentFor: workshop, organisation: organisation, sector: sector), at: path)
        print(path.visibleControls)
    }

    private func refuseExisting(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw UserError("\(path) already exists; open it with `isp-wizard open \(path)` or choose another path.")
        }
    }
}

extension Sector: ExpressibleByArgument {}

enum ModeArgument: String, ExpressibleByArgument, CaseIterable {
    case workshop
    case selfAssessment = "self-assessment"

    var mode: Mode {
        switch self {
        case .workshop: .workshop
        case .selfAssessment: .selfAssessment
        }
    }
}

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open",
                                                    abstract: "Open a saved session where it was left.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The session file.", valueName: "file"))
    var file: String

    @OptionGroup var start: StartOptions

    func run() throws {
        try Self.open(file, global, fromStart: start.fromStart)
    }

    static func open(_ file: String, _ options: some CommonOptions, fromStart: Bool = false) throws {
        try runWizard(sessionPath: file, guide: options.loadGuide(), theme: options.chosenTheme(),
                      interface: options.interface, fromStart: fromStart)
    }
}

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print a session's readiness summary, without the terminal interface.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The session file.", valueName: "file"))
    var file: String

    @Option(help: "text (wrapped for reading) or json (for other tools).")
    var format: Format = .text

    @Option(help: "Wrap text at this many columns.")
    var width: Int = 80

    func run() throws {
        let guide = try global.loadGuide()
        let session = try reporting { () throws(FileError) in try SessionFile.load(from: file) }
        let report = SummaryReport(guide: guide, session: session)
        switch format {
        case .text: print(report.text(width: max(width, 40)), terminator: "")
        case .json: print(String(decoding: report.json(), as: UTF8.self))
        }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a session's meeting record: the summary, every question with every voice, the records.",
        discussion: """
            The record goes to standard output unless --output names a file. CSV holds one table: the answers (a \
            row per question and voice) unless --table names another: participants; a list of the records by its \
            name (register, actions, ground-rules, goals, impediments, resources, linkages, expansion); \
            worksheets (every other value of the worksheets); other-NAME (a record this version does not know).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The session file.", valueName: "file"))
    var file: String

    @Option(help: "text (80 columns), markdown, html (to print or show), csv (for spreadsheets) or json.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write the record to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("With --format csv, the table to write (default: answers; see above).",
                               valueName: "name"))
    var table: String?

    @Option(help: "With --format text, wrap at this many columns.")
    var width: Int = 80

    func run() throws {
        if table != nil && format != .csv { throw UserError("--table chooses a CSV table; add --format csv.") }
        let guide = try global.loadGuide()
        let session = try reporting { () throws(FileError) in try SessionFile.load(from: file) }
        let record = MeetingRecord(guide: guide, session: session)
        guard let data = record.rendered(as: format, table: table, width: max(width, 40)) else {
            let names = record.tables.compactMap(\.name).joined(separator: ", ")
            throw UserError("\(file) has no table \"\(table ?? "")\"; its tables are \(names).")
        }
        try write(data, to: output, madeFrom: [file])
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// Writes a report to standard output, or to `--output`: a file is replaced whole or not at all; a device or a
/// FIFO is written into. A report never replaces a session: neither one of the files it was made from, whatever
/// its name, nor any other session file.
func write(_ data: Data, to output: String?, madeFrom inputs: [String]) throws {
    let destination = try output.map { path throws(UserError) in
        try reporting { () throws(FileError) in try ReportDestination(path: path) }
    } ?? .standardOutput
    if case .file(let path) = destination {
        let shown = path.visibleControls
        if let target = realPath(path), inputs.compactMap(realPath).contains(target) {
            throw UserError("\(shown) is the session the report is made from; choose another --output.")
        }
        if (try? SessionFile.read(from: path)) != nil {
            throw UserError("\(shown) is an isp-wizard session, which a report would replace; choose another --output.")
        }
    }
    try reporting { () throws(FileError) in try destination.write(data) }
}

/// The path with symbolic links and `..` resolved, when it exists.
func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two rounds of a partnership's assessment.",
        discussion: """
            Shows each step's score and band in both rounds, the questions whose group rating moved by 2 points or \
            more, the notes that changed, and who joined or left. Files of different partnerships are refused \
            unless --force.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, html, json
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The earlier round's session file.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later round's session file.", valueName: "new"))
    var new: String

    @Option(help: "text (80 columns), markdown, html or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Write the comparison to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "Compare files of different partnerships too.")
    var force = false

    func run() throws {
        let guide = try global.loadGuide()
        if let real = realPath(old), real == realPath(new) {
            throw UserError("\(old.visibleControls) and \(new.visibleControls) are the same file; compare a round with "
                            + "a later one (see `isp-wizard new --from`).")
        }
        let before = try reporting { () throws(FileError) in try SessionFile.read(from: old) }
        let after = try reporting { () throws(FileError) in try SessionFile.read(from: new) }
        if !force, !after.isSamePartnership(as: before) {
            throw UserError(after.anotherPartnership(new, than: before, at: old) + "; add --force to compare them "
                                + "anyway.")
        }
        let comparison = RoundComparison(guide: guide, old: before.session, new: after.session)
        let data = switch format {
        case .text: Data(comparison.document.text().utf8)
        case .markdown: Data(comparison.document.markdown.utf8)
        case .html: Data(comparison.document.html.utf8)
        case .json: comparison.json()
        }
        try write(data, to: output, madeFrom: [old, new])
    }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge partners' self-assessments into one workshop session, without the terminal interface.",
        discussion: """
            Each self-assessment becomes a participant with its organisation, sector, ratings and notes. At most \
            one of the files may be a workshop: the output starts from it. Files of another partnership or guide \
            are refused unless --force. A self-assessment merged before replaces its participant's answers when it \
            is newer, and is skipped otherwise. One whose participant id is that of someone in the room without a \
            self-assessment, or of another organisation or sector, is refused unless --force, which adds it as a \
            new participant with a new id. The files merged are never changed.

            A self-assessment's records join the workshop's: each row of its lists (register, action plan, goals…) \
            is added to the workshop's list, marked with its organisation, unless the list has that row already \
            (merged before); what it wrote outside its lists (its convening plan, its vision) is kept apart under \
            its organisation and shown so in the summary and the reports.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The self-assessments, and at most one workshop file to start from.",
                                 valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("The workshop file to write.", valueName: "file"))
    var output: String

    @Flag(help: "Merge into the output, an existing workshop file, in place.")
    var update = false

    @Flag(help: ArgumentHelp("Merge files of another partnership or answered with another guide too, and add a "
                             + "file whose participant id is another participant's as a new participant."))
    var force = false

    func run() throws {
        guard !files.isEmpty else { throw UserError("Give the self-assessment files to merge into \(output).") }
        let guide = try global.loadGuide()
        // Locked before looking whether it exists: of two merges into one new output, the second is refused.
        let newOutputLock = update ? nil : try reporting { () throws(FileError) in
            try SessionLock(newSessionPath: output)
        }
        defer { newOutputLock?.release() }
        if FileManager.default.fileExists(atPath: output) != update {
            throw UserError(update ? "\(output) does not exist; leave out --update to make it."
                                : "\(output) already exists; add --update to merge into it, or choose another "
                                    + "--output.")
        }
        let inputs = files.map(MergeInput.read)
        guard update else {
            let session = try merged(inputs, updating: nil, guide: guide)
            try reporting { () throws(FileError) in try SessionFile.save(session, to: output) }
            print("Wrote \(output.visibleControls), a workshop with \(session.participantsCounted).")
            return
        }
        let opened = try reporting { () throws(FileError) in try SessionFile.openForEditing(output) }
        defer { opened.lock?.release() }
        if let reason = opened.readOnlyReason {
            // The reason is a sentence of ours ending in a full stop.
            throw UserError("\(reason.dropLast()); merge into a new --output instead.")
        }
        let session = try merged(inputs, updating: (output, opened.contents), guide: guide)
        try reporting { () throws(FileError) in
            try SessionFile.keepOriginal(opened.contents, of: opened.path)
            try SessionFile.save(session, to: opened.path)
        }
        print("Updated \(output.visibleControls), a workshop with \(session.participantsCounted).")
    }

    /// Merges, prints a line per file, and returns the session to write; throws when nothing was merged.
    private func merged(_ inputs: [MergeInput], updating: (path: String, contents: SessionFileContents)?,
                        guide: Guide) throws -> Session {
        let result = try reporting { () throws(FileError) in
            try SessionMerge.merge(inputs, updating: updating, guide: guide, force: force)
        }
        for entry in result.entries {
            print(entry.line.visibleControls)
            if let records = entry.recordsLine { print(records.visibleControls) }
        }
        guard let session = result.output else {
            throw UserError("Nothing was merged, so \(output) was \(update ? "left as it was" : "not written").")
        }
        return session
    }
}

struct PrintGuide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Print the guide as JSON: a starting point for an edited or translated guide (--guide).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        print(String(decoding: try global.loadGuide().jsonData(), as: UTF8.self))
    }
}

/// A failure the user can act on: printed as one sentence, exit status 1.
struct UserError: Error, CustomStringConvertible {
    let description: String

    /// Paths, file contents and TERM can hold escape sequences; the terminal gets them made visible.
    init(_ description: String) {
        self.description = description.visibleControls
    }
}

/// Runs file work, turning a file problem into the sentence the user sees.
func reporting<T>(_ work: () throws(FileError) -> T) throws(UserError) -> T {
    do {
        return try work()
    } catch {
        throw UserError(error.message)
    }
}

/// The full screen (ncurses) or the plain, line-by-line wizard.
enum Interface {
    case fullScreen, plain
}

func createSession(_ session: Session, at path: String) throws {
    try reporting { () throws(FileError) in try SessionFile.save(session, to: path) }
}

/// Opens a session in the chosen interface and saves it on the way out, whatever ends the run; a terminal
/// ncurses cannot draw on gets the plain wizard instead. With `fromStart`, the walk starts at its first screen
/// rather than where the session was left.
func runWizard(sessionPath: String, guide: Guide, theme: Theme, interface chooseInterface: () throws -> Interface,
               fromStart: Bool = false) throws
{
    let opened = try reporting { () throws(FileError) in try SessionFile.openForEditing(sessionPath) }
    defer { opened.lock?.release() }
    var session = opened.session
    if fromStart { session.position = nil }
    // Chosen after the file is open, so that a damaged file is named before a missing terminal.
    let interface = try chooseInterface()
    // The real path, so that saving a session reached through a symbolic link keeps the link.
    let store = FileSessionStore(path: opened.path, readOnlyReason: opened.readOnlyReason, opened: opened.contents)
    let ending: (state: WizardState, signal: StopSignal?)
    switch interface {
    case .fullScreen:
        do {
            ending = try runFullScreen(opened, session: session, guide: guide, theme: theme, store: store)
        } catch is TerminalUnavailable {
            let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
            print("isp-wizard cannot draw screens on this terminal (TERM=\(term.visibleControls)), so it asks line "
                  + "by line.")
            ending = runPlain(opened, session: session, guide: guide, store: store)
        }
    case .plain:
        ending = runPlain(opened, session: session, guide: guide, store: store)
    }
    if let error = ending.state.saveFailure {
        throw UserError(rescue(ending.state.session, failure: error))
    }
    let shownPath = sessionPath.visibleControls
    let farewell = opened.readOnlyReason == nil ? "Saved to \(shownPath)" : "Nothing was changed in \(shownPath)"
    if ending.signal != .hangup { print(farewell) }
    if let signal = ending.signal { throw ExitCode(128 + signal.number) }
}

private func runFullScreen(_ opened: OpenedSession, session: Session, guide: Guide, theme: Theme,
                           store: FileSessionStore) throws -> (state: WizardState, signal: StopSignal?)
{
    let backend = try NcursesBackend(theme: theme)
    let state = WizardState(guide: guide, session: session, size: backend.size,
                            readOnlyReason: opened.readOnlyReason)
    let runner = WizardRunner(state: state, backend: backend, store: store)
    let outcome = runner.run()
    backend.stop()
    if case .stopped(let signal) = outcome { return (runner.state, signal) }
    return (runner.state, nil)
}

/// The plain wizard on standard input and output; a stop signal ends the line being read, and with it the walk.
private func runPlain(_ opened: OpenedSession, session: Session, guide: Guide, store: FileSessionStore)
    -> (state: WizardState, signal: StopSignal?)
{
    PlainStopSignals.install()
    let state = WizardState(guide: guide, session: session, size: WizardState.minimumSize,
                            readOnlyReason: opened.readOnlyReason)
    let input = LineReader(descriptor: STDIN_FILENO, longestLine: WizardState.largestPastedSession)
    let wizard = PlainWizard(state: state, store: store, readLine: { input.nextLine() },
                             write: { text in
                                 fputs(text, stdout)
                                 fflush(stdout)
                             }, echoesAnswers: isatty(STDIN_FILENO) == 0)
    _ = wizard.run()
    return (wizard.state, PlainStopSignals.received)
}

/// When the session cannot be saved where it belongs, writes a rescue copy so that nothing typed is lost,
/// and says where it went.
func rescue(_ session: Session, failure: FileError) -> String {
    do throws(FileError) {
        let path = try RescueFile.save(session, environment: ProcessInfo.processInfo.environment)
        return "\(failure.message) Your answers were saved to \(path) instead."
    } catch {
        return "\(failure.message) \(error.message)"
    }
}

/// Stop signals for the plain wizard: they set a flag and, installed without SA_RESTART, interrupt the read
/// under way, which then ends the walk as the end of the input does (saved).
enum PlainStopSignals {
    private static let signals: [Int32: StopSignal] = [
        SIGINT: .interrupt, SIGTERM: .terminate, SIGHUP: .hangup, SIGQUIT: .quit,
        SIGUSR1: .userDefined1, SIGUSR2: .userDefined2, SIGALRM: .alarm,
    ]

    static func install() {
        for number in signals.keys {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in lastSignal.store(received, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }

    static var received: StopSignal? {
        signals[lastSignal.load(ordering: .relaxed)]
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

extension StopSignal {
    /// The signal's number, for the conventional exit status of a process ended by it (128 + number).
    var number: Int32 {
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
}
