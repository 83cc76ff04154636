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
        switch screen {
        case .setup:
            drawChrome(into: &grid, keys: setupKeys)
            drawSetup(into: &grid)
        case .map:
            drawChrome(into: &grid, keys: mapKeys)
            drawMap(into: &grid)
        case .stepIntro:
            drawChrome(into: &grid, keys: stepIntroKeys)
            drawStepIntro(into: &grid)
        case .question:
            drawChrome(into: &grid, keys: questionKeys)
            drawQuestion(into: &grid)
        case .summary:
            drawChrome(into: &grid, keys: summaryKeys)
            drawSummary(into: &grid)
        }
        return grid
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
