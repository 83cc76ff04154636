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

/// A failure the user can act on: one sentence, said in the reader's language when the program ends with it
/// (`exit(withError:in:)`), exit status 1.
struct UserError: Error {
    let sentence: Message

    init(_ sentence: Message) {
        self.sentence = sentence
    }

    /// The sentence in `language`. Paths, file contents and TERM can hold escape sequences; the terminal gets
    /// them made visible.
    func text(in language: Language) -> String {
        language.text(sentence).visibleControls
    }
}

/// A refusal as the argument parser prints it: "Error: " and the sentence.
private struct SaidError: Error, CustomStringConvertible {
    let description: String
}

extension ISPWizard {
    /// Ends the program with `error`: a refusal of ours said in `language`, any other as the argument parser says
    /// it.
    static func exit(withError error: Error, in language: Language) -> Never {
        guard let refusal = error as? UserError else { exit(withError: error) }
        exit(withError: SaidError(description: refusal.text(in: language)))
    }
}

/// Runs file work, turning a file problem into the sentence the user sees.
func reporting<T>(_ work: () throws(FileError) -> T) throws(UserError) -> T {
    do {
        return try work()
    } catch {
        throw UserError(error.sentence)
    }
}
