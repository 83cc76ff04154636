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

    /// Runs of three or more plain-ASCII words: English the catalog does not render, once the guide's texts and
    /// the session's are taken out.
    private func englishRuns(in text: String) -> [String] {
        let guide = Guide.builtIn
        let session = Workshop.session
        let typed = guide.phases.map(\.title) + guide.steps.map(\.title)
            + guide.steps.flatMap { $0.prompts.map(\.text) } + [guide.source, session.partnership.name]
            + session.participants.flatMap { [$0.name, $0.organisation] }
            + session.answers.values.flatMap { [$0.notes, $0.reason] + $0.voices.values.map(\.note) }
        // A note's lines are shown on one line in a list, and apart in HTML.
        let lines = typed.flatMap { $0.split(separator: "\n").map(String.init) }
        var rest = text
        for value in lines.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            rest = rest.replacing(value, with: "|")
        }
        return rest.matches(of: /[A-Za-z']+(?: [A-Za-z']+){2,}/).map { String($0.output) }
    }

    /// What an HTML page shows: the text without the style sheet, the tags and the entities.
    private static func visibleText(ofHTML html: String) -> String {
        html.replacing(/<style>[\s\S]*<\/style>/, with: "").replacing(/<[^>]*>/, with: "|")
            .replacing("&#39;", with: "'").replacing("&quot;", with: "\"").replacing("&lt;", with: "<")
            .replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }
}
