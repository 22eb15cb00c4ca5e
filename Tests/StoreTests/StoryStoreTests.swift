import Foundation
import GRDB
import Ingest
import Pipeline
import Store
import Stories
import Synchronization
import TestSupport
import Testing

/// The demo articles (three days of February 2020), published on `day` if given.
private func demoArticles(on day: String? = nil) -> [Article] {
    Ingest.read([repositoryPath("Datasets/demo/articles")]).articles.filter { day == nil || $0.published?.day == day }
}

/// A new store in a folder of its own.
private func newStore() throws -> StoryStore {
    let folder = makeTemporaryFolder("store")
    return try StoryStore(path: folder + "/store.sqlite")
}

/// Adds `articles` as one daily run and gives them their stories.
@discardableResult
private func daily(_ store: StoryStore, _ articles: [Article]) throws -> UpdateSummary {
    let run = try store.beginRun(inputs: ["test"])
    _ = try store.add(articles, run: run)
    let summary = try Pipeline.update(store, run: run)
    try store.finishRun(run, read: articles.count)
    return summary
}

private func article(_ id: String, _ time: String) -> Article {
    Article(id: id, source: "test", url: nil, title: "عنوان", published: Published(parsing: time), text: "نص", origin: SourceLocation(file: "t", line: 1))
}

@Suite("Continuing stories")
struct ContinuationTests {
    @Test func aClusterOfNewArticlesOnlyIsNamedAfterItsFirstArticle() {
        let articles = [article("late", "2018-05-15T10:00:00"), article("early", "2018-05-15T08:00:00")]
        let outcome = StoryContinuation.continuation(labels: [0, 0], storedIDs: [nil, nil], articles: articles)
        #expect(outcome.storyIDs == [storyID("early"), storyID("early")])
        #expect(outcome.merged.isEmpty)
    }

    @Test func aStoredStoryMostlyInAnotherStorysClusterMergesIntoIt() {
        // Two of s-y's three articles fall in the cluster s-x leads with three: s-y was part of s-x.
        let articles = (0..<7).map { article("a\($0)", "2018-05-1\($0)") }
        let outcome = StoryContinuation.continuation(
            labels: [0, 0, 0, 0, 0, 0, 1], storedIDs: ["s-x", "s-x", "s-x", "s-y", "s-y", nil, "s-y"], articles: articles)
        #expect(outcome.merged == ["s-y": "s-x"])
        #expect(outcome.storyIDs == ["s-x", "s-x", "s-x", "s-x", "s-x", "s-x", "s-x"])
    }

    @Test func newArticlesTakeTheLeadingStoryAndAStoryWithFewArticlesThereKeepsItsID() {
        let articles = (0..<6).map { article("a\($0)", "2018-05-1\($0)") }
        let outcome = StoryContinuation.continuation(
            labels: [0, 0, 0, 1, 1, 0], storedIDs: ["s-x", "s-x", "s-y", "s-y", "s-y", nil], articles: articles)
        #expect(outcome.merged.isEmpty)
        #expect(outcome.storyIDs == ["s-x", "s-x", "s-y", "s-y", "s-y", "s-x"])
    }
}

@Suite("Story store")
struct StoryStoreTests {
    @Test func theSameArticlesAddedTwiceAreStoredOnce() throws {
        let store = try newStore()
        let articles = demoArticles()
        let first = try daily(store, articles)
        let again = try daily(store, articles)
        #expect(first.assigned == 26)
        #expect(again.assigned == 0)
        #expect(try store.counts().articles == 26)
        #expect(try store.counts().pending == 0)
    }

    @Test func tomorrowsArticleContinuesYesterdaysStoryUnderItsID() throws {
        let store = try newStore()
        try daily(store, demoArticles(on: "2020-02-19"))
        let before = try store.storyOfArticles()
        let summary = try daily(store, demoArticles(on: "2020-02-20"))
        let after = try store.storyOfArticles()
        // Iran's first cases (19 Feb) and the third death (20 Feb) are one story.
        #expect(after["SA-0502"] == storyID("UF-0501"))
        #expect(summary.continuing > 0)
        for (id, story) in before { #expect(after[id] == story, "\(id) changed story") }
    }

    @Test func articlesFedDayByDayGetTheStoriesOfOneBatchRun() throws {
        let store = try newStore()
        for day in ["2020-02-19", "2020-02-20", "2020-02-21"] { try daily(store, demoArticles(on: day)) }
        let stored = try store.storyOfArticles()
        let articles = demoArticles()
        let batch = StoryDetection.run(articles)
        let gold = Dictionary(uniqueKeysWithValues: zip(articles.map(\.id), batch.storyIDOfArticle))
        let scores = Evaluation.clusters(predicted: stored, gold: gold)
        #expect(scores.bcubed.f1 >= 0.95, "day by day against batch: \(scores.bcubed)")
    }

    @Test func aSnapshotOfADayHoldsItsStoriesWithTheirEarlierArticles() throws {
        let store = try newStore()
        for day in ["2020-02-19", "2020-02-20", "2020-02-21"] { try daily(store, demoArticles(on: day)) }
        let day = try #require(Published(parsing: "2020-02-20")?.calendarDay)
        let snapshot = try store.snapshot(from: day, to: day)
        let ids = Set(snapshot.articles.map(\.id))
        #expect(ids.contains("UF-0501"), "the 19 February start of a story the 20th continues")
        #expect(!ids.contains("NA-0601"), "a story of the 21st only")
        #expect(Set(snapshot.stories.map(\.story)) == Set(snapshot.storyOfArticle))
        #expect(snapshot.statements.allSatisfy { ids.contains($0.article) })
        #expect(!snapshot.statements.isEmpty)
    }

    @Test func anOutlineHoldsTheSnapshotsArticlesWithoutTheirTexts() throws {
        let store = try newStore()
        for day in ["2020-02-19", "2020-02-20", "2020-02-21"] { try daily(store, demoArticles(on: day)) }
        let day = try #require(Published(parsing: "2020-02-20")?.calendarDay)
        let (snapshot, outline) = (try store.snapshot(from: day, to: day), try store.outline(from: day, to: day))
        #expect(outline.articles.map(\.id) == snapshot.articles.map(\.id))
        #expect(outline.articles.map(\.published) == snapshot.articles.map(\.published))
        #expect(outline.storyOfArticle == snapshot.storyOfArticle)
        #expect(outline.duplicateOf == snapshot.duplicateOf)
        #expect(outline.stories.map(\.story) == snapshot.stories.map(\.story))
        #expect(outline.articles.allSatisfy { $0.text.isEmpty })
        #expect(outline.statements.isEmpty)
    }

    @Test func theStateChangesWithADailyRunAndWithARecordedMerge() throws {
        let store = try newStore()
        let empty = try store.state()
        try daily(store, demoArticles(on: "2020-02-19"))
        let fed = try store.state()
        #expect(fed > empty)
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in try db.execute(sql: "INSERT INTO merges (story, merged_into, run) VALUES ('s-retired', 's-kept', 1)") }
        #expect(try store.state() > fed)
    }

    @Test func aFileThatIsNotAStoreIsAnErrorNamingIt() throws {
        let path = makeTemporaryFolder("not-a-store") + "/store.sqlite"
        try Data("id,title\n1,خبر\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try StoryStore(path: path) }
        #expect(error?.description.hasPrefix(path) == true)
    }

    /// A new store at a path of its own, then changed by `sql` as a newer program would.
    private func storeChanged(by sql: String) throws -> String {
        let path = makeTemporaryFolder("newer-store") + "/store.sqlite"
        _ = try StoryStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
        return path
    }

    @Test func aStoreOfANewerSchemaIsRefusedAndLeftAsItIs() throws {
        let path = try storeChanged(by: "UPDATE meta SET value = '999' WHERE key = 'schema_version'")
        let error = #expect(throws: StoreError.self) { try StoryStore(path: path) }
        #expect(error?.description == "\(path): written by a newer isnad (its schema version is 999, this isnad reads 2); update isnad to use it")
        let version = try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") }
        #expect(version == "999")
    }

    @Test func aStoreWithAMigrationThisProgramDoesNotKnowIsRefused() throws {
        let path = try storeChanged(by: "INSERT INTO grdb_migrations VALUES ('v2-stories-by-week')")
        let error = #expect(throws: StoreError.self) { try StoryStore(path: path) }
        #expect(error == .newer(path: path, detail: "it holds migration v2-stories-by-week, which this isnad does not know"))
    }

    @Test func aReaderPollingForANewStoreFindsItWholeAndTheStoreOpens() throws {
        // A notebook polling for the store a first daily run creates: each time the file is
        // there, a connection of its own opens it, reads and closes. Creating the store in place
        // let such a reader see it without tables and, closing last, delete the write-ahead log
        // the run had just made, failing the run.
        let folder = makeTemporaryFolder("store")
        for attempt in 0..<100 {
            let path = folder + "/store-\(attempt).sqlite"
            let created = Atomic(false)
            let tablesSeen = Mutex([Bool]())
            let reader = Thread {
                while !created.load(ordering: .acquiring) {
                    guard FileManager.default.fileExists(atPath: path),
                        let hasTables = try? DatabaseQueue(path: path).read({ try $0.tableExists("articles") })
                    else { continue }
                    tablesSeen.withLock { $0.append(hasTables) }
                }
            }
            reader.start()
            let store = Result { try StoryStore(path: path) }
            created.store(true, ordering: .releasing)
            while !reader.isFinished { usleep(100) }
            #expect(throws: Never.self) { try store.get() }
            #expect(tablesSeen.withLock { $0.allSatisfy { $0 } }, "attempt \(attempt)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left.count == 100 && left.allSatisfy { $0.hasSuffix(".sqlite") }, "no drafts left: \(left.filter { !$0.hasSuffix(".sqlite") })")
    }
}

/// Statements of one person whose name two outlets spell «دونالد ترامب» and «دونالد ترمب», in two
/// stories of different months: each spelling's statements, `ترامب` of them with the first.
private func spelledTwoWays(ترامب: Int, ترمب: Int, month: String) -> [Article] {
    let stories = [
        (
            count: ترامب, id: "trade", outlet: "alarabiya.net", day: "05", title: "الرسوم الجمركية على الصلب",
            text: "قال دونالد ترامب إن الرسوم الجمركية على واردات الصلب والألمنيوم ستحمي المصانع الأمريكية من المنافسة."
        ),
        (
            count: ترمب, id: "summit", outlet: "aljazeera.net", day: "20", title: "القمة مع كوريا الشمالية",
            text: "قال دونالد ترمب إن القمة مع زعيم كوريا الشمالية كيم جونغ أون في سنغافورة ستعقد في موعدها."
        ),
    ]
    return stories.flatMap { story in
        (0..<story.count).map { k in
            Article(
                id: "\(story.id)-\(month)-\(k)", source: story.outlet, url: nil, title: story.title,
                published: Published(parsing: "2018-\(month)-\(story.day)T10:0\(k):00Z"), text: story.text, origin: SourceLocation(file: "t", line: 1))
        }
    }
}

@Suite("Speakers across stories")
struct StoredSpeakersTests {
    @Test func twoSpellingsOfOneNameInTwoStoriesHaveTheCommonerAsTheirCanonicalName() throws {
        let store = try newStore()
        try daily(store, spelledTwoWays(ترامب: 2, ترمب: 1, month: "05"))
        #expect(
            try store.speakers() == [
                StoredSpeaker(name: "دونالد ترامب", statements: 2, canonical: "دونالد ترامب"),
                StoredSpeaker(name: "دونالد ترمب", statements: 1, canonical: "دونالد ترامب"),
            ])
    }

    @Test func aLaterRunThatMakesTheOtherSpellingCommonerChangesTheCanonicalName() throws {
        let store = try newStore()
        try daily(store, spelledTwoWays(ترامب: 2, ترمب: 1, month: "05"))
        try daily(store, spelledTwoWays(ترامب: 0, ترمب: 3, month: "09"))
        #expect(
            try store.speakers() == [
                StoredSpeaker(name: "دونالد ترمب", statements: 4, canonical: "دونالد ترمب"),
                StoredSpeaker(name: "دونالد ترامب", statements: 2, canonical: "دونالد ترمب"),
            ])
    }

    @Test func aStoreOfSchemaVersionOneGetsItsSpeakersWhenOpened() throws {
        let path = makeTemporaryFolder("store") + "/store.sqlite"
        try daily(try StoryStore(path: path), spelledTwoWays(ترامب: 2, ترمب: 1, month: "05"))
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for sql in [
                "DROP TABLE speakers", "DROP INDEX statements_speaker", "DELETE FROM grdb_migrations WHERE identifier = 'v2'",
                "UPDATE meta SET value = '1' WHERE key = 'schema_version'",
            ] { try db.execute(sql: sql) }
        }
        try queue.close()
        let speakers = try StoryStore(path: path).speakers()
        #expect(speakers.map(\.canonical) == ["دونالد ترامب", "دونالد ترامب"])
        let version = try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") }
        #expect(version == "2")
    }
}
