import ArabicText
import Foundation
import Ingest
import TestSupport
import Testing
import Vectors

@testable import Stories

/// Story detection on real data: the demo corpus and the gold-dev days of `../shared/datasets`.
@Suite("Story detection")
struct StoryDetectionTests {

    /// The gold-dev stories (empty without the shared data: the tests using them need it).
    static let gold: [String: String] = (try? Gold.clusters(SharedData.path("gold-dev/clusters.jsonl"))) ?? [:]

    /// The 521 articles of the gold-dev days.
    static let devDays = ((try? SharedData.path("ant-multisource.jsonl.gz")).map { Ingest.read([$0]).articles } ?? []).filter { gold[$0.id] != nil }

    @Test(.needsSharedData, arguments: SimilarityRoute.allCases)
    func goldDevDaysMeetTheQualityTargets(_ route: SimilarityRoute) {
        #expect(StoryDetectionTests.devDays.count == 521)
        var options = StoryOptions()
        options.route = route
        let result = StoryDetection.run(StoryDetectionTests.devDays, options: options)
        let predicted = Dictionary(uniqueKeysWithValues: zip(StoryDetectionTests.devDays.map(\.id), result.storyIDOfArticle))
        let scores = Evaluation.clusters(predicted: predicted, gold: StoryDetectionTests.gold)
        #expect(scores.bcubed.f1 >= 0.90)
        #expect(scores.pairwise.f1 >= 0.80)
    }

    @Test(.needsSharedData) func theGoldNearDuplicatesAreWireCopies() {
        let articles = StoryDetectionTests.devDays
        let result = StoryDetection.run(articles)
        let copies = Dictionary(
            uniqueKeysWithValues: articles.indices.compactMap { i in
                result.duplicateOf[i].map { (articles[i].id, articles[$0].id) }
            })
        #expect(copies["AL-sport-1556-20180514"] == "AL-sport-1540-20180514")
        #expect(copies["SK-economy-564-20180514"] == "SK-economy-563-20180514")
    }

    @Test func shingleHashesSortAsTheStandardSortSortsThem() {
        // Values that differ in each of the four bytes, repeats, the extremes, and lists of 0–2.
        var state: UInt32 = 12_345
        let random = (0..<1_000).map { _ -> UInt32 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return state
        }
        let lists: [[UInt32]] = [[], [7], [2, 1], [0x0100_0000, 0x0001_0000, 0x0000_0100, 1, 0, .max, 0x0100_0000, 1], random, random + random.prefix(100)]
        for list in lists {
            var sorted = list
            WireCopies.radixSort(&sorted)
            #expect(sorted == list.sorted())
        }
    }

    @Test(.needsSharedData) func theSameInputGivesTheSameStories() {
        let articles = StoryDetectionTests.devDays
        #expect(StoryDetection.run(articles).stories == StoryDetection.run(articles).stories)
    }

    @Test(.needsSharedData) func storyIDsDoNotChangeWhenUnrelatedArticlesAreAdded() throws {
        let articles = StoryDetectionTests.devDays
        let alone = StoryDetection.run(articles)
        // Tunisian radio articles of 2016: another outlet, another year.
        let unrelated = Ingest.read([try SharedData.path("ant-jawharafm.jsonl.gz")]).articles.prefix(300)
        let together = StoryDetection.run(articles + unrelated)
        let storyWith = Dictionary(uniqueKeysWithValues: together.stories.flatMap { story in story.articles.map { ($0, story) } })
        var sameMembers = 0
        for story in alone.stories {
            let now = storyWith[story.articles[0]]!
            // A story keeps its id as long as it starts with the same article.
            if now.articles[0] == story.articles[0] { #expect(now.story == story.story) }
            if now.articles == story.articles { sameMembers += 1 }
        }
        // The new articles shift every idf a little; nearly every story keeps its members.
        #expect(Double(sameMembers) >= 0.95 * Double(alone.stories.count))
    }

    @Test func aOneArticleStoryIsThatArticle() {
        func article(_ id: String, _ source: String, _ title: String, _ text: String) -> Article {
            Article(
                id: id, source: source, url: nil, title: title, published: Published(parsing: "2018-05-14T09:30:00Z"), text: text,
                origin: SourceLocation(file: "t", line: 1))
        }
        let articles = [
            article("a", "rt", "غزة تشيع ضحايا القصف", "شيعت غزة ضحايا القصف الإسرائيلي"),
            article("b", "bbc", "السفارة الأمريكية في القدس", "افتتحت السفارة الأمريكية في القدس"),
            article("c", "cnn", "السفارة الأمريكية في القدس تفتتح", "افتتاح السفارة الأمريكية في القدس"),
        ]
        // Every term of the three articles is in the vocabulary (a fitted one would drop the terms
        // of one article alone).
        let terms = Set(articles.flatMap { Analyzer().terms(of: $0.title + "\n" + $0.text) }).sorted()
        let vocabulary = Vocabulary(terms: terms, documentFrequencies: terms.map { _ in 1 }, documentCount: 3)
        let matrix = TFIDF.transform(
            articles.map { Document(title: $0.title, text: $0.text, source: $0.source) }, vocabulary: vocabulary, boilerplate: .fixedPatterns)
        // The first article is a copy of another outlet's: its story has no independent source.
        let stories = Story.records(
            articles: articles, labels: [0, 1, 1], ownReporting: [false, true, true], matrix: matrix, vocabulary: vocabulary,
            headlines: HeadlineWords(articles, vocabulary: vocabulary))
        let alone = stories[0]
        #expect(alone.story == storyID("a"))
        #expect(alone.title == "غزة تشيع ضحايا القصف")
        #expect(alone.articles == ["a"])
        #expect(alone.outlets == ["rt"])
        #expect(alone.independentSources == [])
        #expect(alone.firstPublished == "2018-05-14T09:30:00+00:00")
        #expect(alone.lastPublished == "2018-05-14T09:30:00+00:00")
        #expect(Set(alone.keywords) == ["غزة", "تشيع", "ضحايا", "القصف"])
        #expect(stories[1].articles == ["b", "c"])
        #expect(stories[1].independentSources == ["bbc", "cnn"])
    }

    @Test(.needsSharedData) func keywordsAreWordsTheStoryHeadlinesWrite() {
        let articles = StoryDetectionTests.devDays
        let result = StoryDetection.run(articles)
        let title = Dictionary(uniqueKeysWithValues: articles.map { ($0.id, $0.title) })
        for story in result.stories {
            let words = Set(story.articles.flatMap { Tokenizer.tokens(in: title[$0]!).map(\.text) })
            #expect(story.keywords.allSatisfy(words.contains), "\(story.keywords) in \(words)")
        }
    }

    @Test func demoWireCopyIsNotAnIndependentSource() throws {
        let articles = Ingest.read([repositoryPath("Datasets/demo/articles")]).articles
        let result = StoryDetection.run(articles)
        let index = try #require(articles.firstIndex { $0.id == "WA-0302" })
        #expect(result.duplicateOf[index].map { articles[$0].id } == "SA-0301")
        let story = try #require(result.stories.first { $0.articles.contains("WA-0302") })
        #expect(story.outlets.contains("wasla-tv"))
        #expect(!story.independentSources.contains("wasla-tv"))
    }
}

@Suite("Story records")
struct StoryRecordTests {
    @Test func headlineWordsAreWrittenAsTheHeadlineWritesThemAndOnlyForVocabularyTerms() {
        // Diacritics, a hamza and a Latin word stay as written; «في» has no column and is skipped.
        let titles = ["الرئيسُ يزورُ غزةَ في 2018", "Trump يلتقي كيم"]
        let articles = titles.enumerated().map { k, title in
            Article(id: "a\(k)", source: "rt", url: nil, title: title, published: nil, text: "", origin: SourceLocation(file: "t", line: k + 1))
        }
        let terms = Set(titles.flatMap { Story.keywordAnalyzer.terms(of: $0) }).subtracting(["في"]).sorted()
        let vocabulary = Vocabulary(terms: terms, documentFrequencies: terms.map { _ in 1 }, documentCount: 2)
        let headlines = HeadlineWords(articles, vocabulary: vocabulary)
        let written = articles.indices.map { i in headlines.words(of: i).map { headlines.written($0, in: titles[i]) } }
        #expect(written == [["الرئيسُ", "يزورُ", "غزةَ", "2018"], ["Trump", "يلتقي", "كيم"]])
        let columns = articles.indices.map { i in headlines.words(of: i).map { vocabulary.terms[Int(headlines.column(of: $0))] } }
        #expect(columns == titles.map { Story.keywordAnalyzer.terms(of: $0).filter { $0 != "في" } })
    }
}
