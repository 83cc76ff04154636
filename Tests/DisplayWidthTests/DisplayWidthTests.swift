import DisplayWidth
import Testing

@Suite struct DisplayWidthTests {
    @Test func latinAndAccentedLettersTakeOneCell() {
        #expect("Zürich naïve façade".displayWidth == 19)
        #expect(Character("e\u{301}").displayWidth == 1)  // e + combining acute, one grapheme
    }

    @Test func cjkHangulAndEmojiTakeTwoCells() {
        #expect("水资源".displayWidth == 6)
        #expect("한국어".displayWidth == 6)
        #expect("ｆｕｌｌ".displayWidth == 8)
        #expect(Character("🤝").displayWidth == 2)
    }

    @Test func combiningMarksAndControlsTakeNoCellOfTheirOwn() {
        #expect(Unicode.Scalar(0x301)!.displayWidth == 0)
        #expect(Unicode.Scalar(0x07)!.displayWidth == 0)
        #expect(Character("\n").displayWidth == 0)
    }

    @Test func wrapsAtSpacesAndSwallowsTheSpaceAtTheBreak() {
        #expect(wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
    }

    @Test func breaksAfterTheLastSpaceThatFitsAndSplitsOnlyOverlongWords() {
        #expect(wrap("aa bbbbbbbbb", width: 6) == ["aa", "bbbbbb", "bbb"])
        #expect(wrapLines(Array("the quick brown"), width: 10).map(\.range) == [0..<10, 10..<15])
    }

    @Test func splitsAWordLongerThanTheLine() {
        #expect(wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func breaksBetweenWideCharactersWithoutSpaces() {
        #expect(wrap("政府企业和民间社会", width: 7) == ["政府企", "业和民", "间社会"])
    }

    @Test func hardNewlinesEndLinesAndEmptyTextHasOneLine() {
        #expect(wrap("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(wrapLines([], width: 10) == [WrappedLine(range: 0..<0, next: 0)])
    }

    @Test func wrappedLinesRecordWhereTheNextLineStarts() {
        let lines = wrapLines(Array("ab cd\nef"), width: 3)
        #expect(lines == [
            WrappedLine(range: 0..<3, next: 3), WrappedLine(range: 3..<5, next: 6), WrappedLine(range: 6..<8, next: 8),
        ])
    }
}
