import DisplayWidth
import Foundation
import Testing

@testable import ISPCore

/// The partnership's records in the summary, the meeting record and every report format.
@Suite struct RecordsReportTests {
    let today = CalendarDate(year: 2027, month: 2, day: 1)!
    /// A register of four sectors (a name with an escape sequence), a convener renamed since it was chosen, two
    /// ground rules, three actions: one overdue, one owned by an organisation since removed, one with a date that
    /// is not one.
    let session: Session

    init() throws {
        session = try ISPCoreTests.session(records: #"""
            {"s2": {"register": [
               {"id": "r1", "organisation": "Municipio", "sector": "government", "readiness": "ready",
                "people": "Ana Núñez", "role": "Convenes", "notes": "Mayor on board"},
               {"id": "r2", "organisation": "Banco Sol", "sector": "business", "readiness": "not-yet"},
               {"id": "r3", "organisation": "Ñandú \u001b[2J", "sector": "civil-society"},
               {"id": "r4", "organisation": "USAID", "sector": "donor"},
               {"id": "r5", "organisation": "Vecinos"}]},
             "s4": {"convener": {"id": "r1", "name": "Alcaldía"}, "acceptance": {"government": "yes", "business": "no"},
                    "venue": "Casa de la Cultura", "firstMeeting": "2027-01-15"},
             "s6": {"groundRules": [{"id": "g1", "rule": "Honesty", "agreed": "agreed"},
                                    {"id": "g2", "rule": "The right to say no", "agreed": "not-agreed"}],
                    "actions": [
               {"id": "a1", "action": "Convene the partners for a first meeting", "ownerOrganisation": {"id": "r1",
                "name": "Alcaldía"}, "ownerPerson": "Ana", "due": "2027-01-15", "status": "in-progress"},
               {"id": "a2", "action": "=SUM(A1:A9)", "ownerOrganisation": {"id": "gone", "name": "Banco Viejo"},
                "due": "2027-03-01", "status": "planned", "resources": "Coffee"},
               {"id": "a3", "action": "Survey the wells", "due": {"typed": "2027-02-30"}}]}}
            """#, ratings: ["s6.q1": "2"])
    }

    var summary: SummaryReport { SummaryReport(guide: .builtIn, session: session, today: today) }
    var record: MeetingRecord { MeetingRecord(guide: .builtIn, session: session, today: today) }

    /// The lines from `first` up to the line before `end`.
    func part(of text: String, from first: String, to end: String) -> String {
        guard let start = text.range(of: "\n\(first)\n"), let stop = text.range(of: "\n\(end)\n") else { return "" }
        return String(text[text.index(after: start.lowerBound)..<stop.lowerBound])
    }

    func rendered(_ format: ReportFormat, table: String? = nil) throws -> String {
        String(decoding: try #require(record.rendered(as: format, table: table)), as: UTF8.self)
    }

    @Test func theSummaryShowsTheFlagsTheRegisterBySectorTheConveningPlanTheRulesAndThePlanIn60Columns() {
        let text = summary.text(width: 60)
        // The flags come early, after the profile; the records after the readiness flags.
        #expect(text.contains("""
            Records to discuss: 4
              - Business does not accept the convener, Municipio.
              - Civil society and Donor have not been asked yet whether
                they accept the convener, Municipio.
              - Action 1, “Convene the partners for a first meeting”,
                was due on 2027-01-15 and is neither done nor dropped
                (status: In progress).
              - Action 3, “Survey the wells”, has no owner and no due
                date (neither an organisation nor a person; “2027-02-30”
                is not a date).

            """))
        #expect(part(of: text, from: "Stakeholder register", to: "How readiness is computed") == """
            Stakeholder register
              Government: 1
              - Municipio (Ready): Ana Núñez
              Business: 1
              - Banco Sol (Not yet)
              Civil society: 1
              - Ñandú ^[[2J
              Donor: 1
              - USAID
              No sector: 1
              - Vecinos

            Convening plan
              Convener: Municipio
              Does each sector accept the convener?
              - Government: Yes
              - Business: No
              - Civil society: Not asked
              - Donor: Not asked
              Venue: Casa de la Cultura
              Date of the first meeting: 2027-01-15

            Ground rules and action plan
              Ground rules: 1 of 2 agreed
              - Honesty (Agreed)
              - The right to say no (Not agreed)
              Action plan: 3 actions
              #  Action           Owner        Due date      Status
              -  ---------------  -----------  ------------  -----------
              1  Convene the      Ana          2027-01-15    In progress
                 partners for a   (Municipio)
                 first meeting
              2  =SUM(A1:A9)      Banco Viejo  2027-03-01    Planned
              3  Survey the                    2027-02-30
                 wells                         (not a date)

            """)
        #expect(text.contains("The records are read for facts to discuss: an action with\n"))
    }

    @Test func everySummaryLineFitsItsWidth() {
        for width in [40, 60, 80] {
            for line in summary.text(width: width).split(separator: "\n") {
                #expect(line.displayWidth <= width, "\(width): \(line)")
            }
        }
    }

    @Test func aSessionWithoutRecordsShowsNoneOfThem() throws {
        let empty = SummaryReport(guide: .builtIn, session: Session(guide: .builtIn), today: today)
        #expect(!empty.text().contains("Records") && !empty.text().contains("records"))
        #expect(empty.document.sections.map(\.id) == ["next-step", "profile", "concerns", "evidence-gaps", "methods"])
        let emptyRecord = MeetingRecord(guide: .builtIn, session: Session(guide: .builtIn), today: today)
        #expect(!emptyRecord.document.sections.contains { $0.id == "records" })
        let json = try #require(JSONSerialization.jsonObject(with: empty.json()) as? [String: Any])
        #expect((json["recordFlags"] as? [Any])?.isEmpty == true)
        let structured = try #require(json["structuredRecords"] as? [String: Any])
        #expect(structured.keys.sorted() == ["actionPlan", "groundRules", "register"])
        // Lists added and emptied again hold nothing either.
        let emptied = try ISPCoreTests.session(records: #"{"s2": {"register": [{"id": "r1"}]}, "s6": {"actions": []}}"#)
        let report = RecordsReport(guide: .builtIn, session: emptied, today: today, language: .english)
        #expect(report.filledWorksheets.isEmpty)
    }

    @Test func theSummaryJSONHasTheFlagsAndTheRecordsWithStableKeysAndReadReferences() throws {
        let json = try #require(JSONSerialization.jsonObject(with: summary.json()) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 3)
        let flags = try #require(json["recordFlags"] as? [[String: Any]])
        #expect(flags.map { $0["kind"] as? String } == ["convener-not-accepted", "convener-not-asked", "action-overdue",
                                                        "action-incomplete"])
        #expect(flags[0]["sectors"] as? [String] == ["business"])
        #expect(flags[3]["actionID"] as? String == "a3" && flags[3]["missing"] as? [String] == ["owner", "due-date"])
        let records = try #require(json["structuredRecords"] as? [String: Any])
        let register = try #require(records["register"] as? [[String: Any]])
        #expect(register.map { $0["organisation"] as? String } == ["Municipio", "Banco Sol", "Ñandú \u{1B}[2J", "USAID",
                                                                  "Vecinos"])
        #expect(register[0]["sector"] as? String == "government" && register[0]["readiness"] as? String == "ready")
        #expect(register[0]["role"] as? String == "Convenes" && register[4]["sector"] == nil)
        let plan = try #require(records["conveningPlan"] as? [String: Any])
        #expect(plan["convener"] as? [String: String] == ["rowID": "r1", "name": "Municipio"])
        #expect(plan["acceptance"] as? [String: String] == ["government": "yes", "business": "no"])
        #expect(plan["firstMeeting"] as? String == "2027-01-15" && plan["venue"] as? String == "Casa de la Cultura")
        let rules = try #require(records["groundRules"] as? [[String: Any]])
        #expect(rules.map { $0["agreed"] as? Bool } == [true, false])
        let actions = try #require(records["actionPlan"] as? [[String: Any]])
        #expect(actions.map { $0["overdue"] as? Bool } == [true, false, false])
        #expect(actions[0]["ownerOrganisation"] as? [String: String] == ["rowID": "r1", "name": "Municipio"])
        #expect(actions[1]["ownerOrganisation"] as? [String: String] == ["rowID": "gone", "name": "Banco Viejo"])
        #expect(actions[0]["status"] as? String == "in-progress" && actions[0]["due"] as? String == "2027-01-15")
        #expect(actions[2]["due"] == nil && actions[2]["dueAsTyped"] as? String == "2027-02-30")
        // The records as the session keeps them stay as they were.
        let raw = try JSONDecoder().decode([String: JSONValue].self,
                                           from: JSONSerialization.data(withJSONObject: json["records"] ?? [:]))
        #expect(raw == session.records)
    }

    @Test func everyFormatOfTheMeetingRecordHoldsTheRegisterAndTheActions() throws {
        let names = ["Municipio", "Banco Sol", "USAID", "Vecinos", "Convene the partners for a first meeting",
                     "Survey the wells", "Banco Viejo", "Honesty", "Casa de la Cultura"]
        for format in [ReportFormat.text, .markdown, .html] {
            let shown = try rendered(format).replacing("\n", with: " ").replacing("  ", with: " ")
            for name in names { #expect(shown.contains(name), "\(format): \(name)") }
            #expect(shown.contains(format == .markdown ? #"Ñandú ^\[\[2J"# : "Ñandú ^[[2J"), "\(format)")
            #expect(!shown.contains("\u{1B}"), "\(format)")
            #expect(!shown.contains("Alcaldía"), "\(format): the convener's old name")
        }
        let markdown = try rendered(.markdown)
        #expect(markdown.contains("\n## Records to discuss: 4\n"))
        // The flagged actions are marked in the plan, as in the hand-out.
        #expect(markdown.contains("| \\# | Action | Owner | Due date | Status | Resources | To discuss |\n"))
        #expect(markdown.contains("| 2 | =SUM(A1:A9) | Banco Viejo | 2027-03-01 | Planned | Coffee |  |\n"))
        let html = try rendered(.html)
        #expect(html.contains("<h2><bdi>The partnership&#39;s records</bdi></h2>"))
        #expect(html.contains("<td class=\"short\"><bdi>Banco Viejo</bdi></td>"))
        let text = try rendered(.text)
        #expect(text.contains("""
              - Municipio (Ready): Ana Núñez
                Role or stake: Convenes
                Notes: Mayor on board

            """))
        for line in text.split(separator: "\n") { #expect(line.displayWidth <= 80, "\(line)") }
    }

    @Test func theCSVTablesOfTheRegisterTheActionsAndTheGroundRulesReadBackCellForCell() throws {
        func table(_ name: String) throws -> [[String]] {
            let data = try #require(record.rendered(as: .csv, table: name), "\(name)")
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
            return try parseCSV(String(decoding: data.dropFirst(3), as: UTF8.self))
        }
        #expect(try table("register") == [
            ["Organisation", "Sector", "Ready to collaborate", "Key people", "Role or stake", "Alliances and networks",
             "Notes"],
            ["Municipio", "Government", "Ready", "Ana Núñez", "Convenes", "", "Mayor on board"],
            ["Banco Sol", "Business", "Not yet", "", "", "", ""],
            ["Ñandú ^[[2J", "Civil society", "", "", "", "", ""],
            ["USAID", "Donor", "", "", "", "", ""],
            ["Vecinos", "", "", "", "", "", ""],
        ])
        #expect(try table("actions") == [
            ["Action", "Owner organisation", "Due date", "Status", "Owner person", "Resources", "Question it answers"],
            ["Convene the partners for a first meeting", "Municipio", "2027-01-15", "In progress", "Ana", "", ""],
            ["'=SUM(A1:A9)", "Banco Viejo", "2027-03-01", "Planned", "", "Coffee", ""],
            ["Survey the wells", "", "2027-02-30 (not a date)", "", "", "", ""],
        ])
        #expect(try table("ground-rules") == [
            ["Ground rule", "Agreed"], ["Honesty", "Agreed"], ["The right to say no", "Not agreed"],
        ])
        #expect(try table("goals") == [["Goals"]])
        #expect(try table("worksheets") == [
            ["Worksheet", "Field", "Item", "Value", "Note"],
            ["Convening plan", "Convener", "", "Municipio", ""],
            ["Convening plan", "Does each sector accept the convener?", "Government", "Yes", ""],
            ["Convening plan", "Does each sector accept the convener?", "Business", "No", ""],
            ["Convening plan", "Venue", "", "Casa de la Cultura", ""],
            ["Convening plan", "Date of the first meeting", "", "2027-01-15", ""],
        ])
        #expect(record.tables.compactMap(\.name) == [
            "answers", "goals", "register", "support", "impediments", "interviews", "stakeholder-acceptance",
            "ground-rules", "actions", "capacity-building", "contributions", "resources", "linkages", "expansion",
            "worksheets",
        ])
    }

    @Test func theOtherWorksheetsShowConciselyWithTheGuidesLabels() throws {
        let other = try ISPCoreTests.session(records: #"""
            {"s1": {"stakes": {"government": "Safe water", "donor": "Results"}, "goals": [{"id": "g1", "goal": "Water"},
                    {"id": "g2", "goal": " "}], "vision": "Every home"},
             "s3": {"traits": {"gov-inertia": {"mark": "applies", "note": "slow"}, "bus-expertise": {"note": "maybe"},
                               "civ-flexible": {"mark": "partly"}}},
             "s5": {"problem": "No water", "commitments": {"gone": {"name": "Old partner", "value": "committed"}}},
             "s7": {"resources": [{"id": "x1", "resource": "Fees", "source": "local"}]}}
            """#)
        let text = SummaryReport(guide: .builtIn, session: other, today: today).text(width: 80)
        #expect(text.contains("\nRecords to discuss: 0\n"))
        #expect(part(of: text, from: "Goals and aims", to: "How readiness is computed") == """
            Goals and aims
              Each sector's stake in the issue
              - Government: Safe water
              - Donor: Results
              Goals: 1
              - Water
              First draft of the vision: Every home

            Strengths and hindrances
              Strengths and hindrances (quoted from the guide)
              Applies here: 1
              - Government hindrances: inertia — slow
              partly: 1
              - Civil society strengths: organizations that tend to be smaller and more
                flexible than the other partners
              Not marked: 1
              - Business strengths: technical expertise — maybe

            Problem and vision
              Agreed problem statement: No water
              Commitment of each organisation in the register
              - Old partner (no longer in the list): Committed

            Keeping the partnership going
              Resources once outside support ends: 1
              Resource  Source
              --------  ------
              Fees      Local

            """)
    }
}

/// Tables laid out in plain text: in columns, wrapped, or an item a row.
@Suite struct DocumentTableLayoutTests {
    let table = DocumentTable(
        columns: ["#", "Action", "Due date"],
        rows: [["1", "Convene the partners for a first meeting", "2027-01-15"], ["2", "会议：青年参与的社区会议", ""]],
        wrapping: [1])

    @Test func aTableThatFitsKeepsItsColumns() {
        #expect(table.lines(width: 80) == [
            "#  Action                                    Due date",
            "-  ----------------------------------------  ----------",
            "1  Convene the partners for a first meeting  2027-01-15",
            "2  会议：青年参与的社区会议",
        ])
    }

    @Test func aNarrowTableWrapsItsWrappingColumnsNeverCuttingAWord() {
        #expect(table.lines(width: 30) == [
            "#  Action           Due date",
            "-  ---------------  ----------",
            "1  Convene the      2027-01-15",
            "   partners for a",
            "   first meeting",
            "2  会议：青年参与",
            "   的社区会议",
        ])
    }

    @Test func aTableTooNarrowEvenWrappedIsShownAnItemARow() {
        #expect(table.lines(width: 22) == [
            "- 1 — Action: Convene",
            "  the partners for a",
            "  first meeting; Due",
            "  date: 2027-01-15",
            "- 2 — Action: 会议：青",
            "  年参与的社区会议",
        ])
        var unwrapped = table
        unwrapped.wrapping = []
        #expect(unwrapped.lines(width: 40).first == "- 1 — Action: Convene the partners for a")
    }
}

