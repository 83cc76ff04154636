import Foundation
import ISPFiles
import Messages
import ISPTestSupport
import Testing

@testable import ISPCore

/// A session answered under edition 2 (or 1) of the built-in guide says, beside s2.q2 and s5.d4 rated 0, that 0
/// meant unknown there then; the rating is kept (issue 16).
@Suite struct ScaleChangeTests {
    /// The five voices of edition 1: Ana rated s2.q2 and s5.d4 0.
    let session: Session

    init() throws {
        session = try SessionFile.load(from: fixture("sessions/v2/v2-five-voices.isp.json").path)
    }

    static let s2q2 = "A 0 from edition 1, when 0 could mean “unknown”; kept as is."
    static let s5d4 = "A 0 from edition 1, when 0 could mean “views differ or are unknown”; kept as is."

    @Test func aZeroOfOneVoiceUnderAnEarlierEditionIsNotedOncePerPrompt() {
        #expect(ScaleChange.changes(in: .builtIn, session: session).map(\.promptID) == ["s2.q2", "s5.d4"])
        let change = ScaleChange.change(for: "s2.q2", in: session)
        #expect(change.map { Language.english.text($0.message(in: session)) } == Self.s2q2)
        #expect(session.answers["s2.q2"]?.voices["ana"]?.rating == .stage(.notStarted))
    }

    @Test func anEditionThreeSessionARatingOfOneOrAnotherGuideSaysNothing() {
        var editionThree = session
        editionThree.guide.edition = "3"
        #expect(ScaleChange.changes(in: .builtIn, session: editionThree).isEmpty)
        var ratedOne = session
        for id in ["s2.q2", "s5.d4"] {
            ratedOne.answers[id]?.voices["ana"]?.rating = .stage(.emerging)
        }
        #expect(ScaleChange.changes(in: .builtIn, session: ratedOne).isEmpty)
        var groupZero = ratedOne
        groupZero.answers["s2.q2"]?.rating = .stage(.notStarted)
        #expect(ScaleChange.changes(in: .builtIn, session: groupZero).map(\.promptID) == ["s2.q2"])
        var otherGuide = session
        otherGuide.guide.id = "water-partnership"
        #expect(ScaleChange.changes(in: .builtIn, session: otherGuide).isEmpty)
    }

    @Test func everyReportFormatSaysItBesideThePrompt() throws {
        let record = MeetingRecord(guide: editionOneGuide, session: session)
        for format in [ReportFormat.text, .markdown, .html] {
            let text = String(decoding: try #require(record.rendered(as: format, width: 200)), as: UTF8.self)
            // Once in the list of such prompts, once beside the question in the record's detail.
            #expect(text.components(separatedBy: Self.s2q2).count - 1 == 2, "\(format)")
            #expect(text.contains("Rated 0 on an earlier scale: 2"), "\(format)")
        }
        let summary = SummaryReport(guide: editionOneGuide, session: session).text(width: 200)
        #expect(summary.contains("Rated 0 on an earlier scale: 2"))
        #expect(summary.contains(Self.s5d4))
        let json = try #require(try JSONSerialization.jsonObject(with: record.json()) as? [String: Any])
        let changes = try #require(json["scaleChanges"] as? [[String: String]])
        #expect(changes.map { $0["promptID"] } == ["s2.q2", "s5.d4"])
        #expect(changes.first?["formerZero"] == "unknown")
        #expect(changes.first?["edition"] == "1")
        var editionThree = session
        editionThree.guide.edition = "3"
        let plain = MeetingRecord(guide: editionOneGuide, session: editionThree).document.text(width: 200)
        #expect(!plain.contains("earlier scale"))
        #expect(!plain.contains("kept as is"))
    }
}
