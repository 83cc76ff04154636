import DisplayWidth
import Foundation
import ISPFiles
import ISPTestSupport
import Testing

@testable import ISPCore

/// Whether the bytes of a JSON file hold a raw control character (the newlines of its layout aside).
func hasRawControlBytes(_ data: Data) -> Bool {
    let bytes = [UInt8](data)
    return bytes.indices.contains { index in
        let byte = bytes[index]
        return (byte < 0x20 && byte != 0x0A) || byte == 0x7F
            || (byte == 0xC2 && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]))
    }
}

/// A window-title escape, a clipboard write, a screen clear, a C1 CSI and a right-to-left override.
let hostile = "Water\u{1B}]0;pwned\u{07} \u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{9B}31m\u{202E}\u{7F}\u{08}"

@Suite struct VisibleTextTests {
    @Test func showsControlsInCaretFormAndC1AndUnclosedOverridesAsCodePoints() {
        #expect(hostile.visibleControls
            == "Water^[]0;pwned^G ^[]52;c;ZXZpbA==^G^[[2J<U+009B>31m<U+202E>\u{202E}^?^H\u{202C}")
        #expect("\u{0}\u{1F}\u{80}\u{9F}\u{202D}".visibleControls == "^@^_<U+0080><U+009F><U+202D>\u{202D}\u{202C}")
    }

    @Test func anUnclosedOverrideIsClosedAtTheEndAndShown() {
        #expect("a\u{202E}bc".visibleControls == "a<U+202E>\u{202E}bc\u{202C}")
        #expect("\u{202A}x\u{202B}y".visibleControls == "<U+202A>\u{202A}x<U+202B>\u{202B}y\u{202C}\u{202C}")
    }

    @Test func balancedEmbeddingsOverridesAndIsolatesStayAsTheyAre() {
        for text in ["x \u{2067}שלום\u{2069} y", "\u{202E}abc\u{202C} d", "\u{2068}a\u{202B}b\u{202C}\u{2069}",
                     "\u{2066}a\u{2069}\n\u{202D}b\u{202C}"] {
            #expect(text.visibleControls == text)
        }
    }

    @Test func aCloserThatClosesNothingIsDroppedAndShown() {
        #expect("ab\u{202C}c\u{2069}".visibleControls == "ab<U+202C>c<U+2069>")
        #expect("ab\u{202C}c\u{2069}".bidiBalanced(marking: false) == "abc")
    }

    @Test func nestedOpenersAreClosedInnermostFirst() {
        #expect("\u{2067}a\u{202B}b".visibleControls == "<U+2067>\u{2067}a<U+202B>\u{202B}b\u{202C}\u{2069}")
        #expect("\u{2067}a\u{202B}b".bidiBalanced(marking: false) == "\u{2067}a\u{202B}b\u{202C}\u{2069}")
        // A PDI closes the embeddings opened inside its isolate too.
        #expect("\u{2067}a\u{202E}b\u{2069}c".visibleControls == "\u{2067}a\u{202E}b\u{2069}c")
        // A PDF does not reach out of an isolate: the embedding around it stays open.
        #expect("\u{202B}a\u{2067}b\u{202C}c\u{2069}".visibleControls
            == "<U+202B>\u{202B}a\u{2067}b<U+202C>c\u{2069}\u{202C}")
    }

    @Test func marksOfArabicAndHebrewPassUnchanged() {
        let text = "\u{200E}a\u{200F}b\u{061C}ج"
        #expect(text.visibleControls == text)
        #expect(text.excerpt() == text)
    }

    @Test func leavesNewlinesTabsAndOrdinaryTextAlone() {
        let text = "Água 水 — ok\n\tnext line, 한국어 é"
        #expect(text.visibleControls == text)
    }

    @Test func anExcerptIsOneBoundedLine() {
        #expect("a\nb\tc".excerpt() == "a^Jb^Ic")
        #expect("short".excerpt() == "short")
        let long = String(repeating: "x", count: 10_000_000)
        #expect(long.excerpt() == String(repeating: "x", count: 80) + "…")
        // A mark is never cut in half.
        #expect((String(repeating: "x", count: 75) + "\u{9B}").excerpt() == String(repeating: "x", count: 75) + "…")
        // What is kept is closed before the `…`.
        #expect(("\u{2067}" + String(repeating: "x", count: 100) + "\u{2069}").excerpt()
            == "<U+2067>\u{2067}" + String(repeating: "x", count: 79) + "\u{2069}…")
    }

    @Test func escapesDELAndC1InJSONWithoutChangingWhatItSays() throws {
        let data = Data(#"{"a":"x\#u{7F}\#u{85}\#u{9F}é\#u{A0}"}"#.utf8)
        let escaped = escapingControls(inJSON: data)
        #expect(String(decoding: escaped, as: UTF8.self) == #"{"a":"x\u007f\u0085\u009fé\#u{A0}"}"#)
        let decoded = try JSONDecoder().decode([String: String].self, from: escaped)
        #expect(decoded == ["a": "x\u{7F}\u{85}\u{9F}é\u{A0}"])
        let plain = Data(#"{"a":"é"}"#.utf8)
        #expect(escapingControls(inJSON: plain) == plain)
    }
}

@Suite struct HostileTextTests {
    let folder = TemporaryFolder()

    let session: Session = {
        var session = Session(guide: .builtIn, mode: .selfAssessment, name: hostile,
                              now: Date(timeIntervalSince1970: 1_800_000_000))
        session.partnership.focalIssue = "Focal\u{1B}[H\u{1B}[J issue"
        session.organisation = "Org\u{07}\u{9D}"
        session.answers["s1.q1"] = Answer(rating: .stage(.emerging), notes: "notes \u{1B}]52;c;aGk=\u{07} \u{202E}txt")
        return session
    }()

    @Test func aSessionFileHoldsNoRawControlAndLoadsBackIdentical() throws {
        let path = folder.path + "/s.isp.json"
        try SessionFile.save(session, to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(!hasRawControlBytes(bytes))
        #expect(String(decoding: bytes, as: UTF8.self).contains(#"\u001b]0;pwned\u0007"#))
        #expect(String(decoding: bytes, as: UTF8.self).contains(#"\u009b"#))
        #expect(try SessionFile.load(from: path) == session)
    }

    @Test func theSummaryShowsControlsAndKeepsItsColumns() {
        let report = SummaryReport(guide: .builtIn, session: session)
        for width in [40, 80] {
            let text = report.text(width: width)
            #expect(!hasControls(text, allowingLineBreaks: true))
            for line in text.split(separator: "\n") {
                #expect(line.displayWidth <= width, "\(line)")
            }
        }
        let text = report.text(width: 200)
        #expect(text.hasPrefix("Readiness summary: Water^[]0;pwned^G ^[]52;c;ZXZpbA==^G^[[2J<U+009B>31m<U+202E>"
            + "\u{202E}^?^H\u{202C}\n"
            + "Focal issue: Focal^[[H^[[J issue\nSelf-assessment by Org^G<U+009D>\n"))
    }

    @Test func theSummaryJSONAndTheGuideJSONHoldNoRawControl() throws {
        let json = SummaryReport(guide: .builtIn, session: session).json()
        #expect(!hasRawControlBytes(json))
        let object = try #require(JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect((object["partnership"] as? [String: Any])?["name"] as? String == hostile)

        var guide = Guide.builtIn
        guide.phases[0].steps[0].prompts[0].text = hostile
        let guideJSON = guide.jsonData()
        #expect(!hasRawControlBytes(guideJSON))
        #expect(try Guide.decode(guideJSON, file: "g") == guide)
    }
}
