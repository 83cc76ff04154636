import DisplayWidth
import ISPCore
import ISPFiles
import Messages
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
/// Commands start with a colon so that they never collide with answers (`:b`, `:m`, `:s`, `:g`, `:u`, `:r`,
/// `:h`, `:q`, and `:c` on a workshop's question for the cards the room holds up). Each answer is saved as soon as
/// it is given; at the end of the input everything is saved and the walk ends.
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
    /// Whether the walk was asked to start at its first screen (`--from-start`), which it then need not advise.
    private let startsFromStart: Bool
    /// Today's date, for `t` at a date.
    let today: () -> CalendarDate
    /// The step whose worksheet the walk is in, if any, and whether its title was just said; the screen meanwhile
    /// stays on the step's last question.
    private var openWorksheet: (step: Int, announced: Bool)?

    /// `readLine` gives the next line typed (nil at the end of the input); `write` shows text as it is.
    public init(state: WizardState, store: any SessionStore, readLine: @escaping () -> String?,
                write: @escaping (String) -> Void, echoesAnswers: Bool = false, startsFromStart: Bool = false,
                today: @escaping () -> CalendarDate = { CalendarDate.today() }) {
        self.state = state
        self.store = store
        self.readLine = readLine
        self.write = write
        self.echoesAnswers = echoesAnswers
        self.startsFromStart = startsFromStart
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
        say(.plainWelcome, ["session": .text(state.session.displayName(in: language))])
        if let reason = state.readOnlyReason { say(.plainReadOnly, ["reason": .message(reason.message)]) }
        say(.plainHowToAnswer)
        if state.screen == .map { state.open(.setup) }
        if echoesAnswers {
            say(startsFromStart ? .plainReadingFromFileFromStart : .plainReadingFromFile,
                ["place": .message(placeName(of: state.screen))])
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
        /// `:c` on a workshop's question: the question counts the cards, then asks for the consensus.
        case countCards
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
                    say(.plainFirstScreen)
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
            case .countCards:
                // Only a workshop's question takes `:c`, and counts the cards itself: the screen is asked again.
                break
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
        sayTooLarge(.plainTooLargeLine)
        return true
    }

    /// Says that text was not taken, since the session's text would pass what isp-wizard keeps.
    private func sayTooLarge(_ refusal: MessageID) {
        say(refusal, ["megabytes": .integer(WizardState.largestPastedSession / 1_000_000)])
    }

    /// The command a line holds: nil when it is an answer; `.some(nil)` for a command done in place (help,
    /// summary) after which the prompt is asked again.
    private func command(in line: String) -> Step??  {
        let trimmed = line.trimmed.lowercased()
        guard trimmed.hasPrefix(":") else { return nil }
        if trimmed.hasPrefix(Command.steps.rawValue + " ") {
            let place = String(trimmed.dropFirst(Command.steps.rawValue.count)).trimmed
            if let step = destination(place) { return .some(step) }
            say(.plainNotAPlace, ["place": .text(place), "places": .message(placesHint)])
            return .some(nil)
        }
        let command = Command(rawValue: trimmed)
        switch command {
        case .back?: return .some(.back)
        case .steps?: return .some(.go(.map))
        case .quit?: return .some(.quit)
        case .summary?:
            showSummary()
            return .some(nil)
        case .help?:
            showHelp()
            return .some(nil)
        case .guide?:
            showGuide()
            return .some(nil)
        case .original?:
            showOriginal()
            return .some(nil)
        case .cards?:
            guard state.readOnlyReason == nil else {
                say(Status.readOnly.text(in: language).sentence)
                return .some(nil)
            }
            guard state.session.mode == .workshop, state.currentPrompt != nil else {
                say(.cardsPlainNotHere)
                return .some(nil)
            }
            return .some(.countCards)
        case .undo?, .redo?:
            let answerBefore = questionAnswer
            perform(command == .undo ? .undo : .redo)
            // A read-only session is said so by `perform`.
            if let status = state.status, status != .readOnly { say(status.text(in: language).sentence) }
            // The prompts already written may offer what was just undone: the question is asked again.
            if let answerBefore, answerBefore != questionAnswer { return .some(.go(state.screen)) }
            return .some(nil)
        default:
            say(.plainNotACommand, ["command": .text(trimmed)])
            return .some(nil)
        }
    }

    /// The answer to the question on screen, nil elsewhere.
    private var questionAnswer: Answer? {
        guard case .question(let step, let prompt) = state.screen else { return nil }
        return state.session.answer(for: state.guide.steps[step].prompts[prompt].id)
    }

    private func askSessionDetails() -> Step {
        say(.plainSessionDetails)
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
            switch ask(nowPrompt(field.label, current)) {
            case .answer(let line) where line.isEmpty: return .answer(field)
            case .answer(let line):
                var changed = field
                changed.input = .text(TextEditor(text: line, singleLine: true))
                return .answer(changed)
            case .command(let step): return .command(step)
            case .end: return .end
            }
        case .choice(let labels, let selected):
            let prompt = choicePrompt(field.label, labels, chosen: selected.map { labels[$0] } ?? "",
                                      none: .plainChoiceNoneYet)
            while true {
                switch ask(prompt) {
                case .answer(let line) where line.isEmpty: return .answer(field)
                case .answer(let line):
                    guard let number = Int(line.trimmed), labels.indices.contains(number - 1)
                    else {
                        say(.plainChoiceCorrection, ["count": .integer(labels.count)])
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
            if participants.isEmpty {
                say(.plainParticipantsNone)
            } else {
                say(.plainParticipantsCount, ["count": .integer(participants.count)])
            }
            for (index, participant) in participants.enumerated() {
                say("\(index + 1). \(participant.plainDescription(number: index + 1, in: language)).")
            }
            let reply = ask(text(.plainParticipantsAsk))
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
                    say(.plainParticipantsCorrection)
                }
            case .command(let step): return step
            case .end: return .endOfInput
            }
        }
    }

    /// Asks a participant's fields; returns a command that interrupted it, if any.
    private func editParticipant(at index: Int) -> Step? {
        say(.plainParticipant, ["number": .integer(index + 1)])
        for (fieldIndex, binding) in state.participantBindings.enumerated() {
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
            let name = participant.displayName(number: index + 1, in: language)
            switch ask(text(.plainParticipantRemoveAsk, ["name": .text(name), "count": .integer(answers)])) {
            case .answer(let line) where isYes(line): break
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
        say(.plainStepIntro, ["step": .integer(index + 1), "steps": .integer(state.guide.steps.count),
                              "title": .text(step.title), "phase": .text(phase)])
        say(.wizardGuidanceMark)
        say(step.guidance)
        let standing = state.standing(ofStep: index, in: ReadinessSummary(guide: state.guide, session: state.session))
        let counts: [String: MessageArgument] = ["count": .integer(step.prompts.count),
                                                 "answered": .integer(standing.answered),
                                                 "standing": .text(standing.label)]
        if let worksheet = step.worksheet {
            say(.plainStepQuestionsThenWorksheet, counts.merging(["worksheet": .text(worksheet.title)]) { $1 })
        } else {
            say(.plainStepQuestions, counts)
        }
        return .next
    }

    private func askQuestion(step stepIndex: Int, prompt promptIndex: Int) -> Step {
        let step = state.guide.steps[stepIndex]
        let prompt = step.prompts[promptIndex]
        say(.plainQuestionHeading, ["step": .integer(stepIndex + 1), "steps": .integer(state.guide.steps.count),
                                    "question": .integer(promptIndex + 1), "questions": .integer(step.prompts.count)])
        say(prompt.text)
        prompt.notes(in: language).forEach(say)
        if let change = ScaleChange.change(for: prompt.id, in: state.session) {
            say(language.text(change.message(in: state.session)))
        }
        say(.plainScale, ["ratings": .text(scale)])
        if state.session.answer(for: prompt.id).isCarriedOver { say(.plainCarriedOver) }
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
            let answer = state.session.answer(for: prompt.id)
            switch field {
            case .voice where answer.distribution != nil:
                // A question voted anonymously holds no named ratings: the round goes on at the consensus.
                continue
            case .voice(0):
                say(.plainRoundTheRoom)
            case .consensus:
                say(state.spreadLine(answer).replacing(" · ", with: "; ") + ".")
            default:
                break
            }
            let step = field == .notes ? askNotes(prompt) : ask(field, of: prompt)
            guard case .countCards? = step else {
                if let step { return step }
                continue
            }
            let before = state.session.answer(for: prompt.id)
            if let interruption = countCards(on: prompt) { return interruption }
            // Recorded, the cards are the round, which goes on at the consensus; not, the field is asked again.
            index = before == state.session.answer(for: prompt.id) ? index - 1
                : fields.firstIndex { if case .voice = $0 { false } else { true } } ?? 0
        }
        return nil
    }

    /// `:c`: the cards the room holds up on `prompt`, counted a rating at a time, then recorded as its
    /// distribution once confirmed, in place of the participants' named ratings only when the user says so. The
    /// command or end of input that interrupted it, if any; `:c` again counts afresh.
    private func countCards(on prompt: Prompt) -> Step? {
        let number = state.questionNumber ?? ""
        while true {
            say(.cardsPlainIntro, ["number": .text(number)])
            var cards: [Rating: Int] = [:]
            var interruption: Step?
            for rating in Rating.all where interruption == nil {
                switch askCount(of: rating, besides: cards.values.reduce(0, +)) {
                case .answer(let count): cards[rating] = count
                case .command(let step): interruption = step
                case .end: interruption = .endOfInput
                }
            }
            if case .countCards? = interruption { continue }
            if let interruption { return interruption }
            let total = cards.values.reduce(0, +)
            guard total > 0 else {
                say(.cardsPlainNone)
                return nil
            }
            say(.cardsPlainTotal, ["count": .integer(total)])
            let named = state.session.answer(for: prompt.id).voices.count
            let question = named > 0 ? text(.cardsPlainConfirmReplacing, ["count": .integer(named)])
                : text(.cardsPlainConfirm, ["number": .text(number)])
            switch ask(question) {
            case .answer(let line) where isYes(line):
                if perform(.recordCards(promptID: prompt.id, cards, replacingNamedVoices: named > 0)) {
                    say(state.cardsRecorded(cards, number: number))
                }
                return nil
            case .answer:
                say(.cardsNotRecorded)
                return nil
            case .command(.countCards): continue
            case .command(let step): return step
            case .end: return .endOfInput
            }
        }
    }

    /// What a line gives as the count of one rating's cards.
    private enum CountReply {
        case answer(Int)
        case command(Step)
        case end
    }

    /// Asks how many cards show `rating` until a line gives a count (Enter: none) that keeps the cards, with the
    /// `counted` before it, within what a question holds.
    private func askCount(of rating: Rating, besides counted: Int) -> CountReply {
        let label = switch rating {
        case .stage: rating.plainDescription(in: language)
        case .notApplicable, .dontKnow: language.text(rating.message)
        }
        while true {
            switch ask(text(.cardsPlainAsk, ["rating": .text(label)])) {
            case .answer(let line) where line.trimmed.isEmpty: return .answer(0)
            case .answer(let line):
                guard let count = Int(line.trimmed), count >= 0 else {
                    say(.cardsPlainCorrection)
                    continue
                }
                guard count <= Distribution.mostVotes - counted else {
                    say(.cardsTooMany, ["count": .integer(Distribution.mostVotes)])
                    continue
                }
                return .answer(count)
            case .command(let step): return .command(step)
            case .end: return .end
            }
        }
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
            say(.plainNotesNone, ["label": .text(label)])
        } else {
            say(.plainNotesNow, ["label": .text(label)])
            say(current)
        }
        say(current.isEmpty ? .plainNotesHowToType : .plainNotesHowToReplace, ["notes": .text(label.lowercased())])
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
            write((lines.isEmpty ? prompt : text(.plainMore)).visibleControls + " ")
            guard let line = nextLine() else {
                write("\n")
                return .lines(typed(), interruption: .endOfInput)
            }
            if lines.isEmpty && line.isEmpty { return .keep }
            if lines.isEmpty && clearing && line.trimmed == "-" { return .clear }
            if lines.isEmpty, !isAdding, current != nil, line.trimmed.lowercased() == Command.add.rawValue {
                isAdding = true
                say(.plainAdding)
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
            switch ask(text(.plainEndAsk)) {
            case .answer(let line) where line.lowercased() == "x":
                for export in ReportExport.all + [.handout] {
                    do throws(FileError) {
                        let contents = export.contents(guide: state.guide, session: state.session,
                                                       language: state.language)
                        say(.plainExported, ["file": .text(try store.export(export, contents: contents))])
                    } catch {
                        say(.plainNotExported, ["reason": .message(error.sentence)])
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
        say(.plainMapTitle)
        say(.plainMapDetails)
        if state.session.mode == .workshop {
            say(.plainMapParticipants, ["count": .integer(state.session.participants.count)])
        }
        for (index, step) in state.guide.steps.enumerated() {
            let standing = state.standing(ofStep: index, in: summary)
            let line: [String: MessageArgument] = [
                "number": .integer(index + 1), "title": .text(step.title), "answered": .integer(standing.answered),
                "count": .integer(step.prompts.count), "standing": .text(standing.label),
            ]
            if let worksheet = step.worksheet {
                say(.plainMapStepWithWorksheet, line.merging(["worksheet": .text(worksheet.title)]) { $1 })
            } else {
                say(.plainMapStep, line)
            }
        }
        say(.plainMapSummary)
        let ask: MessageID =
            switch (state.session.mode == .workshop, !state.guide.worksheets.isEmpty) {
            case (false, false): .plainMapAsk
            case (true, false): .plainMapAskWithParticipants
            case (false, true): .plainMapAskWithWorksheets
            case (true, true): .plainMapAskWithParticipantsAndWorksheets
            }
        while true {
            let reply = self.ask(self.text(ask, ["steps": .integer(state.guide.steps.count)]))
            guard case .answer(let line) = reply else { return reply.step ?? .next }
            if let step = destination(line) { return step }
            say(.plainMapCorrection, ["places": .message(placesHint)])
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
    private var placesHint: Message {
        let id: MessageID = switch (state.session.mode == .workshop, !state.guide.worksheets.isEmpty) {
        case (false, false): .plainPlaces
        case (true, false): .plainPlacesWithParticipants
        case (false, true): .plainPlacesWithWorksheets
        case (true, true): .plainPlacesWithParticipantsAndWorksheets
        }
        // A phrase inside a sentence: its keys are filled in here, as `text` fills in the sentence's.
        return Message(id, Self.typedCommands)
    }

    /// A screen named in a sentence: "step 2, question 3".
    private func placeName(of screen: Screen) -> Message {
        switch screen {
        case .setup, .map: Message(.plainPlaceSessionDetails)
        case .participants: Message(.plainPlaceParticipants)
        case .stepIntro(let step): Message(.plainPlaceStep, ["step": .integer(step + 1)])
        case .question(let step, let prompt):
            Message(.plainPlaceQuestion, ["step": .integer(step + 1), "question": .integer(prompt + 1)])
        case .worksheet(let step): Message(.plainPlaceWorksheet, ["step": .integer(step + 1)])
        case .summary: Message(.plainPlaceSummary)
        }
    }

    // MARK: Showing

    private func showSummary() {
        let summary = ReadinessSummary(guide: state.guide, session: state.session)
        say(.plainSummaryTitle, ["session": .text(state.session.displayName(in: language))])
        if let next = summary.nextStep {
            say(.plainSummaryNextStep, ["step": .integer(next), "title": .text(state.guide.steps[next - 1].title)])
        } else {
            say(.plainSummaryAllReady)
        }
        let participants = state.session.raters
        if !participants.isEmpty {
            let described = participants.enumerated().map { index, participant in
                participant.plainDescription(number: index + 1, in: language)
            }
            say(.plainSummaryParticipants, ["count": .integer(participants.count),
                                            "participants": .text(described.joined(separator: "; "))])
        }
        for step in summary.steps {
            let score = step.drawsBar
                ? step.score.map { MessageArgument.message(Message(.plainSummaryScore, ["score": .decimal($0)])) }
                : nil
            say(.plainSummaryStep, ["step": .integer(step.number), "title": .text(step.title),
                                    "standing": .message(step.standingMessage(score: score))])
        }
        for warning in summary.sequenceWarnings { say(language.text(warning.statement)) }
        say(text(.plainSummaryConcerns, ["count": .integer(summary.concerns.count)]) + " "
            + text(.plainSummaryEvidenceGaps, ["count": .integer(summary.evidenceGaps.count)]))
        for concern in summary.concerns {
            // The rating in the reader's language: a mean with its decimal separator (1,1).
            let rating = state.session.answer(for: concern.promptID).groupRating(in: state.session.raters)
            say(.plainSummaryConcern, questionArguments(concern.stepNumber, concern.questionNumber, concern.text)
                .merging(["rating": rating.code == nil ? .text("-") : rating.codeArgument]) { $1 })
        }
        let flags = PartnershipRecords(guide: state.guide, session: state.session).flags(today: today())
        if !flags.isEmpty {
            say(.plainSummaryRecords, ["count": .integer(flags.count)])
            for flag in flags { say(language.text(flag.statement)) }
        }
        let voices = VoicesSummary(guide: state.guide, session: state.session)
        for step in voices.steps where step.sectorsDiffer {
            if let extremes = step.extremes {
                say(.plainSummarySectorsDiffer, [
                    "step": .integer(step.stepNumber),
                    "lowest": .message(extremes.lowest.sector.message), "lowestMean": .decimal(extremes.lowest.mean),
                    "highest": .message(extremes.highest.sector.message),
                    "highestMean": .decimal(extremes.highest.mean),
                ])
            }
        }
        for step in voices.steps where step.donorsDiffer {
            if let donors = step.donorComparison {
                say(.plainSummaryDonorsDiffer, ["step": .integer(step.stepNumber),
                                                "comparison": .message(donors.comparingMessage)])
            }
        }
        for prompt in voices.consensusAgainstVoices {
            say(.plainSummaryConsensusAgainstVoices, questionArguments(prompt.stepNumber, prompt.questionNumber,
                                                                       prompt.text))
        }
        for prompt in summary.notApplicableWithoutReason {
            say(.plainSummaryNotApplicableWithoutReason, questionArguments(prompt.stepNumber, prompt.questionNumber,
                                                                           prompt.text))
        }
        for divergent in voices.divergentPrompts {
            let prompt = divergent.prompt
            say(.plainSummaryDivergent, questionArguments(prompt.stepNumber, prompt.questionNumber, prompt.text))
        }
        if state.session.mode == .selfAssessment { say(.plainSummarySelfAssessment) }
    }

    /// A question named in the summary: its step's number, its number in the step and its text.
    private func questionArguments(_ step: Int, _ question: Int, _ text: String) -> [String: MessageArgument] {
        ["step": .integer(step), "question": .integer(question), "text": .text(text)]
    }

    private func showHelp() {
        say(.plainHelpRating, ["scale": .text(scale)])
        say(.plainHelpNotes)
        if !state.guide.worksheets.isEmpty { showWorksheetHelp() }
        say(.plainHelpCommands)
        if state.session.mode == .workshop { say(.cardsPlainHelp) }
        if state.guide.isBuiltInTranslation {
            say(.translationPlainHelp, ["command": .text(Command.original.rawValue)])
        }
    }

    /// `:g`: on a question, what the guide says about it beyond how to read its scale (whether it is derived, the
    /// hint), then the step's guidance, marked as our summary; in a step's worksheet, the guidance.
    private func showGuide() {
        guard let step = state.currentStep else { return say(.plainGuideNone) }
        if let prompt = state.currentPrompt {
            let about = prompt.notes(in: language).dropFirst(prompt.readingCount)
            about.forEach(say)
            if prompt.hint == nil { say(.wizardGuideHintNoHint) }
        }
        say(.wizardGuidanceMark)
        say(state.guide.steps[step].guidance)
    }

    /// `:o`: the question on screen as the English guide writes it, with its scale and hint.
    private func showOriginal() {
        guard let prompt = state.currentPrompt, let original = state.guide.englishOriginal(of: prompt.id) else {
            return say(.translationPlainNone)
        }
        say(.translationPlainIntro)
        [original.text, original.scale, original.hint].compactMap { $0 }.forEach(say)
    }

    /// The ratings as they are typed, each with its name: "0 Not started, … n Not applicable, d Don't know".
    private var scale: String {
        Rating.all.map { rating in
            let key = switch rating {
            case .notApplicable: "n"
            case .dontKnow: "d"
            case .stage: rating.code
            }
            return "\(key) \(language.text(rating.message))"
        }.joined(separator: ", ")
    }

    /// A prompt for a value by its label: "Organisation, now empty:", "Organisation, now Municipio:".
    func nowPrompt(_ label: String, _ value: String) -> String {
        value.isEmpty ? text(.plainFieldEmpty, ["label": .text(label)])
            : text(.plainFieldNow, ["label": .text(label), "value": .text(value)])
    }

    /// A prompt for a choice by its label, with the choices numbered as they are typed: "Who is answering
    /// (1 Workshop, 2 Self-assessment), now Workshop:"; `none` when nothing is chosen.
    func choicePrompt(_ label: String, _ labels: [String], chosen: String, none: MessageID) -> String {
        let options = labels.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
        let arguments: [String: MessageArgument] = ["label": .text(label), "options": .text(options)]
        return chosen.isEmpty ? text(none, arguments)
            : text(.plainChoiceNow, arguments.merging(["value": .text(chosen)]) { $1 })
    }

    /// The language the walk speaks.
    var language: Language { state.language }

    func say(_ text: String) {
        write(text.visibleControls + "\n")
    }

    /// Says a message in the walk's language.
    func say(_ id: MessageID, _ arguments: [String: MessageArgument] = [:]) {
        say(text(id, arguments))
    }

    /// A message in the walk's language, with the commands it names as they are typed.
    func text(_ id: MessageID, _ arguments: [String: MessageArgument] = [:]) -> String {
        language.text(id, arguments.merging(Self.typedCommands) { given, _ in given })
    }

    /// Whether an answer to a question that asks to confirm says yes: `y`, or the reader's language's own word
    /// for it (`sí`, `oui`, `sim`), so that a facilitator typing it does not lose the step.
    func isYes(_ line: String) -> Bool {
        let answer = line.trimmed.lowercased()
        let words = text(.plainYesWords).split(separator: ",").map { String($0).trimmed.lowercased() }
        return answer == "y" || words.contains(answer)
    }

    /// The commands and keys as typed, for the messages that name them (`{helpCommand}`, `{yesKey}`): placeholders,
    /// so that neither a translation nor the pseudo-language changes what the user must type.
    static let typedCommands: [String: MessageArgument] = Dictionary(
        uniqueKeysWithValues: Command.allCases.map { ("\($0)Command", .text($0.rawValue)) }
    ).merging([
        "stepJump": .text(Command.steps.rawValue + " 3"), "worksheetJump": .text(Command.steps.rawValue + " w3"),
        "fromStart": .text("--from-start"),
        "addKey": .text("a"), "insertKey": .text("i"), "editKey": .text("e"), "removeKey": .text("r"),
        "deleteKey": .text("d"), "moveKey": .text("m"), "listKey": .text("l"), "findKey": .text("?"),
        "clearKey": .text("-"), "todayKey": .text("t"), "yesKey": .text("y"), "confirmKey": .text("c"),
        "exportKey": .text("x"),
        "detailsKey": .text("d"), "participantsKey": .text("p"), "worksheetKey": .text("w"), "summaryKey": .text("s"),
    ]) { command, _ in command }

    /// A command typed at any prompt, as it is typed; messages name it by the placeholder `{backCommand}`.
    enum Command: String, CaseIterable {
        case back = ":b", steps = ":m", summary = ":s", guide = ":g", undo = ":u", redo = ":r", help = ":h"
        case quit = ":q"
        /// On a question of a translated guide, the English original.
        case original = ":o"
        /// On a workshop's question, counts the cards the room holds up.
        case cards = ":c"
        /// Adds to a text's lines, at the first line asked for.
        case add = ":a"
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
            sayTooLarge(.plainTooLargeChange)
            return false
        }
        switch state.status {
        case let status? where status == .readOnly || status == .acceptanceCleared:
            say(status.text(in: language).sentence)
        case .refused(let reason)?:
            say(language.text(reason))
            return false
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
                say(.plainNotSaved, ["reason": .message(error.shortReason ?? error.sentence)])
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
