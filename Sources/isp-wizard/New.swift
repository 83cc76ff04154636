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
            guard workshop == nil else { throw UserError(Message(.cliNewFromAndFor)) }
            return try startNextRound(of: from)
        }
        // A partner's self-assessment takes the workshop's guide reference, so it loads no guide.
        if let workshop { return try makeSelfAssessment(for: workshop) }
        let guide = try global.loadGuide()
        guard mode == .selfAssessment || (organisation == nil && sector == nil) else {
            throw UserError(Message(.cliNewNotSelfAssessment))
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
        let language = try global.chosenLanguage()
        let interface = try global.interface()
        let theme = try global.chosenTheme()
        try createSession(session, at: path)
        try runWizard(sessionPath: path, guide: guide, language: language, theme: theme, interface: { interface },
                      start: start.wizardStart())
    }

    /// Starts the next round of the partnership in `oldPath`'s session, which is only read, and opens it.
    private func startNextRound(of oldPath: String) throws {
        guard name.isEmpty, organisation == nil, sector == nil, mode == .workshop else {
            throw UserError(Message(.cliNewNextRoundOptions, ["file": .text(oldPath)]))
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
            throw UserError(Message(.cliNewSelfAssessmentNeeds, ["file": .text(workshopPath)]))
        }
        guard name.isEmpty else {
            throw UserError(Message(.cliNewSelfAssessmentName, ["file": .text(workshopPath)]))
        }
        let workshop = try reporting { () throws(FileError) in try SessionFile.load(from: workshopPath) }
        guard workshop.mode == .workshop else {
            throw UserError(Message(.cliNewForSelfAssessment, ["file": .text(workshopPath)]))
        }
        let path = file ?? SessionLibrary.unusedPath(for: organisation)
        try refuseExisting(path)
        try createSession(Session(selfAssessmentFor: workshop, organisation: organisation, sector: sector), at: path)
        print(path.visibleControls)
    }

    private func refuseExisting(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw UserError(Message(.cliNewExists, ["file": .text(path)]))
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
