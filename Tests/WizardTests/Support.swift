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

/// The styles of a frame as text: for each row, the runs of columns that share a style, by role name, or by how
/// `theme` draws them (attributes and colours).
func styleMap(_ grid: ScreenGrid, theme: Theme? = nil) -> String {
    func describe(_ style: Style) -> String {
        guard let theme else { return style.name }
        let look = theme.look(for: style)
        let attributes = [(Look.Attributes.bold, "bold"), (.reverse, "reverse"), (.dim, "dim"),
                          (.underline, "underline")]
            .filter { look.attributes.contains($0.0) }.map(\.1)
        let colours = [look.foreground.map { "fg=\($0)" }, look.background.map { "bg=\($0)" }].compactMap { $0 }
        return (attributes + colours).joined(separator: " ")
    }
    var lines = [theme.map { "--- \($0.name) theme: row: first-last column look" }
                 ?? "--- styles: row: first-last column role"]
    for row in 0..<grid.size.rows {
        var runs: [String] = []
        var column = 0
        while column < grid.size.columns {
            let style = grid[row, column].style
            var end = column
            while end + 1 < grid.size.columns && grid[row, end + 1].style == style { end += 1 }
            let look = describe(style)
            if !look.isEmpty { runs.append("\(column)-\(end) \(look)") }
            column = end + 1
        }
        if !runs.isEmpty { lines.append(String(format: "%2d: ", row) + runs.joined(separator: ", ")) }
    }
    return lines.joined(separator: "\n")
}

/// Compares a frame, text and styles, with a golden text file in Tests/WizardTests/Golden; `RECORD_GOLDEN=1`
/// rewrites the files and fails the test, so that a forgotten variable cannot pass silently.
func expectGolden(_ grid: ScreenGrid, _ name: String, theme: Theme? = nil,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    expectGolden(text: grid.text + "\n" + styleMap(grid, theme: theme) + "\n", name, what: "Screen",
                 sourceLocation: sourceLocation)
}

/// Compares text (a frame, a transcript) with Golden/`name`.txt, or records it under `RECORD_GOLDEN=1`.
func expectGolden(text actual: String, _ name: String, what: String = "Text",
                  sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Recorded Golden/\(name).txt; run again without RECORD_GOLDEN to check it.",
                     sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("No golden file \(name).txt; run with RECORD_GOLDEN=1 to record it.\n\(actual)",
                     sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "\(what) differs from Golden/\(name).txt", sourceLocation: sourceLocation)
}
