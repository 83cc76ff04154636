import Foundation
import ISPFiles
import ISPTestSupport
import Messages
import Testing

@testable import ISPCore

/// The worksheets in guide files: format version 2 defines them, a version-1 file gets the built-in ones, and a
/// worksheet that cannot work is refused in a sentence that names its place.
@Suite struct GuideWorksheetTests {
    let probe = GuideFileProbe()

    /// The built-in guide with one worksheet field changed: `fields[index]` of the step with this id.
    func withField(_ index: Int, ofStep stepID: String, _ change: (inout RecordField) -> Void) throws -> String {
        var guide = Guide.builtIn
        let (phase, step) = try #require(guide.place(ofStep: stepID))
        var worksheet = try #require(guide.phases[phase].steps[step].worksheet)
        change(&worksheet.fields[index])
        guide.phases[phase].steps[step].worksheet = worksheet
        return String(decoding: guide.jsonData(), as: UTF8.self)
    }

    @Test func aVersionOneGuideFileLoadsWithTheBuiltInWorksheets() throws {
        let text = try String(contentsOf: fixture("guides/usaid-isp-startup-edition-1.json"), encoding: .utf8)
        #expect(text.contains("\"version\" : 1") && !text.contains("worksheet"))
        let guide = try Guide.load(from: fixture("guides/usaid-isp-startup-edition-1.json").path)
        #expect(guide.steps.map(\.worksheet?.id) == ["s1", "s2", "s3", "s4", "s5", "s6", "s7"])
        #expect(guide.worksheets == Guide.builtIn.worksheets)
        #expect(guide.validationProblem() == nil)
    }

    @Test func aVersionOneTranslationThatRenamedItsStepsGetsTheWorksheetsStepByStep() throws {
        let json = try GuideFileProbe.edited(fixture("guides/usaid-isp-startup-edition-1.json")) { object in
            for (phase, steps) in [(0, 3), (1, 2), (2, 2)] {
                for step in 0..<steps { object.set("paso-\(phase)-\(step)", at: "phases.\(phase).steps.\(step).id") }
            }
        }
        let guide = try probe.load(json)
        #expect(guide.steps.map(\.id).first == "paso-0-0")
        #expect(guide.worksheets == Guide.builtIn.worksheets)
    }

    @Test func aVersionOneGuideWithoutTheRegistersStepGoesWithoutWorksheets() throws {
        let json = try GuideFileProbe.edited(fixture("guides/usaid-isp-startup-edition-1.json")) { object in
            object.remove(at: "phases.0.steps.1")
        }
        let guide = try probe.load(json)
        #expect(guide.steps.count == 6 && guide.worksheets.isEmpty)
    }

    @Test func theBuiltInGuideAsPrintedLoadsBackEqualWithItsWorksheets() throws {
        let data = Guide.builtIn.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"version\" : 3"))
        #expect(text.contains("\"type\" : \"reference\"") && text.contains("\"to\" : \"s2.register\""))
        let guide = try probe.load(text)
        #expect(guide == Guide.builtIn)
        #expect(guide.worksheets.count == 7)
        #expect(guide.jsonData() == data)
    }

    @Test func aFieldOfAnUnknownTypeIsRefusedWithItsPlaceInTheFile() throws {
        let json = try GuideFileProbe.edited(Guide.builtIn.jsonData()) { object in
            object.set("table", at: "phases.0.steps.1.worksheet.fields.0.type")
        }
        let expected = "FILE is not a valid guide: phases[0].steps[1].worksheet.fields[0].type names an unknown field "
            + "type \"table\"; the types are text, long-text, choice, date, grid, checklist, rows, reference."
        #expect(try probe.loadError(json) == expected)
    }

    @Test func aColumnOrACellOfAnUnknownTypeIsRefusedWithItsPlace() throws {
        let column = try GuideFileProbe.edited(Guide.builtIn.jsonData()) { object in
            object.set("money", at: "phases.2.steps.0.worksheet.fields.1.columns.4.type")
        }
        #expect(try probe.loadError(column).hasPrefix(
            "FILE is not a valid guide: phases[2].steps[0].worksheet.fields[1].columns[4].type names an unknown "
            + "field type \"money\""))
        let cell = try GuideFileProbe.edited(Guide.builtIn.jsonData()) { object in
            object.set("yes-no", at: "phases.1.steps.0.worksheet.fields.1.cell.type")
        }
        #expect(try probe.loadError(cell).hasPrefix(
            "FILE is not a valid guide: phases[1].steps[0].worksheet.fields[1].cell.type names an unknown field type"))
    }

    @Test func aChoiceWithoutChoicesAndAReferenceWithoutADotAreRefused() throws {
        let choices = try GuideFileProbe.edited(Guide.builtIn.jsonData()) { object in
            object.remove(at: "phases.1.steps.0.worksheet.fields.4.choices")
        }
        #expect(try probe.loadError(choices)
                == "FILE is not a valid guide: phases[1].steps[0].worksheet.fields[4].choices is missing.")
        let address = try GuideFileProbe.edited(Guide.builtIn.jsonData()) { object in
            object.set("register", at: "phases.1.steps.0.worksheet.fields.0.to")
        }
        #expect(try probe.loadError(address) == "FILE is not a valid guide: phases[1].steps[0].worksheet.fields[0].to "
                + "should name a list as WORKSHEET.FIELD, such as \"s2.register\".")
    }

    @Test func aReferenceToAMissingListIsRefused() throws {
        let json = try withField(0, ofStep: "s4") {
            $0.kind = .reference(to: FieldAddress(worksheet: "s2", field: "registry"))
        }
        #expect(try probe.loadError(json) == "FILE is not a valid guide: phases[1].steps[0].worksheet.fields[0].to "
                + "\"s2.registry\" is not a list of rows.")
        // The resources of step 7 are a list that does not say which column names its rows.
        let unnamed = try withField(0, ofStep: "s4") {
            $0.kind = .reference(to: FieldAddress(worksheet: "s7", field: "resources"))
        }
        #expect(try probe.loadError(unnamed) == "FILE is not a valid guide: phases[1].steps[0].worksheet.fields[0].to "
                + "\"s7.resources\" has no nameColumn.")
    }

    @Test func aFieldIDUsedTwiceIsRefused() throws {
        let json = try withField(2, ofStep: "s4") { $0.id = "convener" }
        #expect(try probe.loadError(json)
                == "FILE is not a valid guide: phases[1].steps[0].worksheet.fields[2].id \"convener\" is used twice.")
        let column = try withField(0, ofStep: "s2") { field in
            guard case .rows(var columns, let defaults, let name) = field.kind else { return }
            columns[4].id = "people"
            field.kind = .rows(columns: columns, defaults: defaults, nameColumn: name)
        }
        #expect(try probe.loadError(column) == "FILE is not a valid guide: phases[0].steps[1].worksheet.fields[0]"
                + ".columns[4].id \"people\" is used twice.")
    }

    @Test func aColumnNamedFromIsRefusedSinceAMergeMarksRowsWithIt() throws {
        let json = try withField(1, ofStep: "s6") { field in
            guard case .rows(var columns, let defaults, let name) = field.kind else { return }
            columns.append(RecordField("from", "Starts on", .date))
            field.kind = .rows(columns: columns, defaults: defaults, nameColumn: name)
        }
        #expect(try probe.loadError(json) == "FILE is not a valid guide: phases[2].steps[0].worksheet.fields[1]"
                + ".columns[7].id must be a name other than \"id\" and \"from\": a row keeps its id and the "
                + "self-assessment a merge took it from under those.")
        // A field of a worksheet, outside lists, may be called so.
        let field = try withField(0, ofStep: "s4") { $0.id = "from" }
        #expect(throws: Never.self) { try probe.load(field) }
    }

    @Test func aListWithAGridColumnIsRefused() throws {
        let json = try withField(0, ofStep: "s2") { field in
            guard case .rows(var columns, let defaults, let name) = field.kind else { return }
            columns[1].kind = .grid(rows: .fixed(Worksheet.threeSectors), cell: .text)
            field.kind = .rows(columns: columns, defaults: defaults, nameColumn: name)
        }
        #expect(try probe.loadError(json) == "FILE is not a valid guide: phases[0].steps[1].worksheet.fields[0]"
                + ".columns[1] must be text, long-text, choice, date or reference.")
    }

    @Test func aGuideOfVersionFourIsRefused() throws {
        let json = try GuideFileProbe.edited(Guide.builtIn.jsonData()) { $0.set(4, at: "version") }
        #expect(try probe.loadError(json) == "FILE is a guide of format version 4; this isp-wizard reads up to "
                + "version 3. Please update isp-wizard.")
    }
}

/// Writes guide files for a test and loads them.
struct GuideFileProbe {
    let folder = TemporaryFolder()

    func load(_ json: String) throws -> Guide {
        try Guide.load(from: folder.write("guide.json", Data(json.utf8)))
    }

    /// What loading the file says, its path shown as FILE; "loaded" when it loads.
    func loadError(_ json: String) throws -> String {
        let file = try folder.write("guide.json", Data(json.utf8))
        do {
            _ = try Guide.load(from: file)
            return "loaded"
        } catch {
            return Language.english.text(error.sentence).replacingOccurrences(of: file, with: "FILE")
        }
    }

    /// A guide's JSON changed as objects and arrays.
    static func edited(_ data: Data, _ edit: (inout JSONTree) -> Void) throws -> String {
        var tree = JSONTree(value: try JSONSerialization.jsonObject(with: data))
        edit(&tree)
        return String(decoding: try JSONSerialization.data(withJSONObject: tree.value), as: UTF8.self)
    }

    static func edited(_ url: URL, _ edit: (inout JSONTree) -> Void) throws -> String {
        try edited(Data(contentsOf: url), edit)
    }
}

/// JSON as Foundation reads it, changed at a dotted place such as `phases.0.steps.1.worksheet` (numbers index
/// arrays).
struct JSONTree {
    var value: Any

    mutating func set(_ newValue: Any, at place: String) {
        value = Self.replacing(value, at: place.split(separator: ".")[...], with: newValue)
    }

    mutating func remove(at place: String) {
        value = Self.replacing(value, at: place.split(separator: ".")[...], with: nil)
    }

    private static func replacing(_ value: Any, at place: ArraySlice<Substring>, with newValue: Any?) -> Any {
        guard let first = place.first else { return newValue as Any }
        let rest = place.dropFirst()
        if var array = value as? [Any], let index = Int(first), array.indices.contains(index) {
            if rest.isEmpty, newValue == nil {
                array.remove(at: index)
            } else {
                array[index] = replacing(array[index], at: rest, with: newValue)
            }
            return array
        }
        guard var object = value as? [String: Any] else { return value }
        let key = String(first)
        object[key] = rest.isEmpty ? newValue : object[key].map { replacing($0, at: rest, with: newValue) }
        return object
    }
}

extension Guide {
    /// Where the step with this id is: its phase's index and its index in the phase.
    func place(ofStep id: String) -> (phase: Int, step: Int)? {
        for (phaseIndex, phase) in phases.enumerated() {
            if let stepIndex = phase.steps.firstIndex(where: { $0.id == id }) { return (phaseIndex, stepIndex) }
        }
        return nil
    }
}
