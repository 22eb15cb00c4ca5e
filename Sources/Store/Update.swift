import ArabicText
import Foundation
import Ingest
import Statements
import Stories
import Support
import Vectors

/// What a daily update works on, read in one consistent state: the articles waiting for a story,
/// the stored articles published within the similarity window of them, and the vocabulary's
/// stored document frequencies.
public struct PendingWork: Sendable {
    /// Articles added but not yet given a story, in the order they were added.
    public var pending: [Article]
    /// Stored articles published within the window of a pending one, in the order they were added.
    public var context: [Article]
    /// The story of each context article.
    public var contextStories: [String]
    /// Document frequencies of every term the store has counted.
    public var frequencies: [(term: String, df: Int32)]
    /// Articles those frequencies were counted over.
    public var documents: Int
}

/// What a daily update changes, computed outside the store and applied by
/// ``StoryStore/apply(_:run:rebuild:)`` in one transaction.
public struct StoreChange: Sendable {
    /// The story of each pending article, in ``PendingWork/pending`` order.
    public var storyOfPending: [String]
    /// For each pending article, the id of the article it is a wire copy of.
    public var duplicateOfPending: [String?]
    /// Stored stories retired into another: retired id → surviving id.
    public var merged: [String: String]
    /// The pending articles' statements as extracted.
    public var statements: [Statements.Statement]
    /// The pending articles' document frequencies, added to the store's.
    public var frequencies: [(term: String, df: Int32)]

    /// A change.
    public init(
        storyOfPending: [String], duplicateOfPending: [String?], merged: [String: String], statements: [Statements.Statement],
        frequencies: [(term: String, df: Int32)]
    ) {
        (self.storyOfPending, self.duplicateOfPending, self.merged, self.statements, self.frequencies) =
            (storyOfPending, duplicateOfPending, merged, statements, frequencies)
    }
}

/// The stored members of the stories a change made grow, handed to the rebuild of their records.
public struct GrownStories: Sendable {
    /// Every article of those stories, in the order they were added.
    public var articles: [Article]
    /// The story of each.
    public var storyIDs: [String]
    /// Whether each is its outlet's own report (not a wire copy of another outlet's).
    public var ownReporting: [Bool]
    /// Their statements as extracted, in article and text order.
    public var statements: [Statements.Statement]
}

extension StoryStore {
    /// The articles waiting for a story and the stored articles within `window` seconds of them.
    public func pendingWork(window: Double) throws -> PendingWork {
        try read { db in
            let pending = try Self.fetchArticles(db, where: "a.story IS NULL")
            let times = pending.compactMap { $0.article.published?.epochSeconds }
            var context: [Stored] = []
            if let first = times.min(), let last = times.max() {
                let window = Int64(window.rounded(.up))
                context = try Self.fetchArticles(
                    db, where: "a.story IS NOT NULL AND a.published_epoch BETWEEN ? AND ?", arguments: [first - window, last + window])
            }
            let frequencies = try db.rows("SELECT term, df FROM terms").map { (term: try $0.text(0), df: Int32(try $0.integer(1))) }
            return PendingWork(
                pending: pending.map(\.article), context: context.map(\.article), contextStories: context.map { $0.story! },
                frequencies: frequencies, documents: try Self.documents(db))
        }
    }

    /// How many articles the vocabulary's document frequencies were counted over.
    static func documents(_ db: any StoreTransaction) throws -> Int {
        try db.integer("SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'documents'") ?? 0
    }

    /// Applies `change` to the articles of `work` in one transaction: assigns the pending articles
    /// their stories, records the merges, stores the statements, adds the document frequencies,
    /// and replaces the records of every story that grew with those `rebuild` makes from all its
    /// stored articles (story records, and the statements with speakers made canonical).
    ///
    /// Throws ``StoreError/changedMeanwhile(store:)``, storing nothing, when another run applied
    /// its update after `work` was read (the count of articles with a story, which every update
    /// raises, is not the one read): run the update again on the new state.
    public func apply(
        _ change: StoreChange, to work: PendingWork, run: Int,
        rebuild: (GrownStories) -> (stories: [Story], statements: [Statements.Statement])
    ) throws {
        let grown = Set(change.storyOfPending).union(change.merged.values)
        let list = database.dialect.jsonListValues
        try write { db in
            // First, so that a concurrent update waits here for this one's commit, then finds
            // the count raised.
            let claimed = try db.execute(
                "UPDATE meta SET value = CAST(CAST(value AS BIGINT) + ? AS TEXT) WHERE key = 'documents' AND value = ?",
                [work.pending.count, String(work.documents)])
            guard claimed == 1 else {
                let found = try db.rows("SELECT value FROM meta WHERE key = 'documents'").first?.optionalText(0)
                guard found.flatMap({ Int($0) }) != work.documents else {
                    throw BadRow(description: "meta.documents holds «\(found ?? "")», not the count \(work.documents) as isnad writes it")
                }
                throw StoreError.changedMeanwhile(store: path)
            }
            for (i, article) in work.pending.enumerated() {
                try db.execute(
                    "UPDATE articles SET story = ?, duplicate_of = ?, assigned_run = ? WHERE id = ?",
                    [change.storyOfPending[i], change.duplicateOfPending[i], run, article.id])
            }
            for (retired, into) in change.merged.sorted(by: { $0.key < $1.key }) {
                try db.execute("UPDATE articles SET story = ? WHERE story = ?", [into, retired])
                try db.execute("DELETE FROM stories WHERE story = ?", [retired])
                try db.execute("INSERT INTO merges (story, merged_into, run) VALUES (?, ?, ?)", [retired, into, run])
                try db.execute("UPDATE merges SET merged_into = ? WHERE merged_into = ?", [into, retired])
            }
            try Self.insert(change.statements, db)
            let speakers = try Self.rebuild(stories: grown, run: run, list: list, rebuild: rebuild, db)
            try Self.refreshSpeakers(speakers, list: list, db)
            try db.insert(
                "INSERT INTO terms (term, df)", rows: change.frequencies.map { [.text($0.term), .integer(Int64($0.df))] },
                tail: "ON CONFLICT (term) DO UPDATE SET df = terms.df + excluded.df")
            try db.execute("UPDATE runs SET assigned = assigned + ? WHERE run = ?", [work.pending.count, run])
        }
    }

    /// The columns of `statements`, in the order ``insert(_:_:)`` gives them.
    static let statementColumns = [
        "article", "seq", "outlet", "sentence", "speaker_mention", "speaker_start", "speaker_end", "speaker", "role", "speaker_in_article",
        "role_in_article", "cue", "cue_class", "content", "content_start", "content_end", "kind", "time_expr", "time",
    ]

    /// An `ON CONFLICT` clause that replaces the stored row of the same `key` with the new one.
    static func replacing(key: [String], columns: [String]) -> String {
        let assignments = columns.filter { !key.contains($0) }.map { "\($0) = excluded.\($0)" }
        return "ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(assignments.joined(separator: ", "))"
    }

    /// Stores statements as extracted (their speakers are made canonical by ``rebuild``).
    static func insert(_ statements: [Statements.Statement], _ db: any StoreTransaction) throws {
        var seq: [String: Int] = [:]
        let rows = statements.map { s -> [StoreValue] in
            let n = seq[s.article, default: 0]
            seq[s.article] = n + 1
            let values: [any StoreArgument] = [
                s.article, n, s.outlet, s.sentence, s.speakerMention, s.speakerSpan?.lowerBound, s.speakerSpan?.upperBound, s.speaker, s.role,
                s.speaker, s.role, s.cue, s.cueClass.rawValue, s.content, s.contentSpan.lowerBound, s.contentSpan.upperBound, s.kind.rawValue,
                s.timeExpression, s.time,
            ]
            return values.map(\.storeValue)
        }
        try db.insert(
            "INSERT INTO statements (\(statementColumns.joined(separator: ", ")))", rows: rows,
            tail: replacing(key: ["article", "seq"], columns: statementColumns))
    }

    /// The columns of `stories`.
    static let storyColumns = [
        "story", "title", "article_count", "articles", "outlets", "independent_sources", "first_published", "last_published", "keywords", "updated_run",
    ]

    /// Replaces the records of `stories` with those `rebuild` makes from all their stored
    /// articles, and their statements' speakers with the canonical ones it gives; returns the
    /// speaker names their statements had and have. `list` is the dialect's subquery of a JSON
    /// array's strings.
    static func rebuild(
        stories: Set<String>, run: Int, list: String, rebuild: (GrownStories) -> (stories: [Story], statements: [Statements.Statement]),
        _ db: any StoreTransaction
    ) throws -> Set<String> {
        let ids = jsonArray(Array(stories).sorted())
        let members = try fetchArticles(db, where: "a.story IN (\(list))", arguments: [ids])
        let ownReporting = try db.rows(
            """
            SELECT CASE WHEN a.duplicate_of IS NULL OR o.source IS NULL OR o.source = a.source THEN 1 ELSE 0 END
            FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
            WHERE a.story IN (\(list)) ORDER BY a.position
            """, [ids]
        ).map { try $0.integer(0) == 1 }
        let inStories = "st.article IN (SELECT id FROM articles WHERE story IN (\(list)))"
        let extracted = try fetchStatements(db, where: inStories, arguments: [ids])
        var speakers = Set(try db.rows("SELECT DISTINCT st.speaker FROM statements st WHERE \(inStories)", [ids]).map { try $0.text(0) })
        let rebuilt = rebuild(
            GrownStories(
                articles: members.map(\.article), storyIDs: members.map { $0.story! }, ownReporting: ownReporting,
                statements: extracted.map(\.statement)))
        let rows = rebuilt.stories.map { story -> [StoreValue] in
            let values: [any StoreArgument] = [
                story.story, story.title, story.articles.count, jsonArray(story.articles), jsonArray(story.outlets),
                jsonArray(story.independentSources), story.firstPublished, story.lastPublished, jsonArray(story.keywords), run,
            ]
            return values.map(\.storeValue)
        }
        try db.insert("INSERT INTO stories (\(storyColumns.joined(separator: ", ")))", rows: rows, tail: replacing(key: ["story"], columns: storyColumns))
        for (s, row) in zip(rebuilt.statements, extracted) where s.speaker != row.statement.speaker || s.role != row.statement.role {
            try db.execute("UPDATE statements SET speaker = ?, role = ? WHERE article = ? AND seq = ?", [s.speaker, s.role, s.article, row.seq])
        }
        speakers.formUnion(rebuilt.statements.map(\.speaker))
        return speakers
    }

    /// Statements as extracted (speakers as their articles name them), in article and text order.
    static func fetchStatements(_ db: any StoreTransaction, where condition: String, arguments: [any StoreArgument] = []) throws -> [(
        statement: Statements.Statement, seq: Int
    )] {
        let rows = try db.rows(
            "SELECT st.* FROM statements st JOIN articles a ON a.id = st.article WHERE \(condition) ORDER BY a.position, st.seq", arguments)
        return try rows.map { row in (try statement(row), try row.integer("seq")) }
    }

    /// A row of `statements` as extracted (speaker as its article names it).
    static func statement(_ row: StoreRow) throws -> Statements.Statement {
        let speakerStart = try row.optionalInteger("speaker_start"), speakerEnd = try row.optionalInteger("speaker_end")
        let cueClass = try row.text("cue_class"), kind = try row.text("kind")
        guard let cueClassValue = ReportingVerbs.CueClass(rawValue: cueClass), let kindValue = Statements.Statement.Kind(rawValue: kind) else {
            throw BadRow(
                description:
                    "statement \(try row.optionalText("article") ?? "?") #\(try row.optionalInteger("seq") ?? -1): unknown cue class \(cueClass) or kind \(kind)"
            )
        }
        return Statements.Statement(
            article: try row.text("article"), outlet: try row.text("outlet"), sentence: try row.integer("sentence"),
            speakerMention: try row.text("speaker_mention"), speakerSpan: speakerStart.flatMap { s in speakerEnd.map { s..<$0 } },
            speaker: try row.text("speaker_in_article"), role: try row.optionalText("role_in_article"), cue: try row.text("cue"),
            cueClass: cueClassValue, content: try row.text("content"),
            contentSpan: (try row.integer("content_start"))..<(try row.integer("content_end")), kind: kindValue,
            timeExpression: try row.optionalText("time_expr"), time: try row.optionalText("time"))
    }
}

/// A stored row the store cannot read back.
struct BadRow: Error, CustomStringConvertible {
    let description: String
}

/// A JSON array of strings, as the tables write lists.
func jsonArray(_ items: [String]) -> String {
    Cell.list(items).json
}
