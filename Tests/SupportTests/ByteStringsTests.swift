import Support
import Testing

@Suite("Byte strings")
struct ByteStringsTests {
    @Test func prefixesAndSuffixesAreTestedOnBytes() {
        #expect("والرئيس".hasBytePrefix("وال"))
        #expect(!"وال".hasBytePrefix("والرئيس"))
        #expect("قالت".hasByteSuffix("ت"))
        #expect("".hasBytePrefix(""))
        // The same letters in another order of marks are other bytes: key-view text has no marks.
        #expect(!"إنّ".hasSameBytes(as: "إن"))
        #expect("الرياض".hasSameBytes(as: "الرياض"))
    }

    @Test func aTableNumbersWordsInTheOrderFirstGivenAndFindsThemByBytes() {
        var table = ByteTable(["قال", "أكد", "قال"])
        #expect(table.count == 2)
        #expect(table.index(of: "قال") == 0 && table.index(of: "أكد") == 1)
        #expect(table.index(of: "اكد") == nil)
        #expect(table.insert("نفى") == 2)
        #expect(table.insert("أكد") == 1)
        #expect(table.index(of: "") == nil)
        #expect(table.insert("") == 3 && table.index(of: "") == 3)
    }

    @Test func aTableKeepsEveryWordAcrossItsGrowth() {
        // Far more words than the first 16 slots: every one keeps its number.
        let words = (0..<5_000).map { "كلمة\($0)" }
        var table = ByteTable()
        for (k, word) in words.enumerated() { #expect(table.insert(word) == k) }
        #expect(words.indices.allSatisfy { table.index(of: words[$0]) == $0 })
        #expect(table.index(of: "كلمة5000") == nil)
    }

    @Test func setsAndMapsOfWordsAnswerByBytes() {
        let months: WordMap<Int> = WordMap(["يناير": 1, "فبراير": 2])
        #expect(months["فبراير"] == 2 && months["مارس"] == nil)
        let titles: WordSet = ["الرئيس", "الوزير"]
        #expect(titles.contains("الوزير") && !titles.contains("وزير"))
    }

    @Test func aTableGivesEachWordBackByItsNumber() {
        let table = ByteTable(["الكرملين", "بيسكوف"])
        #expect(table.word(1) == "بيسكوف")
        #expect(table.withBytes(of: 0) { String(decoding: $0, as: UTF8.self) } == "الكرملين")
    }
}
