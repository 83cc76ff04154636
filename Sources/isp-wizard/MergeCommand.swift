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
            let result = try merged(inputs, updating: nil, guide: guide)
            guard let session = result.session else {
                throw UserError("Nothing was merged, so \(output) was not written.")
            }
            try reporting { () throws(FileError) in try SessionFile.save(session, to: output) }
            print("Wrote \(output.visibleControls), a workshop with \(session.participantsCounted).")
            return try refuseIfAny(result.refused)
        }
        let opened = try reporting { () throws(FileError) in try SessionFile.openForEditing(output) }
        defer { opened.lock?.release() }
        if let reason = opened.readOnlyReason {
            // The reason is a sentence of ours ending in a full stop.
            throw UserError("\(reason.dropLast()); merge into a new --output instead.")
        }
        let result = try merged(inputs, updating: (output, opened.contents), guide: guide)
        guard let session = result.session else {
            // Running the same merge again is how a workshop is kept up to date: nothing new is no failure.
            guard result.everyFileMergedBefore else {
                throw UserError("Nothing was merged, so \(output) was left as it was.")
            }
            print("\(output.visibleControls) is up to date: every file was merged before.")
            return
        }
        try reporting { () throws(FileError) in
            try SessionFile.keepOriginal(opened.contents, of: opened.path)
            try SessionFile.save(session, to: opened.path)
        }
        print("Updated \(output.visibleControls), a workshop with \(session.participantsCounted).")
        try refuseIfAny(result.refused)
    }

    /// A merge that left files out ends with status 1, so that a script merging many partners notices.
    private func refuseIfAny(_ refusedFiles: Int) throws {
        guard refusedFiles > 0 else { return }
        throw UserError(refusedFiles == 1
            ? "1 file was refused, so \(output) holds the others without it; the line above says why."
            : "\(refusedFiles) files were refused, so \(output) holds the others without them; the lines above "
                + "say why.")
    }

    /// Merges and prints a line per file; returns the session to write (nil when nothing was merged), whether
    /// every file was skipped as merged before, and how many files were refused.
    private func merged(_ inputs: [MergeInput], updating: (path: String, contents: SessionFileContents)?,
                        guide: Guide) throws -> (session: Session?, everyFileMergedBefore: Bool, refused: Int) {
        let result = try reporting { () throws(FileError) in
            try SessionMerge.merge(inputs, updating: updating, guide: guide, force: force)
        }
        for entry in result.entries {
            print(entry.line.visibleControls)
            if let records = entry.recordsLine { print(records.visibleControls) }
        }
        for line in result.readinessLines { print(line.visibleControls) }
        let everyFileMergedBefore = result.entries.allSatisfy {
            if case .skipped = $0.action { true } else { false }
        }
        let refused = result.entries.count { if case .refused = $0.action { true } else { false } }
        return (result.output, everyFileMergedBefore, refused)
    }
}
