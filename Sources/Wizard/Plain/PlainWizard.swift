import DisplayWidth
import ISPCore
import ISPFiles
import TerminalUI

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The wizard line by line, for screen readers, dumb terminals and pipes: the same walk as the full screen
/// (session details, participants, each step's questions, the summary), asked as prompts on standard input
/// and output. No box drawing, no bars, no cursor movement: every line makes sense read aloud on its own.
///
/// Commands start with a colon so that they never collide with answers (`:b`, `:m`, `:s`, `:u`, `:r`, `:h`,
/// `:q`). Each answer is saved as soon as it is given; at the end of the input everything is saved and the walk
/// ends.
/// A step's worksheet is offered after its last question and reached from the steps (`w2`): see
/// PlainWorksheets.swift.
public final class PlainWizard {
    public internal(set) var state: WizardState
    private let store: any SessionStore
    private let readLine: () -> String?
    private let write: (String) -> Void
    /// Whether answers are written after their prompts: when they come from a file, which the terminal does not
    /// show, so that the transcript reads as a dialogue.
    private let echoesAnswers: Bool
    /// Today's date, for `t` at a date.
    let today: () -> CalendarDate
    /// The step whose worksheet the walk is in, if any, and whether its title was just said; the screen meanwhile
    /// stays on the step's last question.
    private var openWorksheet: (step: Int, announced: Bool)?

    /// `readLine` gives the next line typed (nil at the end of the input); `write` shows text as it is.
    public init(state: WizardState, store: any SessionStore, readLine: @escaping () -> String?,
                write: @escaping (String) -> Void, echoesAnswers: Bool = false,
                today: @escaping () -> CalendarDate = { CalendarDate.today() }) {
        self.state = state
        self.store = store
        self.readLine = readLine
        self.write = write
        self.echoesAnswers = echoesAnswers
        self.today = today
    }

    /// The next line of input, written out when answers are echoed.
    func nextLine() -> String? {
        let line = readLine()
        if echoesAnswers, let line { write(line.visibleControls + "\n") }
        return line
    }

    /// How the walk ended: by `:q` or the end of the summary, or by the end of the input.
    public enum Outcome: Equatable, Sendable {
        case quit
        case endOfInput
    }

    /// Walks the session from where it was left until the user quits or the input ends; saves before it returns.
    public func run() -> Outcome {
        say("ISP Start-up Wizard, plain mode: \(state.session.displayName).")
        if let reason = state.readOnlyReason { say(reason + " Nothing you answer will be kept.") }
        say("Answer each prompt and press Enter; Enter alone keeps an answer. Type :h for help at any prompt.")
        if state.screen == .map { state.open(.setup) }
        if echoesAnswers {
            say("Reading the answers from a file: they start at \(placeName(of: state.screen)). To start at a known "
                + "place, begin the file with :m and a step's number, or run with --from-start.")
        }
        let outcome = walk()
        save()
        return outcome
    }

    // MARK: The walk

    /// What a screen's prompts asked for next.
    enum Step {
        case next, back, go(Screen), quit, endOfInput
        /// The worksheet of the step at this index; `announced` when the prompt that led there named it.
        case worksheet(Int, announced: Bool)
    }

    private func walk() -> Outcome {
        while true {
            let inWorksheet = openWorksheet
            openWorksheet = nil
            let step: Step =
                switch state.screen {
                case .setup: askSessionDetails()
                case .participants: askParticipants()
                case .stepIntro(let step): introduce(step: step)
                case .question(let step, let prompt): askQuestion(step: step, prompt: prompt)
                case .worksheet(let step) where inWorksheet?.step == step:
                    fillWorksheet(ofStep: step, announced: inWorksheet?.announced ?? false)
                case .worksheet(let step): offerWorksheet(ofStep: step)
                case .summary: showSummaryAndFinish()
                case .map: askWhereToGo()
                }
            switch step {
            case .next:
                let screens = state.sequence
                guard let index = screens.firstIndex(of: state.screen), index + 1 < screens.count else { return .quit }
                state.open(screens[index + 1])
            case .back where state.worksheetStep != nil:
                // Back from a worksheet, or from the offer of it, is its step's last question.
                let step = state.worksheetStep ?? 0
                state.open(.question(step: step, prompt: state.guide.steps[step].prompts.count - 1))
            case .back:
                // A step's introduction only leads on to its first question, and a worksheet is only offered after
                // its step's questions, so going back passes over both.
                let screens = state.sequence.filter {
                    switch $0 {
                    case .stepIntro, .worksheet: false
                    default: true
                    }
                }
                let current: Screen =
                    switch state.screen {
                    case .stepIntro(let step): .question(step: step, prompt: 0)
                    default: state.screen
                    }
                if let index = screens.firstIndex(of: current), index > 0 {
                    state.open(screens[index - 1])
                } else {
                    say("This is the first screen.")
                }
            case .go(let screen):
                state.open(screen)
            case .worksheet(let index, let announced):
                state.open(.worksheet(step: index))
                openWorksheet = (index, announced)
            case .quit:
                return .quit
            case .endOfInput:
                return .endOfInput
            }
            save()
        }
    }

    /// A line typed at a prompt: an answer, a command, or the end of the input.
    enum Reply {
        case answer(String)
        case command(Step)
        case end
    }

    /// Asks until the reply is an answer or a command that leaves the screen; help and the summary are shown
    /// in place and the same prompt is asked again.
    func ask(_ prompt: String) -> Reply {
        while true {
            write(prompt.visibleControls + " ")
            guard let line = nextLine() else {
                write("\n")
                return .end
            }
            if let command = command(in: line) {
                if let step = command { return .command(step) }
                continue
            }
            return .answer(line)
        }
    }

    /// Says so and returns true when `line`, added to the lines typed before it, would take the session's text
    /// past what a paste may on the screens: a session larger than that could be saved but never opened again.
    /// Checked as lines are gathered, so that an endless input is never held whole.
    private func refusesOversized(_ line: String, after earlier: [String]) -> Bool {
        // Each line joins the others with a line break, two bytes in the file.
        let added = earlier.reduce(line.sizeInJSON) { $0 + $1.sizeInJSON + 2 }
        guard state.session.textSize + added > WizardState.largestPastedSession else { return false }
        sayTooLarge("That line was not taken")
        return true
    }

    /// Says that text was not taken, since the session's text would pass what isp-wizard keeps.
    private func sayTooLarge(_ what: String) {
        say("\(what): it would take the session's text past \(WizardState.largestPastedSession / 1_000_000) MB, more "
            + "than isp-wizard keeps. Type it shorter.")
    }

    /// The command a line holds: nil when it is an answer; `.some(nil)` for a command done in place (help,
    /// summary) after which the prompt is asked again.
    private func command(in line: String) -> Step??  {
        let trimmed = line.trimmed.lowercased()
        guard trimmed.hasPrefix(":") else { return nil }
        if trimmed.hasPrefix(":m ") {
            let place = String(trimmed.dropFirst(2)).trimmed
            if let step = destination(place) { return .some(step) }
            say("\(place) is no place to go to: after :m, type \(placesHint).")
            return .some(nil)
        }
        switch trimmed {
        case ":b": return .some(.back)
        case ":m": return .some(.go(.map))
        case ":q": return .some(.quit)
        case ":s":
            showSummary()
            return .some(nil)
        case ":h":
            showHelp()
            return .some(nil)
        case ":u", ":r":
            perform(trimmed == ":u" ? .undo : .redo)
            // A read-only session is said so by `perform`.
            if let status = state.status, status != .readOnly { say(status.text.sentence) }
            return .some(nil)
        default:
            say("\(trimmed) is not a command. The commands are :b back, :m steps, :s summary, :u undo, :r redo, "
                + ":h help, :q quit.")
            return .some(nil)
        }
    }

    private func askSessionDetails() -> Step {
        say("Session details.")
        // The fields change with the mode, so they are read again after each answer.
        var index = 0
        while index < state.setupBindings.count {
            let binding = state.setupBindings[index]
            switch askField(binding.field(state.session)) {
            case .answer(let changed) where changed != binding.field(state.session):
                perform(.setDetail(index, changed))
            case .answer: break
            case .command(let step): return step
            case .end: return .endOfInput
            }
            index += 1
        }
        return .next
    }

    /// Asks for one form field: a line of text, or a choice by its number. Enter keeps what is there.
    private func askField(_ field: FormField) -> FieldReply {
        switch field.input {
        case .text:
            let current = field.text ?? ""
            let prompt = current.isEmpty ? "\(field.label), now empty:" : "\(field.label), now \(current):"
            switch ask(prompt) {
            case .answer(let line) where line.isEmpty: return .answer(field)
            case .answer(let line):
                var changed = field
                changed.input = .text(TextEditor(text: line, singleLine: true))
                return .answer(changed)
            case .command(let step): return .command(step)
            case .end: return .end
            }
        case .choice(let labels, let selected):
            let options = labels.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
            let now = selected.map { "now \(labels[$0])" } ?? "none chosen yet"
            while true {
                switch ask("\(field.label) (\(options)), \(now):") {
                case .answer(let line) where line.isEmpty: return .answer(field)
                case .answer(let line):
                    guard let number = Int(line.trimmed), labels.indices.contains(number - 1)
                    else {
                        say("Please type a number from 1 to \(labels.count), or Enter to keep the answer.")
                        continue
                    }
                    var changed = field
                    changed.input = .choice(labels: labels, selected: number - 1)
                    return .answer(changed)
                case .command(let step): return .command(step)
                case .end: return .end
                }
            }
        }
    }

    private enum FieldReply {
        case answer(FormField)
        case command(Step)
        case end
    }

    private func askParticipants() -> Step {
        while true {
            let participants = state.session.participants
            let count = participants.isEmpty ? "none yet, so each question gets one rating" : "\(participants.count)"
            say("Participants: \(count).")
            for (index, participant) in participants.enumerated() {
                say("\(index + 1). \(participant.plainDescription(number: index + 1)).")
            }
            let reply = ask("Type a to add a participant, e and a number to edit one, r and a number to remove one, "
                            + "or Enter to go on:")
            switch reply {
            case .answer(let line) where line.isEmpty: return .next
            case .answer(let line):
                let words = line.lowercased().split(separator: " ")
                let number = words.count > 1 ? Int(words[1]) : nil
                switch (words.first, number) {
                case ("a"?, _):
                    guard perform(.addParticipant) else { continue }
                    if let step = editParticipant(at: state.session.participants.count - 1) { return step }
                case ("e"?, let number?) where participants.indices.contains(number - 1):
                    if let step = editParticipant(at: number - 1) { return step }
                case ("r"?, let number?) where participants.indices.contains(number - 1):
                    if let step = removeParticipant(at: number - 1) { return step }
                default:
                    say("Please type a, e and a number, r and a number, or press Enter.")
                }
            case .command(let step): return step
            case .end: return .endOfInput
            }
        }
    }

    /// Asks a participant's fields; returns a command that interrupted it, if any.
    private func editParticipant(at index: Int) -> Step? {
        say("Participant \(index + 1).")
        for (fieldIndex, binding) in WizardState.participantBindings.enumerated() {
            switch askField(binding.field(state.session.participants[index])) {
            case .answer(let field) where field != binding.field(state.session.participants[index]):
                guard perform(.setParticipantField(participant: index, field: fieldIndex, field)) else { return nil }
            case .answer: break
            case .command(let step): return step
            case .end: return .endOfInput
            }
        }
        return nil
    }

    private func removeParticipant(at index: Int) -> Step? {
        let participant = state.session.participants[index]
        let answers = state.answerCount(of: participant)
        if answers > 0 {
            let name = participant.displayName(number: index + 1)
            switch ask("Remove \(name) and their \(answers) answers? Type y to remove, Enter to keep them:") {
            case .answer(let line) where line.lowercased() == "y": break
            case .answer: return nil
            case .command(let step): return step
            case .end: return .endOfInput
            }
        }
        perform(.removeParticipant(index))
        return nil
    }

    private func introduce(step index: Int) -> Step {
        let step = state.guide.steps[index]
        let phase = state.guide.phase(of: step)?.title ?? ""
        say("Step \(index + 1) of \(state.guide.steps.count): \(step.title). Phase: \(phase).")
        say(step.guidance)
        let standing = state.standing(ofStep: index, in: ReadinessSummary(guide: state.guide, session: state.session))
        say("\(step.prompts.count) questions, \(standing.answered) answered, \(standing.label)."
            + (step.worksheet.map { " Then its worksheet: \($0.title)." } ?? ""))
        return .next
    }

    private func askQuestion(step stepIndex: Int, prompt promptIndex: Int) -> Step {
        let step = state.guide.steps[stepIndex]
        let prompt = step.prompts[promptIndex]
        say("Step \(stepIndex + 1) of \(state.guide.steps.count), question \(promptIndex + 1) of "
            + "\(step.prompts.count).")
        say(prompt.text)
        prompt.notes.forEach(say)
        say("Scale: " + Rating.all.map { "\($0.code == "n/a" ? "n" : $0.code == "?" ? "d" : $0.code) \($0.label)" }
            .joined(separator: ", ") + ".")
        if state.session.answer(for: prompt.id).isCarriedOver {
            say("Carried over from the last round: c confirms it as it is, Enter keeps it to confirm later.")
        }
        return askAnswer(prompt) ?? .next
    }

    /// Asks the question's fields in turn, as the screen lays them out: the rating, or round the room and the
    /// group's consensus and its reason, then the notes; nil when the walk goes on to the next screen.
    private func askAnswer(_ prompt: Prompt) -> Step? {
        var index = 0
        // The fields are read again after each answer: a consensus may come to ask for its reason.
        while case let fields = state.answerFields(of: prompt), fields.indices.contains(index) {
            let field = fields[index]
            index += 1
            switch field {
            case .voice(0):
                say("Rate round the room: a rating, then a note on the same line if wanted (3 youth not consulted). "
                    + "Enter keeps a rating.")
            case .consensus:
                say(state.spreadLine(state.session.answer(for: prompt.id)).replacing(" · ", with: "; ") + ".")
            default:
                break
            }
            let step = field == .notes ? askNotes(prompt) : ask(field, of: prompt)
            if let step { return step }
        }
        return nil
    }

    /// Asks for one field of an answer until a line gives it something it takes (or keeps it), and hands what
    /// it was given to the update as the field's actions; the command or end of input that interrupted it, if
    /// any.
    private func ask(_ field: AnswerField, of prompt: Prompt) -> Step? {
        while true {
            let reply = ask(state.plainPrompt(of: field, prompt: prompt))
            guard case .answer(let line) = reply else { return reply.step }
            guard let inputs = state.inputs(for: line, to: field, of: prompt) else {
                say(state.plainCorrection(of: field, prompt: prompt))
                continue
            }
            // A rating with its note on the same line is one step to undo.
            perform(inputs.flatMap { state.actions(for: $0, to: field, of: prompt) })
            return nil
        }
    }

    /// The notes, typed as lines up to a line holding a single dot; an empty first line keeps them. A line that
    /// is a command ends the notes, keeping what was typed before it.
    private func askNotes(_ prompt: Prompt) -> Step? {
        let current = state.session.answer(for: prompt.id).notes
        let label = state.label(of: .notes)
        if current.isEmpty {
            say("\(label): none yet.")
        } else {
            say("\(label) now:")
            say(current)
        }
        say("Type the \(label.lowercased()) as lines, and a line with a single dot to end them; what you type "
            + (current.isEmpty ? "becomes the \(label.lowercased())" : "replaces the notes above, or adds to them "
               + "after a first line :a") + ". Enter alone keeps them.")
        switch readLines(prompt: state.plainPrompt(of: .notes, prompt: prompt), clearing: false, adding: current) {
        case .keep, .clear: return nil
        case .lines(let lines, let interruption):
            if !lines.isEmpty {
                let notes = lines.joined(separator: "\n")
                state.actions(for: .text(notes), to: .notes, of: prompt).forEach { perform($0) }
            }
            return interruption
        }
    }

    /// What was typed as lines ended by a single dot.
    enum LinesReply {
        /// Enter on the first line.
        case keep
        /// `-` alone on the first line, when it clears.
        case clear
        /// The lines typed (perhaps none), and the command or end of input that ended them instead of the dot.
        case lines([String], interruption: Step?)
    }

    /// Reads lines up to one holding a single dot, `prompt` asking for the first and "More" for the others. A
    /// command ends them, keeping the lines typed before it; help and the summary are shown in place. With
    /// `adding`, a first line `:a` takes the lines after it as additions to that text, and gives the whole.
    func readLines(prompt: String, clearing: Bool, adding current: String? = nil) -> LinesReply {
        var lines: [String] = []
        var isAdding = false
        /// The text to store: the lines typed, after the current text when they are added to it.
        func typed() -> [String] {
            guard isAdding, let current, !current.isEmpty, !lines.isEmpty else { return lines }
            return [current] + lines
        }
        while true {
            write((lines.isEmpty ? prompt : "More, or a single dot to end:").visibleControls + " ")
            guard let line = nextLine() else {
                write("\n")
                return .lines(typed(), interruption: .endOfInput)
            }
            if lines.isEmpty && line.isEmpty { return .keep }
            if lines.isEmpty && clearing && line.trimmed == "-" { return .clear }
            if lines.isEmpty, !isAdding, current != nil, line.trimmed.lowercased() == ":a" {
                isAdding = true
                say("Adding to them: type the lines to add, and a line with a single dot to end them.")
                continue
            }
            if line == "." { return .lines(typed(), interruption: nil) }
            if let command = command(in: line) {
                guard let step = command else { continue }
                return .lines(typed(), interruption: step)
            }
            if refusesOversized(line, after: typed()) { continue }
            lines.append(line)
        }
    }

    private func showSummaryAndFinish() -> Step {
        showSummary()
        while true {
            switch ask("That is the end of the walk. Type x to save the summary and the meeting record (Markdown, "
                       + "HTML, CSV and JSON) as files to hand out, press Enter to finish, or :b to go back, :m for "
                       + "the steps:") {
            case .answer(let line) where line.lowercased() == "x":
                for export in ReportExport.all {
                    do throws(FileError) {
                        let contents = export.contents(guide: state.guide, session: state.session,
                                                       language: state.language)
                        say("Saved \(try store.export(export, contents: contents)).")
                    } catch {
                        say("Not exported: \(error.message)")
                    }
                }
            case .answer: return .quit
            case .command(let step): return step
            case .end: return .endOfInput
            }
        }
    }

    private func askWhereToGo() -> Step {
        let summary = ReadinessSummary(guide: state.guide, session: state.session)
        say("The steps. Type a number or letter to go there.")
        say("d: session details.")
        if state.session.mode == .workshop { say("p: participants, \(state.session.participants.count).") }
        for (index, step) in state.guide.steps.enumerated() {
            let standing = state.standing(ofStep: index, in: summary)
            let worksheet = step.worksheet.map { "; worksheet w\(index + 1): \($0.title)" } ?? ""
            say("\(index + 1): \(step.title), \(standing.answered) of \(step.prompts.count) answered, "
                + "\(standing.label)\(worksheet).")
        }
        say("s: the readiness summary.")
        let worksheets = !state.guide.worksheets.isEmpty ? ", w and a step's number for its worksheet" : ""
        while true {
            let reply = ask("Go to (d, \(state.session.mode == .workshop ? "p, " : "")1 to "
                            + "\(state.guide.steps.count)\(worksheets), s):")
            guard case .answer(let line) = reply else { return reply.step ?? .next }
            if let step = destination(line) { return step }
            say("Please type \(placesHint).")
        }
    }

    /// Where a choice of the steps (`d`, `p`, a step's number, `w` and a step's number, `s`) goes; nil for none.
    private func destination(_ choice: String) -> Step? {
        let choice = choice.trimmed.lowercased()
        if choice == "d" { return .go(.setup) }
        if choice == "p" && state.session.mode == .workshop { return .go(.participants) }
        if choice == "s" { return .go(.summary) }
        if let number = Int(choice), state.guide.steps.indices.contains(number - 1) {
            return .go(.stepIntro(step: number - 1))
        }
        if choice.hasPrefix("w"), let number = Int(String(choice.dropFirst()).trimmed),
            state.guide.steps.indices.contains(number - 1), state.guide.steps[number - 1].worksheet != nil
        {
            return .worksheet(number - 1, announced: false)
        }
        return nil
    }

    /// The choices of the steps, in words.
    private var placesHint: String {
        "d, \(state.session.mode == .workshop ? "p, " : "")a step's number, "
            + (state.guide.worksheets.isEmpty ? "" : "w and the number of a step with a worksheet, ") + "or s"
    }

    /// A screen named in a sentence: "step 2, question 3".
    private func placeName(of screen: Screen) -> String {
        switch screen {
        case .setup, .map: "the session details"
        case .participants: "the participants"
        case .stepIntro(let step): "step \(step + 1)"
        case .question(let step, let prompt): "step \(step + 1), question \(prompt + 1)"
        case .worksheet(let step): "the step \(step + 1) worksheet"
        case .summary: "the summary"
        }
    }

    // MARK: Showing

    private func showSummary() {
        let summary = ReadinessSummary(guide: state.guide, session: state.session)
        say("Readiness summary: \(state.session.displayName).")
        if let next = summary.nextStep {
            say("Next step to work on: step \(next), \(state.guide.steps[next - 1].title).")
        } else {
            say("Every step is Ready.")
        }
        let participants = state.session.raters
        if !participants.isEmpty {
            say("Participants, \(participants.count): " + participants.enumerated()
                .map { $0.element.plainDescription(number: $0.offset + 1) }.joined(separator: "; ") + ".")
        }
        for step in summary.steps {
            say("Step \(step.number), \(step.title): \(step.standing(score: step.shownScore.map { "score \($0)" })).")
        }
        for warning in summary.sequenceWarnings { say(warning.message) }
        say("Concerns, rated 0 or 1: \(summary.concerns.count). Evidence gaps, Don't know or not answered: "
            + "\(summary.evidenceGaps.count).")
        for concern in summary.concerns {
            say("Concern: step \(concern.stepNumber) question \(concern.questionNumber), "
                + "rated \(concern.rating ?? "-"): \(concern.text)")
        }
        let flags = PartnershipRecords(guide: state.guide, session: state.session).flags(today: today())
        if !flags.isEmpty {
            say("Records to discuss: \(flags.count).")
            for flag in flags { say(flag.message) }
        }
        let voices = VoicesSummary(guide: state.guide, session: state.session)
        for step in voices.steps where step.sectorsDiffer {
            if let extremes = step.extremes {
                say("The sectors see step \(step.stepNumber) differently: from \(extremes.lowest.sector.label) "
                    + "\(String(format1: extremes.lowest.mean)) to \(extremes.highest.sector.label) "
                    + "\(String(format1: extremes.highest.mean)).")
            }
        }
        for step in voices.steps where step.donorsDiffer {
            if let donors = step.donorComparison {
                say("The donors see step \(step.stepNumber) differently, \(donors.comparing).")
            }
        }
        for prompt in voices.consensusAgainstVoices {
            say("Consensus differs from the voices, record why: step \(prompt.stepNumber) question "
                + "\(prompt.questionNumber): \(prompt.text)")
        }
        for prompt in summary.notApplicableWithoutReason {
            say("Not applicable without a reason, record why: step \(prompt.stepNumber) question "
                + "\(prompt.questionNumber): \(prompt.text)")
        }
        for divergent in voices.divergentPrompts {
            say("Divergent ratings on step \(divergent.prompt.stepNumber) question "
                + "\(divergent.prompt.questionNumber): \(divergent.prompt.text)")
        }
        if state.session.mode == .selfAssessment {
            say("These are one organisation's ratings: check them with the other partners, starting with the "
                + "Don't know answers.")
        }
    }

    private func showHelp() {
        say("At a rating: 0 Not started, 1 Emerging, 2 Partial, 3 In place, 4 Institutionalised, n Not applicable, "
            + "d Don't know; Enter keeps the answer and goes on.")
        say("Notes: type lines, then a line with a single dot; they replace the notes, or after a first line :a "
            + "are added to them. Enter on an empty first line keeps the notes.")
        if !state.guide.worksheets.isEmpty { showWorksheetHelp() }
        say("Commands, at any prompt: :b back one screen, :m the steps and a jump (:m 3 to step 3, :m w3 to its "
            + "worksheet), :s the summary, :u undo the last change and :r redo it, :h this help, and :q to save and "
            + "quit.")
    }

    func say(_ text: String) {
        write(text.visibleControls + "\n")
    }

    // MARK: Answers

    /// Hands a change to the session's update, as a key on the screens does, and saves what it asks to; says
    /// what the update reports (read-only, a new convener) in words. False when the change was refused.
    @discardableResult
    func perform(_ action: Action) -> Bool {
        perform([action])
    }

    /// Hands the changes one line asks for to the session's update as one step to undo, as `perform(_:)`.
    @discardableResult
    func perform(_ actions: [Action]) -> Bool {
        let before = state
        let effects = state.handle(actions)
        // As a paste on the screens: a session larger than this could be saved but never opened again.
        let size = state.session.textSize
        if size > WizardState.largestPastedSession && size > before.session.textSize {
            state = before
            sayTooLarge("Not taken")
            return false
        }
        switch state.status {
        case let status? where status == .readOnly || status == .acceptanceCleared: say(status.text.sentence)
        default: break
        }
        if effects.contains(.save) { save() }
        return state.status != .readOnly
    }

    /// Hands a domain change to the session's update, as `perform(.change(change))`.
    @discardableResult
    func perform(_ change: SessionChange) -> Bool {
        perform(.change(change))
    }

    private func save() {
        guard state.readOnlyReason == nil else { return }
        let session = state.sessionToSave(at: Date())
        do throws(FileError) {
            try store.save(session)
            _ = state.handle(.saved(revision: state.revision, at: session.updatedAt))
        } catch {
            if state.saveFailure == nil {
                say("Not saved: \(error.reason ?? error.message). Your answers are still held here; free some space "
                    + "and go on, or type :q to keep them in a rescue copy.")
            }
            _ = state.handle(.saveFailed(error))
        }
    }
}

extension PlainWizard.Reply {
    /// The command or end of input that ends a prompt; nil for an answer.
    var step: PlainWizard.Step? {
        switch self {
        case .answer: nil
        case .command(let step): step
        case .end: .endOfInput
        }
    }
}
