import Ingest
import Reporting
import Statements
import Store
import Stories
import Support
import Timeline
import Vectors

extension Analysis {
    /// An analysis from statements as extracted article by article: their speakers are made
    /// canonical within each story, and each story's timeline is built from them.
    public init(articles: [Article], stories: [Story], storyOfArticle: [String], duplicateOf: [Int?], extracted: [Statement], vocabulary: Vocabulary?) {
        var articleIndex: [String: Int] = [:]
        for (i, article) in articles.enumerated() { articleIndex[article.id] = i }
        let statements = StorySpeakers.canonicalize(extracted) { articleIndex[$0].map { storyOfArticle[$0] } }
        let timeline = Timeline.build(statements) { id in articleIndex[id].map { (storyOfArticle[$0], articles[$0].published) } }
        self.init(
            articles: articles, stories: stories, storyOfArticle: storyOfArticle, duplicateOf: duplicateOf, statements: statements, timeline: timeline,
            vocabulary: vocabulary)
    }

    /// What a store holds for a period (``StoryStore/snapshot(from:to:)``), with its vocabulary
    /// when the tables are to be written.
    public init(_ snapshot: StoreSnapshot, vocabulary: Vocabulary? = nil) {
        self.init(
            articles: snapshot.articles, stories: snapshot.stories, storyOfArticle: snapshot.storyOfArticle, duplicateOf: snapshot.duplicateOf,
            extracted: snapshot.statements, vocabulary: vocabulary)
    }

    /// The article rows of `articles.jsonl`.
    public var articleRows: [ArticleRow] {
        articles.indices.map { i in
            ArticleRow(article: articles[i], story: storyOfArticle[i], duplicateOf: duplicateOf[i].map { articles[$0].id })
        }
    }

    /// Writes `articles`, `stories`, `statements` and `timeline` (JSONL and CSV) and
    /// `vocabulary.tsv` (when known) into `folder`, each file atomically.
    public func writeTables(into folder: String) throws {
        try Tables.articles.write(articleRows, into: folder)
        try Tables.stories.write(stories, into: folder)
        if let vocabulary { try vocabulary.save(to: folder + "/vocabulary.tsv") }
        try Tables.statements.write(statements, into: folder)
        try Tables.timeline.write(timeline, into: folder)
    }

    /// Writes the report of a period (`report.md`, `report.html`), its `coverage` table and
    /// `schema.json` into `folder`, and returns the report.
    @discardableResult
    public func writeReport(options: ReportOptions = ReportOptions(), renderer: ReportRenderer? = nil, into folder: String) throws -> Reporting.Report {
        let renderer = try renderer ?? ReportRenderer()
        let report = Reporting.Report.build(self, options: options)
        try writeAtomically(renderer.markdown(report), to: folder + "/report.md")
        try writeAtomically(renderer.html(report), to: folder + "/report.html")
        try Tables.coverage.write(Reporting.Report.coverage(self, options: options), into: folder)
        try writeAtomically(Tables.schemaJSON, to: folder + "/schema.json")
        return report
    }
}

/// One line of `articles.jsonl`: an article, its story and the article it copies.
public struct ArticleRow: Sendable {
    /// The article.
    public var article: Article
    /// Its story's id.
    public var story: String
    /// The id of the article it is a wire copy of.
    public var duplicateOf: String?
}
