import ISPCore
import TerminalUI

extension WizardState {
    /// Draws the whole state into a frame of the terminal's size.
    public func view() -> ScreenGrid {
        var grid = ScreenGrid(size: size)
        if isTooSmall {
            drawTooSmall(into: &grid)
            return grid
        }
        if isShowingHelp {
            drawChrome(into: &grid, keys: KeyBar([(key: "any key", action: "close help"), KeyHint.quit]))
            drawHelp(into: &grid)
            return grid
        }
        drawChrome(into: &grid, keys: keyBar)
        switch screen {
        case .setup: drawSetup(into: &grid)
        case .map: drawMap(into: &grid)
        case .stepIntro: drawStepIntro(into: &grid)
        case .question: drawQuestion(into: &grid)
        case .summary: drawSummary(into: &grid)
        }
        return grid
    }

    /// The keys that work on the screen on view.
    private var keyBar: KeyBar {
        switch screen {
        case .setup: setupKeys
        case .map: mapKeys
        case .stepIntro: stepIntroKeys
        case .question: questionKeys
        case .summary: summaryKeys
        }
    }

    private func drawTooSmall(into grid: inout ScreenGrid) {
        let message = "The terminal is \(size.columns)×\(size.rows). Please make it at least "
            + "\(Self.minimumSize.columns)×\(Self.minimumSize.rows); the wizard goes on by itself. Ctrl-Q quits."
        let width = max(size.columns - 2, 1)
        let rows = min(wrapCount(message, width: width), size.rows)
        grid.putWrapped(message, row: max((size.rows - rows) / 2, 0), column: min(1, size.columns - 1),
                        width: width, maxRows: size.rows)
    }

    private func wrapCount(_ text: String, width: Int) -> Int {
        var probe = ScreenGrid(size: Size(rows: 100, columns: width))
        return probe.putWrapped(text, row: 0, column: 0, width: width)
    }
}
