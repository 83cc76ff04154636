#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Messages

/// The formats a report is written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Plain text, wrapped to 80 columns.
    case text
    /// GitHub-flavoured Markdown.
    case markdown
    /// One self-contained HTML file, for the screen, a projector and paper.
    case html
    /// One table of data (by default the answers), for spreadsheets.
    case csv
    /// Every rating, note, consensus and record, for other tools.
    case json

    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        case .csv: "csv"
        case .json: "json"
        }
    }
}

extension MeetingRecord {
    /// The record in a format; for CSV the table named `table` (the answers by default), nil when there is no
    /// such table.
    public func rendered(as format: ReportFormat, table: String? = nil, width: Int = 80) -> Data? {
        switch format {
        case .text: Data(document.text(width: width).utf8)
        case .markdown: Data(document.markdown.utf8)
        case .html: Data(document.html.utf8)
        case .csv: tables.first { $0.name == (table ?? "answers") }?.csv
        case .json: json() + Data("\n".utf8)
        }
    }
}

/// What the summary screen writes: the summary as text, or the meeting record in a format, beside the session; the
/// hand-out as HTML, where the wizard was started.
public enum ReportExport: Equatable, Hashable, Sendable {
    case summary
    case record(ReportFormat)
    case handout

    /// Every export the summary screen offers, in the order it lists them.
    public static let all: [ReportExport] = [.summary] + [ReportFormat.markdown, .html, .csv, .json].map(record)

    /// What follows the session's name in the file's name: `summary.txt`, `record.html`.
    public var fileSuffix: String {
        switch self {
        case .summary: "summary.txt"
        case .record(let format): "record.\(format.fileExtension)"
        case .handout: "handout.html"
        }
    }

    /// The file's contents for a session, in `language`.
    public func contents(guide: Guide, session: Session, language: Language = .english) -> Data {
        switch self {
        case .summary: Data(SummaryReport(guide: guide, session: session, language: language).text(width: 80).utf8)
        case .record(let format):
            MeetingRecord(guide: guide, session: session, language: language).rendered(as: format) ?? Data()
        case .handout: HandOut(guide: guide, session: session, language: language).rendered(as: .html) ?? Data()
        }
    }
}
