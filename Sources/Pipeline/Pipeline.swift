import Dispatch
import Ingest
import Reporting
import Statements
import Store
import Stories
import Support
import Timeline
import Vectors

/// The whole run in one call: articles in, an ``Analysis`` out (stories, statements with
/// canonical speakers, timelines), which writes every table and report. `isnad run`, the store's
/// daily update, the benchmark and the tests all go through it; no stage is assembled elsewhere.
///
/// ```swift
/// import Isnad
/// let input = Ingest.read(["articles.jsonl.gz"])
/// let analysis = Pipeline.analyze(input.articles)
/// try analysis.writeTables(into: "out")
/// try analysis.writeReport(into: "out")
/// ```
public enum Pipeline {
    /// Stories, then statements, then speakers across each story and the timelines.
    /// - Parameters:
    ///   - options: how stories are found (the defaults need no change for a new corpus).
    ///   - vocabulary: a vocabulary from an earlier run, to weigh terms as that corpus did.
    ///   - progress: told as each stage begins, advances and ends.
    public static func analyze(
        _ articles: [Article], options: StoryOptions = StoryOptions(), vocabulary: Vocabulary? = nil,
        progress: (any PipelineProgress)? = nil
    ) -> Analysis {
        progress?.begin("stories", total: articles.count)
        let result = StoryDetection.run(articles, options: options, vocabulary: vocabulary)
        progress?.end(articles.count, "articles", detail: "\(result.stories.count) stories")

        progress?.begin("statements", total: articles.count)
        let extracted = statements(in: articles, progress: progress)
        progress?.end(articles.count, "articles", detail: "\(extracted.count) statements")

        progress?.begin("timeline", total: nil)
        let analysis = Analysis(
            articles: articles, stories: result.stories, storyOfArticle: result.storyIDOfArticle, duplicateOf: result.duplicateOf,
            extracted: extracted, vocabulary: result.vocabulary)
        progress?.end(analysis.timeline.count, "entries", detail: "")
        return analysis
    }

    /// The statements of `articles` as extracted, speakers as each article names them, in article
    /// and text order; found on every core, 256 articles at a time.
    public static func statements(in articles: [Article], progress: (any PipelineProgress)? = nil) -> [Statement] {
        let blockSize = 256
        return parallelMap(count: (articles.count + blockSize - 1) / blockSize) { block in
            let range = (block * blockSize)..<min(articles.count, (block + 1) * blockSize)
            defer { progress?.advance(by: range.count) }
            return articles[range].flatMap(StatementExtractor.statements(in:))
        }.flatMap { $0 }
    }

    /// Gives every article waiting in `store` a story, in one transaction.
    ///
    /// The waiting articles are clustered together with the stored articles published within the
    /// window of stories across days (30 days; the similarity window if longer) of them, so a
    /// story still reported continues whatever day it began (the same stages as ``analyze(_:options:vocabulary:progress:)``).
    /// New articles continue the story most of their cluster's stored articles belong to, or open
    /// a new one; a stored story most of which falls in another's cluster merges into it, recorded
    /// in `merges`; every other stored article keeps its story (see ``StoryContinuation``). The
    /// vocabulary is the store's document frequencies plus the new articles'. The records of every
    /// story that grew are rebuilt from all its articles, with speakers made canonical across it.
    /// When another run stores its update first (several collectors on one PostgreSQL store),
    /// nothing of this one is stored and it starts again on the new state.
    public static func update(_ store: StoryStore, options: StoryOptions = StoryOptions(), run: Int) throws -> UpdateSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        while true {
            do {
                var summary = try updateOnce(store, options: options, run: run)
                summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                return summary
            } catch StoreError.changedMeanwhile {
                continue  // another run stored its update first: cluster again on the new state
            }
        }
    }

    /// One attempt of ``update(_:options:run:)``, on the state of the store it reads.
    static func updateOnce(_ store: StoryStore, options: StoryOptions, run: Int) throws -> UpdateSummary {
        var summary = UpdateSummary()
        let work = try store.pendingWork(window: max(options.neighbors.window, options.threads.windowDays * 86_400))
        guard !work.pending.isEmpty else { return summary }

        let articles = work.context + work.pending
        let storedIDs = work.contextStories.map(Optional.some) + work.pending.map { _ in nil }
        let boilerplate = StoryDetection.learnBoilerplate(articles)
        let newFrequencies = TFIDF.documentFrequencies(
            work.pending.map { Document(title: $0.title, text: $0.text, source: $0.source) },
            boilerplate: boilerplate, options: options.vectors)
        let vocabulary = TFIDF.vocabulary(sum(work.frequencies, newFrequencies), documentCount: work.documents + work.pending.count, options: options.vectors)
        let clustering = StoryDetection.run(articles, options: options, vocabulary: vocabulary, boilerplate: boilerplate)
        let outcome = StoryContinuation.continuation(labels: clustering.storyOfArticle, storedIDs: storedIDs, articles: articles)
        let newIDs = Array(outcome.storyIDs[work.context.count...])
        let change = StoreChange(
            storyOfPending: newIDs, duplicateOfPending: clustering.duplicateOf[work.context.count...].map { $0.map { articles[$0].id } },
            merged: outcome.merged, statements: statements(in: work.pending), frequencies: newFrequencies)

        let continued = Set(newIDs).intersection(work.contextStories)
        summary.assigned = work.pending.count
        summary.context = work.context.count
        summary.continuing = newIDs.filter(continued.contains).count
        summary.storiesContinued = continued.count
        summary.storiesOpened = Set(newIDs).count - continued.count
        summary.storiesMerged = outcome.merged.count
        summary.statements = change.statements.count

        try store.apply(change, to: work, run: run) { grown in
            let records = StoryDetection.records(
                grown.articles, storyIDs: grown.storyIDs, ownReporting: grown.ownReporting, vocabulary: vocabulary,
                boilerplate: boilerplate, options: options.vectors)
            var storyOfArticle: [String: String] = [:]
            for (article, story) in zip(grown.articles, grown.storyIDs) { storyOfArticle[article.id] = story }
            return (records, StorySpeakers.canonicalize(grown.statements) { storyOfArticle[$0] })
        }
        return summary
    }

    /// Two lists of document frequencies added term by term.
    static func sum(_ a: [(term: String, df: Int32)], _ b: [(term: String, df: Int32)]) -> [(term: String, df: Int32)] {
        var index: [String: Int] = [:]
        var out = a
        for (i, entry) in a.enumerated() { index[entry.term] = i }
        for entry in b {
            if let i = index[entry.term] { out[i].df += entry.df } else { out.append(entry) }
        }
        return out
    }
}

/// Told how a run advances, stage by stage (the CLI draws it on standard error).
public protocol PipelineProgress: Sendable {
    /// A stage begins; `total` items when known.
    func begin(_ stage: String, total: Int?)
    /// `count` more items are done (called from any core).
    func advance(by count: Int)
    /// The stage ended with `count` of `unit`, and a detail such as "12 stories".
    func end(_ count: Int, _ unit: String, detail: String)
}

/// What one ``Pipeline/update(_:options:run:)`` did.
public struct UpdateSummary: Sendable, Equatable {
    /// Articles that were waiting and now have a story.
    public var assigned = 0
    /// Stored articles of the same time window clustered beside them.
    public var context = 0
    /// Of the assigned articles, those that continue a story the store had.
    public var continuing = 0
    /// Stories the store had that new articles continue.
    public var storiesContinued = 0
    /// Stories opened by new articles alone.
    public var storiesOpened = 0
    /// Stored stories merged into another (see ``StoryContinuation``).
    public var storiesMerged = 0
    /// Statements found in the new articles.
    public var statements = 0
    /// Wall time, in seconds.
    public var seconds = 0.0

    /// Nothing done.
    public init() {}
}
