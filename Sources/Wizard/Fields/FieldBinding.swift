import ISPCore
import Messages
import TerminalUI

/// A form field tied to a place in the model through a key path: it fills the field from the model and
/// writes an edited field back.
struct FieldBinding<Root>: Sendable {
    let field: @Sendable (Root) -> FormField
    let store: @Sendable (inout Root, FormField) -> Void

    /// A one-line text field for a string.
    static func text(_ label: String, _ path: WritableKeyPath<Root, String> & Sendable) -> FieldBinding {
        FieldBinding(
            field: { .text(label, $0[keyPath: path]) },
            store: { root, field in
                if let text = field.text { root[keyPath: path] = text }
            })
    }

    /// A choice among `options`, shown by their labels.
    static func choice<Value: Equatable & Sendable>(_ label: String, _ path: WritableKeyPath<Root, Value> & Sendable,
                                         _ options: [(value: Value, label: String)]) -> FieldBinding {
        FieldBinding(
            field: { root in
                .choice(label, labels: options.map(\.label),
                        selected: options.firstIndex { $0.value == root[keyPath: path] })
            },
            store: { root, field in
                if let index = field.selectedIndex { root[keyPath: path] = options[index].value }
            })
    }
}

extension FieldBinding {
    /// A sector, or none yet, the sectors named in `language`.
    static func sector(_ label: String, _ path: WritableKeyPath<Root, Sector?> & Sendable,
                       in language: Language) -> FieldBinding {
        choice(label, path, Sector.allCases.map { (value: Optional($0), label: language.text($0.message)) })
    }
}

extension WizardState {
    /// The session details: the partnership, who answers, and the fields of that mode only (switching the mode
    /// keeps the other mode's answers, hidden).
    var setupBindings: [FieldBinding<Session>] {
        let common: [FieldBinding<Session>] = [
            .text(language.text(.wizardFieldPartnershipName), \.partnership.name),
            .text(language.text(.wizardFieldFocalIssue), \.partnership.focalIssue),
            .choice(language.text(.wizardFieldMode), \.mode,
                    Mode.allCases.map { (value: $0, label: language.text($0.choiceLabel)) }),
        ]
        switch session.mode {
        case .workshop:
            return common + [.text(language.text(.wizardFieldFacilitator), \.facilitator)]
        case .selfAssessment:
            return common + [.text(language.text(.wizardFieldOrganisation), \.organisation),
                             .sector(language.text(.wizardFieldSector), \.sector, in: language)]
        }
    }

    /// A participant's name, organisation and sector, labelled in the reader's language.
    var participantBindings: [FieldBinding<Participant>] { Self.participantBindings(in: language) }

    static func participantBindings(in language: Language) -> [FieldBinding<Participant>] {
        [
            .text(language.text(.wizardFieldParticipantName), \.name),
            .text(language.text(.wizardFieldParticipantOrganisation), \.organisation),
            .sector(language.text(.wizardFieldParticipantSector), \.sector, in: language),
        ]
    }
}

extension Mode {
    /// The mode as a choice of who is answering, on the session details.
    var choiceLabel: MessageID {
        switch self {
        case .workshop: .wizardFieldModeWorkshop
        case .selfAssessment: .wizardFieldModeSelfAssessment
        }
    }
}
