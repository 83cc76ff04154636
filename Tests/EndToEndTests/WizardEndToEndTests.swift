import Foundation
import ISPCore
import ISPFiles
import Testing

/// The real program in tmux, driven by keys as a user would.
@Suite(.serialized) struct WizardEndToEndTests {
    @Test func walksAllSevenStepsToTheSummaryAndFindsEveryAnswerAfterReopening() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/water.isp.json"
        let tmux = try TmuxSession(command: try workspace.command("new --file \(file) --name 'Água para Todos 水'"))
        tmux.waitFor("About this partnership")
        try tmux.press("Tab")
        try tmux.type("Acceso al agua 水资源")
        try tmux.press("C-n")
        tmux.waitFor("No participants yet")
        try tmux.press("C-n")
        tmux.waitFor("Step 1 of 7")

        let guide = Guide.builtIn
        for (stepIndex, step) in guide.steps.enumerated() {
            try tmux.press("Enter")
            for (promptIndex, prompt) in step.prompts.enumerated() {
                tmux.waitFor("Step \(stepIndex + 1) of 7 › Question \(promptIndex + 1) of \(step.prompts.count)")
                try tmux.type(String(promptIndex % 5))
                try tmux.press("Tab")
                try tmux.type("Nota \(prompt.id): café 水")
                try tmux.press("C-n")
            }
            // Past the step's worksheet, left empty.
            tmux.waitFor("Step \(stepIndex + 1) of 7 › Worksheet")
            try tmux.press("C-n")
        }
        // Waited for by what is drawn last: a capture can fall between the rows of one frame.
        let summary = tmux.waitFor("Readiness summary: Água para Todos 水")
        #expect(summary.contains("How ready is the partnership?"))
        try tmux.press("C-q")
        tmux.waitForExit()

        let saved = try SessionFile.load(from: file)
        #expect(saved.partnership.focalIssue == "Acceso al agua 水资源")
        #expect(saved.answers.count == guide.steps.flatMap(\.prompts).count)
        for step in guide.steps {
            for (promptIndex, prompt) in step.prompts.enumerated() {
                #expect(saved.answers[prompt.id] == Answer(rating: Rating(code: String(promptIndex % 5)),
                                                           notes: "Nota \(prompt.id): café 水"))
            }
        }
        #expect(saved.position == Position(screen: .summary))

        let reopened = try TmuxSession(command: try workspace.command("open \(file)"))
        reopened.waitFor("How ready is the partnership?")
        try reopened.press("Escape", "3")
        try reopened.press("Enter")
        try reopened.press("Tab")
        // Waited for by its notes, drawn after the location line: a capture can fall between the two.
        let question = reopened.waitFor("Nota s3.q1: café 水")
        #expect(question.contains("Step 3 of 7 › Question 1 of 6"))
        #expect(question.contains("(•) 0 Not started"))
        try reopened.press("C-q")
        reopened.waitForExit()
    }

    @Test func aWorkshopOfFiveRatesRoundTheRoomQuitsReopensAndSeesTheSectorsDiffer() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/room.isp.json"
        let tmux = try TmuxSession(command: try workspace.command("new --file \(file) --name 'Agua Kisumu'"))
        tmux.waitFor("About this partnership")
        try tmux.press("C-n")
        tmux.waitFor("No participants yet")
        let room = [("Ana Núñez", "Municipio", 1), ("李华", "水务合作社", 3), ("Bea Costa", "AquaPlus", 2),
                    ("Grace Achieng", "Water Board", 1), ("Otieno", "Youth Network", 3)]
        for (name, organisation, sectorSteps) in room {
            try tmux.type("a")
            try tmux.type(name)
            try tmux.press("Tab")
            try tmux.type(organisation)
            try tmux.press("Tab")
            for _ in 0..<sectorSteps { try tmux.press("Right") }
            try tmux.press("Enter")
            tmux.waitFor(name)
        }
        tmux.waitFor("5 participants")
        try tmux.press("C-n")
        tmux.waitFor("Step 1 of 7")
        try tmux.press("Enter")
        tmux.waitFor("0 of 5 rated")
        try tmux.type("32441")
        tmux.waitFor("5 of 5 rated · Spread 1–4: discuss")
        try tmux.type("3")
        tmux.waitFor("Why this consensus?")
        try tmux.type("Acordado: el municipio convoca")
        try tmux.press("Enter")
        tmux.waitFor("Group: consensus 3")
        try tmux.press("C-q")
        tmux.waitForExit()

        let reopened = try TmuxSession(command: try workspace.command("open \(file)"))
        let question = reopened.waitFor("Acordado: el municipio conv")
        #expect(question.contains("5 of 5 rated"))
        #expect(question.contains("李华"))
        try reopened.press("Escape")
        try reopened.type("s")
        reopened.waitFor("How ready is the partnership?")
        try reopened.press("C-q")
        reopened.waitForExit()

        let summary = try runWizard(["summary", file])
        #expect(summary.status == 0)
        #expect(summary.output.contains("Participants: 5"))
        #expect(summary.output.contains("Sector means by step"))
        #expect(summary.output.contains("Acordado: el municipio convoca"))
        let saved = try SessionFile.load(from: file)
        #expect(saved.participants.map(\.sector) == [.government, .civilSociety, .business, .government, .civilSociety])
        #expect(saved.answers["s1.q1"]?.voices.count == 5)
    }

    @Test func thePlainWizardTakesAnswersFromAFileAndReopensInTheFullScreen() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/plain.isp.json"
        let answers = ["Água para Todos 水", "", "", "", "", "3", "Línea uno", "第二行", ".", "d", ":q"]
        let result = try runWizard(["--plain", "new", "--file", file], input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        #expect(result.output.contains("Partnership name, now empty: Água para Todos 水\n"))
        #expect(result.output.contains("Step 1 of 7, question 1 of 4.\n"))
        #expect(result.output.hasSuffix("Saved to \(file)\n"))
        let saved = try SessionFile.load(from: file)
        #expect(saved.answers["s1.q1"] == Answer(rating: .stage(.inPlace), notes: "Línea uno\n第二行"))
        #expect(saved.answers["s1.q2"]?.rating == .dontKnow)
        // The same session in the full screen, where the plain walk left it.
        let tmux = try TmuxSession(command: try workspace.command("open \(file)"))
        tmux.waitFor("Question 2 of 4")
        try tmux.press("C-q")
        tmux.waitForExit()
    }

    @Test func aRunFromAFileSaysWhereItStartsAndFromStartStartsAtTheSessionDetails() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/plain.isp.json"
        let answers = ["Agua", "", "", "", "", "3", "", ":q"]
        _ = try runWizard(["--plain", "new", "--file", file], input: answers.joined(separator: "\n") + "\n")
        let resumed = try runWizard(["--plain", "open", file], input: ":q\n")
        #expect(resumed.output.contains("Reading the answers from a file: they start at step 1, question 2. To start "
                                        + "at a known place, begin the file with :m and a step's number, or run with "
                                        + "--from-start.\n"))
        let fromStart = try runWizard(["--plain", "open", "--from-start", file], input: "Agua 2\n:q\n")
        #expect(fromStart.output.contains("they start at the session details.\n"))
        #expect(!fromStart.output.contains("or run with --from-start"))
        #expect(try SessionFile.load(from: file).partnership.name == "Agua 2")
    }

    @Test func theBareCommandOpensTheSessionUsedLastWhereverItIsAndSaysSo() throws {
        let workspace = try Workspace()
        let folders = ["XDG_DATA_HOME": workspace.path + "/data", "XDG_STATE_HOME": workspace.path + "/state"]
        let elsewhere = workspace.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let file = elsewhere + "/lima.isp.json"
        _ = try runWizard(["--plain", "new", "--file", file], environment: folders, input: "Agua Lima\n:q\n")
        let bare = try runWizard(["--plain"], environment: folders, input: ":q\n")
        #expect(bare.output.hasPrefix("Opened \(file).\nISP Start-up Wizard, plain mode: Agua Lima.\n"))
        // Moved away, it is not found: the session folder is looked in, as before there was a list.
        try FileManager.default.moveItem(atPath: file, toPath: elsewhere + "/moved.isp.json")
        let fresh = try runWizard(["--plain"], environment: folders, input: ":q\n")
        #expect(fresh.output.contains("ISP Start-up Wizard, plain mode: Unnamed partnership."))
    }

    @Test func aDumbTerminalGetsThePlainWizardAndAStopSignalSavesIt() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/dumb.isp.json"
        let command = try workspace.command("new --file \(file)", variables: "TERM=dumb")
        let tmux = try TmuxSession(command: command + "; echo exit=$?; sleep 10")
        tmux.waitFor("Partnership name, now empty:")
        try tmux.type("Zürich 水")
        try tmux.press("Enter")
        tmux.waitFor("Focal issue")
        kill(try tmux.childProcess(), SIGTERM)
        tmux.waitFor("exit=\(128 + SIGTERM)")
        #expect(try SessionFile.load(from: file).partnership.name == "Zürich 水")
    }

    @Test func theDefaultThemeHasColoursAndNoColorOrMonoHasNone() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/colours.isp.json"
        try SessionFile.save(Session(guide: .builtIn, name: "Água"), to: file)
        // A foreground or background colour escape: ESC [ 3x m, ESC [ 4x m (or within a longer list).
        let colour = try Regex(#"\x1b\[[0-9;]*[34][0-7]m"#)
        for (variables, expectsColour) in [("", true), ("NO_COLOR=1", false), ("ISP_WIZARD_THEME=mono", false),
                                           ("NO_COLOR=1 ISP_WIZARD_THEME=high-contrast", true)] {
            let tmux = try TmuxSession(command: try workspace.command("open \(file)", variables: variables))
            tmux.waitFor("About this partnership")
            let shown = tmux.screenWithEscapes
            #expect(shown.contains(colour) == expectsColour, "with \(variables): \(shown.debugDescription)")
            try tmux.press("C-q")
            tmux.waitForExit()
        }
        let unknown = try runWizard(["--theme", "neon", "open", file])
        #expect(unknown.status == 1)
        #expect(unknown.error == "Error: There is no theme \"neon\"; the themes are default, mono, high-contrast.\n")
    }

    @Test func aReportNeverReplacesASession() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/kept.isp.json"
        let other = workspace.path + "/other.isp.json"
        try SessionFile.save(Session(guide: .builtIn, name: "Kept"), to: file)
        try SessionFile.save(Session(guide: .builtIn, name: "Other"), to: other)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let onItself = try runWizard(["report", file, "--format", "html", "--output", file])
        #expect(onItself.status == 1)
        #expect(onItself.error == "Error: \(file) is the session the report is made from; choose another --output.\n")
        let onAnother = try runWizard(["report", file, "--output", other])
        #expect(onAnother.error == "Error: \(other) is an isp-wizard session, so no report is written over it; name "
                + "another file.\n")
        let comparison = try runWizard(["compare", file, other, "--force", "--output", file])
        #expect(comparison.status == 1)
        let itself = try runWizard(["compare", file, file])
        #expect(itself.error == "Error: \(file) and \(file) are the same file; compare a round with a later one (see "
                + "`isp-wizard new --from`).\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        #expect(try SessionFile.load(from: other).partnership.name == "Other")
    }

    @Test func aHangupMidSentenceKeepsWhatWasTyped() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/hangup.isp.json"
        let tmux = try TmuxSession(command: try workspace.command("new --file \(file) --mode self-assessment"))
        tmux.waitFor("Your organisation")
        try tmux.type("Fundación Ñandú 合作")
        tmux.waitFor("Fundación Ñandú 合作")
        try tmux.tmux(["kill-session", "-t", tmux.name])  // the SSH link drops: SIGHUP
        for _ in 0..<100 {
            if (try? SessionFile.load(from: file))?.partnership.name == "Fundación Ñandú 合作" { break }
            usleep(50_000)
        }
        #expect(try SessionFile.load(from: file).partnership.name == "Fundación Ñandú 合作")
    }

    @Test func ctrlCQuitsSavedAndTheTerminalIsGivenBack() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/ctrl-c.isp.json"
        let tmux = try TmuxSession(command: try workspace.command("new --file \(file)") + "; echo exit=$?; sleep 10")
        tmux.waitFor("About this partnership")
        try tmux.type("Zürich")
        try tmux.press("C-c")
        let after = tmux.waitFor("exit=0")
        #expect(after.contains("Saved to"))
        #expect(!after.contains("About this partnership"))
        #expect(try SessionFile.load(from: file).partnership.name == "Zürich")
    }

    @Test func everyStopSignalSavesWhatWasTypedGivesTheTerminalBackAndRemovesTheLock() throws {
        for (signalNumber, name) in [(SIGUSR1, "usr1"), (SIGUSR2, "usr2"), (SIGALRM, "alrm"), (SIGQUIT, "quit")] {
            let workspace = try Workspace()
            let file = workspace.path + "/\(name).isp.json"
            let tmux = try TmuxSession(command: try workspace.command("new --file \(file)")
                + "; echo exit=$?; stty -a | grep -o -- '-*icanon'; sleep 10")
            tmux.waitFor("About this partnership")
            try tmux.type("Zürich 水")
            tmux.waitFor("Zürich 水")
            kill(try tmux.childProcess(), signalNumber)
            tmux.waitFor("exit=\(128 + signalNumber)")
            let after = tmux.waitFor("icanon")
            #expect(after.contains("\nicanon"), "line editing is back after \(name)")
            #expect(!after.contains("About this partnership"), "the alternate screen is gone after \(name)")
            #expect(try SessionFile.load(from: file).partnership.name == "Zürich 水", "saved on \(name)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path) == ["\(name).isp.json"])
        }
    }

    @Test func aCrashGivesTheTerminalBackAndWaitsForNoKey() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/crash.isp.json"
        let tmux = try TmuxSession(command: try workspace.command("new --file \(file)")
            + "; echo exit=$?; stty -a | grep -o -- '-*icanon'; sleep 10")
        tmux.waitFor("About this partnership")
        kill(try tmux.childProcess(), SIGSEGV)
        tmux.waitFor("exit=\(128 + SIGSEGV)")
        let after = tmux.waitFor("icanon")
        #expect(after.contains("\nicanon"))
        #expect(!after.contains("About this partnership"))
    }

    @Test(.enabled(if: SmallDisk.canMount, "needs root to mount a small tmpfs"))
    func aFullDiskIsShownUntilSpaceIsFreedAndCtrlSSaves() throws {
        let disk = try SmallDisk()
        let file = disk.path + "/full.isp.json"
        let workspace = try Workspace()
        let tmux = try TmuxSession(command: try workspace.command("new --file \(file)"), columns: 60, rows: 20)
        tmux.waitFor("About this partnership")
        try disk.fill()
        try tmux.type("Zürich 水")
        let full = tmux.waitFor("NOT SAVED: disk full. Answers held; free space, Ctrl-S.")
        #expect(full.split(separator: "\n").first?.hasSuffix("Saved") == false)
        try disk.free()
        try tmux.press("C-s")
        tmux.waitUntil("said Saved instead of NOT SAVED") { rows in
            rows[0].hasSuffix("Saved") && !rows.contains { $0.contains("NOT SAVED") }
        }
        #expect(try SessionFile.load(from: file).partnership.name == "Zürich 水")
        try tmux.press("C-q")
        tmux.waitForExit()
    }

    @Test func aSessionWithoutWritePermissionOpensReadOnlyChangesNothingAndExports() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/locked.isp.json"
        try SessionFile.save(Session(guide: .builtIn, name: "Água"), to: file)
        chmod(file, 0o400)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let tmux = try TmuxSession(command: try workspace.command("open \(file)") + "; echo exit=$?; sleep 10")
        let screen = tmux.waitFor("This session is read-only")
        #expect(screen.contains("Água"))
        try tmux.type("Zürich")
        tmux.waitFor("Read-only: not changed")
        try tmux.press("Escape")
        try tmux.type("s")
        tmux.waitFor("How ready is the partnership?")
        try tmux.type("x")
        tmux.waitFor("Save as a file")
        try tmux.type("s")
        tmux.waitFor("locked.summary.txt")
        try tmux.press("C-q")
        let after = tmux.waitFor("exit=0")
        #expect(after.replacingOccurrences(of: "\n", with: "").contains("Nothing was changed in \(file)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path).sorted()
                == ["locked.isp.json", "locked.summary.txt"])
    }

    @Test func aSessionOpenInOneWizardCannotBeOpenedInAnother() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/shared.isp.json"
        let first = try TmuxSession(command: try workspace.command("new --file \(file)"))
        first.waitFor("About this partnership")
        let second = try TmuxSession(command: try workspace.command("open \(file)") + "; echo exit=$?; sleep 10")
        let refused = second.waitFor("exit=1")
        #expect(refused.contains("is already open in another isp-wizard; close that one first."))
        try first.press("C-q")
        first.waitForExit()
        let third = try TmuxSession(command: try workspace.command("open \(file)"))
        third.waitFor("About this partnership")
        try third.press("C-q")
        third.waitForExit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path) == ["shared.isp.json"])
    }

    @Test func aTooSmallTerminalAsksToBeEnlargedAndResumes() throws {
        let workspace = try Workspace()
        let tmux = try TmuxSession(command: try workspace.command("new --file \(workspace.path)/s.isp.json"),
                                   columns: 50, rows: 15)
        tmux.waitFor("Please make it at least")
        try tmux.tmux(["resize-window", "-t", tmux.name, "-x", "60", "-y", "20"])
        tmux.waitFor("About this partnership")
        try tmux.tmux(["resize-window", "-t", tmux.name, "-x", "120", "-y", "40"])
        tmux.waitUntil("put the key bar on row 40") { rows in rows.count >= 40 && rows[39].contains("^Q quit") }
        try tmux.press("C-q")
        tmux.waitForExit()
    }
}

/// The command line without a terminal: every failure is one sentence and a non-zero exit.
@Suite struct CommandLineTests {
    @Test func everyCommandExplainsItselfWithHelp() throws {
        let commands: [(arguments: [String], says: String)] = [
            ([], "Walk a partnership through the seven start-up steps"), (["new"], "Start a new session"),
            (["open"], "Open a saved session where it was left"), (["summary"], "readiness summary"),
            (["merge"], "Merge partners' self-assessments into one workshop session"),
            (["guide"], "Print the guide as JSON"),
        ]
        for command in commands {
            let result = try runWizard(command.arguments + ["--help"])
            #expect(result.status == 0)
            #expect(result.output.contains(command.says), "\(command.arguments)")
            #expect(result.output.contains("--guide <file>"), "\(command.arguments)")
        }
        let version = try runWizard(["--version"])
        #expect(version.status == 0 && version.output == ispWizardVersion + "\n")
        let completions = try runWizard(["--generate-completion-script", "bash"])
        #expect(completions.status == 0 && completions.output.contains("isp-wizard"))
    }

    @Test func withoutATerminalItSaysSoAndPointsToTheSummaryCommand() throws {
        let workspace = try Workspace()
        let result = try runWizard(["new", "--file", workspace.path + "/s.isp.json"])
        #expect(result.status == 1)
        #expect(result.error == "Error: isp-wizard needs an interactive terminal, and its input is not one; add "
            + "--plain to answer line by line, or use `isp-wizard summary FILE` to see a session's readiness.\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.path + "/s.isp.json"))
    }

    @Test func summaryPrintsTextAndJSON() throws {
        let workspace = try Workspace()
        var session = Session(guide: .builtIn, name: "Água 水")
        for prompt in Guide.builtIn.steps[0].prompts { session.answers[prompt.id] = Answer(rating: .stage(.inPlace)) }
        let file = workspace.path + "/s.isp.json"
        try SessionFile.save(session, to: file)
        let text = try runWizard(["summary", file])
        #expect(text.status == 0)
        #expect(text.output.contains("Readiness summary: Água 水"))
        #expect(text.output.contains("Next step to work on: Step 2, Identify Realities and Partners"))
        #expect(text.output.contains("████████████░░░░ 3.0  Ready, 4 of 4 rated"))
        let json = try runWizard(["summary", file, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(object?["nextStep"] as? Int == 2)
        #expect((object?["steps"] as? [[String: Any]])?.first?["band"] as? String == "ready", "the band is an id in every language")
    }

    @Test func summaryAndErrorsShowControlCharactersFromFilesVisibly() throws {
        let workspace = try Workspace()
        let session = Session(guide: .builtIn, name: "Water\u{1B}]0;pwned\u{07}\u{9B}2J")
        let file = workspace.path + "/s.isp.json"
        try SessionFile.save(session, to: file)
        let text = try runWizard(["summary", file])
        #expect(text.output.hasPrefix("Readiness summary: Water^[]0;pwned^G<U+009B>2J\n"))
        let json = try runWizard(["summary", file, "--format", "json"])
        #expect(json.output.contains(#""name" : "Water\u001b]0;pwned\u0007\u009b2J""#))

        let foreign = workspace.path + "/\u{1B}[2J.isp.json"
        try #"{"format": "\u001b]52;c;aGk=\u0007", "schemaVersion": 1}"#
            .write(toFile: foreign, atomically: true, encoding: .utf8)
        let refused = try runWizard(["summary", foreign])
        #expect(refused.status == 1)
        #expect(refused.error == "Error: \(workspace.path)/^[[2J.isp.json is not an isp-wizard session "
            + "(its format is \"^[]52;c;aGk=^G\").\n")
    }

    @Test func aCorruptOrNewerFileGetsOneSentenceAndIsLeftAlone() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/bad.isp.json"
        let newer = #"{"format": "isp-wizard-session", "schemaVersion": 5}"#
        try newer.write(toFile: file, atomically: true, encoding: .utf8)
        for arguments in [["summary", file], ["open", file]] {
            let result = try runWizard(arguments)
            #expect(result.status == 1)
            #expect(result.error == "Error: \(file) was written by a newer isp-wizard (session schema 5; this one reads "
                + "up to 3). Please update isp-wizard; the file was not changed.\n")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == newer)
        let missing = try runWizard(["summary", workspace.path + "/none.json"])
        #expect(missing.error == "Error: \(workspace.path)/none.json does not exist.\n")
    }

    @Test func newRefusesToOverwriteAnExistingFile() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/s.isp.json"
        try "keep me".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try runWizard(["new", "--file", file])
        #expect(result.status == 1)
        #expect(result.error.contains("already exists"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
    }

    @Test func theGuideCommandPrintsAGuideThatLoadsBack() throws {
        let workspace = try Workspace()
        let printed = try runWizard(["guide"])
        #expect(printed.status == 0)
        let file = workspace.path + "/guide.json"
        try printed.output.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try Guide.load(from: file) == Guide.builtIn)
        let again = try runWizard(["--guide", file, "guide"])
        #expect(again.output == printed.output)
    }
}
