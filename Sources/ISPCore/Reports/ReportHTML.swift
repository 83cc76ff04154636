import Messages

// A report document as one self-contained HTML file: inline CSS, the charts as inline SVG, no script, font or
// image from elsewhere. It reads on a laptop and a projector, and prints on A4 or Letter in black and white: each
// part with questions starts a page, table rows and charts are never cut across pages. Every text is escaped.

extension ReportDocument {
    public var html: String {
        var body = "<header>\n<h1>\(HTML.value(title))</h1>\n" + intro.map { HTML.block($0, in: language) }.joined()
            + "</header>\n"
        let parts = sections.filter { $0.level <= 2 && $0.heading != nil }
        if parts.count > 3 {
            let contents = HTML.escape(language.text(.reportContents))
            body += "<nav aria-label=\"\(contents)\"><ul>\n" + parts.map { section in
                "<li><a href=\"#\(HTML.escape(section.id))\">\(HTML.value(section.heading ?? ""))</a></li>\n"
            }.joined() + "</ul></nav>\n"
        }
        for (index, section) in sections.enumerated() {
            let startsChapter = breaksPages && section.level <= 2
                && (sections.dropFirst(index + 1).first?.level ?? 2) > 2
            let classes = ["level-\(section.level)"] + (startsChapter ? ["chapter"] : [])
            body += "<section id=\"\(HTML.escape(section.id))\" class=\"\(classes.joined(separator: " "))\">\n"
            if let heading = section.heading {
                let level = min(section.level, 6)
                body += "<h\(level)>\(HTML.value(heading))</h\(level)>\n"
            }
            body += section.blocks.map { HTML.block($0, in: language) }.joined() + "</section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(HTML.escape(language.code))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="isp-wizard \(ispWizardVersion)">
            <title>\(HTML.escape(title))</title>
            <style>
            \(HTML.styleSheet)</style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }
}

enum HTML {
    static func block(_ block: ReportBlock, in language: Language) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(value(text, keepingLineBreaks: true))</p>\n"
        case .remark(let text):
            return "<p class=\"remark\">\(value(text, keepingLineBreaks: true))</p>\n"
        case .list(let list):
            let items = list.items.map { item in
                "<li>\(value(item.text))" + item.details.map { self.block($0, in: language) }.joined() + "</li>\n"
            }
            return "<ul\(list.style == .questions ? " class=\"questions\"" : "")>\n" + items.joined() + "</ul>\n"
        case .table(let table):
            return self.table(table)
        case .profile(let profile):
            return self.profile(profile, in: language)
        case .sectorMap(let map):
            return sectorMap(map, in: language)
        }
    }

    /// Text made safe anywhere in HTML: controls shown visibly, then `& < > " '` as entities; line breaks as
    /// `<br>` when kept.
    static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        let visible = text.visibleControls
        // Nearly all text holds nothing to escape.
        let special = visible.utf8.contains { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
                UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                true
            default: false
            }
        }
        guard special else { return visible }
        // By scalar, not by character: a quote with a combining mark after it is one character, but still a quote
        // to the browser.
        var result = ""
        result.reserveCapacity(visible.utf8.count)
        for scalar in visible.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": result += keepingLineBreaks ? "<br>\n" : " "
            case "\t": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text from a user or a file as an element's content: escaped, in `<bdi>` so that its direction (an Arabic
    /// or Hebrew name, say) neither takes nor turns the text around it. Nothing for empty text.
    static func value(_ text: String, keepingLineBreaks: Bool = false) -> String {
        text.isEmpty ? "" : "<bdi>" + escape(text, keepingLineBreaks: keepingLineBreaks) + "</bdi>"
    }

    /// A table whose columns of short values never wrap, so that the long ones (notes) get the room.
    static func table(_ table: DocumentTable) -> String {
        let short = table.columns.indices.map { index in
            table.rows.allSatisfy { row in
                // At most 24 characters, without walking a long note to count them all.
                index >= row.count || (row[index].dropFirst(24).isEmpty && !row[index].contains("\n"))
            }
        }
        let head = table.columns.map { "<th scope=\"col\">\(value($0))</th>" }.joined()
        // One string grows row by row: a table may have thousands.
        var html = "<table>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for index in table.columns.indices {
                html += short[index] ? "<td class=\"short\">" : "<td>"
                html += value(index < row.count ? row[index] : "", keepingLineBreaks: true)
                html += "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The profile: a row per step, grouped by phase, each with a bar on the 0–4 scale marked at 2 and 3, where
    /// the bands change.
    static func profile(_ profile: ReadinessProfile, in language: Language) -> String {
        var rows = ""
        for phase in profile.phases {
            rows += "<tr class=\"phase\"><th colspan=\"5\" scope=\"rowgroup\">\(value(phase.heading(in: language)))"
                + "</th></tr>\n"
            for step in phase.steps {
                let coverage = step.coverage(.reportProfileCoverage, in: language)
                rows += "<tr><th scope=\"row\">\(step.number). \(value(step.title))</th>"
                    + "<td class=\"bar\">\(step.drawsBar ? bar(step.score, band: step.band, in: language) : "")</td>"
                    + "<td class=\"score\">\(step.shownScore(in: language) ?? "–")</td>"
                    + "<td>\(escape(language.text(step.bandMessage)))</td><td>\(escape(coverage))</td></tr>\n"
            }
        }
        let columns: [MessageID] = [.reportProfileColumnStep, .reportProfileColumnProfile, .reportProfileColumnScore,
                                    .reportProfileColumnBand, .reportProfileColumnCoverage]
        return "<figure class=\"chart profile\">\n<figcaption>\(escape(language.text(.reportProfileCaption)))"
            + "</figcaption>\n<table>\n<thead><tr>"
            + columns.map { "<th scope=\"col\">\(escape(language.text($0)))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n\(rows)</tbody>\n</table>\n</figure>\n"
    }

    /// One step's bar: filled to its score, in a shade of its band, with ticks at 2 and 3.
    private static func bar(_ score: Double?, band: Band, in language: Language) -> String {
        let width = ((score ?? 0) / 4 * 200).rounded()
        return "<svg viewBox=\"0 0 200 16\" width=\"200\" height=\"16\" role=\"img\" aria-label=\""
            + escape(language.text(.reportProfileBarLabel,
                                   ["score": .text(score.map(language.decimal) ?? language.text(.reportNoScore))]))
            + "\">"
            + "<rect x=\"0\" y=\"1\" width=\"200\" height=\"14\" fill=\"#fff\" stroke=\"#555\" stroke-width=\"1\"/>"
            + "<rect x=\"0\" y=\"1\" width=\"\(Int(width))\" height=\"14\" fill=\"\(fill(band))\" stroke=\"#000\"/>"
            + "<line x1=\"100\" y1=\"0\" x2=\"100\" y2=\"16\" stroke=\"#000\" stroke-dasharray=\"2 2\"/>"
            + "<line x1=\"150\" y1=\"0\" x2=\"150\" y2=\"16\" stroke=\"#000\" stroke-dasharray=\"2 2\"/></svg>"
    }

    /// A band's fill: dark, middle and light, so that the bands part in grey too.
    private static func fill(_ band: Band) -> String {
        switch band {
        case .ready: "#1f4e79"
        case .developing: "#7fa7d1"
        case .notReady, .insufficient: "#dde7f2"
        }
    }

    /// The sector × step heat map: a cell a sector and step with the mean written in it, shaded by band, and
    /// a row of gaps, a gap of 1.0 or more marked `!`.
    static func sectorMap(_ map: SectorMap, in language: Language) -> String {
        let label = 120
        let cell = (width: 64, height: 30)
        let width = label + cell.width * map.steps.count + 4
        let height = cell.height * (map.sectors.count + 2) + 4
        var svg = "<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" "
            + "aria-labelledby=\"sector-map-caption\" font-size=\"13\">\n"
        for (column, step) in map.steps.enumerated() {
            let x = label + column * cell.width + cell.width / 2
            let title = column < map.stepTitles.count ? map.stepTitles[column] : ""
            svg += "<text x=\"\(x)\" y=\"20\" text-anchor=\"middle\" font-weight=\"bold\"><title>"
                + "\(escape(title))</title>"
                + "\(escape(language.text(.reportSectorMapStepColumn, ["step": .integer(step.stepNumber)])))</text>\n"
        }
        for (row, sector) in map.sectors.enumerated() {
            let y = cell.height * (row + 1)
            svg += "<text x=\"0\" y=\"\(y + 20)\">\(escape(language.text(sector.message)))</text>\n"
            for (column, step) in map.steps.enumerated() {
                let x = label + column * cell.width
                guard let mean = map.mean(of: sector, step: step) else {
                    svg += "<text x=\"\(x + cell.width / 2)\" y=\"\(y + 20)\" text-anchor=\"middle\">–</text>\n"
                    continue
                }
                let band = Band(mean: mean)
                svg += "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cell.width - 2)\" height=\"\(cell.height - 2)\" "
                    + "fill=\"\(fill(band))\" stroke=\"#555\"/><text x=\"\(x + cell.width / 2)\" y=\"\(y + 20)\" "
                    + "text-anchor=\"middle\" fill=\"\(band == .ready ? "#fff" : "#000")\">\(language.decimal(mean))"
                    + "</text>\n"
            }
        }
        let gapY = cell.height * (map.sectors.count + 1)
        svg += "<text x=\"0\" y=\"\(gapY + 20)\" font-style=\"italic\">"
            + "\(escape(language.text(.reportSectorMapGap)))</text>\n"
        for (column, step) in map.steps.enumerated() {
            let x = label + column * cell.width + cell.width / 2
            let text = step.gap.map { language.decimal($0) + (step.sectorsDiffer ? " !" : "") } ?? "–"
            svg += "<text x=\"\(x)\" y=\"\(gapY + 20)\" text-anchor=\"middle\""
                + "\(step.sectorsDiffer ? " font-weight=\"bold\"" : "")>\(text)</text>\n"
        }
        return "<figure class=\"chart sector-map\">\n\(svg)</svg>\n<figcaption id=\"sector-map-caption\">"
            + "\(escape(language.text(.reportSectorMapCaption)))</figcaption>\n</figure>\n"
    }

    static let styleSheet = """
        :root { color-scheme: light; }
        html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC",
          "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif; font-size: 16px; line-height: 1.45; color: #111;
          background: #fff; }
        body { margin: 0; }
        main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #111; padding-bottom: .15rem; }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .35rem; }
        p { margin: .35rem 0; }
        header p { margin: .15rem 0; }
        .remark { border-left: 4px solid #111; padding-left: .6rem; font-weight: 600; }
        ul { padding-left: 1.4rem; margin: .35rem 0; }
        li { margin: .2rem 0; }
        li > ul, li > p { margin-top: .2rem; }
        nav ul { columns: 2; list-style: none; padding: 0; }
        nav a { color: #0b4f8a; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
        th, td { border: 1px solid #777; padding: .25rem .45rem; text-align: left; vertical-align: top;
          overflow-wrap: break-word; }
        .profile td, .profile thead th, td.short { white-space: nowrap; }
        thead th { background: #e9e9e9; }
        tr.phase th { background: #f4f4f4; }
        td.score { text-align: right; font-variant-numeric: tabular-nums; }
        td.bar { width: 204px; }
        figure { margin: .75rem 0; }
        figcaption { font-size: .85rem; color: #333; margin: .25rem 0; }
        .sector-map svg { max-width: 100%; height: auto; }
        svg text { font-family: inherit; }
        section.level-3 { border-top: 1px solid #bbb; margin-top: 1rem; }
        @media (min-width: 1600px) { html { font-size: 20px; } main { max-width: 72rem; } }
        @page { margin: 12mm; }
        @media print {
          html { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          nav { display: none; }
          a { color: inherit; text-decoration: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          section.chapter { break-before: page; }
          h1, h2, h3 { break-after: avoid; }
          tr, figure, .remark, li { break-inside: avoid; }
          thead { display: table-header-group; }
          table { font-size: 8.5pt; margin: .3rem 0; }
          th, td { padding: 1px 4px; }
          h3 { margin: .8rem 0 .2rem; }
          section.level-3 { margin-top: .6rem; }
        }

        """
}
