import Foundation
import ISPFiles
import ISPTestSupport
import Messages
import Testing

@testable import ISPCore

/// The summary and the meeting record in the pseudo-language (`en-XA`): every text of theirs is a message, so
/// none of it is left in plain English; what stays as typed is the guide's text and what the session holds.
@Suite struct ReportLanguageTests {
    @Test func theSummaryInThePseudoLanguageHasNoEnglishSentenceLeft() throws {
        let summary = SummaryReport(guide: .builtIn, session: Workshop.session, language: .pseudo)
        #expect(try englishRuns(in: summary.text(width: 1000)) == [])
        #expect(try englishRuns(in: Self.visibleText(ofHTML: summary.document.html)) == [])
    }

    @Test func theMeetingRecordInThePseudoLanguageHasNoEnglishSentenceLeft() throws {
        let record = MeetingRecord(guide: .builtIn, session: Workshop.session, language: .pseudo)
        #expect(try englishRuns(in: record.document.text(width: 1000)) == [])
        #expect(try englishRuns(in: Self.visibleText(ofHTML: record.document.html)) == [])
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
            #expect(try englishRuns(in: text, sessions: [session]) == [])
            // Short words of the records' own, shorter than a run.
            for english in ["Not asked", "Not marked", "(no name)", "(not a date)", "2 actions", "1 of 4 agreed"] {
                #expect(!text.contains(english), "\(english)")
            }
        }
        let summary = SummaryReport(guide: .builtIn, session: session, language: .pseudo).text(width: 1000)
        #expect(try englishRuns(in: summary, sessions: [session]) == [])
        let csv = try #require(record.rendered(as: .csv, table: "worksheets", width: 80))
        #expect(String(decoding: csv, as: UTF8.self).hasPrefix("\u{FEFF}[Ŵöŕķšĥééţ"))
    }

    @Test func twoRoundsComparedInThePseudoLanguageHaveNoEnglishLeft() throws {
        let old = try SessionFile.load(from: fixture("sessions/v1/v1-workshop.isp.json").path)
        let new = try SessionFile.load(from: fixture("sessions/v2/v2-round-2-of-v1-workshop.isp.json").path)
        let document = RoundComparison(guide: .builtIn, old: old, new: new, language: .pseudo).document
        for text in [document.text(width: 1000), Self.visibleText(ofHTML: document.html)] {
            #expect(try englishRuns(in: text, sessions: [old, new]) == [])
            // The changes' figures take the language's decimal separator.
            #expect(text.contains("([−2,0])") && text.contains("([+3,0])"))
        }
        #expect(document.html.contains("<html lang=\"en-XA\">"))
    }

    /// English the catalog does not render, once the guide's texts and the sessions' are taken out.
    private func englishRuns(in text: String, sessions: [Session] = [Workshop.session]) throws -> [String] {
        ISPTestSupport.englishRuns(in: text, keeping: try sessions.flatMap { try typedTexts(of: .builtIn, $0) })
    }

    /// What an HTML page shows: the text without the style sheet, the tags and the entities.
    private static func visibleText(ofHTML html: String) -> String {
        html.replacing(/<style>[\s\S]*<\/style>/, with: "").replacing(/<[^>]*>/, with: "|")
            .replacing("&#39;", with: "'").replacing("&quot;", with: "\"").replacing("&lt;", with: "<")
            .replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }
}
