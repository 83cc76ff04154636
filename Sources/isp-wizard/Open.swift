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

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open",
                                                    abstract: "Open a saved session where it was left.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The session file.", valueName: "file"))
    var file: String

    @OptionGroup var start: StartOptions

    func run() throws {
        try Self.open(file, global, start: start.wizardStart())
    }

    static func open(_ file: String, _ options: some CommonOptions, start: WizardStart = WizardStart()) throws {
        try runWizard(sessionPath: file, guide: options.loadGuide(), language: options.chosenLanguage(),
                      theme: options.chosenTheme(), interface: options.interface, start: start)
    }
}
