import Messages
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// Partners' self-assessments merged into one workshop session: each becomes a participant whose voices are its
// ratings and notes. Pure: files are read and written by the caller.

extension Session {
    /// A partner's self-assessment of a workshop's partnership, to send to that partner: the workshop's
    /// partnership id, round, name, focal issue and guide, with a participant id of its own and no answers.
    public init(selfAssessmentFor workshop: Session, organisation: String, sector: Sector, now: Date = Date()) {
        // The guide reference is the workshop's, set below, whatever guide this program has loaded.
        self.init(guide: .builtIn, mode: .selfAssessment, name: workshop.partnership.name, now: now)
        partnershipID = workshop.partnershipID
        round = workshop.round
        partnership.focalIssue = workshop.partnership.focalIssue
        guide = workshop.guide
        self.organisation = organisation
        self.sector = sector
    }
}

/// A session file given to a merge: its path as the user gave it, and what reading it gave.
public struct MergeInput: Sendable {
    public let path: String
    public let contents: Result<SessionFileContents, FileError>

    public init(path: String, contents: Result<SessionFileContents, FileError>) {
        self.path = path
        self.contents = contents
    }
}

/// What a merge did with one of its files.
public enum MergeAction: Sendable, Equatable {
    /// The workshop file the others were merged into.
    case base
    /// A self-assessment that became a new participant.
    case added(Participant)
    /// A self-assessment merged before, whose newer answers replaced that participant's.
    case replaced(Participant)
    /// A self-assessment merged before, left out since it is not newer than what that participant has.
    case skipped(Participant)
    /// Not merged, for the reason the sentence gives; it names the file.
    case refused(Message)
}

/// One file of a merge: what was done with it, and the line that tells the user.
public struct MergeEntry: Sendable, Equatable {
    public let path: String
    public let action: MergeAction
    /// The prompts it answered that the guide in use lacks (from another edition): those answers are kept.
    public let unknownPrompts: [String]
    /// What `force` let through (`of another partnership`); empty when nothing had to be forced.
    public let forced: [Message]
    /// The sentences of one line for the user, naming the file.
    public let sentences: [Message]
    /// A second line when the file's records were taken: what joined the workshop's lists and what was kept apart.
    public var recordsLine: Message? = nil

    /// The line for the user in `language`.
    public func line(in language: Language) -> String {
        sentences.map { language.text($0) }.joined(separator: " ")
    }
}

/// What a merge gives: a line per file, in the order given, and the workshop session to write.
public struct MergeResult: Sendable {
    public let entries: [MergeEntry]
    /// The merged workshop, changed at `now`; nil when no participant was added or replaced.
    public let output: Session?
    /// The workshop merged into, as it was, and the guide in use: what `readinessLines` compares the output with.
    var base: (session: Session, guide: Guide)? = nil

    /// What the merge changed in the base workshop's readiness, to say after the lines of the files: "What the
    /// merge changed in the readiness:" and a line for each question whose status changed (Not applicable or
    /// Don't know for the room, rated now, or the reverse) and each step whose score or band moved. Empty when
    /// nothing changed, or without a workshop to compare with.
    public func readinessLines(in language: Language) -> [String] {
        guard let base, let output else { return [] }
        let report = { (session: Session) in SummaryReport(guide: base.guide, session: session, language: language) }
        let changes = ReadinessChanges(old: report(base.session), new: report(output))
        let lines = changes.statusChanges.map { change in
            language.text(.compareStatusChangeQuestion, ["change": .message(change.message),
                                                         "text": .text(change.prompt.text.excerpt(limit: 60))])
        } + changes.stepMoves.map { language.text($0.message) }
        return lines.isEmpty ? [] : [language.text(.mergeReadiness)] + lines.map { "  " + $0 }
    }
}

public enum SessionMerge {
    /// Merges self-assessments into one workshop session, each as a participant whose voices are its ratings
    /// (as `Voice.rating`), notes (as `Voice.note`) and findings (as `Voice.finding`).
    ///
    /// The base is `updating` (the workshop updated in place), else the first workshop file among `inputs`,
    /// else a new workshop of the first file's partnership. Every other file must be of the base's partnership
    /// (the first file's without a base) and guide, unless `force`; a second workshop file is refused. A file
    /// merged before (the same participant id, or for a version-1 file, which has none, the same organisation
    /// and sector) replaces that participant's answers when it is newer and is skipped otherwise. A file whose id
    /// is a participant's who came from no self-assessment, or who is of another organisation (case, accents and
    /// spaces ignored) or sector, is refused unless `force`, which adds it as a new participant under an id derived
    /// from its own.
    ///
    /// Throws, merging nothing, when the base is not a workshop, or it (the first file without a base) was
    /// answered with another guide than `guide`, the one in use, unless `force`.
    public static func merge(_ inputs: [MergeInput], updating: (path: String, contents: SessionFileContents)? = nil,
                             guide: Guide, force: Bool = false, now: Date = Date()) throws(FileError) -> MergeResult
    {
        let readable = inputs.compactMap { input in
            (try? input.contents.get()).map { (path: input.path, contents: $0) }
        }
        let baseInput = updating == nil ? readable.first { $0.contents.session.mode == .workshop } : nil
        guard let reference = updating ?? baseInput ?? readable.first else {
            // Not one file could be read.
            let entries = inputs.compactMap { input -> MergeEntry? in
                guard case .failure(let error) = input.contents else { return nil }
                return .refused(input.path, error.sentence)
            }
            return MergeResult(entries: entries, output: nil)
        }
        if updating != nil, reference.contents.session.mode != .workshop {
            throw FileError(Message(.fileMergeUpdateSelfAssessment, ["file": .text(reference.path.pathInMessage)]))
        }
        let referenceGuide = reference.contents.session.guide.id
        if referenceGuide != guide.id, !force {
            throw FileError(Message(.fileMergeOtherGuide, ["file": .text(reference.path.pathInMessage),
                                                           "guide": .text(referenceGuide.excerpt()),
                                                           "guideInUse": .text(guide.id.excerpt())]))
        }
        var merger = Merger(reference: reference, isBase: updating != nil || baseInput != nil, guide: guide,
                            force: force, now: now)
        var baseTaken = updating != nil
        let entries = inputs.map { input -> MergeEntry in
            let contents: SessionFileContents
            switch input.contents {
            case .failure(let error): return .refused(input.path, error.sentence)
            case .success(let read): contents = read
            }
            if !baseTaken, contents.session.mode == .workshop {
                baseTaken = true
                return MergeEntry(path: input.path, action: .base, unknownPrompts: [], forced: [], sentences: [
                    Message(.mergeBase, ["file": .text(input.path.pathInMessage),
                                         "count": .integer(contents.session.participants.count)]),
                ])
            }
            return merger.merge(contents, from: input.path)
        }
        let changed = entries.contains { entry in
            switch entry.action {
            case .added, .replaced: true
            default: false
            }
        }
        var result = MergeResult(entries: entries, output: changed ? merger.finished : nil)
        if updating != nil || baseInput != nil { result.base = (reference.contents.session, guide) }
        return result
    }
}

/// The merge under way: the session growing, and the participants it has by id and by organisation.
private struct Merger {
    let referencePath: String
    let reference: SessionFileContents
    let force: Bool
    let now: Date
    /// The prompts of the guide in use, to list answers to prompts it lacks.
    let promptIDs: Set<String>
    /// The guide in use, whose worksheets say which records are lists.
    let guide: Guide
    var session: Session
    var participantsByID: [String: Int] = [:]
    /// Participants made from self-assessments, by `organisationKey`: how a version-1 file is matched.
    var participantsByOrganisation: [String: Int] = [:]
    /// Participants added in the workshop by hand, by organisation and sector: a partner of the same organisation is
    /// a voice of its own, but the facilitator should know.
    var handAddedByOrganisation: [String: Int] = [:]

    init(reference: (path: String, contents: SessionFileContents), isBase: Bool, guide: Guide, force: Bool,
         now: Date) {
        referencePath = reference.path
        self.reference = reference.contents
        self.force = force
        self.now = now
        promptIDs = Set(guide.steps.flatMap(\.prompts).map(\.id))
        self.guide = guide
        if isBase {
            session = reference.contents.session
        } else {
            let first = reference.contents.session
            session = Session(guide: guide, mode: .workshop, name: first.partnership.name, now: now)
            session.partnershipID = first.partnershipID
            session.round = first.round
            session.partnership = first.partnership
            session.guide = first.guide
        }
        for (index, participant) in session.participants.enumerated() { remember(participant, at: index) }
    }

    var finished: Session {
        var finished = session
        finished.updatedAt = now
        return finished
    }

    private mutating func remember(_ participant: Participant, at index: Int) {
        if participantsByID[participant.id] == nil { participantsByID[participant.id] = index }
        let key = Self.organisationKey(participant.organisation, participant.sector)
        guard participant.selfAssessmentUpdatedAt != nil else {
            if !participant.organisation.isBlank && handAddedByOrganisation[key] == nil {
                handAddedByOrganisation[key] = index
            }
            return
        }
        if participantsByOrganisation[key] == nil { participantsByOrganisation[key] = index }
    }

    /// An organisation and sector as a version-1 file is matched by.
    static func organisationKey(_ organisation: String, _ sector: Sector?) -> String {
        "\(sector?.rawValue ?? "")\n" + folded(organisation)
    }

    static func folded(_ name: String) -> String {
        name.foldedForComparison
    }

    mutating func merge(_ contents: SessionFileContents, from path: String) -> MergeEntry {
        let file = contents.session
        let shownPath = path.pathInMessage
        let reference = referencePath.pathInMessage
        let referenceSession = self.reference.session
        if file.mode == .workshop {
            if let real = contents.realPath, real == self.reference.realPath {
                return .refused(path, Message(.mergeRefusedItself, ["file": .text(shownPath)]))
            }
            return .refused(path, Message(.mergeRefusedSecondWorkshop, ["file": .text(shownPath),
                                                                       "base": .text(reference)]))
        }
        var forced: [Message] = []
        if !contents.isSamePartnership(as: self.reference) {
            guard force else {
                let reason = contents.anotherPartnership(path, than: self.reference, at: referencePath)
                return .refused(path, Message(.mergeRefusedForce, ["reason": .message(reason)]))
            }
            forced.append(Message(.mergeForcedOtherPartnership))
        }
        if file.guide.id != referenceSession.guide.id {
            guard force else {
                let reason = Message(.mergeOtherGuide, ["file": .text(shownPath), "base": .text(reference),
                                                        "guide": .text(file.guide.id.excerpt()),
                                                        "baseGuide": .text(referenceSession.guide.id.excerpt())])
                return .refused(path, Message(.mergeRefusedForce, ["reason": .message(reason)]))
            }
            forced.append(Message(.mergeForcedOtherGuide))
        }

        let organisation = Self.organisationKey(file.organisation, file.sector)
        var assignedID = file.participantID
        var match = participantsByID[assignedID]
            ?? (contents.version == 1 ? participantsByOrganisation[organisation] : nil)
        if let holder = match, let reason = difference(of: file, from: session.participants[holder]) {
            let holderLabel = label(session.participants[holder], number: holder + 1)
            guard force else {
                let partner = Participant(id: assignedID, organisation: file.organisation, sector: file.sector)
                return .refused(path, Message(.mergeRefusedParticipantID, [
                    "file": .text(shownPath), "partner": label(partner, number: session.participants.count + 1),
                    "holder": holderLabel, "difference": .message(reason),
                ]))
            }
            forced.append(Message(.mergeForcedParticipantID, ["participant": holderLabel]))
            // Derived from the file, so that the file merged again with --force finds the participant it became.
            repeat {
                assignedID = Identifier.derived(from: "participant\n\(assignedID)\n\(organisation)")
                match = participantsByID[assignedID]
            } while match.map { difference(of: file, from: session.participants[$0]) != nil } == true
        }
        let action: MergeAction
        let index: Int
        if let match {
            index = match
            let participant = session.participants[match]
            if let merged = participant.selfAssessmentUpdatedAt, file.updatedAt <= merged {
                return MergeEntry(path: path, action: .skipped(participant), unknownPrompts: [], forced: forced,
                                  sentences: [Message(.mergeSkipped, ["file": .text(shownPath),
                                                                      "participant": label(participant,
                                                                                           number: match + 1)])])
            }
            var replaced = participant
            replaced.selfAssessmentUpdatedAt = file.updatedAt
            session.apply(.updateParticipant(match, replaced), guide: guide)
            action = .replaced(replaced)
        } else {
            index = session.participants.count
            let participant = Participant(id: assignedID, organisation: file.organisation, sector: file.sector,
                                          selfAssessmentUpdatedAt: file.updatedAt)
            session.apply(.addParticipant(participant), guide: guide)
            remember(participant, at: index)
            action = .added(participant)
        }
        // As a voice given by keys: what the partner answered is this round's, no longer carried over. A version-1
        // file matched by organisation keeps the id its participant already has.
        let voices = file.answers.mapValues { Voice(rating: $0.rating, note: $0.notes, finding: $0.finding) }
        session.apply(.replaceVoices(participantID: session.participants[index].id, voices), guide: guide)
        let unknownPrompts = file.answers.keys.filter { !promptIDs.contains($0) }.sorted()
        let participant = label(session.participants[index], number: index + 1)
        let arguments: [String: MessageArgument] = ["file": .text(shownPath), "participant": participant]
        let id: MessageID = if case .replaced = action { .mergeReplaced } else { .mergeAdded }
        var sentences = [Message(id, arguments)]
        if case .added = action, let namesake = handAddedByOrganisation[organisation] {
            sentences.append(Message(.mergeNamesake, ["participant": label(session.participants[namesake],
                                                                           number: namesake + 1)]))
        }
        if !forced.isEmpty {
            sentences.append(Message(assignedID == file.participantID ? .mergeForced : .mergeForcedNewID,
                                     ["reasons": .list(forced.map(MessageArgument.message))]))
        }
        if !unknownPrompts.isEmpty {
            let count = unknownPrompts.count
            let listed = unknownPrompts.prefix(10).map { $0.excerpt() }.joined(separator: ", ")
            let shown: MessageArgument = count > 10
                ? .message(Message(.mergeUnknownPromptsMore, ["prompts": .text(listed)])) : .text(listed)
            sentences.append(Message(.mergeUnknownPrompts, ["count": .integer(count), "prompts": shown]))
        }
        let recordsLine = takeRecords(of: file, asParticipantAt: index)
        return MergeEntry(path: path, action: action, unknownPrompts: unknownPrompts, forced: forced,
                          sentences: sentences, recordsLine: recordsLine)
    }

    /// Why a self-assessment is not the partner whose participant has its id, as words after "of X, ": the
    /// participant came from no self-assessment, or is of another organisation or sector (a partner's file copied for
    /// another instead of made with `new --for`); nil when it is that partner.
    private func difference(of file: Session, from participant: Participant) -> Message? {
        if participant.selfAssessmentUpdatedAt == nil { return Message(.mergeDifferenceNoSelfAssessment) }
        if participant.organisation.nameKey != file.organisation.nameKey {
            return Message(.mergeDifferenceOrganisation)
        }
        if participant.sector != file.sector { return Message(.mergeDifferenceSector) }
        return nil
    }

    /// Takes a self-assessment's records into the workshop and says what was taken, or nil when it has none.
    ///
    /// Each row of its lists (register, action plan, goals…) joins the workshop's list of the same field, with a
    /// `from` cell naming the participant it became, so that the partner's organisations and actions show in the
    /// workshop, marked as theirs. A row whose id the workshop's list already has (taken by an earlier merge of the
    /// file, or a default both share, such as the guide's ground rules) stays as the workshop has it: merging a
    /// file again adds only its new rows. What it wrote outside its lists (its convening plan, its vision) is
    /// not the workshop's: it is kept apart under `records["partners"]` by participant id, replaced by each newer
    /// copy of the file, and reports list it under the partner's organisation.
    private mutating func takeRecords(of file: Session, asParticipantAt index: Int) -> Message? {
        let participant = session.participants[index]
        let from = MergedFrom(participantID: participant.id, organisation: participant.organisation)
        var added: [(label: String, count: Int)] = []
        var alreadyThere = 0
        var apart: [String: JSONValue] = [:]
        var apartNames: [String] = []
        let known = guide.worksheets.filter { file.records[$0.id] != nil }.map { ($0.id, Optional($0)) }
        let unknown = file.records.keys.filter { guide.worksheet($0) == nil }.sorted().map { ($0, Worksheet?.none) }
        for (name, worksheet) in known + unknown {
            guard let value = file.records[name], value.holdsContent else { continue }
            guard let worksheet, var object = value.object else {
                apart[name] = value
                apartNames.append(name)
                continue
            }
            for field in worksheet.fields {
                // A list is taken row by row; what the file holds there that is no list is kept apart with the rest.
                guard case .rows = field.kind, object[field.id]?.array != nil else { continue }
                let address = FieldAddress(worksheet: name, field: field.id)
                // Rows without ids of their own get the ids the partner's file always gives them: merged again,
                // they are recognised.
                let theirs = file.rows(of: address, in: guide).filter { $0.json.holdsContent }
                if let items = object.removeValue(forKey: field.id)?.array?.filter({ $0.object == nil }),
                    JSONValue.array(items).holdsContent
                {
                    object[field.id] = .array(items)
                }
                var ours = session.rows(of: address, in: guide)
                let present = Set(ours.map(\.id))
                let new = theirs.filter { !present.contains($0.id) }
                alreadyThere += theirs.count - new.count
                guard !new.isEmpty else { continue }
                ours += new.map { row in
                    var marked = row
                    marked.cells[MergedFrom.cell] = from.json
                    return marked
                }
                session.setRows(ours, of: address, in: guide)
                added.append((field.label, new.count))
            }
            if JSONValue.object(object).holdsContent {
                apart[name] = .object(object)
                apartNames.append(worksheet.title)
            }
        }
        keepApart(apart, of: participant)
        guard !added.isEmpty || alreadyThere > 0 || !apart.isEmpty else { return nil }
        let owner: MessageArgument = participant.organisation.isBlank ? .message(Message(.mergeRecordsThePartner))
            : .text(participant.organisation.excerpt())
        var parts: [MessageArgument] = []
        if !added.isEmpty {
            let lists = added.enumerated().map { index, list in
                MessageArgument.message(Message(index == 0 ? .mergeRecordsRows : .mergeRecordsMoreRows,
                                                ["count": .integer(list.count), "list": .text(list.label.excerpt())]))
            }
            parts.append(.message(Message(.mergeRecordsAdded, ["lists": .list(lists), "owner": owner])))
        }
        if alreadyThere > 0 {
            parts.append(.message(Message(.mergeRecordsAlreadyThere, ["count": .integer(alreadyThere)])))
        }
        if !apart.isEmpty {
            let names = apartNames.map { MessageArgument.message(Message(.mergeRecordsQuoted,
                                                                         ["name": .text($0.excerpt())])) }
            parts.append(.message(Message(.mergeRecordsApart, ["names": .list(names), "owner": owner])))
        }
        guard let last = parts.last else { return nil }
        let joined = parts.dropLast().reversed().reduce(last) { rest, part in
            .message(Message(.mergeRecordsParts, ["first": part, "rest": rest]))
        }
        return Message(.mergeRecords, ["participant": label(participant, number: index + 1), "parts": joined])
    }

    /// Keeps what a partner wrote outside its lists under `records["partners"]`, replacing an earlier copy's; with
    /// nothing to keep, removes the earlier copy's.
    private mutating func keepApart(_ records: [String: JSONValue], of participant: Participant) {
        var partners = session.records[RecordsReport.partnersKey]?.object ?? [:]
        if records.isEmpty {
            guard partners[participant.id] != nil else { return }
            partners[participant.id] = nil
        } else {
            var kept: [String: JSONValue] = ["organisation": .string(participant.organisation),
                                             "records": .object(records)]
            kept["sector"] = participant.sector.map { .string($0.rawValue) }
            partners[participant.id] = .object(kept)
        }
        session.records[RecordsReport.partnersKey] = partners.isEmpty ? nil : .object(partners)
    }

    /// A participant as a line names it: `Asociación Ñandú (Civil society)`.
    private func label(_ participant: Participant, number: Int) -> MessageArgument {
        var name = participant.shownName(number: number)
        if case .text(let text) = name { name = .text(text.excerpt()) }
        guard let sector = participant.sector else { return name }
        return .message(Message(.mergeParticipant, ["name": name, "sector": .message(sector.message)]))
    }
}

extension MergeEntry {
    /// A file not merged, for the reason the sentence gives.
    fileprivate static func refused(_ path: String, _ reason: Message) -> MergeEntry {
        MergeEntry(path: path, action: .refused(reason), unknownPrompts: [], forced: [],
                   sentences: [Message(.mergeRefused, ["reason": .message(reason)])])
    }
}

extension SessionFileContents {
    /// Whether two files are of one partnership: the same id, or when either was written by the first version
    /// (which has no id of its own) the same name, case and spaces ignored. Merges and comparisons check this.
    public func isSamePartnership(as other: SessionFileContents) -> Bool {
        guard version > 1, other.version > 1 else {
            return session.partnership.name.foldedForComparison == other.session.partnership.name.foldedForComparison
        }
        return session.partnershipID == other.session.partnershipID
    }

    /// "`path` belongs to another partnership than `otherPath` (…)", saying how they differ, for a refusal.
    public func anotherPartnership(_ path: String, than other: SessionFileContents, at otherPath: String) -> Message {
        let name = session.partnership.name.excerpt()
        let otherName = other.session.partnership.name.excerpt()
        return Message(name == otherName ? .mergeOtherPartnershipSameName : .mergeOtherPartnership, [
            "file": .text(path.pathInMessage), "other": .text(otherPath.pathInMessage), "name": .text(name),
            "otherName": .text(otherName),
        ])
    }
}

extension String {
    /// A name as the register's picker finds it, case and accents ignored, and spaces too: how a merge tells
    /// whether a partner file is of the organisation of the participant whose id it has.
    var nameKey: String {
        searchKey.filter { !$0.isWhitespace }
    }

    /// A name as names are compared: case and spaces ignored.
    var foldedForComparison: String {
        lowercased().filter { !$0.isWhitespace }
    }
}
