import BallotWire
import Messages

/// A page the phones are shown: plain HTML with its style inline, no script, nothing loaded from elsewhere, large
/// enough to tap on a small phone.
public enum BallotPage: Sendable, Equatable {
    /// No ballot is open; the page looks again by itself.
    case waiting
    /// The open ballot's form, with why the last submission was refused, and this phone's earlier choices.
    case form(BallotBox.Ballot, notice: Message?, earlier: BallotVote?, participant: String?)
    case thanks
    case closed
    /// An error page: a wrong address, a request too large, unreadable or too slow, a server too busy, a phone
    /// beyond those the ballot takes.
    case problem(Message)

    /// The field of the button on a counted vote's page that asks for the form again.
    static let changeField = "change"

    /// Seconds after which the page reloads by itself, for pages that wait on the facilitator.
    private var refreshSeconds: Int? {
        switch self {
        case .waiting, .thanks, .closed: 5
        case .form, .problem: nil
        }
    }

    /// The whole document; `path` is the ballot's own (`/K7M2Q9XA`), which the form sends to and waiting pages reload.
    public func html(path: String, in language: Language) -> String {
        let refresh = refreshSeconds.map {
            "<meta http-equiv=\"refresh\" content=\"\($0); url=\(path.escapedForHTML)\">\n"
        } ?? ""
        return """
            <!doctype html>
            <html lang="\(language.code.escapedForHTML)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(refresh)<title>\(language.text(.ballotPageTitle).escapedForHTML)</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <main>
            \(content(path: path, in: language))
            </main>
            </body>
            </html>

            """
    }

    private func content(path: String, in language: Language) -> String {
        let say = { (id: MessageID) in language.text(id).escapedForHTML }
        switch self {
        case .waiting:
            return "<h1>\(say(.ballotPageWaiting))</h1>\n<p>\(say(.ballotPageWaitingHint))</p>"
        case .thanks:
            // A button, not a link: the form comes back by POST, so that the page's address stays the ballot's.
            return "<h1>\(say(.ballotPageThanks))</h1>\n<p>\(say(.ballotPageChangeUntilReveal))</p>\n"
                + "<form method=\"post\" action=\"\(path.escapedForHTML)\">"
                + "<button type=\"submit\" name=\"\(Self.changeField)\" value=\"1\">\(say(.ballotPageChange))</button>"
                + "</form>"
        case .closed:
            return "<h1>\(say(.ballotPageClosed))</h1>\n<p>\(say(.ballotPageWaitingHint))</p>"
        case .problem(let message):
            // No link to the ballot: the page answers wrong addresses and unread requests too, which must not
            // learn the token. Its sentence says what to do.
            return "<h1>\(language.text(message).escapedForHTML)</h1>"
        case .form(let ballot, let notice, let earlier, let participant):
            return form(ballot, notice: notice, earlier: earlier, participant: participant, path: path, in: language)
        }
    }

    private func form(_ ballot: BallotBox.Ballot, notice: Message?, earlier: BallotVote?, participant: String?,
                      path: String, in language: Language) -> String {
        let say = { (id: MessageID) in language.text(id).escapedForHTML }
        let opening = ballot.opening
        var parts = ["<h1>\(opening.question.text(in: language.code).escapedForHTML)</h1>"]
        if let scale = opening.question.scale(in: language.code) {
            parts.append("<p class=\"scale\">\(scale.escapedForHTML)</p>")
        }
        if let notice {
            parts.append("<p class=\"notice\">\(language.text(notice).escapedForHTML)</p>")
        } else if earlier != nil {
            parts.append("<p class=\"notice\">\(say(.ballotPageVotedAlready))</p>")
        }
        parts.append("<form method=\"post\" action=\"\(path.escapedForHTML)\">")
        parts.append("<input type=\"hidden\" name=\"ballot\" value=\"\(ballot.serial)\">")
        switch opening.voters {
        case .named(let participants):
            parts.append("<label for=\"participant\">\(say(.ballotPageWho))</label>")
            parts.append("<select id=\"participant\" name=\"participant\" required>")
            parts.append("<option value=\"\">\(say(.ballotPageChooseName))</option>")
            for person in participants {
                parts.append(Self.option(value: person.id, text: person.name, selected: person.id == participant))
            }
            parts.append("</select>")
        case .anonymous(let sectors):
            parts.append("<p>\(say(.ballotPageAnonymous))</p>")
            parts.append("<label for=\"sector\">\(say(.ballotPageSector))</label>")
            parts.append("<select id=\"sector\" name=\"sector\">")
            parts.append(Self.option(value: BallotBox.noSector, text: language.text(.ballotPageNoSector),
                                     selected: false))
            for sector in sectors {
                parts.append(Self.option(value: sector.id, text: sector.name, selected: sector.id == earlier?.sector))
            }
            parts.append("</select>")
        }
        parts.append("<fieldset>\n<legend>\(say(.ballotPageRating))</legend>")
        for rating in BallotRating.all {
            let checked = rating == earlier?.rating ? " checked" : ""
            parts.append("<label class=\"choice\"><input type=\"radio\" name=\"rating\" value=\""
                + "\(rating.code.escapedForHTML)\" required\(checked)> "
                + "\(Self.label(of: rating, in: opening, language: language).escapedForHTML)</label>")
        }
        parts.append("</fieldset>")
        if opening.allowsNote {
            parts.append("<label for=\"note\">\(say(.ballotPageNote))</label>")
            parts.append("<textarea id=\"note\" name=\"note\" rows=\"3\" maxlength=\"\(BallotBox.noteLimit)\">"
                + "\((earlier?.note ?? "").escapedForHTML)</textarea>")
        }
        parts.append("<button type=\"submit\">\(say(.ballotPageSend))</button>\n</form>")
        return parts.joined(separator: "\n")
    }

    private static func option(value: String, text: String, selected: Bool) -> String {
        "<option value=\"\(value.escapedForHTML)\"\(selected ? " selected" : "")>\(text.escapedForHTML)</option>"
    }

    /// A rating as the page offers it: `2 · Partial`, or the words for N/A and Don't know; the facilitator's words
    /// for a page in the facilitator's language, else the catalog's in the page's, so that a page never mixes two.
    private static func label(of rating: BallotRating, in opening: BallotOpening, language: Language) -> String {
        let scale = opening.scale
        let isFacilitators = opening.language.map { $0 == language.code } ?? true
        switch rating {
        case .stage(let stage):
            let name = isFacilitators && scale.stages.indices.contains(stage) ? scale.stages[stage]
                : stageNames.indices.contains(stage) ? language.text(stageNames[stage]) : ""
            return language.text(.ballotPageStageOption, ["number": .integer(stage), "stage": .text(name)])
        case .notApplicable: return isFacilitators ? scale.notApplicable : language.text(.ratingNotApplicable)
        case .dontKnow: return isFacilitators ? scale.dontKnow : language.text(.ratingDontKnow)
        }
    }

    /// The stages' names in the catalog, from 0 to 4.
    private static let stageNames: [MessageID] = [
        .stageNotStarted, .stageEmerging, .stagePartial, .stageInPlace, .stageInstitutionalised,
    ]

    /// Black on white, large type and tap targets of at least 48 pixels, for a phone held at arm's length; a word
    /// longer than the line (a long compound, a URL in a question) breaks rather than widening the page.
    private static let style = """
        html{font-family:system-ui,sans-serif;font-size:20px;line-height:1.4;color:#000;background:#fff;\
        overflow-wrap:anywhere}\
        body{margin:0 auto;max-width:36rem;padding:0 1rem 2rem}\
        h1{font-size:1.35rem;margin:1rem 0}\
        label,legend{display:block;font-weight:bold;margin:1.1rem 0 .4rem;padding:0}\
        fieldset{border:0;margin:1.1rem 0 0;padding:0}\
        select,textarea,button{font:inherit;width:100%;box-sizing:border-box;min-height:48px;padding:.4rem .6rem;\
        border:2px solid #000;border-radius:6px;background:#fff;color:#000}\
        .choice{display:flex;align-items:center;gap:.7rem;min-height:48px;margin:.4rem 0;padding:0 .8rem;\
        border:2px solid #000;border-radius:6px;font-weight:normal}\
        .choice input{width:1.5rem;height:1.5rem;margin:0;flex:none;accent-color:#000}\
        button{margin-top:1.4rem;background:#000;color:#fff;font-weight:bold}\
        .notice{border-left:6px solid #000;padding:.3rem .8rem;font-weight:bold}\
        .scale{color:#222;font-size:1rem}\
        :focus-visible{outline:4px solid #0050c8;outline-offset:2px}
        """
}

extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` written as entities, safe inside an element or a quoted attribute.
    /// By scalar, not by character: a quote with a combining mark after it is one character, but still a quote to
    /// the browser. (The reports' `HTML.escape` does the same in ISPCore, which this server does not link.)
    var escapedForHTML: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
