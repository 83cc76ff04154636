import Foundation
import ISPCore
import ISPFiles
import Testing

/// Worksheets in a terminal, in the wizard's serialized suite: tmux runs one wizard at a time.
extension WizardEndToEndTests {
    /// Adds a row to the open list: the name, then a digit for each choice column that follows it (a digit
    /// chooses and moves on).
    func addRow(_ tmux: TmuxSession, _ name: String, choices: String..., number: Int) throws {
        try tmux.press("a")
        tmux.waitFor("row \(number) of \(number)")
        try tmux.type(name)
        try tmux.press("Tab")
        for choice in choices { try tmux.type(choice) }
        try tmux.press("Escape")
        tmux.waitFor("\(number == 1 ? "1 row" : "\(number) rows") · in the order entered")
    }

    @Test func aRegisterOfFiveAConveningPlanAndThreeActionsAreKeptAndFlaggedInTheSummary() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/water.isp.json"
        let tmux = try TmuxSession(command: try workspace.command("new --file \(file) --name 'Agua para Todos'"))
        tmux.waitFor("About this partnership")

        // Step 2: the register, opened from the step map.
        try tmux.press("Escape")
        tmux.waitFor("Choose a step")
        try tmux.press("2")
        tmux.waitFor("Press w for the step's worksheet")
        try tmux.press("w")
        tmux.waitFor("Stakeholder register · 0 rows")
        try addRow(tmux, "Municipio de Cochabamba", choices: "1", "1", number: 1)
        try addRow(tmux, "Cámara de Comercio", choices: "2", "2", number: 2)
        try addRow(tmux, "水务合作社", choices: "3", "1", number: 3)
        try addRow(tmux, "KOICA", choices: "4", number: 4)
        try addRow(tmux, "Red de Mujeres Ñawi", choices: "3", "3", number: 5)
        tmux.waitFor("▸ 5 Red de Mujeres")
        tmux.waitFor("3 水务合作社")

        // Step 4: the convening plan; the convener chosen from the register.
        try tmux.press("Escape", "Escape")
        tmux.waitFor("Choose a step")
        try tmux.press("4", "w")
        tmux.waitFor("Convening plan")
        try tmux.press("Enter")
        tmux.waitFor("▸ Municipio de Cochabamba")
        try tmux.press("Down", "Enter")
        tmux.waitFor("Does each sector accept the convener? · Government")
        // A digit chooses and moves on: Government yes, Business no; Civil society, the donor and the other
        // stakeholders are passed over.
        try tmux.type("12")
        tmux.waitFor("Does each sector accept the convener? · Civil society")
        try tmux.press("Down", "Down")
        tmux.waitFor("Other major stakeholders' acceptance of the convener")
        try tmux.press("Down")
        try tmux.type("Salón comunal")
        try tmux.press("Down")
        try tmux.type("1")
        tmux.waitFor("Moderator")
        try tmux.type("Lucía")
        try tmux.press("Down")
        try tmux.type("2027-02-30")
        tmux.waitFor("February 2027 has 28 days")
        try tmux.press("BSpace", "BSpace")
        try tmux.type("15")

        // Step 6: three actions, one overdue, one without owner or date, one done.
        try tmux.press("Escape")
        tmux.waitFor("Choose a step")
        try tmux.press("6", "w")
        tmux.waitFor("Ground rules and action plan")
        try tmux.press("Down", "Enter")
        tmux.waitFor("Action plan · 0 rows")
        try tmux.press("a")
        try tmux.type("Mapear puntos de agua")
        try tmux.press("Tab", "Enter")
        tmux.waitFor("▸ Municipio de Cochabamba")
        try tmux.press("Enter")
        tmux.waitFor("YYYY-MM-DD")
        try tmux.type("2020-01-31")
        try tmux.press("Tab")
        try tmux.type("2")
        try tmux.press("Escape")
        tmux.waitFor("1 row · in the order entered")
        try addRow(tmux, "Taller de reglas", number: 2)
        try tmux.press("a")
        try tmux.type("Pedir fondos")
        try tmux.press("Tab")
        try tmux.type("koica")
        try tmux.press("Tab")
        try tmux.type("2099-12-31")
        try tmux.press("Tab")
        try tmux.type("3")
        try tmux.press("Escape")
        tmux.waitFor("3 rows · in the order entered")
        tmux.waitFor("1 ! Mapear punto")
        try tmux.press("C-q")
        tmux.waitForExit()

        let saved = try SessionFile.load(from: file)
        let rows = saved.rows(of: FieldAddress(worksheet: "s2", field: "register"), in: .builtIn)
        #expect(rows.map { $0.text("organisation") }
            == ["Municipio de Cochabamba", "Cámara de Comercio", "水务合作社", "KOICA", "Red de Mujeres Ñawi"])
        #expect(rows.map { $0.cells["sector"]?.string }
            == ["government", "business", "civil-society", "donor", "civil-society"])
        #expect(saved.record(at: [.key("s4"), .key("convener")])
            == .object(["id": .string(rows[1].id), "name": .string("Cámara de Comercio")]))
        #expect(saved.record(at: [.key("s4"), .key("acceptance")])
            == .object(["government": .string("yes"), "business": .string("no")]))
        #expect(saved.record(at: [.key("s4"), .key("firstMeeting")]) == .string("2027-02-15"))
        let planned = saved.rows(of: FieldAddress(worksheet: "s6", field: "actions"), in: .builtIn)
        #expect(planned.map { $0.text("action") } == ["Mapear puntos de agua", "Taller de reglas", "Pedir fondos"])
        #expect(planned.map { $0.cells["ownerOrganisation"].flatMap(RecordReference.init)?.id }
            == [rows[0].id, nil, rows[3].id])
        #expect(planned.map { $0.cells["status"]?.string } == ["in-progress", nil, "done"])

        // Reopened where it was left: the action plan's worksheet.
        let reopened = try TmuxSession(command: try workspace.command("open \(file)"))
        reopened.waitFor("Ground rules and action plan")
        reopened.waitFor("3 rows · Enter opens")
        try reopened.press("Escape")
        reopened.waitFor("Choose a step")
        try reopened.press("s")
        reopened.waitFor("How ready is the partnership?")
        // The flags come right after the profile, on the first pages of the summary.
        try reopened.press("PageDown")
        reopened.waitFor("Records to discuss: 4")
        reopened.waitFor("Business does not accept the convener, Cámara de Comercio.")
        reopened.waitFor("Action 2, “Taller de reglas”, has no owner and no due date.")
        try reopened.press("C-q")
        reopened.waitForExit()
    }
}
