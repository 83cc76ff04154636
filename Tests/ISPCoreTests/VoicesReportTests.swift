import DisplayWidth
import Foundation
import ISPTestSupport
import Messages
import Testing

@testable import ISPCore

/// A workshop of eight participants on the built-in guide, two with CJK names, one known by organisation only and
/// one by number only (no name, no organisation, no sector).
///
/// Step 1: s1.q1 spans 1 to 4 with a consensus and no reason, s1.q2 hides a dissent (mean 3.3 with a 1), s1.q3
/// spans 2 to 4, s1.q4 has a consensus with its reason; the sectors are 1.9 apart. Step 2: s2.q1 has only two
/// ratings, 1 and 3; the sectors are 0.7 apart.
enum Workshop {
    static let people = [
        Participant(id: "ana", name: "Ana Lima", organisation: "Water Board", sector: .government),
        Participant(id: "wang", name: "王小明", organisation: "水务局", sector: .government),
        Participant(id: "bea", name: "Bea Costa", organisation: "AquaPlus Ltd", sector: .business),
        Participant(id: "kim", name: "김민준", organisation: "", sector: .business),
        Participant(id: "cai", name: "", organisation: "Vozes do Bairro", sector: .civilSociety),
        Participant(id: "dia", name: "Dia Sow", organisation: "Women's Network", sector: .civilSociety),
        Participant(id: "eve", name: "Eve Park", organisation: "Global Water Fund", sector: .donor),
        Participant(id: "fay", name: "", organisation: "", sector: nil),
    ]

    /// Each participant's rating on a prompt, in the order of `people`; nil for no voice.
    static let ratings: [String: [String?]] = [
        "s1.q1": ["4", "3", "1", "2", "3", "3", "4", "2"],
        "s1.q2": ["4", "4", "1", "4", "3", "3", "4", nil],
        "s1.q3": ["3", "4", "2", "2", "3", "3", "4", "?"],
        "s1.q4": ["3", "3", "3", "2", "3", "3", "4", nil],
        "s2.q1": ["1", nil, nil, nil, nil, "3", nil, nil],
        "s2.q2": ["3", "3", "2", "3", "3", "3", nil, nil],
    ]

    static var session: Session {
        var session = Session(guide: .builtIn, mode: .workshop, name: "Água para Todos 水")
        session.facilitator = "Rosa Méndez"
        session.participants = people
        for (promptID, codes) in ratings {
            var answer = Answer()
            for (person, code) in zip(people, codes) {
                if let code { answer.voices[person.id] = Voice(rating: Rating(code: code)) }
            }
            session.answers[promptID] = answer
        }
        session.answers["s1.q1"]?.rating = .stage(.partial)
        session.answers["s1.q1"]?.notes = "Flooding in the lower town."
        session.answers["s1.q1"]?.voices["bea"]?.note = "We have not\nbeen asked yet."
        session.answers["s1.q4"]?.rating = .stage(.inPlace)
        session.answers["s1.q4"]?.reason = "The ministry signed the letter of intent."
        return session
    }

    static var report: SummaryReport { SummaryReport(guide: .builtIn, session: session) }

    /// The summary's lines at a width, without the final newline.
    static func lines(width: Int) -> [String] {
        report.text(width: width).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}

/// The lines that follow the first line equal to `heading`, up to the next blank line.
private func section(_ heading: String, in lines: [String]) -> [String] {
    guard let start = lines.firstIndex(of: heading) else { return [] }
    return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
}

@Suite struct VoicesReportTests {
    @Test func listsTheParticipantsBySectorUnderWhoIsAnswering() {
        #expect(Array(Workshop.lines(width: 80)[1...8]) == [
            "Workshop facilitated by Rosa Méndez",
            "",
            "Participants: 8",
            "  - Government: Ana Lima (Water Board), 王小明 (水务局)",
            "  - Business: Bea Costa (AquaPlus Ltd), 김민준",
            "  - Civil society: Vozes do Bairro, Dia Sow (Women's Network)",
            "  - Donor: Eve Park (Global Water Fund)",
            "  - No sector: Participant 8",
        ])
    }

    @Test(arguments: [80, 60])
    func theSectorTableShadesEachMeanByBandAndMarksTheGapsThatAreFlagged(width: Int) {
        #expect(section("Sector means by step", in: Workshop.lines(width: width)).prefix(6) == [
            "  Step            1    2    3    4    5    6    7",
            "  Government    3.5█ 2.3▒   -    -    -    -    -",
            "  Business      2.1▒ 2.5▒   -    -    -    -    -",
            "  Civil society 3.0█ 3.0█   -    -    -    -    -",
            "  Donor         4.0█   -    -    -    -    -    -",
            "  Gap           1.4! 0.7    -    -    -    -    -",
        ])
    }

    @Test func theSectorTableAbbreviatesTheSectorsWhenTheFullNamesLeaveNoRoom() {
        #expect(section("Sector means by step", in: Workshop.lines(width: 40)).prefix(3) == [
            "        1    2    3    4    5    6    7",
            "  Gov 3.5█ 2.3▒   -    -    -    -    -",
            "  Bus 2.1▒ 2.5▒   -    -    -    -    -",
        ])
    }

    @Test func saysInWordsWhichStepsTheSectorsSeeDifferently() {
        let table = section("Sector means by step", in: Workshop.lines(width: 60))
        #expect(Array(table.dropFirst(6)) == [
            "  █ Ready  ▒ Developing  ░ Not ready  ! gap 1.0 or more",
            "  - Step 1, Identify the Goals and Aims: the sectors see",
            "    this step differently, on the 4 questions both rated:",
            "    Government 3.5 and Business 2.1.",
            "  - Step 1, Identify the Goals and Aims: the donors see this",
            "    step differently, on the 4 questions both rated: donors",
            "    4.0, the three sectors 2.9.",
        ])
    }

    @Test func aDivergentQuestionShowsItsStatisticsAndWhoRatedWhatAt80() throws {
        let heading = "Divergent ratings (2 or more apart, or hidden dissent): 5"
        let divergent = section(heading, in: Workshop.lines(width: 80))
        let hidden = try #require(divergent.firstIndex { $0.hasPrefix("    - Step 1 Q2") })
        #expect(divergent[hidden...].prefix(10) == [
            "    - Step 1 Q2 (3.3, 7 of 8 rated, no consensus yet): How are these",
            "      stakeholders affected by the problem?",
            "      The mean is 3.3, yet someone rated 1: hidden dissent.",
            "      - Ana Lima (Water Board, Government): 4 Institutionalised",
            "      - 王小明 (水务局, Government): 4 Institutionalised",
            "      - Bea Costa (AquaPlus Ltd, Business): 1 Emerging",
            "      - 김민준 (Business): 4 Institutionalised",
            "      - Vozes do Bairro (Civil society): 3 In place",
            "      - Dia Sow (Women's Network, Civil society): 3 In place",
            "      - Eve Park (Global Water Fund, Donor): 4 Institutionalised",
        ])
        #expect(divergent.contains("      - Participant 8: ? Don't know"))
    }

    @Test func aDivergentQuestionWithAConsensusAsksForItsReasonAt60() throws {
        let lines = Workshop.lines(width: 60)
        let first = try #require(lines.firstIndex { $0.hasPrefix("    - Step 1 Q1 (2 Partial)") })
        #expect(lines[first...].prefix(18) == [
            "    - Step 1 Q1 (2 Partial): What is the nature of the",
            "      problem that an ISP might solve, and why is it",
            "      necessary to bring together actors from different",
            "      sectors to solve it?",
            "      8 ratings span 1 to 4.",
            "      - Ana Lima (Water Board, Government): 4",
            "        Institutionalised",
            "      - 王小明 (水务局, Government): 3 In place",
            "      - Bea Costa (AquaPlus Ltd, Business): 1 Emerging — We",
            "        have not been asked yet.",
            "      - 김민준 (Business): 2 Partial",
            "      - Vozes do Bairro (Civil society): 3 In place",
            "      - Dia Sow (Women's Network, Civil society): 3 In place",
            "      - Eve Park (Global Water Fund, Donor): 4",
            "        Institutionalised",
            "      - Participant 8: 2 Partial",
            "      ! Consensus without a reason: record why the group",
            "      settled on it.",
        ])
        #expect(lines.contains("      Reason for the consensus: The ministry signed the"))
    }

    @Test(arguments: [80, 60])
    func withTwoRatingsEachIsShownWithoutAMeanOrASpread(width: Int) throws {
        let lines = Workshop.lines(width: width)
        let start = try #require(lines.firstIndex { $0.hasPrefix("    - Step 2 Q1") })
        let block = Array(lines[start...].prefix { !$0.isEmpty })
        #expect(block.first?.hasPrefix("    - Step 2 Q1 (1 and 3, 2 of 8 rated, no consensus yet):") == true)
        #expect(block.suffix(2) == [
            "      - Ana Lima (Water Board, Government): 1 Emerging",
            "      - Dia Sow (Women's Network, Civil society): 3 In place",
        ])
        #expect(!block.contains { $0.contains("mean") || $0.contains("span") })
    }

    /// A consensus without a reason is counted, not listed line by line as "no reason recorded".
    @Test func listsTheConsensusRecordedWithItsReasonAndCountsTheRest() {
        #expect(section("Consensus recorded: 2", in: Workshop.lines(width: 80)) == [
            "    - Step 1 Q4 (3 In place): The ministry signed the letter of intent.",
            "  1 more consensus was recorded without a reason.",
        ])
    }

    @Test(arguments: [40, 58, 60, 80])
    func everyLineFitsTheWidthInDisplayCells(width: Int) {
        for line in Workshop.lines(width: width) {
            #expect(line.displayWidth <= width, "\(line)")
        }
    }

    @Test func namesAndNotesWithControlsAreShownVisibly() {
        var session = Workshop.session
        session.participants[0].name = "Ana\u{1B}]0;pwned\u{07}"
        session.answers["s1.q1"]?.voices["ana"]?.note = "\u{1B}[2J"
        let text = SummaryReport(guide: .builtIn, session: session).text(width: 60)
        #expect(!hasControls(text, allowingLineBreaks: true))
        #expect(text.contains("Ana^[]0;pwned^G (Water Board, Government): 4"))
    }

    @Test func aSessionOfOneVoiceShowsNoneOfIt() {
        var session = Workshop.session
        session.participants = []
        let text = SummaryReport(guide: .builtIn, session: session).text(width: 80)
        for heading in ["Participants", "Sector means", "Divergent", "Consensus recorded", "With several voices"] {
            #expect(!text.contains(heading), "\(heading)")
        }
    }

    @Test func theJSONCarriesEveryParticipantVoiceConsensusAndReason() throws {
        let object = try #require(JSONSerialization.jsonObject(with: Workshop.report.json()) as? [String: Any])
        let participants = try #require(object["participants"] as? [[String: String]])
        #expect(participants.count == 8)
        #expect(participants[1] == ["id": "wang", "name": "王小明", "organisation": "水务局", "sector": "government"])
        #expect(participants[7] == ["id": "fay", "name": "", "organisation": ""])

        let prompts = try #require(object["prompts"] as? [[String: Any]])
        #expect(prompts.count == Guide.builtIn.steps.flatMap(\.prompts).count)
        let byID = Dictionary(uniqueKeysWithValues: prompts.compactMap { prompt in
            (prompt["promptID"] as? String).map { ($0, prompt) }
        })
        var voicesGiven = 0
        for (promptID, codes) in Workshop.ratings {
            let voices = try #require(byID[promptID]?["voices"] as? [[String: String]])
            let expected = zip(Workshop.people, codes).compactMap { person, code in code.map { (person.id, $0) } }
            #expect(voices.map { [$0["participantID"], $0["rating"]] } == expected.map { [$0.0, $0.1] }, "\(promptID)")
            voicesGiven += voices.count
        }
        #expect(voicesGiven == 38)

        let first = try #require(byID["s1.q1"])
        #expect(first["consensus"] as? String == "2")
        #expect(first["reason"] as? String == "")
        #expect(first["notes"] as? String == "Flooding in the lower town.")
        let consensus = try #require(first["groupRating"] as? [String: Any])
        #expect(consensus["kind"] as? String == "consensus" && consensus["value"] as? String == "2")
        #expect(consensus["score"] as? Double == 2)
        let bea = (first["voices"] as? [[String: String]])?.first { $0["participantID"] == "bea" }
        #expect(bea?["note"] == "We have not\nbeen asked yet.")
        #expect(byID["s1.q4"]?["reason"] as? String == "The ministry signed the letter of intent.")
        let mean = try #require(byID["s1.q2"]?["groupRating"] as? [String: Any])
        #expect(mean["kind"] as? String == "mean" && mean["value"] as? String == "3.3")
        #expect(byID["s1.q2"]?["consensus"] == nil)
        #expect((byID["s3.q1"]?["groupRating"] as? [String: String]) == ["kind": "unanswered"])

        let sectors = try #require(object["sectors"] as? [[String: Any]])
        #expect(sectors.count == 7)
        #expect(sectors[0]["gap"] as? Double == 1.4 && sectors[0]["sectorsDiffer"] as? Bool == true)
        #expect((sectors[0]["means"] as? [[String: Any]])?.compactMap { $0["sector"] as? String }
            == ["government", "business", "civil-society", "donor"])
        #expect(sectors[1]["gap"] as? Double == 0.7 && sectors[1]["sectorsDiffer"] as? Bool == false)

        let divergences = try #require(object["divergences"] as? [[String: Any]])
        #expect(divergences.compactMap { $0["promptID"] as? String } == ["s1.q1", "s1.q2", "s1.q3", "s1.q4", "s2.q1"])
        #expect(divergences[0]["consensusWithoutReason"] as? Bool == true)
        #expect(divergences[1]["kind"] as? String == "hidden-dissent" && divergences[1]["lowest"] as? Int == 1)
        #expect(divergences[4]["stageRatings"] as? Int == 2)
        #expect((object["methods"] as? [String])?.contains(Language.english.text(.reportMethodsVoicesGroup)) == true)
    }

    @Test func aTableTooWideEvenWithAbbreviationsWrapsWithinTheWidth() {
        let table = ReportTable(
            header: ReportTable.Row(label: "Step", abbreviation: "", cells: (1...7).map { "\($0) " }),
            rows: [
                ReportTable.Row(label: "Government", abbreviation: "Gov.", cells: Array(repeating: "3.3█", count: 7))
            ])
        let lines = table.lines(width: 30)
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.displayWidth <= 30 })
    }
}
