import Foundation
import ISPFiles
import ISPTestSupport
import Testing

@testable import ISPCore

/// What the room found on an analysis question (issue 16): recorded beside the rating, undone like any change,
/// kept with a merged partner's voice, shown in the summary, the record and `compare`, and never scored.
@Suite struct FindingTests {
    /// A workshop of two sectors on step 3, "How much tension…?" rated 3 by consensus.
    let workshop: Session = {
        var session = Session(guide: .builtIn, mode: .workshop, name: "Agua")
        session.participants = [
            Participant(id: "ana", name: "Ana Núñez", organisation: "Municipio", sector: .government),
            Participant(id: "bea", name: "Beatriz Rojas", organisation: "Banco Sol", sector: .business),
        ]
        session.answers["s3.q2"] = Answer(rating: .stage(.inPlace), voices: [
            "ana": Voice(rating: .stage(.inPlace)), "bea": Voice(rating: .stage(.inPlace)),
        ])
        return session
    }()

    @Test func theBuiltInGuideAsksOnTheAnalysisQuestionsOfStepsTwoAndThree() {
        let asking = Guide.builtIn.steps.flatMap(\.prompts).filter(\.asksFinding).map(\.id)
        #expect(asking == ["s2.q1", "s2.q2", "s3.q1", "s3.q2", "s3.q3", "s3.q4", "s3.q5", "s3.q6"])
    }

    @Test func aGuideFileMarksItAsFindingOnlyWhereItIsAskedAndMayLeaveItOut() throws {
        let printed = String(decoding: Guide.builtIn.jsonData(), as: UTF8.self)
        #expect(printed.components(separatedBy: #""finding" : true"#).count - 1 == 8)
        #expect(!printed.contains(#""finding" : false"#))
        let prompt = try JSONDecoder().decode(Prompt.self, from: Data(#"""
            {"id": "x.q1", "text": "Why?", "derived": false, "critical": false}
            """#.utf8))
        #expect(!prompt.asksFinding)
        let marked = try JSONDecoder().decode(Prompt.self, from: Data(#"""
            {"id": "x.q1", "text": "Why?", "derived": false, "critical": false, "finding": true}
            """#.utf8))
        #expect(marked.asksFinding)
    }

    @Test func aFindingIsTypedByItsLetterOrNameAndAKeyStepsThroughThemToNone() {
        #expect(Finding(typed: " F ") == .favourable && Finding(typed: "m") == .mixed)
        #expect(Finding(typed: "Unfavourable") == .unfavourable && Finding(typed: "x") == nil)
        #expect(Finding(typed: "") == nil && Finding(typed: "fm") == nil)
        var stepped: [Finding?] = []
        var finding: Finding?
        for _ in 0..<4 {
            finding = Finding.following(finding)
            stepped.append(finding)
        }
        #expect(stepped == [.favourable, .mixed, .unfavourable, nil])
    }

    @Test func settingAFindingIsAChangeThatUndoesAndRedoesAndANewOneIsThisRounds() {
        var session = workshop
        session.answers["s3.q2"]?.isCarriedOver = true
        let before = session
        let (_, patch) = session.applyRecording(.setFinding(promptID: "s3.q2", .unfavourable), guide: .builtIn)
        #expect(session.answers["s3.q2"]?.finding == .unfavourable)
        #expect(session.answers["s3.q2"]?.isCarriedOver == false)
        #expect(session.answers["s3.q2"]?.voices == before.answers["s3.q2"]?.voices)
        let after = session
        session.undo(patch)
        #expect(session == before)
        session.redo(patch)
        #expect(session == after)
        // A finding alone is an answer; cleared, nothing is left.
        session.apply(.setFinding(promptID: "s2.q1", .mixed), guide: .builtIn)
        #expect(session.answers["s2.q1"] == Answer(finding: .mixed))
        session.apply(.setFinding(promptID: "s2.q1", nil), guide: .builtIn)
        #expect(session.answers["s2.q1"] == nil)
    }

    @Test func aFindingIsInNoScoreBandFlagOrMean() {
        var found = workshop
        found.answers["s3.q2"]?.finding = .unfavourable
        found.answers["s2.q1"] = Answer(finding: .favourable)
        found.answers["s3.q1"] = Answer(voices: ["ana": Voice(finding: .mixed)])
        let without = ReadinessSummary(guide: .builtIn, session: workshop)
        let with = ReadinessSummary(guide: .builtIn, session: found)
        #expect(with == without)
        #expect(VoicesSummary(guide: .builtIn, session: found).steps
                == VoicesSummary(guide: .builtIn, session: workshop).steps)
    }

    @Test func aMergeKeepsAPartnersFindingWithItsVoice() throws {
        var partner = Session(selfAssessmentFor: workshop, organisation: "Cámara", sector: .business)
        partner.answers["s3.q2"] = Answer(rating: .stage(.partial), notes: "Old feud", finding: .unfavourable)
        partner.answers["s3.q5"] = Answer(finding: .mixed)
        let result = try SessionMerge.merge(
            [MergeInput(path: "camara.isp.json",
                        contents: .success(SessionFileContents(session: partner, version: 3, olderOriginal: nil)))],
            updating: (path: "agua.isp.json",
                       contents: SessionFileContents(session: workshop, version: 3, olderOriginal: nil)),
            guide: .builtIn)
        let merged = try #require(result.output)
        #expect(merged.answers["s3.q2"]?.voices[partner.participantID]
                == Voice(rating: .stage(.partial), note: "Old feud", finding: .unfavourable))
        #expect(merged.answers["s3.q5"]?.voices[partner.participantID] == Voice(finding: .mixed))
        // The group's own finding is the room's to record.
        #expect(merged.answers["s3.q2"]?.finding == nil)
    }

    /// The workshop with the group's finding on s3.q2 and a partner's on s3.q5.
    var withFindings: Session {
        var session = workshop
        session.answers["s3.q2"]?.finding = .unfavourable
        session.answers["s3.q5"] = Answer(voices: ["bea": Voice(rating: .stage(.partial), finding: .mixed)])
        return session
    }

    @Test func theSummaryListsWhatTheRoomFoundBesideTheRatingAndSaysItIsNotScored() throws {
        let report = SummaryReport(guide: .builtIn, session: withFindings)
        let text = report.text(width: 200)
        #expect(text.contains("""
            What the room found: 2
              On these questions the rating says how settled the answer is; what the room found says whether the \
            answer is good news. It is never scored.
                - Step 3 Q2 (3 In place · found unfavourable): How much tension must be overcome to make \
            cooperation possible?
                - Step 3 Q5 (2, 1 of 2 rated, no consensus yet): Which stakeholders are ready for collaboration? \
            Which are not?
                  - Beatriz Rojas (Banco Sol, Business) found mixed
            """))
        #expect(report.methods.contains { $0.hasPrefix("What the room found on an analysis question") })
        #expect(!SummaryReport(guide: .builtIn, session: workshop).text(width: 200).contains("What the room found"))
        #expect(report.document.markdown.contains("Step 3 Q2 (3 In place · found unfavourable)"))
        #expect(report.document.html.contains("Step 3 Q2 (3 In place · found unfavourable)"))

        let json = try #require(JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
        let prompts = try #require(json["prompts"] as? [[String: Any]])
        let tension = try #require(prompts.first { $0["promptID"] as? String == "s3.q2" })
        #expect(tension["finding"] as? String == "unfavourable")
        let ready = try #require(prompts.first { $0["promptID"] as? String == "s3.q5" })
        #expect(ready["finding"] == nil)
        let voices = try #require(ready["voices"] as? [[String: Any]])
        #expect(voices.map { $0["finding"] as? String } == ["mixed"])
    }

    @Test func theMeetingRecordShowsTheFindingNextToTheRatingAndAPartnersInItsVoicesRow() {
        let text = MeetingRecord(guide: .builtIn, session: withFindings).document.text(width: 200)
        #expect(text.contains("Group rating: 3 In place · found unfavourable, consensus"))
        #expect(text.contains("2 Partial · found mixed"))
    }

    @Test func findingsInThePseudoLanguageLeaveNoEnglishInTheSummaryTheRecordOrCompare() throws {
        let session = try SessionFile.load(from: fixture("sessions/v3/v3-workshop-findings.isp.json").path)
        var later = session
        later.answers["s3.q2"]?.finding = .mixed
        let kept = try typedTexts(of: .builtIn, session)
        let texts = [
            SummaryReport(guide: .builtIn, session: session, language: .pseudo).text(width: 1000),
            MeetingRecord(guide: .builtIn, session: session, language: .pseudo).document.text(width: 1000),
            RoundComparison(guide: .builtIn, old: session, new: later, language: .pseudo).document.text(width: 1000),
        ]
        for text in texts {
            #expect(englishRuns(in: text, keeping: kept) == [])
            #expect(!text.contains("found") && !text.contains("mixed") && !text.contains("unfavourable"))
        }
    }

    @Test func compareListsAQuestionWhoseFindingChangedInEveryFormat() throws {
        var later = withFindings
        later.answers["s3.q2"]?.finding = .mixed
        later.answers["s2.q1"] = Answer(rating: .stage(.partial), finding: .favourable)
        let comparison = RoundComparison(guide: .builtIn, old: withFindings, new: later)
        #expect(comparison.findings.map(\.prompt.promptID) == ["s2.q1", "s3.q2"])
        let text = comparison.document.text(width: 200)
        #expect(text.contains("""
            What the room found, changed: 2
                - Step 2 Q1: nothing recorded → found favourable: Are there actors in each sector who have the \
            organizational capacity to become involved in a partnership?
                - Step 3 Q2: found unfavourable → found mixed: How much tension must be overcome to make \
            cooperation possible?
            """))
        #expect(comparison.document.markdown.contains("Step 3 Q2: found unfavourable → found mixed"))
        #expect(comparison.document.html.contains("Step 3 Q2: found unfavourable → found mixed"))
        let json = try #require(JSONSerialization.jsonObject(with: comparison.json()) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { $0["promptID"] as? String } == ["s2.q1", "s3.q2"])
        #expect(findings[0]["before"] is NSNull && findings[0]["after"] as? String == "favourable")
        #expect(findings[1]["before"] as? String == "unfavourable" && findings[1]["after"] as? String == "mixed")
        // Two rounds without a finding say nothing of findings.
        #expect(!RoundComparison(guide: .builtIn, old: workshop, new: workshop).document.text()
            .contains("What the room found"))
    }
}
