import Messages

/// What changed in the readiness between two states of one partnership's answers, as a round compared with the
/// last and a merge say it: the questions whose status changed (Not applicable or Don't know for the room, rated
/// now, or the reverse) and the steps whose score or band moved.
public struct ReadinessChanges: Sendable {
    /// A question whose group rating changed in kind: rated, Not applicable, Don't know (all of the room or most of
    /// it), or mostly Not applicable while some rated. Not answered before or after is no change of status.
    public struct StatusChange: Sendable, Equatable {
        public var prompt: PromptReference
        /// The group rating as each state's summary lists it: "N/A Not applicable", "no group rating, 4 of 7 don't
        /// know", "2.5, 3 of 7 rated, no consensus yet".
        public var before: String
        public var after: String

        /// "Step 7 Q1: N/A Not applicable → 2.5, 2 of 3 rated, no consensus yet", in the language of the
        /// summaries compared.
        public var message: Message {
            let place = Message(.reportPlace, ["step": .integer(prompt.stepNumber),
                                               "question": .integer(prompt.questionNumber)])
            return Message(.compareStatusChange, ["place": .message(place), "before": .text(before),
                                                  "after": .text(after)])
        }
    }

    /// A step whose score as shown or whose band moved.
    public struct StepMove: Sendable, Equatable {
        public var before: StepReadiness
        public var after: StepReadiness

        /// "Step 7 Institutionalize…: 0.5 Not ready, 2 of 5 rated → 1.3 Not ready, 3 of 5 rated".
        public var message: Message {
            Message(.compareStepMove, ["step": .integer(after.number), "title": .text(after.title),
                                       "before": .message(before.figuresMessage),
                                       "after": .message(after.figuresMessage)])
        }
    }

    public let statusChanges: [StatusChange]
    public let stepMoves: [StepMove]

    public init(old: SummaryReport, new: SummaryReport) {
        var statusChanges: [StatusChange] = []
        for (stepIndex, step) in new.guide.steps.enumerated() {
            for (promptIndex, prompt) in step.prompts.enumerated() {
                let was = old.session.answer(for: prompt.id).groupRating(in: old.session.raters)
                let now = new.session.answer(for: prompt.id).groupRating(in: new.session.raters)
                guard was.status != now.status, was.status != .unanswered, now.status != .unanswered else { continue }
                let reference = PromptReference(prompt: prompt, stepNumber: stepIndex + 1,
                                                questionNumber: promptIndex + 1, rating: now)
                statusChanges.append(StatusChange(prompt: reference, before: old.ratingLabel(reference),
                                                  after: new.ratingLabel(reference)))
            }
        }
        self.statusChanges = statusChanges
        stepMoves = zip(old.summary.steps, new.summary.steps).compactMap { before, after in
            before.shownScore == after.shownScore && before.band == after.band
                ? nil : StepMove(before: before, after: after)
        }
    }
}

extension GroupRating {
    /// What the room's answer amounts to, whatever its figures.
    enum Status {
        case rated, notApplicable, dontKnow, mostlyNotApplicable, unanswered
    }

    var status: Status {
        switch self {
        case .given(.stage), .mean: .rated
        case .given(.notApplicable), .notApplicable: .notApplicable
        case .given(.dontKnow), .dontKnow, .dontKnowMajority: .dontKnow
        case .mostlyNotApplicable: .mostlyNotApplicable
        case .unanswered: .unanswered
        }
    }
}
