import BallotWire
import ISPCore
import Messages
import TerminalUI

/// What the ballot server told the run loop, for the update to take in.
public enum BallotUpdate: Equatable, Sendable {
    case event(BallotEvent)
    /// The server could not start, or stopped: the sentence says why.
    case failed(Message)
}

/// The ballots of a workshop's question screen (issue 19): `b` asks which kind, a ballot from phones waits for the
/// votes with their count on screen, `r` reveals them all as one undoable change, `Esc` closes it.
extension WizardState {
    /// `b` on the rating or the rating rows of a workshop's question.
    static let ballotBinding = KeyBinding(
        [.character("b")], bar: (key: "b", action: .pollBarBallot),
        help: (keys: "b", meaning: Message(.pollHelpBallot)), .openBallot)

    /// `v`: the room view. On the bar while a ballot is open; on a question's rating, only in the help, to keep
    /// the bar's room for rating.
    static let roomViewBinding = KeyBinding(
        [.character("v")], bar: (key: "v", action: .pollBarRoomView),
        help: (keys: "v", meaning: Message(.pollHelpRoomView)), .showRoomView)
    static let quietRoomViewBinding = KeyBinding(
        [.character("v")], bar: nil, help: (keys: "v", meaning: Message(.pollHelpRoomView)), .showRoomView)

    /// The keys of an open ballot: nothing else of the screen works until it is revealed or closed.
    static let openBallotBindings = [
        KeyBinding([.character("r")], bar: (key: "r", action: .pollBarReveal),
                   help: (keys: "r", meaning: Message(.pollHelpReveal)), .revealBallot),
        roomViewBinding,
        KeyBinding([.escape], bar: (key: "Esc", action: .pollBarClose),
                   help: (keys: "Esc", meaning: Message(.pollHelpClose)), .closeBallot),
    ]

    /// A named ballot's own keys: a phone lost or swapped lets its participant vote from another.
    static let namedBallotBindings = [
        KeyBinding([.up, .down], bar: nil, help: nil, .moveInBallot),
        KeyBinding([.character("l")], bar: (key: "↑↓ l", action: .pollBarRelease),
                   help: (keys: "↑ ↓ l", meaning: Message(.pollHelpRelease)), .releaseVoter),
    ]

    /// The keys of the ballot on screen, while one is open.
    var ballotBindings: [KeyBinding] {
        guard let ballot else { return [] }
        return Self.openBallotBindings + (ballot.kind == .named ? Self.namedBallotBindings : [])
    }

    /// The ballot and room-view keys of the focused rating field: a ballot only in a workshop that can change.
    var questionBallotBindings: [KeyBinding] {
        session.mode == .workshop && readOnlyReason == nil ? [Self.ballotBinding, Self.quietRoomViewBinding]
            : [Self.quietRoomViewBinding]
    }

    /// The keys that answer what a ballot asks: its kind, then whether its votes may replace others.
    var ballotAskingBindings: [KeyBinding] {
        switch ballotAsking {
        case .kind?:
            let named = session.participants.isEmpty ? [] : [
                KeyBinding(answering: "n", bar: Message(.pollAnswerNamed), .chooseBallot),
            ]
            let stop = ballot == nil && ballotLink != .off ? [
                KeyBinding(answering: "s", bar: Message(.pollAnswerStop), .chooseBallot),
            ] : []
            return named + [
                KeyBinding(answering: "a", bar: Message(.pollAnswerAnonymous), .chooseBallot),
                KeyBinding(answering: "c", bar: Message(.pollAnswerCards), .chooseBallot),
            ] + stop
        case .replacing?:
            return [KeyBinding(answering: "y", bar: Message(.pollBarGoOn), .confirm)]
        case nil:
            // `r` reveals first, as the question says, and the quit waits for the next quit key.
            if ballot?.isConfirmingQuit == true {
                return [KeyBinding(answering: "y", bar: Message(.pollBarQuit), .confirm),
                        KeyBinding(answering: "r", bar: Message(.pollBarReveal), .revealBallot)]
            }
            return ballot?.isConfirmingDiscard == true
                ? [KeyBinding(answering: "y", bar: Message(.pollBarDiscard), .confirm)] : []
        }
    }

    /// Whether a ballot waits for an answer: which kind, whether to replace, whether to discard votes or quit.
    var isAskingAboutBallot: Bool {
        ballotAsking != nil || ballot?.isConfirmingDiscard == true || ballot?.isConfirmingQuit == true
    }

    /// The quit key: quits, saving, unless a ballot holds votes not yet revealed, which it asks about first; the
    /// quit key again, or `y`, quits all the same.
    mutating func quit() -> [Effect] {
        guard let ballot, ballot.votes > 0, !ballot.isConfirmingQuit else { return [.save, .quit] }
        ballotAsking = nil
        self.ballot?.isConfirmingDiscard = false
        self.ballot?.isConfirmingQuit = true
        return []
    }

    /// The sentence of what the ballot asks, shown above the key bar.
    var ballotQuestion: String? {
        guard let prompt = currentPrompt, let number = questionNumber else { return nil }
        let answer = session.answer(for: prompt.id)
        switch ballotAsking {
        case .kind?:
            return language.text(session.participants.isEmpty ? .pollAskKindAnonymous : .pollAskKind,
                                 ["number": .text(number)])
        case .replacing(.named)?:
            return language.text(.pollAskReplaceDistribution, [
                "number": .text(number), "count": .integer(answer.distribution?.voteCount ?? 0),
            ])
        case .replacing?:
            return language.text(.pollAskReplaceNamed, [
                "number": .text(number), "count": .integer(answer.voices.count),
            ])
        case nil:
            guard let ballot else { return nil }
            if ballot.isConfirmingQuit { return language.text(.pollAskQuit, ["count": .integer(ballot.votes)]) }
            guard ballot.isConfirmingDiscard else { return nil }
            return language.text(.pollAskDiscard, ["count": .integer(ballot.votes)])
        }
    }

    /// The question's number as the guide counts it ("3.2").
    var questionNumber: String? {
        guard case .question(let step, let prompt) = screen else { return nil }
        return "\(step + 1).\(prompt + 1)"
    }

    /// Leaves what a ballot asked unanswered: no ballot opens, the votes are kept.
    mutating func dismissBallotQuestion() {
        ballotAsking = nil
        ballot?.isConfirmingDiscard = false
        ballot?.isConfirmingQuit = false
    }

    mutating func performBallotCommand(_ command: Command, key: Key) -> [Effect] {
        switch command {
        case .openBallot:
            ballotAsking = .kind
            return []
        case .chooseBallot:
            ballotAsking = nil
            guard case .character(let letter) = key else { return [] }
            switch letter.lowercased() {
            case "n" where !session.participants.isEmpty: return openBallot(.named)
            case "a": return openBallot(.anonymous)
            case "c": return openBallot(.cards)
            case "s" where ballot == nil:
                ballotLink = .off
                status = .note(language.text(.pollStatusStopped))
                return [.stopBallots]
            default: return []
            }
        case .showRoomView:
            isShowingRoomView = true
            return []
        case .revealBallot:
            dismissBallotQuestion()
            return revealBallot()
        case .closeBallot:
            guard let ballot else { return [] }
            if ballot.votes > 0 {
                self.ballot?.isConfirmingDiscard = true
                return []
            }
            return closeBallot()
        case .moveInBallot:
            guard let ballot, !session.participants.isEmpty else { return [] }
            let last = session.participants.count - 1
            self.ballot?.selection = key == .up ? max(ballot.selection - 1, 0) : min(ballot.selection + 1, last)
            return []
        case .releaseVoter:
            guard let ballot, session.participants.indices.contains(ballot.selection) else { return [] }
            let participant = session.participants[ballot.selection]
            status = .note(language.text(.pollStatusReleased, [
                "name": .text(participant.displayName(number: ballot.selection + 1, in: language)),
            ]))
            return [.ballot(.release(participant: participant.id))]
        default:
            return []
        }
    }

    /// `y` to what a ballot asked: opens the ballot over the question's other ratings, or discards its votes.
    mutating func confirmBallotQuestion() -> [Effect] {
        if case .replacing(let kind)? = ballotAsking {
            ballotAsking = nil
            return startBallot(kind, replacing: true)
        }
        if ballot?.isConfirmingQuit == true { return closeBallot() + [.save, .quit] }
        return closeBallot()
    }

    /// Opens a ballot of a kind on the question on screen, asking first when its votes would replace the
    /// question's other ratings: named voices for anonymous votes and cards, a distribution for named votes.
    private mutating func openBallot(_ kind: BallotKind) -> [Effect] {
        guard let prompt = currentPrompt else { return [] }
        let answer = session.answer(for: prompt.id)
        let replaces = kind == .named ? answer.distribution != nil : !answer.voices.isEmpty
        if replaces {
            ballotAsking = .replacing(kind)
            return []
        }
        return startBallot(kind, replacing: false)
    }

    private mutating func startBallot(_ kind: BallotKind, replacing: Bool) -> [Effect] {
        guard let prompt = currentPrompt else { return [] }
        if kind == .cards {
            cardsTally = CardsTally(promptID: prompt.id, replacing: replacing)
            return []
        }
        let participants = session.participants
        // The room's size, by name or not: "3 of 7 voted" tells the facilitator who is still to vote.
        ballot = OpenBallot(promptID: prompt.id, kind: kind, replacing: replacing,
                            voters: participants.isEmpty ? nil : participants.count)
        if case .listening = ballotLink {} else { ballotLink = .starting }
        let voters: BallotVoters = kind == .named
            ? .named(participants.enumerated().map { index, participant in
                BallotParticipant(id: participant.id, name: participant.displayName(number: index + 1, in: language))
            })
            : .anonymous(sectors: Sector.allCases.map {
                BallotSector(id: $0.rawValue, name: language.text($0.message))
            })
        let scale = BallotScale(stages: Stage.allCases.map { language.text($0.message) },
                                notApplicable: language.text(Rating.notApplicable.message),
                                dontKnow: language.text(Rating.dontKnow.message))
        let translated = translatedPrompts(prompt)
        let question = BallotQuestion(
            id: prompt.id, text: prompt.text, scale: prompt.scale,
            translations: translated.isEmpty ? nil : translated.mapValues(\.text),
            scaleTranslations: translated.isEmpty ? nil : translated.compactMapValues(\.scale))
        // No more votes than the room has people, when the wizard knows them: a script fetching a fresh cookie per
        // vote cannot stuff an anonymous ballot past that.
        let opening = BallotOpening(question: question, scale: scale,
                                    voters: voters, mostVotes: participants.isEmpty ? nil : participants.count,
                                    language: language.code)
        return [.ballot(.open(opening))]
    }

    /// A built-in guide's question in the other languages it has, by code, for the phones that read them; none
    /// for a guide file's, which the page shows as the facilitator reads it.
    private func translatedPrompts(_ prompt: Prompt) -> [String: Prompt] {
        guard guide.id == Guide.builtIn.id, guide.edition == Guide.builtIn.edition else { return [:] }
        let codes = Language.all.map(\.code).filter { $0 != language.code && $0 != Language.pseudo.code }
        let prompts = codes.compactMap { code -> (String, Prompt)? in
            let translated = Guide.builtIn(in: code)
            guard translated.language == code, let place = translated.locate(promptID: prompt.id) else { return nil }
            return (code, translated.steps[place.step].prompts[place.prompt])
        }
        return Dictionary(prompts) { first, _ in first }
    }

    /// `r`: asks the server for the votes, which come back as one change (`handle(_ update:)`).
    private mutating func revealBallot() -> [Effect] {
        guard let ballot, !ballot.isRevealing else { return [] }
        guard ballot.votes > 0 else {
            status = .note(language.text(.pollStatusNoVotes))
            return []
        }
        self.ballot?.isRevealing = true
        return [.ballot(.reveal)]
    }

    private mutating func closeBallot() -> [Effect] {
        ballot = nil
        return [.ballot(.close)]
    }

    /// The ballot server was started before any ballot (`--ballot`): its address is on its way.
    public mutating func expectBallotServer() {
        if ballotLink == .off { ballotLink = .starting }
    }

    /// Takes in what the ballot server said: where it listens, a new count, the votes revealed, or that it failed.
    public mutating func handle(_ update: BallotUpdate) -> [Effect] {
        switch update {
        case .event(.ready(let url, let qrCode)):
            ballotLink = .listening(url: url, qrCode: qrCode)
            // Started before any ballot (--ballot): where phones go, said now.
            if ballot == nil { ballotNotice = language.text(.pollStatusReady, ["url": .text(url.visibleControls)]) }
            return []
        case .event(.count(let question, let votes, let voters, let voter, let withdrawn)):
            guard ballot?.promptID == question else { return [] }
            ballot?.votes = votes
            ballot?.voted.subtract(withdrawn)
            if let voter { ballot?.voted.insert(voter) }
            if let voters { ballot?.voters = voters }
            return []
        case .event(.revealed(let question, let votes)):
            guard let ballot, ballot.promptID == question, ballot.isRevealing else { return [] }
            self.ballot = nil
            let change = ballot.kind == .named
                ? SessionChange.revealNamedBallot(promptID: question, votes.compactMap(NamedVote.init),
                                                  replacingDistribution: ballot.replacing)
                : SessionChange.revealAnonymousBallot(promptID: question, votes.compactMap(AnonymousVote.init),
                                                      replacingNamedVoices: ballot.replacing)
            let effects = handle(.change(change))
            if status == nil { status = .note(language.text(.pollStatusRevealed, ["count": .integer(votes.count)])) }
            return effects
        case .event(.failed(let problem, let port)):
            return handle(.failed(BallotProcessFailure.cannotListen(problem, port: port).message))
        case .failed(let problem):
            ballotLink = .failed(problem)
            // Votes lost say the ballot closed; otherwise ballots could not run at all (a port in use).
            let lostVotes = (ballot?.votes ?? 0) > 0
            ballot = nil
            ballotNotice = language.text(lostVotes ? .pollStatusFailed : .pollStatusCannotRun,
                                         ["problem": .message(problem)])
            return [.stopBallots]
        }
    }
}

extension Rating {
    /// A vote's rating as the session keeps it: the same code; nil for a stage the scale does not have.
    init?(_ rating: BallotRating) {
        self.init(code: rating.code)
    }
}

extension NamedVote {
    /// A revealed vote of a named ballot; nil for one without a participant or a rating.
    init?(_ vote: BallotVote) {
        guard let participant = vote.participant, let rating = Rating(vote.rating) else { return nil }
        self.init(participantID: participant, rating: rating, note: vote.note)
    }
}

extension AnonymousVote {
    /// A revealed vote of an anonymous ballot: its rating, the sector the voter gave, its note; never a name.
    init?(_ vote: BallotVote) {
        guard let rating = Rating(vote.rating) else { return nil }
        self.init(rating: rating, sector: vote.sector.flatMap(Sector.init(rawValue:)), note: vote.note)
    }
}
