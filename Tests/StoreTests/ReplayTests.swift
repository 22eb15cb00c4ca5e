import Foundation
import Ingest
import Pipeline
import Store
import Stories
import TestSupport
import Testing

/// Two weeks of ant-multisource (7–20 May 2018, read in place from `../shared/datasets`) fed to a
/// store one day at a time, against one batch run over the same days, both scored on the gold-dev
/// days (14–16 May) in the middle.
@Suite("Replay of two weeks, day by day")
struct ReplayTests {

    @Test(.needsSharedData) func dayByDayStaysWithinTwoPointsOfBatchAndKeepsStoryIDs() throws {
        let gold = try Gold.clusters(SharedData.path("gold-dev/clusters.jsonl"))
        let first = try #require(Published(parsing: "2018-05-07")?.calendarDay).daysSinceEpoch
        let days = (first..<(first + 14)).map { CalendarDay(daysSinceEpoch: $0) }
        let articles = Ingest.read([try SharedData.path("ant-multisource.jsonl.gz")]).articles
            .filter { $0.published.map { days.contains($0.calendarDay) } ?? false }
        #expect(articles.count == 2_402)

        let folder = makeTemporaryFolder("replay")
        let store = try StoryStore(path: folder + "/store.sqlite")
        var previous: [String: String] = [:]
        var mergedAway = 0
        for day in days {
            let run = try store.beginRun(inputs: [day.description])
            _ = try store.add(articles.filter { $0.published?.calendarDay == day }, run: run)
            let summary = try Pipeline.update(store, run: run)
            let current = try store.storyOfArticles()
            // An article changes story only when its whole story merged into another.
            let retired = Set(previous.values).subtracting(current.values)
            for (id, story) in previous where current[id] != story {
                #expect(retired.contains(story), "\(id) left \(story), which goes on")
                mergedAway += 1
            }
            #expect(retired.count == summary.storiesMerged)
            previous = current
        }
        // Stories of one development found on a later day to be one (stories across days) merge:
        // 187 articles (7.8 %) move that way over the fortnight, with their whole story.
        #expect(Double(mergedAway) < 0.10 * Double(articles.count), "\(mergedAway) articles moved by merges")

        let batch = StoryDetection.run(articles)
        let batchStories = Dictionary(uniqueKeysWithValues: zip(articles.map(\.id), batch.storyIDOfArticle))
        let daily = Evaluation.clusters(predicted: previous.filter { gold[$0.key] != nil }, gold: gold)
        let whole = Evaluation.clusters(predicted: batchStories.filter { gold[$0.key] != nil }, gold: gold)
        #expect(daily.articles == 521)
        #expect(abs(daily.bcubed.f1 - whole.bcubed.f1) <= 0.02, "day by day \(daily.bcubed.f1), batch \(whole.bcubed.f1)")
    }
}
