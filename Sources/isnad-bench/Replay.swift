import Foundation
import Isnad

/// `replay [from=2018-05-07] [days=14]`: ant-multisource fed to a new story store day by day, as
/// `isnad daily` does, against one batch run over the same days. Prints the time of each day,
/// how many stored articles changed story (with their whole story, as a recorded merge moves
/// them, and otherwise: none should), and BCubed/pairwise scores of both on
/// the gold-dev days.
func benchReplay(_ settings: [String]) throws {
    var first = "2018-05-07", days = 14
    for setting in settings {
        let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
        switch (parts.first ?? "", parts.count) {
        case ("from", 2): first = parts[1]
        case ("days", 2): days = Int(parts[1]) ?? days
        default: print("ignored: \(setting)")
        }
    }
    guard let start = Published(parsing: first)?.calendarDay else { print("from=\(first): expected YYYY-MM-DD"); return }
    let period = (0..<days).map { CalendarDay(daysSinceEpoch: start.daysSinceEpoch + $0) }
    var gold: [String: String] = [:]
    for line in try String(contentsOfFile: "../shared/datasets/gold-dev/clusters.jsonl", encoding: .utf8).split(separator: "\n") {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        if let id = object?["id"] as? String, let story = object?["story"] as? String { gold[id] = story }
    }
    let articles = Ingest.read([sharedCorpora[0]]).articles.filter { $0.published.map { period.contains($0.calendarDay) } ?? false }
    print("== replay: ant-multisource, \(period[0]) – \(period[days - 1]), \(articles.count) articles")
    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load \(loadAverage())")

    var batch: StoryResult!
    let batchSeconds = seconds { batch = StoryDetection.run(articles) }
    var batchStory: [String: String] = [:]
    for (i, article) in articles.enumerated() { batchStory[article.id] = batch.storyIDOfArticle[i] }

    let path = NSTemporaryDirectory() + "isnad-replay-\(ProcessInfo.processInfo.processIdentifier).sqlite"
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    let store = try StoryStore(path: path)
    var previous: [String: String] = [:]
    var changed = 0, split = 0, total = 0.0
    print("day          articles  context  continue  stories continued  opened  merged   seconds")
    for day in period {
        let today = articles.filter { $0.published?.calendarDay == day }
        var update = UpdateSummary()
        let time = try seconds {
            let run = try store.beginRun(inputs: ["\(day)"])
            _ = try store.add(today, run: run)
            update = try Pipeline.update(store, run: run)
            try store.finishRun(run, read: today.count)
        }
        total += time
        let current = try store.storyOfArticles()
        // A stored story merged into another moves whole; any other change splits a story.
        var now: [String: Set<String>] = [:]
        for (id, story) in previous { now[story, default: []].insert(current[id] ?? "") }
        for (id, story) in previous where current[id] != story {
            if now[story]!.count == 1 { changed += 1 } else { split += 1 }
        }
        previous = current
        print(
            String(
                format: "%@  %8d  %7d  %8d  %17d  %6d  %6d  %8.2f", day.description, today.count, update.context, update.continuing,
                update.storiesContinued, update.storiesOpened, update.storiesMerged, time))
    }
    print(String(format: "daily: %.2f s in all, %.2f s a day; batch: %.2f s", total, total / Double(days), batchSeconds))
    print("stored articles that changed story from one day to the next: \(changed) with their whole story (a recorded merge), \(split) otherwise")
    printLargestGoldStories(gold: gold, batch: batchStory, daily: previous)
    for (name, assignment) in [("batch", batchStory), ("daily", previous)] {
        let s = Evaluation.clusters(predicted: assignment.filter { gold[$0.key] != nil }, gold: gold)
        print(
            String(
                format: "%@: BCubed P %.3f R %.3f F1 %.4f | pairwise P %.3f R %.3f F1 %.4f | stories %d/%d on the %d gold articles",
                name, s.bcubed.precision, s.bcubed.recall, s.bcubed.f1, s.pairwise.precision, s.pairwise.recall, s.pairwise.f1,
                s.predictedStories, s.goldStories, s.articles))
    }
}

/// The 15 largest gold stories, each with the sizes of the parts batch and day by day split it into.
func printLargestGoldStories(gold: [String: String], batch: [String: String], daily: [String: String]) {
    var byGold: [String: [String]] = [:]
    for (id, story) in gold { byGold[story, default: []].append(id) }
    for (story, ids) in byGold.sorted(by: { $0.value.count > $1.value.count }).prefix(15) {
        func parts(_ a: [String: String]) -> String {
            var c: [String: Int] = [:]
            for id in ids { c[a[id] ?? "?", default: 0] += 1 }
            return c.values.sorted(by: >).map(String.init).joined(separator: "+")
        }
        print("\(story) \(ids.count): batch \(parts(batch))  daily \(parts(daily))")
    }
}
