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

/// What the options every command takes choose: the guide, the language, the plain mode and the theme.
protocol CommonOptions {
    var guide: String? { get }
    var lang: String? { get }
    var plain: Bool { get }
    var theme: String? { get }
}

/// The options a command line without any gives.
struct DefaultOptions: CommonOptions {
    let guide: String? = nil
    let lang: String? = nil
    let plain = false
    let theme: String? = nil
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments, CommonOptions {
    @Option(name: .long, help: ArgumentHelp("Use an edited or translated guide file.", valueName: "file"))
    var guide: String?

    @Option(help: ArgumentHelp("The language of what the wizard says: "
                               + Language.all.map(\.code).joined(separator: ", ") + " (\(Language.pseudo.code) "
                               + "checks a translation's room), or one a --guide has; else LANGUAGE, LC_ALL, "
                               + "LC_MESSAGES, LANG.", valueName: "code"))
    var lang: String?

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

    @Flag(help: ArgumentHelp("Start the ballot server with the wizard, so that the voting page's address is ready "
                             + "before the first ballot (b on a question)."))
    var ballot = false

    @Option(help: ArgumentHelp("The port phones reach ballots on: 8470 unless given; 0 picks a free one.",
                               valueName: "port"))
    var ballotPort: Int?

    @Option(help: ArgumentHelp("The address the voting page's link and QR code show, when the one found is not the "
                               + "one phones reach (the laptop's hotspot address, say).", valueName: "address"))
    var ballotAddress: String?

    /// Where the walk starts, and how the ballot server is started; a port out of range is refused.
    func wizardStart() throws -> WizardStart {
        if let port = ballotPort, !(0...65_535).contains(port) {
            throw UserError(Message(.cliBallotPortOutOfRange, ["port": .integer(port)]))
        }
        let arguments = (ballotPort.map { ["--port", String($0)] } ?? [])
            + (ballotAddress.map { ["--address", $0] } ?? [])
        return WizardStart(fromStart: fromStart, startsBallots: ballot,
                           ballotLaunch: BallotServerLaunch(arguments: arguments))
    }
}

extension CommonOptions {
    /// The language asked for: --lang, else the environment's, else English; a --lang that neither a catalog nor
    /// the guide has is refused.
    func chosenLanguage() throws -> Language {
        // A guide file that does not load leaves its languages out; loading the guide says what is wrong with it.
        try languageChoice(guideLanguages: (try? loadGuideFile())?.languages ?? Guide.builtIn.languages).language
    }

    /// The language of a file that scripts read (a CSV, the comparison's JSON): --lang's when it is given, else
    /// English, so that a script's output does not change with a user's LANG; the chosen language for any other.
    func chosenLanguage(readByScripts: Bool) throws -> Language {
        readByScripts && lang == nil ? .english : try chosenLanguage()
    }

    private func languageChoice(guideLanguages: [String]) throws -> LanguageChoice {
        do throws(LanguageRefusal) {
            return try LanguageChoice.choose(flag: lang, environment: ProcessInfo.processInfo.environment,
                                             guideLanguages: guideLanguages)
        } catch {
            throw UserError(error.message)
        }
    }

    /// The language a refusal is said in: --lang's when a catalog has it, else the environment's. A refusal can
    /// come before the guide is read, or from reading it, so a language only the guide has is not waited for;
    /// a --lang that is itself refused is said in the environment's language.
    func errorLanguage() -> Language {
        let environment = ProcessInfo.processInfo.environment
        let choice = (try? LanguageChoice.choose(flag: lang, environment: environment))
            ?? (try? LanguageChoice.choose(flag: nil, environment: environment))
        return choice?.language ?? .english
    }

    /// The theme asked for: --theme, else ISP_WIZARD_THEME, else mono when NO_COLOR is set, else the default.
    func chosenTheme() throws -> Theme {
        let environment = ProcessInfo.processInfo.environment
        guard let name = theme ?? environment["ISP_WIZARD_THEME"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return environment["NO_COLOR"].map { $0.isEmpty ? Theme.standard : .mono } ?? .standard
        }
        if let chosen = Theme.named(name) { return chosen }
        // The names as they are typed, so separated by commas rather than as a sentence's list.
        let names: [String: MessageArgument] = ["theme": .text(name.visibleControls),
                                                "themes": .text(Theme.all.map(\.name).joined(separator: ", "))]
        guard theme == nil else { throw UserError(Message(.cliThemeUnknown, names)) }
        // A setting left in the environment should not keep the wizard from starting.
        fputs(errorLanguage().text(.cliThemeUnknownInEnvironment, names) + "\n", stderr)
        return .standard
    }

    /// How the wizard talks to the user: line by line when asked to, or when the terminal cannot draw screens;
    /// without a terminal and without --plain, a refusal.
    func interface() throws -> Interface {
        let accessible = ProcessInfo.processInfo.environment["ACCESSIBLE"].map { !$0.isEmpty && $0 != "0" } ?? false
        if plain || accessible { return .plain }
        do throws(TerminalUnavailable) {
            try NcursesBackend.checkTerminal()
            return .fullScreen
        } catch {
            // A terminal that cannot move its cursor (TERM=dumb or unset) still reads and writes lines.
            if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 { return .plain }
            throw UserError(Message(error.refusal))
        }
    }

    /// The guide of --guide, else the built-in one, in the language chosen. A language only the guide has shows the
    /// guide in it and the rest in English, which a line on the error output says.
    func loadGuide() throws -> Guide {
        let file = try loadGuideFile()
        let choice = try languageChoice(guideLanguages: file?.languages ?? Guide.builtIn.languages)
        if choice.isGuideOnly {
            fputs(choice.language.text(.guideLanguageOnlyInGuide,
                                       ["language": .text(choice.guideLanguage)]) + "\n", stderr)
        }
        return file?.guide(in: choice.guideLanguage) ?? .builtIn(in: choice.language.code)
    }

    /// The file of --guide, nil without one.
    private func loadGuideFile() throws -> GuideFile? {
        guard let guide else { return nil }
        return try reporting { () throws(FileError) in try GuideFile.load(from: guide) }
    }

    func library() throws -> SessionLibrary {
        let library = SessionLibrary(environment: ProcessInfo.processInfo.environment)
        try reporting { () throws(FileError) in try library.prepare() }
        return library
    }
}

extension TerminalUnavailable {
    /// What `checkTerminal`'s refusal tells the user. The other reasons come from opening the terminal, after
    /// which the wizard goes on line by line instead.
    var refusal: MessageID {
        switch self {
        case .termUnset: .cliTerminalTermUnset
        case .termDumb: .cliTerminalTermDumb
        case .notInteractive, .cannotWrite, .unknownType, .noCursorMovement: .cliTerminalNotInteractive
        }
    }
}
