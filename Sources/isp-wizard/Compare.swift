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

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two rounds of a partnership's assessment.",
        discussion: """
            Shows each step's score and band in both rounds, the questions whose group rating moved by 2 points or \
            more, the notes that changed, who joined or left, and the worksheets' values and lists' rows that \
            changed. Files of different partnerships are refused unless --force.
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
        // The JSON is read by scripts: its words follow the language only when --lang asks.
        let language = try global.chosenLanguage(readByScripts: format == .json)
        let guide = try global.loadGuide()
        if let real = realPath(old), real == realPath(new) {
            throw UserError(Message(.cliCompareSameFile, ["old": .text(old), "new": .text(new)]))
        }
        let before = try reporting { () throws(FileError) in try SessionFile.read(from: old) }
        let after = try reporting { () throws(FileError) in try SessionFile.read(from: new) }
        if !force, !after.isSamePartnership(as: before) {
            let name = after.session.partnership.name.excerpt()
            let otherName = before.session.partnership.name.excerpt()
            let id: MessageID = name == otherName ? .cliCompareOtherPartnershipSameName : .cliCompareOtherPartnership
            throw UserError(Message(id, ["new": .text(new.pathInMessage), "old": .text(old.pathInMessage),
                                     "name": .text(name), "otherName": .text(otherName)]))
        }
        let comparison = RoundComparison(guide: guide, old: before.session, new: after.session, language: language)
        let data = switch format {
        case .text: Data(comparison.document.text().utf8)
        case .markdown: Data(comparison.document.markdown.utf8)
        case .html: Data(comparison.document.html.utf8)
        case .json: comparison.json()
        }
        try write(data, to: output, madeFrom: [old, new])
    }
}
