import Foundation
import ISPFiles
import ISPTestSupport
import Messages
import Testing

@testable import ISPCore

/// The summary and the meeting record in the pseudo-language (`en-XA`): every text of theirs is a message, so
/// none of it is left in plain English; what stays as typed is the guide's text and what the session holds.
@Suite struct ReportLanguageTests {
    @Test func theSummaryInThePseudoLanguageHasNoEnglishSentenceLeft() {
        let summary = SummaryReport(guide: .builtIn, session: Workshop.session, language: .pseudo)
        #expect(englishRuns(in: summary.text(width: 1000)) == [])
        #expect(englishRuns(in: Self.visibleText(ofHTML: summary.document.html)) == [])
    }

    @Test func theMeetingRecordInThePseudoLanguageHasNoEnglishSentenceLeft() {
        let record = MeetingRecord(guide: .builtIn, session: Workshop.session, language: .pseudo)
        #expect(englishRuns(in: record.document.text(width: 1000)) == [])
        #expect(englishRuns(in: Self.visibleText(ofHTML: record.document.html)) == [])
    }

    @Test func theHTMLNamesItsLanguageAndNumbersTakeTheLanguagesSeparator() {
        let html = MeetingRecord(guide: .builtIn, session: Workshop.session, language: .pseudo).document.html
        #expect(html.contains("<html lang=\"en-XA\">"))
        // The profile's scores and the sector map's means.
        let scores = html.matches(of: /<td class="score">([^<]*)</).map { String($0.output.1) }
        #expect(scores.count == 7 && scores.allSatisfy { $0 == "–" || $0.contains(/^\d,\d$/) })
        #expect(scores.contains { $0 != "–" })
        #expect(html.contains(/middle" fill="#[0-9a-f]+">\d,\d<\/text>/))
        #expect(MeetingRecord(guide: .builtIn, session: Workshop.session).document.html.contains("<html lang=\"en\">"))
    }

    @Test func aSessionWithWorksheetRecordsInThePseudoLanguageHasNoEnglishLeft() throws {
        let session = try SessionFile.load(from: fixture("sessions/v2/v2-records.isp.json").path)
        let record = MeetingRecord(guide: .builtIn, session: session, language: .pseudo)
        for text in [record.document.text(width: 1000), Self.visibleText(ofHTML: record.document.html)] {
            #expect(englishRuns(in: text, sessions: [session]) == [])
            // Short words of the records' own, shorter than a run.
            for english in ["Not asked", "Not marked", "(no name)", "(not a date)", "2 actions", "1 of 4 agreed"] {
                #expect(!text.contains(english), "\(english)")
            }
        }
        let summary = SummaryReport(guide: .builtIn, session: session, language: .pseudo).text(width: 1000)
        #expect(englishRuns(in: summary, sessions: [session]) == [])
        let csv = try #require(record.rendered(as: .csv, table: "worksheets", width: 80))
        #expect(String(decoding: csv, as: UTF8.self).hasPrefix("\u{FEFF}[Ŵöŕķšĥééţ"))
    }

    @Test func twoRoundsComparedInThePseudoLanguageHaveNoEnglishLeft() throws {
        let old = try SessionFile.load(from: fixture("sessions/v1/v1-workshop.isp.json").path)
        let new = try SessionFile.load(from: fixture("sessions/v2/v2-round-2-of-v1-workshop.isp.json").path)
        let document = RoundComparison(guide: .builtIn, old: old, new: new, language: .pseudo).document
        for text in [document.text(width: 1000), Self.visibleText(ofHTML: document.html)] {
            #expect(englishRuns(in: text, sessions: [old, new]) == [])
            // The changes' figures take the language's decimal separator.
            #expect(text.contains("([−2,0])") && text.contains("([+3,0])"))
        }
        #expect(document.html.contains("<html lang=\"en-XA\">"))
    }

    /// Runs of three or more plain-ASCII words: English the catalog does not render, once the guide's texts and
    /// the session's are taken out.
    private func englishRuns(in text: String, sessions: [Session] = [Workshop.session]) -> [String] {
        let guide = Guide.builtIn
        let worksheets = (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(guide.worksheets)))
        let guideTexts: [String] = guide.phases.map(\.title) + guide.steps.map(\.title)
            + guide.steps.flatMap { $0.prompts.map(\.text) } + [guide.source] + Self.strings(in: worksheets ?? .null)
        let sessionTexts = sessions.flatMap { session -> [String] in
            let answers: [String] = session.answers.values.flatMap { answer in
                [answer.notes, answer.reason] + answer.voices.values.map(\.note)
            }
            let participants: [String] = session.participants.flatMap { [$0.name, $0.organisation] }
            return [session.partnership.name, session.partnership.focalIssue] + participants + answers
                + session.records.values.flatMap(Self.strings)
        }
        let typed = guideTexts + sessionTexts
        // A note's lines are shown on one line in a list, and apart in HTML.
        let lines = typed.flatMap { $0.split(separator: "\n").map(String.init) }
        var rest = text
        for value in lines.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            rest = rest.replacing(value, with: "|")
        }
        return rest.matches(of: /[A-Za-z']+(?: [A-Za-z']+){2,}/).map { String($0.output) }
    }

    /// Every string a JSON value holds: the guide's worksheet texts, what the records hold.
    private static func strings(in json: JSONValue) -> [String] {
        switch json {
        case .string(let text): [text]
        case .array(let items): items.flatMap(strings)
        case .object(let members): members.values.flatMap(strings)
        default: []
        }
    }

    /// What an HTML page shows: the text without the style sheet, the tags and the entities.
    private static func visibleText(ofHTML html: String) -> String {
        html.replacing(/<style>[\s\S]*<\/style>/, with: "").replacing(/<[^>]*>/, with: "|")
            .replacing("&#39;", with: "'").replacing("&quot;", with: "\"").replacing("&lt;", with: "<")
            .replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }
}
