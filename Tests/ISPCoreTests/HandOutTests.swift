import Foundation
import ISPFiles
import ISPTestSupport
import Messages
import Testing

@testable import ISPCore

/// The hand-out of the reference workshop (seven participants, a register of twelve, ten actions, every worksheet
/// field written): what was decided first, then the readiness, then each sector's viewpoints in short.
@Suite struct HandOutTests {
    let session: Session
    let today = CalendarDate(year: 2026, month: 12, day: 6)!

    init() throws {
        session = try SessionFile.load(from: fixture("sessions/v3/v3-reference-workshop.isp.json").path)
    }

    func handOut(_ language: Language = .english) -> HandOut {
        HandOut(guide: .builtIn, session: session, today: today, language: language)
    }

    @Test func theHandOutPutsWhatWasDecidedFirstThenTheReadinessThenTheViewpoints() {
        let sections = handOut().document.sections
        #expect(sections.map(\.id) == [
            "decided", "decided-s5", "decided-s4", "decided-s6", "decided-s7",
            "readiness", "record-flags", "next-step", "profile",
            "viewpoints", "participants", "sector-means", "divergence",
        ])
        #expect(sections.filter { $0.level == 2 }.compactMap(\.heading)
                    == ["What was decided", "How ready the partnership is", "Viewpoints by sector"])
        let text = handOut().document.text()
        #expect(text.hasPrefix("Hand-out: Agua para el Valle\nFocal issue: Water for the southern districts"))
        // The problem, the vision, the convener and the venue, the ground rules agreed.
        for expected in ["Agreed problem statement: From August to November", "Vision: By 2030 every household",
                         "Convener: Municipio de Cochabamba", "Venue: Universidad Mayor de San Simón",
                         "Ground rules: 4 of 5 agreed"] {
            #expect(text.contains(expected), "\(expected)")
        }
        // The guide's decisions of edition 3: the new organisation, the mediator, the contributions, the future.
        for expected in ["Will a new organisation carry the partnership? Yes",
                         "Form of the new organisation: An association of the three sectors' members",
                         "Mediator: Universidad Mayor de San Simón", "Each partner's contribution: 4",
                         "Fondo Nórdico de Desarrollo   Matching funds for two years",
                         "Should the partnership continue, change or close? Continue",
                         "Agreement that keeps the partnership going: A memorandum of understanding",
                         "Structure: A board of two members per sector", "Host organisation: Universidad Mayor"] {
            #expect(text.contains(expected), "\(expected)")
        }
        // Not the record's annex: no question's own section, no list of every consensus.
        #expect(!text.contains("Consensus recorded") && !text.contains("Step 1, Identify the Goals and Aims\n  "))
    }

    @Test func theActionPlanMarksTheActionsItsFlagsName() throws {
        let blocks = try #require(handOut().document.sections.first { $0.id == "decided-s6" }).blocks
        let table = try #require(blocks.compactMap { block -> DocumentTable? in
            if case .table(let table) = block { return table }
            return nil
        }.first)
        #expect(table.columns == ["#", "Action", "Owner", "Due date", "Status", "To discuss"])
        #expect(table.rows.count == 10)
        #expect(table.rows.map { $0.last ?? "" }
                    == ["", "overdue", "", "", "", "no due date", "no owner", "", "", ""])
    }

    @Test func theFullRecordsActionPlanMarksTheSameActionsAsTheHandOut() throws {
        let record = MeetingRecord(guide: .builtIn, session: session, today: today)
        let blocks = try #require(record.document.sections.first { $0.id == "worksheet-s6" }).blocks
        let table = try #require(blocks.compactMap { block -> DocumentTable? in
            if case .table(let table) = block, table.columns.first == "#" { return table }
            return nil
        }.first)
        #expect(table.columns.last == "To discuss")
        #expect(table.rows.map { $0.last ?? "" }
                    == ["", "overdue", "", "", "", "no due date", "no owner", "", "", ""])
    }

    @Test func eachDivergentQuestionSaysWhatEachSectorRatedAndSaidAndTheConsensusReason() {
        let text = handOut().document.text(width: 1000)
        #expect(text.contains("""
                - Step 2 Q2 (2 Partial): Do all the key stakeholders have effective organizations?
                  - Government: Ana Núñez 3 In place and Jorge Quispe 3 In place
                  - Business: Beatriz Rojas 3 In place and Carlos Vargas 4 Institutionalised (“The chamber of \
            commerce speaks for every bottler in the valley.”)
                  - Civil society: Grace Achieng 1 Emerging (“Our network has no paid staff; it meets when volunteers \
            can.”) and Luis Mamani 1 Emerging (“The irrigators' committee has no legal status yet.”)
                  - Donor: Ingrid Holm 2 Partial
                  Reason for the consensus: Government and business are organised; the community groups are not \
            yet, so the middle.
            """))
        #expect(text.contains("Where the voices diverged: 5 questions"))
    }

    @Test func theHandOutStatesFactsAndLeavesTheRecordsInstructionsToTheRecord() throws {
        // Step 3 Q2 has a consensus without a reason: the hand-out says what each sector rated, and no more.
        let divergence = try #require(handOut().document.sections.first { $0.id == "divergence" })
        guard case .list(let questions)? = divergence.blocks.first else {
            Issue.record("The divergent questions are not a list")
            return
        }
        let tension = try #require(questions.items.first { $0.text.hasPrefix("Step 3 Q2 (2 Partial)") })
        #expect(tension.details.count == 1)
        for rendered in [handOut().document.text(width: 1000), handOut().document.markdown, handOut().document.html] {
            #expect(!rendered.contains("Consensus without a reason") && !rendered.contains("record why"))
        }
        let record = MeetingRecord(guide: .builtIn, session: session, today: today).document.text(width: 1000)
        #expect(record.contains("! Consensus without a reason: record why the group settled on it."))

        // A sequence warning is a fact there; the summary's advice to revisit the step first is not.
        var warned = session
        for prompt in Guide.builtIn.steps[0].prompts { warned.answers[prompt.id] = Answer(rating: Rating(code: "1")) }
        let warnedHandOut = HandOut(guide: .builtIn, session: warned, today: today).document.text(width: 1000)
        #expect(warnedHandOut.contains("""
            Sequence warnings
              - Step 4 is Ready while the earlier step 1 is Not ready.
            """))
        #expect(!warnedHandOut.contains("revisit"))
        let summary = SummaryReport(guide: .builtIn, session: warned, today: today).text(width: 1000)
        #expect(summary.contains("Step 4 is Ready while the earlier step 1 is Not ready: revisit step 1 first."))
    }

    @Test func theDecidedPartHoldsTheStakeholdersAcceptanceTheSummaryOfViewpointsAndTheCapacityBuilding() throws {
        let convening = try #require(handOut().document.sections.first { $0.id == "decided-s4" }).blocks
        let paragraphs = convening.compactMap { block -> String? in
            if case .paragraph(let text) = block { return text }
            return nil
        }
        #expect(Array(paragraphs.prefix(3)) == [
            "Convener: Municipio de Cochabamba",
            "Does each sector accept the convener? Government: Yes, Business: No, Civil society: Yes and Donor: Yes",
            "Other major stakeholders' acceptance of the convener: Cámara de Comercio de Cochabamba: Yes and "
                + "Gobernación de Cochabamba: Not asked",
        ])
        let viewpoints = "A summary of different viewpoints written for distribution: Government sees a supply "
            + "problem, business a problem of price and reliability, the community groups a problem of fairness "
            + "between the city and the farms."
        let outcome = "Outcome: enough trust and commitment to meet again? Yes"
        #expect(paragraphs.firstIndex(of: viewpoints) == paragraphs.firstIndex(of: outcome).map { $0 + 1 })

        let plan = try #require(handOut().document.sections.first { $0.id == "decided-s6" }).blocks
        let tables = plan.compactMap { block -> DocumentTable? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.map { $0.columns.first } == ["#", "Actor", "Partner"])
        #expect(tables[1].columns == ["Actor", "Capacity building needed", "Due date", "Status"])
        #expect(tables[1].rows == [
            ["Comité de Regantes del Valle", "Legal status and bookkeeping", "2027-03-31", "In progress"],
            ["Red de Mujeres por el Agua", "Facilitation skills for five volunteers", "2027-03-31", "Planned"],
        ])
        #expect(plan.contains(.paragraph("Capacity building: 2")))

        for rendered in [handOut().document.text(width: 1000), handOut().document.markdown, handOut().document.html] {
            for expected in ["Gobernación de Cochabamba: Not asked", "a problem of fairness between the city",
                             "Facilitation skills for five volunteers"] {
                #expect(rendered.contains(expected), "\(expected)")
            }
        }
    }

    @Test func theTextAndMarkdownHandOutsSayTheScaleUnderTheProfileAsTheHTMLsCaptionDoes() {
        let scale = "Each step is scored on the 0–4 scale: Ready at 3.0 or more, Developing from 2.0, Not ready "
            + "below 2.0."
        let text = handOut().document.text(width: 1000)
        #expect(text.contains("""
                      ███████░░░░░░░░░ 1.8  Not ready, 6 of 6 rated
            \(scale)

            Viewpoints by sector
            """))
        #expect(handOut().document.markdown.contains("| 6 of 6 |\n\n\(scale)\n"))
        let html = handOut().document.html
        #expect(!html.contains(scale) && html.contains("<figcaption>Readiness profile: a bar per step on the 0–4 "))
        // The summary and the record explain the scale in their methods note, and say nothing more.
        #expect(!SummaryReport(guide: .builtIn, session: session, today: today).text(width: 1000).contains(scale))
    }

    @Test func theConvenerCrossCheckSaysWhoRefusedAndWhoWasNotAsked() {
        let text = handOut().document.text(width: 1000)
        #expect(text.contains("""
              - Business does not accept the convener, Municipio de Cochabamba.
              - Gobernación de Cochabamba has not been asked yet whether it accepts the convener, Municipio de \
            Cochabamba.
            """))
        #expect(text.contains("- Step 4 Q1, “Who convenes?”, is rated 3, yet Business does not accept the convener "
                                + "and Gobernación de Cochabamba has not been asked.\n"))
    }

    @Test func everyNewFieldOfTheReferenceWorkshopShowsInTheRecordInEveryFormat() throws {
        let record = MeetingRecord(guide: .builtIn, session: session, today: today)
        let values = ["Loans for household meters", "Well developed", "Legal advice to register the committee",
                      "Drilled its own wells in 2015", "Cámara de Comercio de Cochabamba", "Some",
                      "community groups a problem of fairness", "hosted by the university",
                      "Legal status and bookkeeping", "Labour for the well survey", "A memorandum of understanding",
                      "meets every quarter", "bring in the Gobernación"]
        // The JSON keeps the records as stored: a choice by its id.
        let json = String(decoding: try #require(record.rendered(as: .json)), as: UTF8.self)
        for (format, rendered) in [("text", record.document.text(width: 1000)), ("Markdown", record.document.markdown),
                                   ("HTML", record.document.html),
                                   ("JSON", json.replacing("well-developed", with: "Well developed")
                                       .replacing("\"some\"", with: "Some"))] {
            for value in values {
                #expect(rendered.contains(value), "\(format): \(value)")
            }
        }
        let worksheets = String(decoding: try #require(record.rendered(as: .csv, table: "worksheets")), as: UTF8.self)
        for value in ["Universidad Mayor de San Simón", "Well developed", "Continue"] {
            #expect(worksheets.contains(value), "\(value)")
        }
        let interviews = String(decoding: try #require(record.rendered(as: .csv, table: "interviews")), as: UTF8.self)
        #expect(interviews.contains("Embotelladora Andina,2026-10-05,Rosa Méndez"))
        let summary = SummaryReport(guide: .builtIn, session: session, today: today).text(width: 100)
        #expect(summary.contains("Mediator: Universidad Mayor de San Simón")
                    && summary.contains("Other major stakeholders' acceptance of the convener"))
    }

    @Test func theHandOutPrintsAsTextMarkdownAndHTMLOnly() throws {
        for format in [ReportFormat.text, .markdown, .html] {
            let data = try #require(handOut().rendered(as: format))
            #expect(String(decoding: data, as: UTF8.self).contains("Agua para el Valle"))
        }
        #expect(handOut().rendered(as: .csv) == nil && handOut().rendered(as: .json) == nil)
        // It runs on in print: no part starts a page of its own.
        #expect(!handOut().document.html.contains(" chapter\""))
    }

    @Test func theHandOutsOwnWordsAreInTheReadersLanguage() {
        let text = handOut(.pseudo).document.text(width: 1000)
        for english in ["Hand-out", "What was decided", "How ready the partnership is", "Viewpoints by sector",
                        "To discuss", "overdue", "no owner", "Where the voices diverged"] {
            #expect(!text.contains(english), "\(english)")
        }
        #expect(handOut(.pseudo).document.html.contains("<html lang=\"en-XA\">"))
    }
}
