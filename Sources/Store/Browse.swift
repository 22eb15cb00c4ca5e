import Ingest
import Statements
import Stories

/// A stored statement with where it stands: its story and its article's publication.
public struct StoredStatement: Sendable {
    /// The statement, its speaker canonical across its story.
    public var statement: Statements.Statement
    /// Its story.
    public var story: String
    /// Its article's publication time, as written.
    public var published: String?
}

extension StoryStore {
    /// A number that changes whenever the stories, statements or merges change: how many articles
    /// have been given a story, merges recorded and runs begun, added up (each only grows, so any
    /// change of one raises the sum).
    public func state() throws -> Int {
        try read { db in
            try Self.documents(db) + (db.integer("SELECT count(*) FROM merges") ?? 0) + (db.integer("SELECT count(*) FROM runs") ?? 0)
        }
    }

    /// The publication days that have articles with a story, earliest first.
    public func days() throws -> [CalendarDay] {
        try read { db in
            try db.rows("SELECT DISTINCT day FROM articles WHERE story IS NOT NULL AND day IS NOT NULL ORDER BY day")
                .compactMap { try $0.optionalText(0).flatMap { Published(parsing: $0)?.calendarDay } }
        }
    }

    /// One story with all its articles and their statements, as ``snapshot(from:to:)`` gives a
    /// period's; nil when the store has no such story.
    public func snapshot(story: String) throws -> StoreSnapshot? {
        try read { db in
            let stored = try Self.fetchArticles(db, where: "a.story = ?", arguments: [story])
            guard !stored.isEmpty, let record = try db.rows("SELECT * FROM stories WHERE story = ?", [story]).first else { return nil }
            var index: [String: Int] = [:]
            for (i, s) in stored.enumerated() { index[s.article.id] = i }
            let statements = try Self.fetchStatements(db, where: "a.story = ?", arguments: [story]).map(\.statement)
            return StoreSnapshot(
                articles: stored.map(\.article), storyOfArticle: stored.map { _ in story }, duplicateOf: stored.map { $0.duplicateOf.flatMap { index[$0] } },
                stories: [try Self.story(record)], statements: statements)
        }
    }

    /// The story a retired story id was merged into (following later merges), if it was.
    public func survivor(of story: String) throws -> String? {
        try read { db in try db.rows("SELECT merged_into FROM merges WHERE story = ?", [story]).first?.text(0) }
    }

    /// The ids of the stories merged into `story`, in id order.
    public func merged(into story: String) throws -> [String] {
        try read { db in try db.rows("SELECT story FROM merges WHERE merged_into = ?", [story]).map { try $0.text(0) }.sorted() }
    }

    /// The stories with an article published from `from` to `to` (nil: no bound), the most
    /// recently reported first (then by id), `limit` of them from `offset`, and how many there are.
    public func stories(from: CalendarDay?, to: CalendarDay?, limit: Int, offset: Int) throws -> (stories: [Story], total: Int) {
        try read { db in
            // (Every story has an article: without a period, the stories are all of them.)
            let whole = from == nil && to == nil
            let bounds: [any StoreArgument] = whole ? [] : [from?.description ?? "", to?.description ?? "9999-12-31"]
            let period = whole ? "TRUE" : "story IN (SELECT story FROM articles WHERE story IS NOT NULL AND day BETWEEN ? AND ?)"
            let total = try db.integer("SELECT count(*) FROM stories WHERE \(period)", bounds) ?? 0
            let order = "ORDER BY last_published DESC NULLS LAST, \(database.dialect.byteOrder("story"))"
            let rows = try db.rows("SELECT * FROM stories WHERE \(period) \(order) LIMIT ? OFFSET ?", bounds + [limit, offset])
            return (try rows.map(Self.story), total)
        }
    }

    /// The records of the stories `ids` names, in that order (an id without a story is left out).
    public func stories(ids: [String]) throws -> [Story] {
        try read { db in
            let found = try db.rows("SELECT * FROM stories WHERE story IN (\(database.dialect.jsonListValues))", [jsonArray(ids)]).map(Self.story)
            let byID = Dictionary(found.map { ($0.story, $0) }, uniquingKeysWith: { a, _ in a })
            return ids.compactMap { byID[$0] }
        }
    }

    /// Every story's id and headline, the most recently reported first.
    public func headlines() throws -> [(story: String, title: String, lastPublished: String?)] {
        try read { db in
            try db.rows("SELECT story, title, last_published FROM stories ORDER BY last_published DESC NULLS LAST, \(database.dialect.byteOrder("story"))").map
            {
                (try $0.text(0), try $0.text(1), try $0.optionalText(2))
            }
        }
    }

    /// Every statement of an article with a story, newest first, with its story; speakers
    /// canonical across each story.
    public func statements() throws -> [StoredStatement] {
        try read { db in
            let rows = try db.rows(
                """
                SELECT st.*, a.story AS story_of_article, a.published AS published_of_article
                FROM statements st JOIN articles a ON a.id = st.article WHERE a.story IS NOT NULL
                ORDER BY a.published_epoch DESC NULLS LAST, a.position DESC, st.seq
                """)
            return try rows.map { row in
                var statement = try Self.statement(row)
                statement.speaker = try row.text("speaker")
                statement.role = try row.optionalText("role")
                return StoredStatement(statement: statement, story: try row.text("story_of_article"), published: try row.optionalText("published_of_article"))
            }
        }
    }
}
