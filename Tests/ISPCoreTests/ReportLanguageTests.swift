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

    /// English the catalog does not render, once the guide's texts and the session's are taken out.
    private func englishRuns(in text: String) throws -> [String] {
        ISPTestSupport.englishRuns(in: text, keeping: try typedTexts(of: .builtIn, Workshop.session))
    }

    /// What an HTML page shows: the text without the style sheet, the tags and the entities.
    private static func visibleText(ofHTML html: String) -> String {
        html.replacing(/<style>[\s\S]*<\/style>/, with: "").replacing(/<[^>]*>/, with: "|")
            .replacing("&#39;", with: "'").replacing("&quot;", with: "\"").replacing("&lt;", with: "<")
            .replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }
}
