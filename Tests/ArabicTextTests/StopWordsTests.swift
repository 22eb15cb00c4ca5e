import Testing

@testable import ArabicText

@Suite("Stop words")
struct StopWordsTests {
    func kept(_ text: String, _ list: StopWords = .news) -> [String] {
        Tokenizer.tokens(in: DisplayText(text)).filter { !list.contains($0) }.map(\.text)
    }

    @Test func entriesMatchEverySpelling() {
        // إنّ with shadda, إلى written الى and الي, هي written هى: one entry each.
        #expect(kept("إنّ الوفد وصل الى إلى الي القاهرة وهى هي العاصمة") == ["الوفد", "وصل", "القاهرة", "العاصمة"])
    }

    @Test func conjunctionsAreStrippedBeforeLookup() {
        #expect(kept("وبحسب زايبرت، فقد أعرب ولكن") == ["زايبرت", "أعرب"])
    }

    @Test func onAndAliAreToldApart() {
        #expect(kept("أكد علي أن الاتفاق على الطاولة") == ["أكد", "علي", "الاتفاق", "الطاولة"])
    }

    @Test func clusteringAlsoDropsReportingVerbs() {
        #expect(kept("وقال الوزير، مؤكدا أن الاتفاق يؤكد التزام وأضافت الوزارة", .clustering) == ["الوزير", "الاتفاق", "التزام", "الوزارة"])
        #expect(kept("وقال الوزير مؤكدا", .news) == ["وقال", "الوزير", "مؤكدا"])
    }
}
