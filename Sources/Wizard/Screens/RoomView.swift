import DisplayWidth
import ISPCore
import Messages
import TerminalUI

/// A part of the room view: how many rows it takes and how it draws itself from its first row.
private struct RoomPart {
    var height: Int
    /// The lower, the sooner the part is left out of a terminal too short for all of them.
    var rank: Int
    var draw: (inout ScreenGrid, Int) -> Void
}

/// One bar of the bars per rating: how many gave the rating, and what stands after its count (the names of a
/// named round, or the sectors an anonymous ballot shows); never a name beside an anonymous vote.
struct RatingBar: Equatable {
    var rating: Rating
    var votes: Int
    var after: String
}

/// The room view (`v`): what to project, without key bar or rows. The question alone and centred, the step and
/// question number small above it; while a ballot is open its count, QR code and address; once the question has
/// votes a bar per rating, the spread line and the step's standing.
extension WizardState {
    /// `r` reveals an open ballot's votes from the room view; `v` or `Esc` goes back to the question.
    mutating func handleRoomViewKey(_ key: Key) -> [Effect] {
        if ballot != nil, key == .character("r") || key == .character("R") {
            return performBallotCommand(.revealBallot, key: key)
        }
        if key == .escape || Self.roomViewBinding.matches(key) { isShowingRoomView = false }
        return []
    }

    /// The width of the room view's text, inside margins as large as a projected slide's.
    private var roomWidth: Int { max(size.columns - 2 * max(size.columns / 10, 2), 1) }

    /// Draws the room view's parts one under the other, centred in the terminal's height, a blank row between
    /// them where there is room.
    func drawRoomView(into grid: inout ScreenGrid) {
        guard let prompt = currentPrompt else { return }
        var parts = [centred([ellipsized(locationLine, width: roomWidth)], rank: 3, style: .muted)]
        let question = wrap(prompt.text, width: roomWidth)
        parts.append(centred(question, rank: .max, style: .title))
        if let ballot, ballot.promptID == prompt.id {
            // Neither the question's earlier answers nor its step's standing while the room votes: the ballot is
            // there so that no one rates after what others said.
            parts += ballotParts(ballot, questionRows: min(question.count, 3))
        } else {
            parts += answerParts(session.answer(for: prompt.id))
        }
        // What does not fit is left out, the lowest rank first, then the question is cut.
        while parts.reduce(0, { $0 + $1.height }) > size.rows,
            let lowest = parts.indices.filter({ parts[$0].rank < .max }).min(by: { parts[$0].rank < parts[$1].rank })
        {
            parts.remove(at: lowest)
        }
        let others = parts.reduce(0) { $0 + $1.height } - question.count
        if others + question.count > size.rows, let index = parts.firstIndex(where: { $0.rank == .max }) {
            var lines = Array(question.prefix(max(size.rows - others, 1)))
            if let last = lines.indices.last {
                lines[last] = ellipsized(lines[last] + " …", width: roomWidth)
            }
            parts[index] = centred(lines, rank: .max, style: .title)
        }
        let height = parts.reduce(0) { $0 + $1.height }
        let gaps = min(parts.count - 1, max(size.rows - height - 2, 0))
        var row = max((size.rows - height - gaps) / 2, 0)
        for (index, part) in parts.enumerated() {
            part.draw(&grid, row)
            row += part.height + (index < gaps ? 1 : 0)
        }
    }

    /// Lines each centred in the screen's width.
    private func centred(_ lines: [String], rank: Int, style: Style = []) -> RoomPart {
        let columns = size.columns
        return RoomPart(height: lines.count, rank: rank) { grid, top in
            for (offset, line) in lines.enumerated() {
                grid.put(line, row: top + offset, column: max((columns - line.displayWidth) / 2, 0), style: style)
            }
        }
    }

    /// An open ballot: its count, the QR code and the address beside the code where the width allows, else under
    /// it; without the code when the terminal is too short for it beside the question, saying how to show it.
    private func ballotParts(_ ballot: OpenBallot, questionRows: Int) -> [RoomPart] {
        let count = ballot.isRevealing ? language.text(.pollPanelRevealing) : ballotCount(ballot)
        let code = ballotCodeLines
        let codeWidth = code.first?.displayWidth ?? 0
        let textWidth = min(size.columns - 4 - codeWidth - 2, 40)
        let fitsCode = !code.isEmpty && code.count + questionRows + 1 <= size.rows
        // The address is never broken beside the code: it goes under it when it does not fit there.
        let url: String = if case .listening(let url, _) = ballotLink { url } else { "" }
        if fitsCode, textWidth >= max(24, url.displayWidth) {
            let text = [count, ""] + wrap(ballotAddressLine, width: textWidth)
            let height = max(code.count, text.count)
            let left = max((size.columns - codeWidth - 2 - (text.map(\.displayWidth).max() ?? 0)) / 2, 0)
            return [RoomPart(height: height, rank: 8) { grid, top in
                for (offset, line) in code.enumerated() {
                    grid.put(line, row: top + offset, column: left, style: .qrCode)
                }
                let textTop = top + max((height - text.count) / 2, 0)
                for (offset, line) in text.enumerated() {
                    grid.put(line, row: textTop + offset, column: left + codeWidth + 2,
                             style: offset == 0 ? .title : [])
                }
            }]
        }
        var parts = [centred([ellipsized(count, width: roomWidth)], rank: 8, style: .title)]
        if fitsCode { parts.append(centred(code, rank: 7, style: .qrCode)) }
        parts.append(centred(wrap(ballotAddressLine, width: size.columns - 4), rank: 8))
        if !fitsCode, !code.isEmpty {
            parts.append(centred(wrap(language.text(.roomviewQrHidden), width: roomWidth), rank: 6, style: .muted))
        }
        return parts
    }

    /// The question's answers: the spread line and a bar per rating, when it has several voices; then the step's
    /// standing and its questions' group ratings.
    private func answerParts(_ answer: Answer) -> [RoomPart] {
        var parts: [RoomPart] = []
        let bars = ratingBars(of: answer)
        if bars.contains(where: { $0.votes > 0 }) {
            parts.append(centred(wrap(spreadLine(answer), width: roomWidth), rank: 4))
            // The block of bars centred as a whole, with the room of the narrower margin when names follow them.
            // A bar as long as half the text's width at most, so that a large screen's bars stay in view.
            let longest = max(roomWidth / 2, 20)
            let width = barLayout(bars, width: size.columns - 2 * max(size.columns / 20, 2), longest: longest).block
            let column = (size.columns - width) / 2
            parts.append(RoomPart(height: bars.count, rank: 6) { grid, top in
                drawRatingBars(bars, into: &grid, top: top, column: column, width: width, longest: longest)
            })
        }
        guard let step = currentStep else { return parts }
        let readiness = ReadinessSummary(guide: guide, session: session).steps[step]
        let standing = language.text(.roomviewStepStanding, [
            "number": .integer(step + 1), "figures": .message(readiness.figuresMessage),
        ])
        parts.append(centred(wrap(standing, width: roomWidth), rank: 2,
                             style: readiness.drawsBar ? Style(band: readiness.band) : []))
        return parts + [stepProfile(step)].compactMap { $0 }
    }

    /// The step's questions in a row, each its number and a bar of four cells for its group rating (a cell a
    /// stage), or the rating's code where it has no score; the question on view marked. Nil when the row is wider
    /// than the screen.
    private func stepProfile(_ step: Int) -> RoomPart? {
        let prompts = guide.steps[step].prompts
        let cells = prompts.map { prompt -> String in
            let rating = session.answer(for: prompt.id).groupRating(in: session.raters)
            guard let score = rating.score else {
                let code = rating.code ?? "–"
                return code + String(repeating: " ", count: max(4 - code.displayWidth, 0))
            }
            let halves = Int((score * 2).rounded())
            return String(repeating: "█", count: halves / 2) + (halves % 2 == 1 ? "▌" : "")
                + String(repeating: "░", count: 4 - (halves + 1) / 2)
        }
        let items = cells.enumerated().map { "\($0.offset + 1) \($0.element)" }
        let width = items.reduce(0) { $0 + $1.displayWidth } + 2 * max(items.count - 1, 0)
        let current: Int? = if case .question(_, let prompt) = screen { prompt } else { nil }
        guard width <= size.columns - 4 else { return nil }
        let left = (size.columns - width) / 2
        return RoomPart(height: 1, rank: 1) { grid, top in
            var column = left
            for (index, item) in items.enumerated() {
                column += grid.put(item, row: top, column: column, style: index == current ? .focus : []) + 2
            }
        }
    }

    /// A bar per rating (the stages, Not applicable, Don't know) of a question's answers: the participants'
    /// ratings, with their names, or the votes of its distribution, with the sectors it shows.
    func ratingBars(of answer: Answer) -> [RatingBar] {
        let participants = session.raters
        return Rating.all.map { rating in
            let counted = answer.counted(in: participants).filter { $0.rating == rating }.count
            guard let distribution = answer.distribution else {
                let names = answer.voices(in: participants).filter { $0.voice.rating == rating }.map { voice in
                    voice.participant.displayName(
                        number: (participants.firstIndex { $0.id == voice.participant.id } ?? 0) + 1, in: language)
                }
                return RatingBar(rating: rating, votes: counted, after: language.list(names))
            }
            let sectors = distribution.counts.filter { $0.rating == rating }.compactMap { count -> String? in
                count.sector.map {
                    language.text(.roomviewSectorVotes, [
                        "sector": .text(SectorColumn.abbreviation($0, in: language).trimmed),
                        "count": .integer(count.votes),
                    ])
                }
            }
            return RatingBar(rating: rating, votes: counted, after: sectors.joined(separator: " · "))
        }
    }

    /// How the bars fit in `width`: the labels' width, the longest bar's cells, the counts' width, and the whole
    /// block's width. The longest bar takes what the labels, counts and the longest text after them leave, but at
    /// least a quarter of it, and at most `longest` cells.
    func barLayout(_ bars: [RatingBar], width: Int, longest: Int = .max)
        -> (label: Int, bar: Int, count: Int, block: Int)
    {
        let label = ratingLabels.map(\.displayWidth).max() ?? 0
        let count = String(bars.map(\.votes).max() ?? 0).count
        let space = max(width - label - count - 2, 1)
        let after = bars.map { $0.after.isEmpty ? 0 : $0.after.displayWidth + 2 }.max() ?? 0
        let bar = min(max(space - after, space / 4), longest)
        return (label, bar, count, min(label + bar + count + 2 + after, width))
    }

    /// Draws the bars, one a row from `top`: the rating's label in its stage's style, the bar, its count, and what
    /// stands after it, cut at `width`.
    func drawRatingBars(_ bars: [RatingBar], into grid: inout ScreenGrid, top: Int, column: Int, width: Int,
                        longest: Int = .max) {
        let labels = ratingLabels
        let layout = barLayout(bars, width: width, longest: longest)
        let most = bars.map(\.votes).max() ?? 0
        for (offset, bar) in bars.enumerated() {
            let row = top + offset
            let style: Style = if case .stage(let stage) = bar.rating { .stage(stage.rawValue) } else { [] }
            let index = Rating.all.firstIndex(of: bar.rating) ?? 0
            grid.put(labels[index], row: row, column: column, style: style)
            let length = bar.votes == 0 || most == 0 ? 0 : max((bar.votes * layout.bar + most / 2) / most, 1)
            var position = column + layout.label + 1
            position += grid.put(String(repeating: "█", count: length) + (length > 0 ? " " : ""), row: row,
                                 column: position)
            position += grid.put(String(bar.votes), row: row, column: position, style: .title)
            guard !bar.after.isEmpty else { continue }
            grid.put(ellipsized(bar.after, width: max(column + width - position - 2, 1)), row: row,
                     column: position + 2, style: .muted)
        }
    }
}
