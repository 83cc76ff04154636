import DisplayWidth
import Foundation
import Testing

@testable import ISPCore

@Suite struct SummaryReportTests {
    /// A self-assessment with step 1 rated (its critical question low) and a Don't know in step 2.
    var report: SummaryReport {
        var session = Session(guide: .builtIn, mode: .selfAssessment, name: "Água 水")
        session.organisation = "ONG Ñandú"
        session.sector = .civilSociety
        for (id, code) in ["s1.q1": "1", "s1.q2": "4", "s1.q3": "4", "s1.q4": "4", "s2.q1": "?", "s2.q3": "n/a"] {
            session.answers[id] = Answer(rating: Rating(code: code))
        }
        return SummaryReport(guide: .builtIn, session: session)
    }

    @Test func opensWithWhoAnsweredAndTheNextStep() {
        let text = report.text()
        #expect(text.hasPrefix("""
            Readiness summary: Água 水
            Self-assessment by ONG Ñandú (Civil society)

            Next step to work on: Step 1, Identify the Goals and Aims

            Preparing the Ground: 3.3 (provisional)
              Step 1  Identify the Goals and Aims
                      █████████████░░░ 3.3  Developing (critical question low), 4 of 4 rated

            """))
    }

    @Test func listsConcernsAndDontKnowByQuestionAndUnansweredByStep() {
        let text = report.text()
        #expect(text.contains("""
            Concerns (rated 0 or 1): 1
                - Step 1 Q1 (1 Emerging): What is the nature of the problem that an ISP
                  might solve, and why is it necessary to bring together actors from
                  different sectors to solve it?

            Evidence gaps (Don't know or not answered): 27
                - Step 2 Q1 (? Don't know): Are there actors in each sector who have the
                  organizational capacity to become involved in a partnership?
                - Step 2, not answered: question 2
                - Step 3, not answered: all 6 questions
            """))
    }

    @Test func remindsASelfAssessmentToCheckWithTheOtherPartnersAndEndsWithTheMethods() {
        let text = report.text()
        #expect(text.contains("These are one organisation's own ratings: check them with the other partners"))
        #expect(text.contains("How readiness is computed\n  Each question is rated on five stages"))
        #expect(text.hasSuffix("(US government work, last updated 12 February 2001).\n"))
    }

    @Test func wrapsEveryLineToTheWidthByDisplayCells() {
        for width in [40, 60, 80] {
            for line in report.text(width: width).split(separator: "\n") {
                #expect(line.displayWidth <= width, "\(line)")
            }
        }
    }

    @Test func theJSONCarriesTheFiguresAndTheMethods() throws {
        let object = try #require(JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
        #expect(object["format"] as? String == "isp-wizard-summary")
        #expect(object["generator"] as? String == "isp-wizard \(ispWizardVersion)")
        #expect(object["organisation"] as? String == "ONG Ñandú")
        #expect(object["nextStep"] as? Int == 1)
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps[0]["band"] as? String == "developing")
        #expect(steps[0]["cappedByCritical"] as? Bool == true)
        #expect((object["evidenceGaps"] as? [Any])?.count == 27)
        #expect((object["methods"] as? [String])?.last == "The result is an aid to discussion, not an absolute measurement.")
    }
}
