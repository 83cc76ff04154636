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

/// A failure the user can act on: printed as one sentence, exit status 1.
struct UserError: Error, CustomStringConvertible {
    let description: String

    /// Paths, file contents and TERM can hold escape sequences; the terminal gets them made visible.
    init(_ description: String) {
        self.description = description.visibleControls
    }
}

/// Runs file work, turning a file problem into the sentence the user sees.
func reporting<T>(_ work: () throws(FileError) -> T) throws(UserError) -> T {
    do {
        return try work()
    } catch {
        throw UserError(error.message)
    }
}
