import Testing

@testable import TerminalUI

@Suite struct ScreenGridTests {
    @Test func wideCharactersFillTwoCellsAndReadBackOnce() {
        var grid = ScreenGrid(size: Size(rows: 1, columns: 10))
        #expect(grid.put("水a资", row: 0, column: 1) == 5)
        #expect(grid[0, 1].character == "水")
        #expect(grid[0, 2].isContinuation)
        #expect(grid.text == " 水a资")
    }

    @Test func aWideCharacterThatWouldStraddleTheEdgeIsLeftOut() {
        var grid = ScreenGrid(size: Size(rows: 1, columns: 4))
        #expect(grid.put("ab水", row: 0, column: 1) == 2)
        #expect(grid.text == " ab")
        #expect(!grid[0, 3].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = ScreenGrid(size: Size(rows: 1, columns: 6))
        grid.put("水资源", row: 0, column: 0)
        grid.put("x", row: 0, column: 3)
        #expect(grid.text == "水 x源")
        grid.put("y", row: 0, column: 4)
        #expect(grid.text == "水 xy")
    }

    @Test func writesClipToTheLimitAndOutsideRowsAreIgnored() {
        var grid = ScreenGrid(size: Size(rows: 2, columns: 8))
        #expect(grid.put("abcdef", row: 1, column: 2, limit: 3) == 3)
        #expect(grid.put("zzz", row: 5, column: 0) == 0)
        #expect(grid.text == "\n  abc")
    }

    @Test func putWrappedEndsACutParagraphWithAnEllipsis() {
        var grid = ScreenGrid(size: Size(rows: 3, columns: 12))
        #expect(grid.putWrapped("one two three four five", row: 0, column: 0, width: 10, maxRows: 2) == 2)
        #expect(grid.text == "one two\nthree fou…\n")
    }

    @Test func choiceRowsWrapWholeChoicesAndMarkTheChosenOne() {
        let row = ChoiceRow(labels: ["Alpha", "Beta", "Gamma"], selected: 1)
        #expect(row.positions(width: 22) == [Point(row: 0, column: 0), Point(row: 0, column: 11),
                                             Point(row: 1, column: 0)])
        var grid = ScreenGrid(size: Size(rows: 2, columns: 22))
        row.draw(into: &grid, at: Point(row: 0, column: 0), width: 22, focused: true)
        #expect(grid.text == "( ) Alpha  (•) Beta\n( ) Gamma")
        #expect(grid.cursor == Point(row: 0, column: 12))
        #expect(grid[0, 11].style == .selected)
    }

    @Test func theKeyBarDropsMiddleItemsButKeepsHelpAndQuit() {
        var grid = ScreenGrid(size: Size(rows: 1, columns: 30))
        KeyBar([("^N", "next"), ("^P", "back"), ("Esc", "map"), ("F1", "help"), ("^Q", "quit")])
            .draw(into: &grid, row: 0)
        #expect(grid.text == " ^N next  F1 help  ^Q quit")
        var narrow = ScreenGrid(size: Size(rows: 1, columns: 20))
        KeyBar([("^N", "next"), ("^P", "back"), ("F1", "help"), ("^Q", "quit")]).draw(into: &narrow, row: 0)
        #expect(narrow.text == " F1 help  ^Q quit")
    }

    @Test func aLongPathIsCutInItsMiddleKeepingTheFileName() {
        let cut = ellipsizedInMiddle("Summary saved to /home/ana/.local/share/isp-wizard/水.summary.txt", width: 40)
        #expect(cut == "Summary saved to /h…izard/水.summary.txt")
        #expect(cut.displayWidth <= 40)
        #expect(ellipsizedInMiddle("short", width: 40) == "short")
    }
}
