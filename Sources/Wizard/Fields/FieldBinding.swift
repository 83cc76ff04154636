import ISPCore
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
    /// A sector, or none yet.
    static func sector(_ label: String, _ path: WritableKeyPath<Root, Sector?> & Sendable) -> FieldBinding {
        choice(label, path, Sector.allCases.map { (value: Optional($0), label: $0.label) })
    }
}

extension WizardState {
    /// The session details: the partnership, who answers, and the fields of that mode only (switching the mode
    /// keeps the other mode's answers, hidden).
    var setupBindings: [FieldBinding<Session>] {
        let common: [FieldBinding<Session>] = [
            .text("Partnership name", \.partnership.name),
            .text("Focal issue (the problem the partnership addresses)", \.partnership.focalIssue),
            .choice("Who is answering", \.mode, Mode.allCases.map { (value: $0, label: $0.label) }),
        ]
        switch session.mode {
        case .workshop:
            return common + [.text("Facilitator", \.facilitator)]
        case .selfAssessment:
            return common + [.text("Your organisation", \.organisation),
                             .sector("Your organisation's sector", \.sector)]
        }
    }

    /// A participant's name, organisation and sector.
    static let participantBindings: [FieldBinding<Participant>] = [
        .text("Name (may stay empty)", \.name),
        .text("Organisation", \.organisation),
        .sector("Sector", \.sector),
    ]
}
