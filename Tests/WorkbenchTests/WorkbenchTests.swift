import Foundation
import GRDB
import Ingest
import Pipeline
import Store
import TestSupport
import Testing

@testable import Workbench

/// The demo corpus fed to a store in one daily run, with one hostile article beside it.
private let demoStore: (store: StoryStore, path: String) = {
    let path = makeTemporaryFolder("workbench") + "/store.sqlite"
    let store = try! StoryStore(path: path)
    let run = try! store.beginRun(inputs: ["demo"])
    let hostile = Article(
        id: "hostile-1", source: "evil.example", url: "javascript:alert(1)", title: "<script>alert('title')</script> هجوم على المقهى",
        published: Published(parsing: "2020-02-21T09:00:00+00:00"),
        text: "وقال المتحدث <img src=x onerror=alert(1)> إن الهجوم <b>مدان</b> بكل المقاييس.", origin: SourceLocation(file: "test", line: 1))
    _ = try! store.add(Ingest.read([repositoryPath("Datasets/demo/articles")]).articles + [hostile], run: run)
    _ = try! Pipeline.update(store, run: run)
    return (store, path)
}()

private let workbench = try! Workbench(store: demoStore.store)

/// The answer to `path` (query as given).
private func get(_ path: String, _ query: [String: String] = [:]) -> WorkbenchResponse {
    workbench.respond(to: WorkbenchRequest(path: path, query: query))
}

/// The JSON object of an API answer.
private func object(_ response: WorkbenchResponse) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any], "\(response.body)")
}

/// `text` as one percent-encoded path segment.
private func segment(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
}

@Suite("The workbench's pages")
struct WorkbenchPageTests {
    @Test func theHomePageIsTheLatestDaysReportWithTheDayBefore() {
        let home = get("/")
        #expect(home.status == 200)
        #expect(home.contentType == "text/html; charset=utf-8")
        #expect(home.body.contains("<h1>تقرير الأخبار: <bdi dir=\"ltr\">2020-02-21</bdi></h1>"))
        #expect(home.body.contains("<a rel=\"prev\" href=\"/day/2020-02-20\">"))
        #expect(!home.body.contains("rel=\"next\""))
    }

    @Test func aDayPageLinksEachStoryToItsPage() {
        let day = get("/day/2020-02-20")
        #expect(day.status == 200)
        #expect(day.body.contains("<a href=\"/story/s-3c7b020382\">بوتين يبحث مع ماكرون وميركل التصعيد في إدلب</a>"))
        #expect(day.body.contains("<a rel=\"next\" href=\"/day/2020-02-21\">"))
        #expect(day.body.contains("<a rel=\"prev\" href=\"/day/2020-02-19\">"))
    }

    @Test func aDayWithoutArticlesIsNotFoundAndABadDayIsABadRequest() {
        #expect(get("/day/2020-03-01").status == 404)
        #expect(get("/day/2020-03-01").body.contains("no article was published on 2020-03-01"))
        #expect(get("/day/2020-3-1").status == 400)
        #expect(get("/day/2020-3-1").body.contains("day 2020-3-1: expected a day as YYYY-MM-DD"))
    }

    @Test func aStoryPageShowsEveryArticleAndStatementOfTheStory() throws {
        let story = get("/story/s-3c7b020382")
        #expect(story.status == 200)
        for title in ["بوتين يبحث مع ماكرون وميركل التصعيد في إدلب", "اتصال ثلاثي بين بوتين وماكرون وميركل حول سوريا"] {
            #expect(story.body.contains(title))
        }
        #expect(story.body.contains("<tr><td>شتيفن زايبرت"))
        #expect(!story.body.contains("وفي timeline.jsonl غيرها"), "every statement is shown")
    }

    @Test func aLongStorysTimelineIsShownPageByPage() throws {
        let first = get("/story/s-3c7b020382", ["limit": "1"])
        #expect(first.status == 200)
        #expect(first.body.contains("<a rel=\"next\" href=\"/story/s-3c7b020382?offset=1&amp;limit=1\">"))
        #expect(!first.body.contains("التصريحات السابقة"))
        let second = get("/story/s-3c7b020382", ["offset": "1", "limit": "1"])
        #expect(second.body.contains("<a rel=\"prev\" href=\"/story/s-3c7b020382?offset=0&amp;limit=1\">"))
        #expect(get("/story/s-3c7b020382", ["limit": "0"]).status == 400)
    }

    @Test func anUnknownStoryIsNotFoundAndARetiredOneRedirectsToItsSurvivor() throws {
        #expect(get("/story/s-0000000000").status == 404)
        // (The survivor's page given before the merge is not given again after it.)
        #expect(get("/story/s-3c7b020382").status == 200)
        let queue = try DatabaseQueue(path: demoStore.path)
        try queue.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO merges (story, merged_into, run) VALUES ('s-retired', 's-3c7b020382', 1)")
        }
        let moved = get("/story/s-retired")
        #expect(moved.status == 301)
        #expect(moved.location == "/story/s-3c7b020382")
        #expect(get("/story/s-3c7b020382").body.contains("<a href=\"/story/s-retired\">"), "the survivor lists what merged into it")
        #expect(get("/api/stories/s-retired").location == "/api/stories/s-3c7b020382")
        #expect(try object(get("/api/stories/s-3c7b020382"))["merged"] as? [String] == ["s-retired"])
    }

    @Test func aSpeakerIsFoundWhateverLetterFormsTheNameIsWrittenWith() {
        for name in ["خلوصي أكار", "خلوصى اكار", "أكار"] {
            let page = get("/speaker/" + segment(name))
            #expect(page.status == 200, "\(name)")
            #expect(page.body.contains("<h1>خلوصي أكار</h1>"), "\(name)")
            #expect(page.body.contains("التصريحات: 4 · القصص: 2"), "\(name)")
        }
        #expect(get("/speaker/" + segment("لا أحد بهذا الاسم")).status == 404)
    }

    @Test func searchMatchesHeadlinesSpeakersAndWordsOnTheKeyView() {
        let page = get("/search", ["q": "هاناو"])
        #expect(page.status == 200)
        #expect(page.body.contains("مقتل تسعة أشخاص في هجوم على مقهيين بمدينة هاناو الألمانية"))
        #expect(get("/search", ["q": "إدلب"]).body == get("/search", ["q": "ادلب"]).body.replacingOccurrences(of: "ادلب", with: "إدلب"))
        #expect(get("/search", ["q": " "]).status == 400)
    }

    @Test func hostileArticleTextStaysText() throws {
        let search = get("/search", ["q": "المقهى"])
        #expect(search.status == 200)
        #expect(search.body.contains("&lt;script&gt;alert("))
        #expect(!search.body.contains("<script>"))
        let found = try #require(try object(get("/api/search", ["q": "المقهى"]))["results"] as? [[String: Any]])
        let stories = found.compactMap { $0["story"] as? [String: Any] }.compactMap { $0["story"] as? String }
        let hostile = try #require(stories.first)
        let story = get("/story/" + hostile)
        #expect(story.status == 200)
        #expect(story.body.contains("&lt;script&gt;alert("), "its headline is shown, as text")
        #expect(!story.body.contains("<script>"))
        #expect(!story.body.contains("<img src=x"))
        #expect(!story.body.contains("<b>مدان</b>"))
        #expect(!story.body.contains("javascript:"), "its address is not a link")
    }

    @Test func anOutletPageCoversTheThirtyDaysUpToItsLatestArticle() {
        let page = get("/outlet/al-ufuq")
        #expect(page.status == 200)
        #expect(page.body.contains("<bdi dir=\"ltr\">2020-01-23 – 2020-02-21</bdi>"))
        #expect(page.body.contains("آلاف الألمان يتظاهرون تضامنا مع ضحايا هاناو"))
        #expect(get("/outlet/no-such-outlet").status == 404)
    }

    @Test func anUnknownPageIsNotFound() {
        #expect(get("/no/such/page").status == 404)
    }
}

@Suite("The workbench's JSON API")
struct WorkbenchAPITests {
    @Test func storiesArePagedWithTheirTotal() throws {
        let all = try object(get("/api/stories"))
        let first = try object(get("/api/stories", ["limit": "2"]))
        let next = try object(get("/api/stories", ["limit": "2", "offset": "2"]))
        let everything = try #require(all["stories"] as? [[String: Any]])
        #expect(all["total"] as? Int == everything.count)
        #expect(everything.count >= 12)
        #expect((first["stories"] as? [[String: Any]])?.compactMap { $0["story"] as? String } == everything.prefix(2).compactMap { $0["story"] as? String })
        #expect((next["stories"] as? [[String: Any]])?.compactMap { $0["story"] as? String } == everything[2..<4].compactMap { $0["story"] as? String })
        #expect(
            Set(everything[0].keys) == ["story", "title", "articles", "outlets", "independent_sources", "first_published", "last_published", "keywords"])
    }

    @Test func storiesOfAPeriodHaveAnArticleInIt() throws {
        let day = try object(get("/api/stories", ["from": "2020-02-21", "to": "2020-02-21"]))
        let stories = try #require(day["stories"] as? [[String: Any]])
        #expect(stories.contains { $0["story"] as? String == "s-60941c8c2e" })
        #expect(!stories.contains { $0["story"] as? String == "s-60a7601ca1" }, "its articles are of the 19th and 20th")
    }

    @Test func aStoryComesWithItsTimelineArticlesAndMerges() throws {
        let story = try object(get("/api/stories/s-c89959490a"))
        #expect(story["story"] as? String == "s-c89959490a")
        #expect((story["article_rows"] as? [[String: Any]])?.count == 3)
        #expect(((story["timeline"] as? [[String: Any]]) ?? []).allSatisfy { $0["story"] as? String == "s-c89959490a" })
        #expect((story["timeline"] as? [[String: Any]])?.isEmpty == false)
        #expect(story["merged"] as? [String] != nil)
    }

    @Test func statementsOfASpeakerCarryTheirStory() throws {
        let found = try object(get("/api/statements", ["speaker": "اكار"]))
        let statements = try #require(found["statements"] as? [[String: Any]])
        #expect(statements.count == 4)
        #expect(statements.allSatisfy { $0["speaker"] as? String == "خلوصي أكار" && $0["story"] is String })
        let worded = try object(get("/api/statements", ["speaker": "اكار", "q": "الروس"]))
        #expect((worded["statements"] as? [[String: Any]])?.count ?? 0 < 4)
    }

    @Test func searchGivesEachResultsKind() throws {
        let found = try object(get("/api/search", ["q": "ميركل"]))
        let kinds = Set(try #require(found["results"] as? [[String: Any]]).compactMap { $0["kind"] as? String })
        #expect(kinds == ["story", "speaker", "statement"])
    }

    @Test func wordsThatNoTextHoldsFindNothing() throws {
        let found = try object(get("/api/search", ["q": "زمردستان"]))
        #expect((found["results"] as? [Any])?.isEmpty == true)
    }

    @Test func outletsCarryTheirCoverage() throws {
        let found = try object(get("/api/outlets"))
        let outlets = try #require(found["outlets"] as? [[String: Any]])
        let mirsad = try #require(outlets.first { $0["outlet"] as? String == "al-mirsad" })
        #expect(Set(mirsad.keys) == ["outlet", "articles", "stories", "exclusives", "median_lag_minutes"])
        #expect(mirsad["articles"] as? Int ?? 0 > 0)
    }

    @Test func badParametersAreABadRequestWithAMessage() throws {
        for (query, message) in [
            (["limit": "0"], "limit 0: expected a whole number from 1 to 1000"), (["from": "21-02-2020"], "from 21-02-2020: expected a day as YYYY-MM-DD"),
            (["from": "2020-02-21", "to": "2020-02-19"], "from 2020-02-21 is after to 2020-02-19"),
        ] {
            let answer = get("/api/stories", query)
            #expect(answer.status == 400)
            #expect(answer.contentType == "application/json")
            #expect(try object(answer)["error"] as? String == message)
        }
    }

    @Test func anUnknownStoryIsNotFoundAsJSON() throws {
        let answer = get("/api/stories/s-0000000000")
        #expect(answer.status == 404)
        #expect(try object(answer)["error"] as? String == "no story s-0000000000")
    }
}

@Suite("The workbench over PostgreSQL", .needsPostgres)
struct WorkbenchPostgresTests {
    @Test func aPostgreSQLStoreAnswersAsTheSQLiteStoreOfTheSameInput() throws {
        let location = try StoreLocation(parsing: try TestPostgres.newDatabase())
        let store = try StoryStore(location: location)
        let run = try store.beginRun(inputs: ["demo"])
        let sqlite = try StoryStore(path: makeTemporaryFolder("workbench") + "/store.sqlite")
        let sqliteRun = try sqlite.beginRun(inputs: ["demo"])
        let articles = Ingest.read([repositoryPath("Datasets/demo/articles")]).articles
        for (store, run) in [(store, run), (sqlite, sqliteRun)] {
            _ = try store.add(articles, run: run)
            _ = try Pipeline.update(store, run: run)
        }
        let postgres = try Workbench(store: store), local = try Workbench(store: sqlite)
        for (path, query) in [
            ("/", [:]), ("/day/2020-02-20", [:]), ("/story/s-3c7b020382", [:]), ("/speaker/" + segment("أكار"), [:]), ("/search", ["q": "إدلب"]),
            ("/api/stories", [:]), ("/api/stories/s-c89959490a", [:]), ("/api/statements", ["from": "2020-02-20"]), ("/api/outlets", [:]),
        ] {
            let request = WorkbenchRequest(path: path, query: query)
            #expect(postgres.respond(to: request) == local.respond(to: request), "\(path)")
        }
        #expect(try store.speakers() == sqlite.speakers())
    }
}

@Suite("Answers given again")
struct ResponseCacheTests {
    @Test func aPreparedWorkbenchHasTheLatestDaysPageReady() throws {
        // (A store of its own: another test writes to the demo store, which changes its state.)
        let store = try StoryStore(path: makeTemporaryFolder("prepared") + "/store.sqlite")
        let run = try store.beginRun(inputs: ["demo"])
        _ = try store.add(Array(Ingest.read([repositoryPath("Datasets/demo/articles")]).articles.prefix(6)), run: run)
        _ = try Pipeline.update(store, run: run)
        let prepared = try Workbench(store: store)
        let home = WorkbenchRequest(path: "/")
        #expect(prepared.answers.answer(to: home, at: try store.state()) == nil)
        try prepared.prepare()
        #expect(prepared.answers.answer(to: home, at: try store.state())?.status == 200)
    }

    let page = WorkbenchResponse(status: 200, contentType: "text/html; charset=utf-8", body: "<p>الصفحة</p>")

    @Test func anAnswerIsGivenAgainAtItsStateOnly() {
        let cache = ResponseCache()
        let request = WorkbenchRequest(path: "/day/2020-02-20")
        cache.keep(page, to: request, at: 7)
        #expect(cache.answer(to: request, at: 7) == page)
        #expect(cache.answer(to: request, at: 8) == nil)
        #expect(cache.answer(to: WorkbenchRequest(path: "/day/2020-02-20", query: ["limit": "5"]), at: 7) == nil)
    }

    @Test func theOldestAnswersGoBeyondTheBudget() {
        let size = page.body.utf8.count
        let cache = ResponseCache(budget: 2 * size)
        let requests = ["/a", "/b", "/c"].map { WorkbenchRequest(path: $0) }
        for request in requests { cache.keep(page, to: request, at: 1) }
        #expect(cache.answer(to: requests[0], at: 1) == nil)
        #expect(cache.answer(to: requests[1], at: 1) == page)
        #expect(cache.answer(to: requests[2], at: 1) == page)
    }
}
