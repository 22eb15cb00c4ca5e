import Foundation
import Ingest
import Statements
import Stories
import Vectors

/// What a store holds for a period, read in one consistent state: the stories with an article
/// published in it, all their articles (earlier ones too, so a story's history and first report
/// are whole), and those articles' statements as extracted.
public struct StoreSnapshot: Sendable {
    /// The articles, in the order they were added.
    public var articles: [Article]
    /// The story id of each article.
    public var storyOfArticle: [String]
    /// For each article, the index of the article it is a wire copy of, when that one is here too.
    public var duplicateOf: [Int?]
    /// The stories, ranked as in `stories.jsonl`.
    public var stories: [Story]
    /// The statements as extracted, speakers as their articles name them.
    public var statements: [Statements.Statement]
}

extension StoryStore {
    /// The stories with an article published from `from` to `to` (days as the outlets wrote them;
    /// nil: no bound), with all their articles and statements. Articles still waiting for a story
    /// are left out.
    public func snapshot(from: CalendarDay? = nil, to: CalendarDay? = nil) throws -> StoreSnapshot {
        try snapshot(from: from, to: to, withTexts: true)
    }

    /// ``snapshot(from:to:)`` without the articles' texts and statements: who published what
    /// when in which story, for counts, lags and exclusives over long periods.
    public func outline(from: CalendarDay? = nil, to: CalendarDay? = nil) throws -> StoreSnapshot {
        try snapshot(from: from, to: to, withTexts: false)
    }

    func snapshot(from: CalendarDay?, to: CalendarDay?, withTexts: Bool) throws -> StoreSnapshot {
        try read { db in
            let bounds: [any StoreArgument] = [from?.description ?? "", to?.description ?? "9999-12-31"]
            let storiesInPeriod = "SELECT story FROM articles WHERE story IS NOT NULL AND day BETWEEN ? AND ?"
            let whole = from == nil && to == nil
            let condition = whole ? "a.story IS NOT NULL" : "a.story IN (\(storiesInPeriod))"
            let arguments = whole ? [] : bounds
            let stored = try Self.fetchArticles(db, where: condition, arguments: arguments, withTexts: withTexts)
            var index: [String: Int] = [:]
            for (i, s) in stored.enumerated() { index[s.article.id] = i }
            let storyCondition = whole ? "" : " WHERE story IN (\(storiesInPeriod))"
            let stories = try db.rows("SELECT * FROM stories\(storyCondition)", arguments).map(Self.story)
            let statements = withTexts ? try Self.fetchStatements(db, where: condition, arguments: arguments).map(\.statement) : []
            return StoreSnapshot(
                articles: stored.map(\.article), storyOfArticle: stored.map { $0.story! }, duplicateOf: stored.map { $0.duplicateOf.flatMap { index[$0] } },
                stories: Story.ranked(stories), statements: statements)
        }
    }

    /// The story of every stored article that has one, by article id.
    public func storyOfArticles() throws -> [String: String] {
        try read { db in
            var out: [String: String] = [:]
            for row in try db.rows("SELECT id, story FROM articles WHERE story IS NOT NULL") { out[try row.text(0)] = try row.text(1) }
            return out
        }
    }

    /// The vocabulary of everything the store has assigned, pruned as a batch run prunes it.
    public func vocabulary(options: VectorOptions = VectorOptions()) throws -> Vocabulary {
        try read { db in
            let frequencies = try db.rows("SELECT term, df FROM terms").map { (try $0.text(0), Int32(try $0.integer(1))) }
            return TFIDF.vocabulary(frequencies, documentCount: try Self.documents(db), options: options)
        }
    }

    /// The latest publication day of the stored articles (of `outlet` only, when given), if any
    /// is dated.
    public func latestDay(of outlet: String? = nil) throws -> CalendarDay? {
        try read { db in
            let rows =
                try outlet.map { try db.rows("SELECT max(day) FROM articles WHERE source = ?", [$0]) } ?? db.rows("SELECT max(day) FROM articles")
            return try rows.first?.optionalText(0).flatMap { Published(parsing: $0)?.calendarDay }
        }
    }

    static func story(_ row: StoreRow) throws -> Story {
        func list(_ column: String) throws -> [String] {
            let text = try row.text(.name(column))
            guard let items = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
                throw BadRow(description: "story \(try row.optionalText("story") ?? "?"): \(column) is not a JSON list of strings")
            }
            return items
        }
        return Story(
            story: try row.text("story"), title: try row.text("title"), articles: try list("articles"), outlets: try list("outlets"),
            independentSources: try list("independent_sources"), firstPublished: try row.optionalText("first_published"),
            lastPublished: try row.optionalText("last_published"), keywords: try list("keywords"))
    }
}
