import DisplayWidth
import Messages

// A report document as lines of plain text: for the summary screen, which styles each line by its kind, and for
// text files and standard output, wrapped to 80 columns.

/// One line of a report, before wrapping: what it is tells the screen how to style it.
public struct ReportLine: Equatable, Sendable {
    public enum Kind: Sendable {
        case title, heading, text, blank
    }

    public var kind: Kind
    public var text: String
    /// Cells of indentation, kept for every wrapped continuation of the line.
    public var indent: Int
    /// A table shown in place of the text, laid out for the width it is shown at.
    public var table: ReportTable?
    /// A table of text shown in place of the text, in columns when they fit the width, else a row per item.
    public var columns: DocumentTable?
    /// What a screen may colour: a step's band (its bar line), or the band shades (█ ▒ ░) of the sector table.
    public var colouring: Colouring?

    /// The parts of a line a themed screen may colour; the text reads the same without.
    public enum Colouring: Equatable, Sendable {
        case band(Band)
        case shades
    }

    public init(_ kind: Kind, _ text: String = "", indent: Int = 0, colouring: Colouring? = nil) {
        self.kind = kind
        self.text = text
        self.indent = indent
        self.colouring = colouring
    }

    public init(table: ReportTable, indent: Int) {
        self.init(.text, indent: indent)
        self.table = table
    }

    public init(columns: DocumentTable, indent: Int) {
        self.init(.text, indent: indent)
        self.columns = columns
    }
}

/// A table of the summary: a header row and labelled rows of short cells.
public struct ReportTable: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var label: String
        /// The label to show when the full labels leave too little room for the cells.
        public var abbreviation: String
        public var cells: [String]

        public init(label: String, abbreviation: String? = nil, cells: [String]) {
            self.label = label
            self.abbreviation = abbreviation ?? label
            self.cells = cells
        }
    }

    public var header: Row
    public var rows: [Row]

    public init(header: Row, rows: [Row]) {
        self.header = header
        self.rows = rows
    }

    /// The table's lines, at most `width` cells wide: cells right-aligned one space apart after the labels,
    /// which are abbreviated (and cut if need be) when the full ones do not leave room for the cells.
    /// Controls are made visible before anything is measured.
    public func lines(width: Int) -> [String] {
        let all = ([header] + rows).map { row in
            Row(label: row.label.visibleControls, abbreviation: row.abbreviation.visibleControls,
                cells: row.cells.map(\.visibleControls))
        }
        let cellWidth = all.flatMap(\.cells).map(\.displayWidth).max() ?? 0
        let cellsWidth = (all.map(\.cells.count).max() ?? 0) * (cellWidth + 1)
        let room = max(width - cellsWidth, 1)
        let fullFits = all.allSatisfy { $0.label.displayWidth <= room }
        let labels = all.map { row in wrap(fullFits ? row.label : row.abbreviation, width: room).first ?? "" }
        let labelWidth = labels.map(\.displayWidth).max() ?? 0
        return zip(labels, all).flatMap { label, row in
            let cells = row.cells.map { String(repeating: " ", count: cellWidth + 1 - $0.displayWidth) + $0 }
            let line = label + String(repeating: " ", count: labelWidth - label.displayWidth) + cells.joined()
            // Only a table wider than the screen even with the shortest labels is wrapped.
            return wrap(line, width: width)
        }
    }
}

/// Wraps a report line at its indent; the continuation lines of a "- " item hang under its text.
///
/// Control characters from names, notes and guide texts are made visible first, so that the columns are
/// counted on what is shown. A table is laid out for the width instead (`ReportTable.lines(width:)`).
public func wrapReportLine(_ line: ReportLine, width: Int) -> [String] {
    if line.kind == .blank { return [""] }
    let padding = String(repeating: " ", count: line.indent)
    let room = max(width - line.indent, 10)
    if let table = line.table { return table.lines(width: room).map { padding + $0 } }
    if let columns = line.columns { return columns.lines(width: room).map { padding + $0 } }
    let text = line.text.visibleControls
    guard text.hasPrefix("- ") else { return wrap(text, width: room).map { padding + $0 } }
    return wrapItem(String(text.dropFirst(2)), width: room).map { padding + $0 }
}

/// A list item's text after "- ", wrapped with its continuation lines under the text.
private func wrapItem(_ text: String, width: Int) -> [String] {
    wrap(text, width: max(width - 2, 8)).enumerated().map { ($0.offset == 0 ? "- " : "  ") + $0.element }
}

extension DocumentTable {
    /// The narrowest a wrapping column is made before the table is shown a row per item instead.
    static let narrowestWrappedColumn = 8

    /// The table at most `width` cells wide: in columns under a dashed rule when every cell fits, or fits once the
    /// cells of its `wrapping` columns wrap onto several lines; else one item a row, its first cell then each other
    /// one after its column's name (empty cells left out), so that long notes still read.
    public func lines(width: Int) -> [String] {
        let header = columns.map(\.visibleControls.onOneLine)
        let body = rows.map { $0.map(\.visibleControls.onOneLine) }
        let natural = header.indices.map { column in
            ([header] + body).map { column < $0.count ? $0[column].displayWidth : 0 }.max() ?? 0
        }
        guard let widths = fittedWidths(natural, room: width - 2 * max(natural.count - 1, 0)) else {
            return body.flatMap { row in
                let fields = zip(header, row).dropFirst().filter { !$0.1.isBlank }.map { "\($0.0): \($0.1)" }
                let lead = row.first ?? ""
                return wrapItem(fields.isEmpty ? lead : lead + " — " + fields.joined(separator: "; "), width: width)
            }
        }
        func lines(_ cells: [String]) -> [String] {
            let wrapped = widths.indices.map { column -> [String] in
                let cell = column < cells.count ? cells[column] : ""
                // A cell's lines stand beside other cells: each closes what it opens, as the whole cell does.
                return cell.displayWidth <= widths[column]
                    ? [cell] : wrap(cell, width: widths[column]).map { $0.bidiBalanced(marking: false) }
            }
            return (0..<(wrapped.map(\.count).max() ?? 1)).map { line in
                let padded = widths.indices.map { column -> String in
                    let part = line < wrapped[column].count ? wrapped[column][line] : ""
                    return part + String(repeating: " ", count: max(widths[column] - part.displayWidth, 0))
                }
                return padded.joined(separator: "  ").withoutTrailingSpaces
            }
        }
        return lines(header) + lines(widths.map { String(repeating: "-", count: $0) }) + body.flatMap(lines)
    }

    /// Column widths that fit `room`: the natural ones when they fit, else with the `wrapping` columns narrowed.
    /// Each wrapping column keeps at least `narrowestWrappedColumn` cells and its longest word (a date, say, which
    /// would otherwise be cut), and shares the rest of the room by how much wider it would like to be. Nil when
    /// none may wrap, or the room is too small even so.
    private func fittedWidths(_ natural: [Int], room: Int) -> [Int]? {
        if natural.reduce(0, +) <= room { return natural }
        let wrappable = natural.indices.filter { wrapping.contains($0) }
        guard !wrappable.isEmpty else { return nil }
        var widths = natural
        for column in wrappable {
            let longestWord = ([columns] + rows).map { column < $0.count ? $0[column].longestUnbreakableWidth : 0 }
                .max() ?? 0
            widths[column] = min(natural[column], max(Self.narrowestWrappedColumn, longestWord))
        }
        let spare = room - widths.reduce(0, +)
        guard spare >= 0 else { return nil }
        let wants = wrappable.map { natural[$0] - widths[$0] }
        let wanted = wants.reduce(0, +)
        var given = 0
        for (column, want) in zip(wrappable, wants) where wanted > 0 {
            let share = spare * want / wanted
            widths[column] += share
            given += share
        }
        // What the rounding left goes to the columns that want the most, a cell each.
        for column in wrappable.sorted(by: { natural[$0] - widths[$0] > natural[$1] - widths[$1] })
            .prefix(spare - given) where widths[column] < natural[column] {
            widths[column] += 1
        }
        return widths
    }
}

extension String {
    /// The cells of the widest run of text a wrap cannot break: narrow characters between spaces (a line may
    /// break around a wide character).
    var longestUnbreakableWidth: Int {
        var longest = 0
        var run = 0
        for character in visibleControls.onOneLine {
            let width = character.displayWidth
            run = character == " " || width != 1 ? 0 : run + 1
            longest = max(longest, run)
        }
        return longest
    }
}

extension ReportDocument {
    /// The document as lines: the title and intro, then each section after a blank line, its heading, and its
    /// blocks indented under the heading (lists of questions deeper still).
    public var lines: [ReportLine] {
        var lines = [ReportLine(.title, title)]
        lines += intro.flatMap { Self.lines(of: $0, indent: 0, in: language) }
        for section in sections {
            lines.append(ReportLine(.blank))
            if let heading = section.heading { lines.append(ReportLine(.heading, heading)) }
            lines += section.blocks.flatMap {
                Self.lines(of: $0, indent: section.heading == nil ? 0 : 2, in: language)
            }
        }
        return lines
    }

    /// The document as plain text wrapped to `width` cells, controls shown visibly.
    public func text(width: Int = 80) -> String {
        lines.flatMap { wrapReportLine($0, width: width) }.joined(separator: "\n") + "\n"
    }

    private static func lines(of block: ReportBlock, indent: Int, in language: Language) -> [ReportLine] {
        switch block {
        case .paragraph(let text), .remark(let text):
            return [ReportLine(.text, text, indent: indent)]
        case .list(let list):
            let itemIndent = indent + (list.style == .questions ? 2 : 0)
            return list.items.flatMap { item in
                [ReportLine(.text, "- " + item.text.onOneLine, indent: itemIndent)]
                    + item.details.flatMap { lines(of: $0, indent: itemIndent + 2, in: language) }
            }
        case .table(let table):
            return [ReportLine(columns: table, indent: indent)]
        case .profile(let profile):
            return profile.phases.flatMap { phase in
                let heading = ReportLine(.heading, phase.heading(in: language), indent: indent)
                return [heading] + phase.steps.flatMap { step in
                    [ReportLine(.text, language.text(.reportProfileStep, ["step": .integer(step.number),
                                                                          "title": .text(step.title)]),
                                indent: indent + 2),
                     ReportLine(.text, figures(step, in: language), indent: indent + 10, colouring: .band(step.band))]
                }
            } + (profile.scale.map { [ReportLine(.text, $0, indent: indent)] } ?? [])
        case .sectorMap(let map):
            var table = ReportLine(table: sectorTable(map, in: language), indent: indent)
            table.colouring = .shades
            return [table, ReportLine(.text, language.text(.reportSectorMapKey), indent: indent, colouring: .shades)]
        }
    }

    /// A bar of 16 cells for the 0–4 scale and the score (blank with insufficient answers), then the band and the
    /// coverage.
    private static func figures(_ step: StepReadiness, in language: Language) -> String {
        let bar = step.drawsBar ? ReadinessProfile.bar(step.score) : String(repeating: " ", count: 16)
        let score = step.shownScore(in: language) ?? " - "
        return "\(bar) \(score)  \(language.text(step.standingMessage()))"
    }

    /// Sector means (rows) by step (columns), each with a shade for its band, and the gap row.
    private static func sectorTable(_ map: SectorMap, in language: Language) -> ReportTable {
        let rows = map.sectors.map { sector in
            ReportTable.Row(
                label: language.text(sector.message), abbreviation: sector.abbreviation(in: language),
                cells: map.steps.map { step in
                    map.mean(of: sector, step: step).map { language.decimal($0) + Band(mean: $0).shade } ?? "- "
                })
        }
        let gaps = ReportTable.Row(
            label: language.text(.reportSectorMapGap),
            cells: map.steps.map { step in
                step.gap.map { language.decimal($0) + (step.sectorsDiffer ? "!" : " ") } ?? "- "
            })
        let header = ReportTable.Row(label: language.text(.reportSectorMapStep), abbreviation: "",
                                     cells: map.steps.map { "\($0.stepNumber) " })
        return ReportTable(header: header, rows: rows + [gaps])
    }
}

extension Band {
    /// The shade of a band, so that a table scans without colour: █ Ready, ▒ Developing, ░ Not ready.
    var shade: String {
        switch self {
        case .ready: "█"
        case .developing: "▒"
        case .notReady, .insufficient: "░"
        }
    }
}
