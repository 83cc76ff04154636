import Messages

// A report document as GitHub-flavoured Markdown: headings, paragraphs, lists and pipe tables; the charts as
// tables. Text from users is escaped so that it reads as typed, and its controls are shown visibly.

extension ReportDocument {
    public var markdown: String {
        var blocks = ["# " + Markdown.inline(title)]
        blocks += intro.map { Markdown.block($0, in: language) }
        for section in sections {
            if let heading = section.heading {
                blocks.append(String(repeating: "#", count: min(section.level, 6)) + " " + Markdown.inline(heading))
            }
            blocks += section.blocks.map { Markdown.block($0, in: language) }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}

private enum Markdown {
    static func block(_ block: ReportBlock, in language: Language) -> String {
        switch block {
        case .paragraph(let text):
            return paragraph(text)
        case .remark(let text):
            return "> " + paragraph(text).replacing("\n", with: "\n> ")
        case .list(let list):
            return list.items.map { item in
                let details = item.details.map { "\n\n" + Markdown.block($0, in: language).indented(by: 2) }.joined()
                return "- " + inline(item.text) + details
            }.joined(separator: list.items.contains { !$0.details.isEmpty } ? "\n\n" : "\n")
        case .table(let table):
            return self.table(table.columns, table.rows)
        case .profile(let profile):
            let rows = profile.phases.flatMap { phase in
                phase.steps.enumerated().map { index, step -> [String] in
                    [index == 0 ? phase.heading(in: language) : "",
                     "\(step.number) \(step.title)", step.shownScore(in: language) ?? "–",
                     step.drawsBar ? ReadinessProfile.bar(step.score) : "",
                     language.text(step.bandMessage), step.coverage(.reportProfileRated, in: language)]
                }
            }
            let columns: [MessageID] = [.reportProfileColumnPhase, .reportProfileColumnStep, .reportProfileColumnScore,
                                        .reportProfileColumnProfile, .reportProfileColumnBand,
                                        .reportProfileColumnRated]
            return table(columns.map { language.text($0) }, rows) + (profile.scale.map { "\n\n" + inline($0) } ?? "")
        case .sectorMap(let map):
            let rows = map.sectors.map { sector in
                [language.text(sector.message)] + map.steps.map { step in
                    map.mean(of: sector, step: step).map { "\(language.decimal($0)) \(Band(mean: $0).shade)" } ?? "–"
                }
            }
            let gaps = [language.text(.reportSectorMapGap)] + map.steps.map { step in
                step.gap.map { language.decimal($0) + (step.sectorsDiffer ? " !" : "") } ?? "–"
            }
            let steps = map.steps.map { language.text(.reportSectorMapStepColumn, ["step": .integer($0.stepNumber)]) }
            return table([language.text(.reportColumnSector)] + steps, rows + [gaps])
                + "\n\n" + inline(language.text(.reportSectorMapKeyMarkdown))
        }
    }


    /// A pipe table; each cell on one line, with its pipes escaped and its line breaks as `<br>`.
    static func table(_ columns: [String], _ rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + columns.indices.map { index in
                lines(index < cells.count ? cells[index] : "").joined(separator: "<br>")
            }.joined(separator: " | ") + " |"
        }
        return ([line(columns), "|" + String(repeating: " --- |", count: columns.count)] + rows.map(line))
            .joined(separator: "\n")
    }

    /// Text that keeps its line breaks (as hard breaks), each line escaped.
    static func paragraph(_ text: String) -> String {
        lines(text).map { atLineStart(String($0.trimmingPrefix { $0 == " " })) }.joined(separator: "\\\n")
    }

    /// Text on one line, its controls shown visibly and every character Markdown could read as markup escaped.
    static func inline(_ text: String) -> String {
        escapingMarkup(text.visibleControls.onOneLine)
    }

    /// The lines of a text, escaped as `inline` does; its controls are made visible over the whole text, so that
    /// an isolate of right-to-left text may span its lines.
    private static func lines(_ text: String) -> [String] {
        let visible = text.visibleControls
        // Most text is one line.
        guard visible.utf8.contains(UInt8(ascii: "\n")) else { return [escapingMarkup(visible.onOneLine)] }
        return visible.split(separator: "\n", omittingEmptySubsequences: false)
            .map { escapingMarkup(String($0).onOneLine) }
    }

    /// The characters Markdown could read as markup.
    private static let markup = "\\`*_[]<>|~&#"
    /// Whether a byte is one of `markup`, by its value.
    private static let isMarkupByte = (0...255).map { markup.utf8.contains(UInt8($0)) }

    /// Every character Markdown could read as markup escaped with a backslash.
    private static func escapingMarkup(_ text: String) -> String {
        // Nearly all text holds none, which its bytes tell faster than its characters.
        guard text.utf8.contains(where: { isMarkupByte[Int($0)] }) else { return text }
        var result = ""
        for character in text {
            if markup.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A line that would otherwise start a list, a heading, a quote or a rule, escaped.
    private static func atLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "-+=>".contains(first) { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = line.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return line
    }
}

extension String {
    /// Every line but empty ones indented by `count` spaces.
    func indented(by count: Int) -> String {
        let padding = String(repeating: " ", count: count)
        return split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : padding + $0 }.joined(separator: "\n")
    }
}
