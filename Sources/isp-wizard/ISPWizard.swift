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

@main
struct ISPWizard: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Every command names itself: deriving a name from the type's name costs a scan of every protocol
        // conformance in the program at each start.
        commandName: "isp-wizard",
        abstract: "Walk a partnership through the seven start-up steps and see how ready it is.",
        discussion: """
            With no command, opens the session opened last (by any command but `new --for`, wherever it is), else \
            the one changed last in the session folder, or starts a new one when there is none.
            Sessions are kept in $XDG_DATA_HOME/isp-wizard (by default ~/.local/share/isp-wizard).
            """,
        version: ispWizardVersion,
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
            exit(withError: error, in: DefaultOptions().errorLanguage())
        }
        // As `main` does, but saying a refusal in the language this command line chooses.
        let parsed: ParsableCommand
        do {
            parsed = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            var command = parsed
            try command.run()
        } catch {
            let options: any CommonOptions = (parsed as? any TakesGlobalOptions)?.global ?? DefaultOptions()
            exit(withError: error, in: options.errorLanguage())
        }
    }

    func run() throws {
        try Self.openLastOrNew(global, start: start.wizardStart())
    }

    /// Opens the session used last, or a new one when there is none, started as `start` says.
    static func openLastOrNew(_ options: some CommonOptions, start: WizardStart = WizardStart()) throws {
        let guide = try options.loadGuide()
        let language = try options.chosenLanguage()
        let interface = try options.interface()
        let theme = try options.chosenTheme()
        let library = try options.library()
        let environment = ProcessInfo.processInfo.environment
        let path: String
        if let last = RecentSessions(environment: environment).mostRecent() ?? library.mostRecentSession() {
            path = last
        } else {
            path = library.newSessionPath(name: "")
            try createSession(Session(guide: guide), at: path)
        }
        // Named nowhere on the command line, the session is named on the first screen.
        try runWizard(sessionPath: path, guide: guide, language: language, theme: theme, interface: { interface },
                      start: start, saysWhichSession: true)
    }
}

/// A command with the options every command takes, of which the language its refusals are said in.
protocol TakesGlobalOptions {
    var global: GlobalOptions { get }
}

extension ISPWizard: TakesGlobalOptions {}
extension New: TakesGlobalOptions {}
extension Open: TakesGlobalOptions {}
extension Summary: TakesGlobalOptions {}
extension Report: TakesGlobalOptions {}
extension Compare: TakesGlobalOptions {}
extension Merge: TakesGlobalOptions {}
extension PrintGuide: TakesGlobalOptions {}
