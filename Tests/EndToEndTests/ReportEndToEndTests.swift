import Foundation
import ISPCore
import ISPFiles
import Testing

/// A session fixture of the unit tests, by name.
func sessionFixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ISPTestSupport/Fixtures/sessions/\(name)").standardizedFileURL.path
}

/// Headless Chromium and poppler's tools, which print the HTML record to PDF and read it back.
enum Printing {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let available = chromium != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")
    static let skipped: Comment = "chromium or poppler-utils is not installed (.ci/run installs them): not printed"

    /// Prints an HTML file to PDF as a person would from the browser, on `paper` (`A4`, `letter`), and returns the
    /// PDF's text and its number of pages.
    static func print(_ html: String, paper: String, in folder: String) throws -> (text: String, pages: Int) {
        let chromium = try #require(chromium)
        // The paper the print dialog would be set to.
        let page = folder + "/\(paper).html"
        try html.replacing("<style>", with: "<style>@page { size: \(paper); }", maxReplacements: 1)
            .write(toFile: page, atomically: true, encoding: .utf8)
        let pdf = folder + "/\(paper).pdf"
        let printed = try spawn([chromium, "--headless", "--disable-gpu", "--no-sandbox", "--no-pdf-header-footer",
                                 "--user-data-dir=\(folder)/chromium", "--print-to-pdf=\(pdf)", "file://\(page)"])
        #expect(printed.status == 0, "\(printed.error)")
        // In the order the browser drew it: a table row's cells, and a note broken across lines, stay together.
        let text = try spawn(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"])
        let info = try spawn(["pdfinfo", pdf])
        let pages = info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        return (text.output, pages)
    }
}

extension String {
    /// The text without any whitespace, to find a note in a PDF whatever its lines were broken at.
    var squeezed: String { unicodeScalars.filter { !$0.properties.isWhitespace }.map(String.init).joined() }
}

/// `report`, `compare` and `new --from` run as a facilitator would, and the HTML record printed by a real browser.
@Suite(.serialized) struct ReportEndToEndTests {
    let fiveVoices = sessionFixture("v2/v2-five-voices.isp.json")
    let firstRound = sessionFixture("v1/v1-workshop.isp.json")
    let secondRound = sessionFixture("v2/v2-round-2-of-v1-workshop.isp.json")

    @Test func reportWritesEachFormatToStandardOutputOrToAFile() throws {
        let workspace = try Workspace()
        for format in ["text", "markdown", "html", "csv", "json"] {
            let printed = try runWizard(["report", fiveVoices, "--format", format])
            #expect(printed.status == 0 && printed.error.isEmpty, "\(format): \(printed.error)")
            let output = workspace.path + "/record.\(format)"
            let written = try runWizard(["report", fiveVoices, "--format", format, "--output", output])
            #expect(written.status == 0 && written.output.isEmpty)
            #expect(try String(contentsOfFile: output, encoding: .utf8) == printed.output, "\(format)")
        }
        let text = try runWizard(["report", fiveVoices])
        #expect(text.output.hasPrefix("Meeting record: Água para Todos 水\n"))
        // The fixture's own list of actions, under a name no worksheet has, is a table of its own beside the plan's.
        let csv = workspace.path + "/actions.csv"
        let written = try runWizard(["report", fiveVoices, "--format", "csv", "--table", "other-actions", "--output",
                                     csv])
        #expect(written.status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(bytes.starts(with: Data("\u{FEFF}action,due,owner,status\r\n".utf8)))
        let plan = try runWizard(["report", fiveVoices, "--format", "csv", "--table", "actions"])
        // (Standard output is read back without its byte-order mark.)
        #expect(plan.output.trimmingPrefix("\u{FEFF}")
                    == "Action,Owner organisation,Due date,Status,Owner person,Resources,Question it answers\r\n")
    }

    @Test func reportOutputWritesIntoAFIFOADeviceOrAPipeAndReplacesOnlyRegularFiles() throws {
        let workspace = try Workspace()
        let expected = try runWizard(["report", fiveVoices]).output
        // `-` is standard output, here a pipe.
        let binary = try #require(wizardBinary)
        let piped = try spawn(["sh", "-c", "\"$0\" report \"$1\" --output - | cat", binary, fiveVoices])
        #expect(piped.status == 0 && piped.output == expected)

        // A FIFO is written into, and stays a FIFO.
        let fifo = workspace.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = try spawn(["sh", "-c", "\"$0\" report \"$1\" --output \"$2\" & cat \"$2\"; wait",
                                binary, fiveVoices, fifo])
        #expect(reader.status == 0 && reader.output == expected)
        #expect(isFIFO(fifo))

        // A symbolic link to a text file: the target is replaced, readable as a new report is; the link stays.
        let target = workspace.path + "/target.txt"
        let link = workspace.path + "/link.txt"
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        chmod(target, 0o600)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.txt")
        #expect(try runWizard(["report", fiveVoices, "--output", link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.txt")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == expected)
        let mask = umask(0o022)  // read by setting it, and set back at once; the wizard run inherits it
        umask(mask)
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
                    == 0o666 & ~Int(mask))

        // A private null device made in the workspace, where the system allows it: still a device afterwards.
        let device = workspace.path + "/null"
        if mknod(device, S_IFCHR | 0o600, nullDevice) == 0 {
            let written = try runWizard(["compare", firstRound, secondRound, "--output", device])
            #expect(written.status == 0 && written.error.isEmpty)
            var status = stat()
            #expect(lstat(device, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        }

        // A folder is refused in a sentence.
        let folder = try runWizard(["report", fiveVoices, "--output", workspace.path + "/"])
        #expect(folder.status == 1)
        #expect(folder.error == "Error: \(workspace.path)/ is a folder; name a file in it.\n")
    }

    private func isFIFO(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO
    }

    @Test func theSummaryAndEveryReportFormatShowTheRecordsAndTheirFlags() throws {
        let workspace = try Workspace()
        var session = Session(guide: .builtIn, name: "Agua")
        session.records = try JSONDecoder().decode([String: JSONValue].self, from: Data(#"""
            {"s2": {"register": [{"id": "r1", "organisation": "Municipio", "sector": "government"},
                                 {"id": "r2", "organisation": "Banco Sol", "sector": "business"}]},
             "s6": {"actions": [{"id": "a1", "action": "Convene the partners", "ownerOrganisation": {"id": "r1",
                    "name": "Municipio"}, "due": "2000-01-31", "status": "in-progress"},
                                {"id": "a2", "action": "Survey the wells", "due": "2999-01-01"}]}}
            """#.utf8))
        let path = workspace.path + "/agua.isp.json"
        try SessionFile.save(session, to: path)
        let summary = try runWizard(["summary", path, "--width", "60"])
        #expect(summary.status == 0, "\(summary.error)")
        #expect(summary.output.contains("""
            Records to discuss: 3
              - The stakeholder register has no organisation from Civil
                society.
              - Action 1, “Convene the partners”, was due on 2000-01-31
                and is neither done nor dropped (status: In progress).
              - Action 2, “Survey the wells”, has no owner: neither an
                organisation nor a person.

            """))
        let json = try runWizard(["summary", path, "--format", "json"])
        #expect(json.output.contains(#""kind" : "action-overdue""#) && json.output.contains(#""structuredRecords""#))
        for format in ["text", "markdown", "html", "json"] {
            let report = try runWizard(["report", path, "--format", format])
            #expect(report.status == 0, "\(format): \(report.error)")
            for name in ["Banco Sol", "Convene the partners", "Survey the wells"] {
                #expect(report.output.contains(name), "\(format): \(name)")
            }
        }
        let register = try runWizard(["report", path, "--format", "csv", "--table", "register"])
        #expect(register.output.trimmingPrefix("\u{FEFF}")
                    == "Organisation,Sector,Ready to collaborate,Key people,Role or stake,Alliances and networks,Notes\r\n"
                    + "Municipio,Government,,,,,\r\nBanco Sol,Business,,,,,\r\n")
    }

    @Test func aWrongTableOrATableWithoutCSVIsRefusedInOneSentence() throws {
        let unknown = try runWizard(["report", fiveVoices, "--format", "csv", "--table", "budget"])
        #expect(unknown.status == 1)
        #expect(unknown.error == "Error: \(fiveVoices) has no table \"budget\"; its tables are answers, participants, "
            + "goals, register, support, impediments, interviews, stakeholder-acceptance, ground-rules, actions, "
            + "capacity-building, contributions, resources, linkages, expansion, worksheets, other-actions.\n")
        let notCSV = try runWizard(["report", fiveVoices, "--table", "actions"])
        #expect(notCSV.status == 1 && notCSV.error == "Error: --table chooses a CSV table; add --format csv.\n")
        let missing = try runWizard(["report", "/nonexistent/x.isp.json"])
        #expect(missing.status == 1 && missing.error.contains("/nonexistent/x.isp.json"))
    }

    /// The embeddings, overrides and isolates: U+202A to U+202E and U+2066 to U+2069.
    static let bidiControls = Set((0x202A...0x202E).compactMap(Unicode.Scalar.init)
                                      + (0x2066...0x2069).compactMap(Unicode.Scalar.init))

    @Test(.enabled(if: Printing.available, Printing.skipped))
    func theHTMLRecordPrintedByChromiumHoldsEveryQuestionNoteAndParticipant() throws {
        let workspace = try Workspace()
        let session = try SessionFile.load(from: fiveVoices)
        let html = try runWizard(["report", fiveVoices, "--format", "html"]).output
        for paper in ["A4", "letter"] {
            let (text, pages) = try Printing.print(html, paper: paper, in: workspace.path)
            let printed = text.squeezed
            let questions = Guide.builtIn.steps.flatMap(\.prompts).map(\.text)
            let people = session.participants.enumerated().flatMap { number, participant in
                [participant.displayName(number: number + 1, in: .english), participant.organisation]
            }
            let notes = session.answers.values.flatMap { [$0.notes, $0.reason] + $0.voices.values.map(\.note) }
            let actions = ["Convocar a los socios del agua", "社区会议：青年参与", "=cmd|' /C calc'!A0"]
            for expected in questions + people + notes + actions where !expected.isEmpty {
                // What follows a right-to-left override is laid out reversed, as the override asks (within its value
                // alone): the PDF holds what comes before it as typed.
                let readable = expected.visibleControls.unicodeScalars.prefix { !Self.bidiControls.contains($0) }
                let found = printed.contains(String(String.UnicodeScalarView(readable)).squeezed)
                #expect(found, "\(paper): \(expected.visibleControls) is not in the PDF")
            }
            #expect(pages > 5 && pages < 20, "\(paper): \(pages) pages")
        }
    }

    @Test func theHandOutIsRefusedInOneSentenceWithCSVJSONOrATable() throws {
        let reference = sessionFixture("v3/v3-reference-workshop.isp.json")
        for arguments in [["--format", "csv"], ["--format", "json"], ["--format", "csv", "--table", "actions"]] {
            let refused = try runWizard(["report", reference, "--handout"] + arguments)
            #expect(refused.status == 1 && refused.output.isEmpty)
            #expect(refused.error == "Error: --handout is written as text, Markdown or HTML; leave out --format csv, "
                        + "--format json and --table.\n", "\(arguments)")
        }
        for format in ["text", "markdown", "html"] {
            let written = try runWizard(["report", reference, "--handout", "--format", format])
            #expect(written.status == 0 && written.output.contains("Hand-out: Agua para el Valle"), "\(format)")
        }
    }

    @Test(.enabled(if: Printing.available, Printing.skipped))
    func theReferenceHandOutPrintsOnAtMostFourPagesOfA4OrLetter() throws {
        let workspace = try Workspace()
        let reference = sessionFixture("v3/v3-reference-workshop.isp.json")
        let html = try runWizard(["report", reference, "--handout", "--format", "html"]).output
        let decided = HandOut(guide: .builtIn, session: try SessionFile.load(from: reference)).document.sections
            .filter { $0.id.hasPrefix("decided-") }.flatMap(\.blocks)
        let rows = decided.flatMap { block -> [[String]] in
            if case .table(let table) = block { return table.rows }
            return []
        }
        #expect(rows.count == 16)
        for paper in ["A4", "letter"] {
            let (text, pages) = try Printing.print(html, paper: paper, in: workspace.path)
            #expect(pages >= 2 && pages <= 4, "\(paper): \(pages) pages")
            // Decided first, viewpoints last; the summary of viewpoints, the last action, the capacity building and
            // the last divergent voice are printed.
            let printed = text.squeezed
            let order = ["What was decided", "A summary of different viewpoints written for distribution",
                         "Set the date and agenda of the second meeting", "Facilitation skills for five volunteers",
                         "How ready the partnership is", "Viewpoints by sector",
                         "The fund can match local money one to one for two years."].map(\.squeezed)
            let places = order.compactMap { printed.range(of: $0)?.lowerBound }
            #expect(places.count == order.count && places == places.sorted(), "\(paper)")
            // Every row of the action plan, the capacity building and the contributions is whole on one page.
            let printedPages = text.split(separator: "\u{0C}").map { String($0).squeezed }
            for row in rows {
                #expect(printedPages.contains { $0.contains(row.joined().squeezed) }, "\(paper): \(row) is cut")
            }
        }
    }

    @Test(.enabled(if: Printing.available, Printing.skipped))
    func aFortyParticipantRecordPrintsOnFewerThanSixtyA4Pages() throws {
        let workspace = try Workspace()
        var session = Session(guide: .builtIn, mode: .workshop, name: "Agua para Todos 水")
        let sectors = Sector.allCases
        session.participants = (0..<40).map { index in
            Participant(id: "p\(index)", name: ["Ana Núñez", "李华", "Grace Achieng", "김민준"][index % 4] + " \(index)",
                        organisation: "Organización \(index) 水务", sector: sectors[index % sectors.count])
        }
        for (number, prompt) in Guide.builtIn.steps.flatMap(\.prompts).enumerated() {
            var answer = Answer(notes: "Notas del grupo sobre \(prompt.id): café, 水.\nSegunda línea.")
            for (index, participant) in session.participants.enumerated() {
                answer.voices[participant.id] = Voice(
                    rating: .stage(Stage(rawValue: (number + index) % 5) ?? .partial),
                    note: index % 3 == 0 ? "Nota de \(participant.name): el acceso al agua, 社区参与 (\(prompt.id))." : "")
            }
            if number % 2 == 0 {
                answer.rating = .stage(.partial)
                answer.reason = "The municipality convenes; 大家同意."
            }
            session.answers[prompt.id] = answer
        }
        let path = workspace.path + "/forty.isp.json"
        try SessionFile.save(session, to: path)
        let html = try runWizard(["report", path, "--format", "html"]).output
        let (text, pages) = try Printing.print(html, paper: "A4", in: workspace.path)
        #expect(pages < 60, "\(pages) A4 pages")
        let found = text.squeezed.contains("김민준 39".squeezed)
        #expect(found, "the last participant is not in the PDF")
    }

    @Test func newFromStartsTheNextRoundOfAVersionOneWorkshopAndOpensIt() throws {
        let workspace = try Workspace()
        let next = workspace.path + "/round-2.isp.json"
        let tmux = try TmuxSession(command: try workspace.command("new --from \(firstRound) --file \(next)"))
        tmux.waitFor("About this partnership")
        try tmux.press("Escape", "s")
        // Waited for by what is drawn last: a capture can fall between the rows of one frame.
        let summary = tmux.waitFor("Carried over from round 1 and still to confirm: 31")
        #expect(summary.contains("How ready is the partnership?"))
        try tmux.press("Escape", "1")
        try tmux.press("Enter")
        tmux.waitFor("c confirm carried-over")
        try tmux.press("c")
        tmux.waitUntil("dropped the confirm key") { rows in !rows.joined().contains("confirm carried-over") }
        try tmux.press("C-q")
        tmux.waitForExit()

        let old = try SessionFile.read(from: firstRound)
        let new = try SessionFile.read(from: next)
        #expect(new.session.partnershipID == old.session.partnershipID && new.session.round == 2)
        #expect(new.session.partnership == old.session.partnership)
        #expect(new.session.unconfirmedAnswers == 30 && new.session.answers["s1.q1"]?.isCarriedOver == false)
        #expect(new.session.answers.mapValues(\.rating) == old.session.answers.mapValues(\.rating))

        let both = try runWizard(["new", "--from", firstRound, "--for", secondRound])
        #expect(both.status == 1 && both.error == "Error: --from and --for exclude each other; give one of them.\n")
    }

    @Test func compareShowsWhatMovedAndRefusesAnotherPartnershipUnlessForced() throws {
        let compared = try runWizard(["compare", firstRound, secondRound])
        #expect(compared.status == 0, "\(compared.error)")
        #expect(compared.output.contains("Ratings that moved by 2 points or more: 2"))
        #expect(compared.output.contains("Notes that changed: 1"))
        for format in ["markdown", "html", "json"] {
            let shown = try runWizard(["compare", firstRound, secondRound, "--format", format])
            #expect(shown.status == 0 && shown.output.contains("Amani Otieno"), "\(format)")
        }
        let other = sessionFixture("v1/v1-self-assessment.isp.json")
        let refused = try runWizard(["compare", other, secondRound])
        #expect(refused.status == 1)
        #expect(refused.error == "Error: \(secondRound) belongs to another partnership than \(other) "
            + "(\"Water for All, Kisumu\", not \"青年就业伙伴关系 Youth Jobs\"); add --force to compare them anyway.\n")
        #expect(try runWizard(["compare", other, secondRound, "--force"]).status == 0)
    }
}

/// The null device's number, makedev(1, 3), for a private copy in a temporary folder (a macro Swift cannot call).
private let nullDevice = dev_t(1 << 8 | 3)
