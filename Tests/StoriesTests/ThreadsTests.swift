import Foundation
import Testing
import Vectors

@testable import Stories

@Suite("Stories across days")
struct ThreadsTests {
    /// A run of articles as term lists (binary weights, normalized rows), each with its day and
    /// its cluster before the pass; the vocabulary's frequencies are the run's own.
    struct Run {
        var terms: [String] = []
        var articles: [(terms: [String], day: Int, cluster: Int)] = []

        mutating func add(_ words: [String], day: Int, cluster: Int) {
            for word in words where !terms.contains(word) { terms.append(word) }
            articles.append((words, day, cluster))
        }

        /// Each article with a cluster of its own.
        mutating func add(_ words: [String], day: Int) { add(words, day: day, cluster: (articles.map(\.cluster).max() ?? -1) + 1) }

        var matrix: SparseMatrix {
            let rows = articles.map { article in
                article.terms.map { Int32(terms.firstIndex(of: $0)!) }.sorted().map { ($0, 1 / Float(article.terms.count).squareRoot()) }
            }
            return SparseMatrix(
                columnCount: terms.count, rowStarts: rows.reduce(into: [0]) { $0.append($0.last! + $1.count) },
                columns: rows.flatMap { $0.map(\.0) }, values: rows.flatMap { $0.map(\.1) })
        }

        var vocabulary: Vocabulary {
            Vocabulary(
                terms: terms, documentFrequencies: terms.map { term in Int32(articles.filter { $0.terms.contains(term) }.count) },
                documentCount: articles.count)
        }

        /// The pass with the run's own frequencies as the usual ones, at the thresholds these
        /// cases were written for (0.35 + 0.01 a day, full weight from twice the usual rate).
        func threads() -> [Int] {
            var options = ThreadOptions()
            (options.threshold, options.fullWeightBurstLog2) = (0.35, 1)
            return Clustering.threadAcrossDays(
                articles.map(\.cluster), matrix: matrix, vocabulary: vocabulary, times: articles.map { Double($0.day) * 86_400 + 43_200 },
                usual: UsualFrequencies(vocabulary), options: options)
        }
    }

    /// Sixty days of news: each day an article of its own, and every other day an oil market
    /// report in the same words.
    func twoMonthsOfNews() -> Run {
        var run = Run()
        for day in 0..<60 { run.add(["خبر\(day)", "يوم\(day)"], day: day) }
        for day in stride(from: 0, to: 60, by: 2) { run.add(["النفط", "برنت", "الأسعار", "سعر\(day)"], day: day) }
        return run
    }

    @Test func oneOffensiveReportedTwelveDaysApartIsOneStory() {
        // The battle for Hodeidah on day 30 and day 42: its words come only in those weeks.
        var run = twoMonthsOfNews()
        let first = (run.articles.map(\.cluster).max() ?? 0) + 1
        run.add(["الحديدة", "الدريهمي", "القوات", "المطار"], day: 30, cluster: first)
        run.add(["الحديدة", "الدريهمي", "القوات", "تقدم"], day: 30, cluster: first)
        run.add(["الحديدة", "الدريهمي", "القوات", "المطار"], day: 42, cluster: first + 1)
        run.add(["الحديدة", "الدريهمي", "القوات", "معارك"], day: 42, cluster: first + 1)
        let labels = run.threads()
        let hodeidah = labels.suffix(4)
        #expect(Set(hodeidah).count == 1)
        #expect(!labels.dropLast(4).contains(hodeidah.first!))
    }

    @Test func dailyMarketReportsInTheSameWordsStayApart() {
        // The oil reports share all their words but those words come every other day: nothing
        // bursts, nothing joins.
        let run = twoMonthsOfNews()
        let labels = run.threads()
        let reports = labels.suffix(30)
        #expect(Set(reports).count == 30)
    }

    @Test func theBarRisesWithTheDaysBetweenTwoStories() {
        // Two reports of one development that share four of their ten words, all of them rare
        // before: cosine 0.4 after burst weighting. Two days apart (bar 0.35 + 0.02) they join;
        // eight days apart (bar 0.43) they do not.
        for (gap, joined) in [(2, true), (8, false)] {
            var run = twoMonthsOfNews()
            let first = (run.articles.map(\.cluster).max() ?? 0) + 1
            let shared = ["مقدونيا", "اليونان", "الاسم", "زاييف"]
            run.add(shared + ["الاستفتاء", "سكوبيه", "البرلمان", "المعارضة", "الدستور", "تعديل"], day: 20, cluster: first)
            run.add(shared + ["الاتفاق", "تسيبراس", "أثينا", "الناتو", "بريسبا", "توقيع"], day: 20 + gap, cluster: first + 1)
            let labels = run.threads()
            #expect((labels[labels.count - 1] == labels[labels.count - 2]) == joined, "gap \(gap)")
        }
    }

    @Test func oneHotPhraseIsNotADevelopment() {
        // A gold market report and a health story of one day share «انتشار فيروس كورونا» and
        // little else: three bursting words, under the four a development shares.
        var run = twoMonthsOfNews()
        let first = (run.articles.map(\.cluster).max() ?? 0) + 1
        run.add(["كورونا", "فيروس", "انتشار", "الذهب"], day: 30, cluster: first)
        run.add(["كورونا", "فيروس", "انتشار", "قم"], day: 30, cluster: first + 1)
        let labels = run.threads()
        #expect(labels[labels.count - 1] != labels[labels.count - 2])
    }

    @Test func measuredAgainstItselfARunOfAFewDaysHasNoBurst() {
        // The same offensive, but the run holds only its three days and is its own measure of
        // what is usual: its words are as common around each story as in the whole run.
        var run = Run()
        run.add(["الحديدة", "الدريهمي", "القوات", "المطار"], day: 0, cluster: 0)
        run.add(["الحديدة", "الدريهمي", "القوات", "معارك"], day: 2, cluster: 1)
        run.add(["النفط", "برنت"], day: 1, cluster: 2)
        #expect(run.threads() == [0, 1, 2])
    }

    @Test func aTermsBurstIsItsRateNearTheDayOverItsUsualRate() {
        // 40 articles, one a day; «الحديدة» in the 4 of days 20–23. Around day 19 with a radius of
        // 2, it is in 2 of the 5 articles of days 17–21: (2 / 5) / (4 / 40) = 4.
        var run = Run()
        for day in 0..<40 { run.add((20...23).contains(day) ? ["الحديدة"] : ["خبر\(day)"], day: day) }
        let usual = UsualFrequencies(run.vocabulary).rates(of: run.vocabulary)
        let bursts = TermBursts(matrix: run.matrix, usualRates: usual, days: run.articles.map(\.day), radius: 2)
        let column = run.terms.firstIndex(of: "الحديدة")!
        #expect(abs(bursts.lift(of: column, around: 19) - 4) < 1e-5)
        #expect(bursts.lift(of: column, around: 5) == 0)
    }

    @Test func theShippedFrequenciesKnowCommonNewsWordsAndTheirCorpus() {
        // «رئيس» (stem رءيس) is in about a third of the 71,452 articles; a name never seen is rarer
        // than anything counted.
        let usual = UsualFrequencies.news
        #expect(usual.documents == 71_452)
        #expect(usual.documentFrequencies["رءيس"] == 25_721)
        let vocabulary = Vocabulary(terms: ["رءيس", "زيلينسكيي"], documentFrequencies: [1, 1], documentCount: 2)
        let rates = usual.rates(of: vocabulary)
        #expect(abs(rates[0] - 25_721 / 71_452) < 1e-6)
        #expect(rates[1] == 0.5 / 71_452)
    }

    @Test func frequenciesReadBackFromTheirFile() {
        let usual = UsualFrequencies(documentFrequencies: ["النفط": 40, "برنت": 7, "نادر": 2], documents: 100)
        let read = UsualFrequencies.parse(usual.file(header: ["made by a test"]))
        #expect(read.documents == 100)
        #expect(read.documentFrequencies == ["النفط": 40, "برنت": 7])
    }
}
