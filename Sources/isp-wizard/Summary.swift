import ArgumentParser
import ISPCore
import ISPFiles
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
        let report = SummaryReport(guide: guide, session: session, language: try global.chosenLanguage())
        switch format {
        case .text: print(report.text(width: max(width, 40)), terminator: "")
        case .json: print(String(decoding: report.json(), as: UTF8.self))
        }
    }
}
