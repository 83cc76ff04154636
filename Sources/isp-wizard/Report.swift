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

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a session's meeting record: the summary, every question with every voice, the records.",
        discussion: """
            The record goes to standard output unless --output names a file. CSV holds one table: the answers (a \
            row per question and voice) unless --table names another: participants; a list of the records by its \
            name (register, actions, ground-rules, goals, support, impediments, interviews, \
            stakeholder-acceptance, capacity-building, contributions, resources, linkages, expansion); \
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

    @Flag(help: ArgumentHelp("Write the hand-out instead: what was decided, the readiness and each sector's "
                             + "viewpoints, in a few pages (text, markdown or html)."))
    var handout = false

    func run() throws {
        if handout && (table != nil || format == .csv || format == .json) {
            throw UserError(Message(.handoutCliNotPrinted))
        }
        if table != nil && format != .csv { throw UserError(Message(.cliReportTableWithoutCSV)) }
        let guide = try global.loadGuide()
        let session = try reporting { () throws(FileError) in try SessionFile.load(from: file) }
        if handout {
            let handOut = HandOut(guide: guide, session: session, language: try global.chosenLanguage())
            try write(handOut.rendered(as: format, width: max(width, 40)) ?? Data(), to: output, madeFrom: [file])
            return
        }
        // A CSV is read by scripts: its headers follow the language only when --lang asks, not the environment's.
        let language = try global.chosenLanguage(readByScripts: format == .csv)
        let record = MeetingRecord(guide: guide, session: session, language: language)
        guard let data = record.rendered(as: format, table: table, width: max(width, 40)) else {
            let names = record.tables.compactMap(\.name).joined(separator: ", ")
            throw UserError(Message(.cliReportNoTable, ["file": .text(file), "table": .text(table ?? ""),
                                                        "tables": .text(names)]))
        }
        try write(data, to: output, madeFrom: [file])
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// Writes a report to standard output, or to `--output`: a file is replaced whole or not at all; a device or a
/// FIFO is written into. A report never replaces a session (`ReportDestination` refuses them), and the one it is
/// made from is named as such.
func write(_ data: Data, to output: String?, madeFrom inputs: [String]) throws {
    if let output, let target = realPath(output), inputs.compactMap(realPath).contains(target) {
        throw UserError(Message(.cliReportOverSession, ["file": .text(output)]))
    }
    let destination = try output.map { path throws(UserError) in
        try reporting { () throws(FileError) in try ReportDestination(path: path) }
    } ?? .standardOutput
    try reporting { () throws(FileError) in try destination.write(data) }
}

/// The path with symbolic links and `..` resolved, when it exists.
func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
