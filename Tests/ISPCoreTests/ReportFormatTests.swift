import DisplayWidth
import Foundation
import ISPFiles
import ISPTestSupport
import Testing

@testable import ISPCore

/// The meeting record of five participants from three sectors (Latin, accented and CJK names, a name with escape
/// sequences, an organisation and notes that look like formulas), with consensus, divergence and an action plan in
/// its records, in every format, each read back.
@Suite struct ReportFormatTests {
    let session: Session
    let record: MeetingRecord

    init() throws {
        session = try SessionFile.load(from: fixture("sessions/v2/v2-five-voices.isp.json").path)
        record = MeetingRecord(guide: editionOneGuide, session: session)
    }

    func rendered(_ format: ReportFormat, table: String? = nil) throws -> String {
        String(decoding: try #require(record.rendered(as: format, table: table)), as: UTF8.self)
    }

    /// Every note typed on the session's answers: the group's, each reason and each voice's.
    var notes: [String] {
        session.answers.values.flatMap { answer in
            [answer.notes, answer.reason] + answer.voices.values.map(\.note)
        }.filter { !$0.isEmpty }
    }

    @Test func theCSVOfAnswersHasARowPerQuestionAndVoiceAndReadsBackCellForCell() throws {
        let data = try #require(record.rendered(as: .csv))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = try parseCSV(String(decoding: data.dropFirst(3), as: UTF8.self))
        #expect(rows.first == ["Step", "Prompt id", "Question", "Participant", "Organisation", "Sector", "Rating",
                               "Rating label", "Note", "Reason"])
        let body = rows.dropFirst()
        #expect(body.allSatisfy { $0.count == 10 })
        let prompts = editionOneGuide.steps.flatMap(\.prompts)
        #expect(body.count == prompts.count * 6)
        let anaOnFirst = try #require(body.first { $0[1] == "s1.q1" && $0[3] == "Ana Núñez" })
        #expect(anaOnFirst == ["1", "s1.q1", prompts[0].text, "Ana Núñez", "Municipio de Cochabamba", "Government",
                               "3", "In place", "Ana: el municipio convoca, café y diálogo (s1.q1).", ""])
        let group = try #require(body.first { $0[1] == "s1.q1" && $0[3] == "Group" })
        #expect(group[6...] == ["3", "In place",
                                "Notas del grupo sobre s1.q1: acceso al agua 水.\nSegunda línea, naïve.",
                                "Acordado (s1.q1): el municipio convoca; 大家同意。"])
        let li = try #require(body.first { $0[1] == "s3.q1" && $0[3] == "李华" })
        #expect(li[4] == "水务合作社" && li[8] == "李华：社区参与很重要（s3.q1）。")
    }

    @Test func aCSVCellThatCouldRunAsAFormulaStartsWithAnApostrophe() throws {
        let rows = try parseCSV(String(try rendered(.csv).dropFirst()))
        let bea = rows.filter { $0[3] == "Bea Costa" }
        #expect(bea.allSatisfy { $0[4] == "'=HYPERLINK(\"http://example.invalid\",\"AquaPlus\")" })
        #expect(bea.first { $0[1] == "s1.q1" }?[8] == "'=SUM(A1:A9)")
        #expect(bea.first { $0[1] == "s1.q2" }?[8] == "'+1 call the mayor")
        #expect(bea.first { $0[1] == "s1.q3" }?[8] == "'-2 from last year, @Ana asked\tfor a tab")
        #expect(DocumentTable.csvField("@mention") == "'@mention")
        #expect(DocumentTable.csvField("\tindented") == "'\tindented")
        #expect(DocumentTable.csvField("\rreturn") == "^Mreturn")
        #expect(DocumentTable.csvField("a \"quote\", then") == "\"a \"\"quote\"\", then\"")
        // A comma or a quote with a combining mark after it is still one to a spreadsheet.
        #expect(DocumentTable.csvField("a,\u{301}b \"\u{301}") == "\"a,\u{301}b \"\"\u{301}\"")
        // The fixture keeps an action list under a name no worksheet has: it is a table of its own, `other-actions`,
        // apart from the action plan (`actions`), which is empty here.
        let actions = try parseCSV(String(try rendered(.csv, table: "other-actions").dropFirst()))
        #expect(actions.first == ["action", "due", "owner", "status"])
        #expect(actions.last?.first == "'=cmd|' /C calc'!A0")
        #expect(actions[2] == ["社区会议：青年参与", "2027-02-01", "李华", "open"])
        #expect(record.rendered(as: .csv, table: "nothing") == nil)
        #expect(record.tables.compactMap(\.name) == [
            "answers", "participants", "goals", "register", "support", "impediments", "interviews",
            "stakeholder-acceptance", "ground-rules", "actions", "capacity-building", "contributions", "resources",
            "linkages", "expansion", "worksheets", "other-actions",
        ])
    }

    @Test func theJSONDecodesWithEveryRatingNoteConsensusAndRecord() throws {
        struct Report: Decodable {
            struct Prompt: Decodable {
                struct Voice: Decodable {
                    var participantID: String
                    var rating: String?
                    var note: String
                }
                var promptID: String
                var consensus: String?
                var reason: String
                var notes: String
                var carriedOver: Bool
                var voices: [Voice]
            }
            var format: String
            var schemaVersion: Int
            var partnershipID: String
            var round: Int
            var participants: [Participant]
            var prompts: [Prompt]
            var records: [String: JSONValue]
        }
        let data = try #require(record.rendered(as: .json))
        let report = try JSONDecoder().decode(Report.self, from: data)
        #expect(report.format == "isp-wizard-report" && report.schemaVersion == 3)
        #expect(report.partnershipID == session.partnershipID && report.round == 1)
        #expect(report.participants == session.participants)
        #expect(report.prompts.count == 31)
        for prompt in report.prompts {
            let answer = session.answer(for: prompt.promptID)
            #expect(prompt.consensus == answer.rating?.code && prompt.reason == answer.reason)
            #expect(prompt.notes == answer.notes && !prompt.carriedOver)
            #expect(prompt.voices.map(\.participantID) == session.participants.map(\.id))
            for voice in prompt.voices {
                #expect(voice.rating == answer.voices[voice.participantID]?.rating?.code)
                #expect(voice.note == answer.voices[voice.participantID]?.note)
            }
        }
        #expect(report.records == session.records)
        #expect(!hasRawControlBytes(data.dropLast()))
        #expect(String(decoding: data, as: UTF8.self).contains(#"Otieno\u001b]0;pwned\u0007"#))
    }

    @Test func everyMarkdownTableHasAsManyCellsInEachRowAsInItsHeader() throws {
        let lines = try rendered(.markdown).split(separator: "\n", omittingEmptySubsequences: false)
        var tables = 0
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("| ") else {
                index += 1
                continue
            }
            let rows = lines[index...].prefix { $0.hasPrefix("|") }
            let header = cellCount(rows.first ?? "")
            #expect(rows.dropFirst().first.map { $0.hasPrefix("| --- |") } == true)
            for row in rows { #expect(cellCount(row) == header, "\(row)") }
            tables += 1
            index += rows.count
        }
        // The profile, the sector map, 31 questions' voices and the action plan.
        #expect(tables == 34)
    }

    @Test func markdownEscapesWhatWouldBeMarkupAndKeepsEveryNote() throws {
        let markdown = try rendered(.markdown)
        #expect(markdown.hasPrefix("# Meeting record: Água para Todos 水\n"))
        #expect(markdown.contains(#"=HYPERLINK("http://example.invalid","AquaPlus")"#))
        #expect(markdown.contains("Notas del grupo sobre s1.q1: acceso al agua 水.\\\nSegunda línea, naïve."))
        #expect(markdown.contains("| 李华 | 水务合作社 | Civil society | 4 Institutionalised | 李华：社区参与很重要（s3.q1）。 |"))
        #expect(markdown.contains(#"Clear ^\[\[2J the screen"#))
        #expect(!hasControls(markdown, allowingLineBreaks: true))
    }

    @Test func theTextRecordFits80ColumnsAndHoldsEveryVoiceAndNote() throws {
        let text = try rendered(.text)
        for line in text.split(separator: "\n") { #expect(line.displayWidth <= 80, "\(line)") }
        #expect(!hasControls(text, allowingLineBreaks: true))
        #expect(text.contains("Round 1, started 2026-11-20\n"))
        #expect(text.contains("Otieno^[]0;pwned^G"))
        let flat = text.replacing("\n", with: " ").split(separator: " ").joined(separator: " ")
        for note in notes {
            let shown = note.visibleControls.replacing("\n", with: " ").replacing("\t", with: " ")
            #expect(flat.contains(shown.split(separator: " ").joined(separator: " ")), "\(note)")
        }
    }

    @Test func theHTMLIsOneFileWithNothingFromElsewhereAndEveryTextEscaped() throws {
        let html = try rendered(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        for outside in ["<script", "<link", "<img", "@import", "url(", "src=", "http://", "https://"] {
            #expect(!html.contains(outside) || outside == "http://" && !html.contains("href=\"http"), "\(outside)")
        }
        #expect(html.contains("=HYPERLINK(&quot;http://example.invalid&quot;,&quot;AquaPlus&quot;)"))
        #expect(html.contains("Otieno^[]0;pwned^G"))
        #expect(html.contains("Notas del grupo sobre s1.q1: acceso al agua 水.<br>\nSegunda línea, naïve."))
        #expect(!hasControls(html, allowingLineBreaks: true))
        #expect(html.components(separatedBy: "<svg").count - 1 == 7 + 1)
        #expect(html.contains("@media print") && html.contains("break-inside: avoid"))
        let escaped = HTML.escape("<b onclick=\"x\">Tom & 'Jerry'</b>")
        #expect(escaped == "&lt;b onclick=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;")
        // A combining mark after a quote or a bracket makes one character of the two, but the browser still
        // reads the quote: it is escaped all the same.
        #expect(HTML.escape("x\"\u{301} onmouseover=\u{301}<b\u{301}&\u{301}")
                    == "x&quot;\u{301} onmouseover=\u{301}&lt;b\u{301}&amp;\u{301}")
    }

    @Test func aNameAndANoteWithUnclosedBidiControlsAreClosedBeforeTheNextValue() throws {
        var session = self.session
        session.participants[0].name = "Ana \u{202E}Núñez"
        let ana = session.participants[0].id
        session.answers["s1.q1"]?.voices[ana]?.note = "\u{2067}nota"
        let record = MeetingRecord(guide: editionOneGuide, session: session)
        func rendered(_ format: ReportFormat) throws -> String {
            String(decoding: try #require(record.rendered(as: format)), as: UTF8.self)
        }
        let name = "Ana <U+202E>\u{202E}Núñez\u{202C}"
        let note = "<U+2067>\u{2067}nota\u{2069}"
        let text = try rendered(.text)
        #expect(text.contains("  - Government: \(name) (Municipio de Cochabamba), Grace Achieng\n"))
        #expect(text.contains("  - \(name) — Organisation: Municipio de Cochabamba; Sector:\n"))
        #expect(text.contains("\n    Government; Rating: 3 In place; Note: \(note)\n"))
        let markdown = try rendered(.markdown)
        let markedName = "Ana \\<U+202E\\>\u{202E}Núñez\u{202C}"
        #expect(markdown.contains("- Government: \(markedName) (Municipio de Cochabamba), Grace Achieng (Water Board)"))
        #expect(markdown.contains("| \(markedName) | Municipio de Cochabamba | Government | 3 In place | "
            + "\\<U+2067\\>\u{2067}nota\u{2069} |\n"))
        let csv = try rendered(.csv)
        #expect(csv.contains(",\(name),Municipio de Cochabamba,Government,3,In place,\(note),\r\n"))
        let html = try rendered(.html)
        #expect(html.contains("<td class=\"short\"><bdi>Ana &lt;U+202E&gt;\u{202E}Núñez\u{202C}</bdi></td>"
            + "<td><bdi>Municipio de Cochabamba</bdi></td>"))
        #expect(html.contains("<td><bdi>&lt;U+2067&gt;\u{2067}nota\u{2069}</bdi></td></tr>"))
        for output in [text, markdown, html] { #expect(!hasControls(output, allowingLineBreaks: true)) }
    }

    @Test func aWrappedCellClosesOnEachLineWhatItOpens() {
        let table = DocumentTable(columns: ["Action", "Owner"],
                                  rows: [["\u{2067}uno dos tres cuatro\u{2069}", "Ana"]], wrapping: [0])
        #expect(table.lines(width: 20) == [
            "Action         Owner", "-------------  -----", "\u{2067}uno dos tres\u{2069}   Ana", "cuatro",
        ])
    }

    @Test func theSummaryStaysTheShortViewAndTheRecordAddsEveryQuestion() {
        let summary = SummaryReport(guide: editionOneGuide, session: session).text()
        let text = record.document.text()
        #expect(!summary.contains("Q1. What is the nature"))
        #expect(text.contains("Q1. What is the nature of the problem"))
        // The ratings held against the records follow: steps 2, 5 and 6 are rated 3 or more with nothing behind them.
        #expect(text.contains("\nRecords to discuss: 4\n  - Step 6 is rated, but no ground rule is agreed yet.\n"))
        #expect(text.contains("is rated 3.0, yet\n    the action plan has no action.\n"))
        #expect(text.contains("\nThe partnership's records\n\nOther records\n  actions\n"))
        #expect(summary.contains(
            "\nOther records\n  Kept as the file holds them, shown in the meeting record: actions\n"))
    }

    /// The cells of a Markdown table row: pipes not escaped with a backslash, less the two at its ends.
    func cellCount(_ row: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in row {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count - 1
    }
}

/// A CSV parser after RFC 4180, written apart from the writer: fields split on commas, records on CRLF, a quoted
/// field may hold commas, line breaks and doubled quotes.
func parseCSV(_ text: String) throws -> [[String]] {
    struct Malformed: Error {}
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var inQuotes = false
    var characters = Array(text.unicodeScalars)[...]
    while let scalar = characters.popFirst() {
        if inQuotes {
            if scalar == "\"" {
                if characters.first == "\"" {
                    characters.removeFirst()
                    field.unicodeScalars.append("\"")
                } else {
                    inQuotes = false
                }
            } else {
                field.unicodeScalars.append(scalar)
            }
        } else if scalar == "\"" {
            guard field.isEmpty else { throw Malformed() }
            inQuotes = true
        } else if scalar == "," {
            row.append(field)
            field = ""
        } else if scalar == "\r" {
            guard characters.popFirst() == "\n" else { throw Malformed() }
            rows.append(row + [field])
            row = []
            field = ""
        } else {
            guard scalar != "\n" else { throw Malformed() }
            field.unicodeScalars.append(scalar)
        }
    }
    guard !inQuotes, row.isEmpty, field.isEmpty else { throw Malformed() }
    return rows
}
