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

struct PrintGuide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Print the guide as JSON: a starting point for an edited or translated guide (--guide).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        print(String(decoding: try global.loadGuide().jsonData(), as: UTF8.self))
    }
}
