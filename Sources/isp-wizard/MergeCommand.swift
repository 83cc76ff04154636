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
            new participant with a new id. The files merged are never changed. Merging into a workshop, it then says \
            which questions it turned from Not applicable or Don't know for the room to rated, or the reverse, and \
            which steps' scores or bands moved.

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
        guard !files.isEmpty else { throw UserError(Message(.cliMergeNoFiles, ["output": .text(output)])) }
        let language = try global.chosenLanguage()
        let guide = try global.loadGuide()
        // Locked before looking whether it exists: of two merges into one new output, the second is refused.
        let newOutputLock = update ? nil : try reporting { () throws(FileError) in
            try SessionLock(newSessionPath: output)
        }
        defer { newOutputLock?.release() }
        if FileManager.default.fileExists(atPath: output) != update {
            let id: MessageID = update ? .cliMergeOutputMissing : .cliMergeOutputExists
            throw UserError(Message(id, ["output": .text(output)]))
        }
        let inputs = files.map(MergeInput.read)
        guard update else {
            let result = try merged(inputs, updating: nil, guide: guide, language: language)
            guard let session = result.session else {
                throw UserError(Message(.cliMergeNothingWritten, ["output": .text(output)]))
            }
            try reporting { () throws(FileError) in try SessionFile.save(session, to: output) }
            print(language.text(.cliMergeWrote, ["output": .text(output.visibleControls),
                                                 "count": .integer(session.participants.count)]))
            return try refuseIfAny(result.refused)
        }
        let opened = try reporting { () throws(FileError) in try SessionFile.openForEditing(output) }
        defer { opened.lock?.release() }
        if let readOnly = opened.readOnly { throw UserError(Self.refusal(readOnly)) }
        let result = try merged(inputs, updating: (output, opened.contents), guide: guide, language: language)
        guard let session = result.session else {
            // Running the same merge again is how a workshop is kept up to date: nothing new is no failure.
            guard result.everyFileMergedBefore else {
                throw UserError(Message(.cliMergeNothingChanged, ["output": .text(output)]))
            }
            print(language.text(.cliMergeUpToDate, ["output": .text(output.visibleControls)]))
            return
        }
        try reporting { () throws(FileError) in
            try SessionFile.keepOriginal(opened.contents, of: opened.path)
            try SessionFile.save(session, to: opened.path)
        }
        print(language.text(.cliMergeUpdated, ["output": .text(output.visibleControls),
                                               "count": .integer(session.participants.count)]))
        try refuseIfAny(result.refused)
    }

    /// A merge that left files out ends with status 1, so that a script merging many partners notices.
    private func refuseIfAny(_ refusedFiles: Int) throws {
        guard refusedFiles > 0 else { return }
        throw UserError(Message(.cliMergeRefused, ["count": .integer(refusedFiles), "output": .text(output)]))
    }

    /// Why a merge does not update a workshop file that may not be saved.
    private static func refusal(_ readOnly: ReadOnlyReason) -> Message {
        switch readOnly {
        case .readOnlyFileSystem(let path): Message(.cliMergeReadOnlyFileSystem, ["file": .text(path)])
        case .noPermission(let path): Message(.cliMergeReadOnlyNoPermission, ["file": .text(path)])
        case .folderNotWritable(let path, let folder):
            Message(.cliMergeReadOnlyFolder, ["file": .text(path), "folder": .text(folder)])
        case .hardLinks(let path, let count):
            Message(.cliMergeReadOnlyHardLinks, ["file": .text(path), "count": .integer(count)])
        }
    }

    /// Merges and prints a line per file in `language`; returns the session to write (nil when nothing was
    /// merged), whether every file was skipped as merged before, and how many files were refused.
    private func merged(_ inputs: [MergeInput], updating: (path: String, contents: SessionFileContents)?,
                        guide: Guide, language: Language)
        throws -> (session: Session?, everyFileMergedBefore: Bool, refused: Int)
    {
        let result = try reporting { () throws(FileError) in
            try SessionMerge.merge(inputs, updating: updating, guide: guide, force: force)
        }
        for entry in result.entries {
            print(entry.line(in: language).visibleControls)
            if let records = entry.recordsLine { print(language.text(records).visibleControls) }
        }
        for line in result.readinessLines(in: language) { print(line.visibleControls) }
        let everyFileMergedBefore = result.entries.allSatisfy {
            if case .skipped = $0.action { true } else { false }
        }
        let refused = result.entries.count { if case .refused = $0.action { true } else { false } }
        return (result.output, everyFileMergedBefore, refused)
    }
}
