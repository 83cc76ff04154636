import Foundation
import ISPCore

/// English left in a text rendered in the pseudo-language (`en-XA`, where every message is accented and
/// bracketed): the runs of `words` or more plain-ASCII words, one space apart, that are not in `kept`, what stays
/// as typed (the guide's texts, names, notes).
///
/// A kept text is taken out wherever it stands whole; a run that is a piece of one (a text wrapped over a
/// screen's lines, or cut to fit: "Wor…") is kept as well. Anything but a letter, an apostrophe in a word and
/// one space ends a run: two spaces (a column's gap), punctuation, a number, a bracket, an accented letter.
public func englishRuns(in text: String, keeping kept: [String], words: Int = 3) -> [String] {
    let keptLines = kept.flatMap { $0.split(separator: "\n").map(String.init) }
    // Only texts of two words or more are taken out, longest first: a single word taken out of a sentence
    // could hide what is left of it.
    var rest = text
    for line in Set(keptLines.filter { $0.contains(" ") }).sorted(by: { $0.count > $1.count }) {
        rest = rest.replacingOccurrences(of: line, with: "|")
    }
    let phrases = " " + keptLines.map { PlainWords.runs(in: $0).map(\.phrase).joined(separator: " | ") }
        .joined(separator: " | ") + " "
    return rest.split(separator: "\n").flatMap { PlainWords.runs(in: String($0)) }.filter { run in
        run.count >= words && !phrases.contains(" " + run.phrase + (run.isCut ? "" : " "))
    }.map(\.text)
}

/// The texts that stay as typed in any language: every string of the guide (titles, guidance, questions,
/// hints, worksheets' labels) and of the session as its file holds it (names, organisations, notes, rows).
public func typedTexts(of guide: Guide, _ session: Session) throws -> [String] {
    try strings(inJSON: guide.jsonData()) + strings(inJSON: SessionFile.encoded(session, for: "the session"))
}

/// Every string in a JSON document.
private func strings(inJSON data: Data) throws -> [String] {
    func strings(in value: Any) -> [String] {
        switch value {
        case let text as String: [text]
        case let array as [Any]: array.flatMap(strings)
        case let object as [String: Any]: object.values.flatMap(strings)
        default: []
        }
    }
    return strings(in: try JSONSerialization.jsonObject(with: data))
}

/// Runs of plain-ASCII words in a line of text.
private enum PlainWords {
    struct Run {
        var words: [String] = []
        /// Whether the last word was cut to fit: it ends in "…".
        var isCut = false

        var count: Int { words.count }
        var text: String { words.joined(separator: " ") + (isCut ? "…" : "") }
        /// The words in lower case, as kept texts are compared.
        var phrase: String { words.joined(separator: " ").lowercased() }
    }

    static func runs(in line: String) -> [Run] {
        var runs: [Run] = []
        var run = Run()
        var word = ""
        var spaces = 0
        func endWord() {
            let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if !trimmed.isEmpty { run.words.append(trimmed) }
            word = ""
        }
        func endRun() {
            endWord()
            if run.count > 0 { runs.append(run) }
            run = Run()
        }
        for character in line {
            if character.isASCII && (character.isLetter || character == "'") {
                if spaces > 1 { endRun() }
                spaces = 0
                word.append(character)
            } else if character == " " {
                endWord()
                spaces += 1
            } else {
                if character == "…" && !word.isEmpty { run.isCut = true }
                spaces = 0
                endRun()
            }
        }
        endRun()
        return runs
    }
}
