import Foundation
import ISPCore
import TerminalUI
import Testing

@testable import Wizard

let standardSize = Size(rows: 24, columns: 80)

/// A wizard on a new session of the built-in guide.
func makeState(name: String = "Água para Todos 水", mode: Mode = .workshop, size: Size = standardSize) -> WizardState {
    WizardState(guide: .builtIn, session: Session(guide: .builtIn, mode: mode, name: name), size: size)
}

extension WizardState {
    /// Sends keys and returns the effects of the last one.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        press(keys)
    }

    @discardableResult
    mutating func press(_ keys: [Key]) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects = handle(.key(key)) }
        return effects
    }

    /// Types text character by character.
    mutating func type(_ text: String) {
        for character in text { _ = handle(.key(character == "\n" ? .enter : .character(character))) }
    }
}

/// Compares a frame with a golden text file in Tests/WizardTests/Golden; `RECORD_GOLDEN=1` rewrites the files.
func expectGolden(_ grid: ScreenGrid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).txt")
    let actual = grid.text + "\n"
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("No golden file \(name).txt; run with RECORD_GOLDEN=1 to record it.\n\(actual)",
                     sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "Screen differs from Golden/\(name).txt", sourceLocation: sourceLocation)
}
