import ArabicText
import Foundation
import GRDB
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
            var frequencies: [(term: String, df: Int32)] = []
            let cursor = try Row.fetchCursor(db, sql: "SELECT term, df FROM terms")
            while let row = try cursor.next() { frequencies.append((row[0], row[1])) }
            let documents = try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'documents'") ?? 0
            return PendingWork(
                pending: pending.map(\.article), context: context.map(\.article), contextStories: context.map { $0.story! },
                frequencies: frequencies, documents: documents)
        }
    }

    /// Applies `change` to the articles of `work` in one transaction: assigns the pending articles
    /// their stories, records the merges, stores the statements, adds the document frequencies,
    /// and replaces the records of every story that grew with those `rebuild` makes from all its
    /// stored articles (story records, and the statements with speakers made canonical).
    public func apply(
        _ change: StoreChange, to work: PendingWork, run: Int,
        rebuild: (GrownStories) -> (stories: [Story], statements: [Statements.Statement])
    ) throws {
        let grown = Set(change.storyOfPending).union(change.merged.values)
        try write { db in
            let assign = try db.cachedStatement(sql: "UPDATE articles SET story = ?, duplicate_of = ?, assigned_run = ? WHERE id = ?")
            for (i, article) in work.pending.enumerated() {
                try assign.execute(arguments: [change.storyOfPending[i], change.duplicateOfPending[i], run, article.id])
            }
            for (retired, into) in change.merged.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "UPDATE articles SET story = ? WHERE story = ?", arguments: [into, retired])
                try db.execute(sql: "DELETE FROM stories WHERE story = ?", arguments: [retired])
                try db.execute(sql: "INSERT INTO merges (story, merged_into, run) VALUES (?, ?, ?)", arguments: [retired, into, run])
                try db.execute(sql: "UPDATE merges SET merged_into = ? WHERE merged_into = ?", arguments: [into, retired])
            }
            try Self.insert(change.statements, db)
            try Self.rebuild(stories: grown, run: run, rebuild: rebuild, db)
            let upsert = try db.cachedStatement(sql: "INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df")
            for (term, df) in change.frequencies { try upsert.execute(arguments: [term, df]) }
            try db.execute(sql: "UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'documents'", arguments: [work.pending.count])
            try db.execute(sql: "UPDATE runs SET assigned = assigned + ? WHERE run = ?", arguments: [work.pending.count, run])
        }
    }

    /// Stores statements as extracted (their speakers are made canonical by ``rebuild``).
    static func insert(_ statements: [Statements.Statement], _ db: Database) throws {
        let insert = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO statements (article, seq, outlet, sentence, speaker_mention, speaker_start, speaker_end, speaker, role,
                    speaker_in_article, role_in_article, cue, cue_class, content, content_start, content_end, kind, time_expr, time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var seq: [String: Int] = [:]
        for s in statements {
            let n = seq[s.article, default: 0]
            seq[s.article] = n + 1
            try insert.execute(arguments: [
                s.article, n, s.outlet, s.sentence, s.speakerMention, s.speakerSpan?.lowerBound, s.speakerSpan?.upperBound, s.speaker, s.role,
                s.speaker, s.role, s.cue, s.cueClass.rawValue, s.content, s.contentSpan.lowerBound, s.contentSpan.upperBound, s.kind.rawValue,
                s.timeExpression, s.time,
            ])
        }
    }

    /// Replaces the records of `stories` with those `rebuild` makes from all their stored
    /// articles, and their statements' speakers with the canonical ones it gives.
    static func rebuild(
        stories: Set<String>, run: Int, rebuild: (GrownStories) -> (stories: [Story], statements: [Statements.Statement]),
        _ db: Database
    ) throws {
        let ids = Array(stories).sorted()
        let list = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        let members = try fetchArticles(db, where: "a.story IN (SELECT value FROM json_each(?))", arguments: [list])
        let ownReporting = try Bool.fetchAll(
            db,
            sql: """
                SELECT a.duplicate_of IS NULL OR o.source IS NULL OR o.source = a.source
                FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
                WHERE a.story IN (SELECT value FROM json_each(?)) ORDER BY a.position
                """, arguments: [list])
        let extracted = try fetchStatements(
            db, where: "st.article IN (SELECT id FROM articles WHERE story IN (SELECT value FROM json_each(?)))", arguments: [list])
        let rebuilt = rebuild(
            GrownStories(
                articles: members.map(\.article), storyIDs: members.map { $0.story! }, ownReporting: ownReporting,
                statements: extracted.map(\.statement)))
        let upsert = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO stories (story, title, article_count, articles, outlets, independent_sources, first_published, last_published, keywords, updated_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for story in rebuilt.stories {
            try upsert.execute(arguments: [
                story.story, story.title, story.articles.count, jsonArray(story.articles), jsonArray(story.outlets),
                jsonArray(story.independentSources), story.firstPublished, story.lastPublished, jsonArray(story.keywords), run,
            ])
        }
        let update = try db.cachedStatement(sql: "UPDATE statements SET speaker = ?, role = ? WHERE article = ? AND seq = ?")
        for (s, row) in zip(rebuilt.statements, extracted) where s.speaker != row.statement.speaker || s.role != row.statement.role {
            try update.execute(arguments: [s.speaker, s.role, s.article, row.seq])
        }
    }

    /// Statements as extracted (speakers as their articles name them), in article and text order.
    static func fetchStatements(_ db: Database, where condition: String, arguments: StatementArguments = []) throws -> [(
        statement: Statements.Statement, seq: Int
    )] {
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT st.* FROM statements st JOIN articles a ON a.id = st.article WHERE \(condition) ORDER BY a.position, st.seq
                """, arguments: arguments)
        var out: [(Statements.Statement, Int)] = []
        while let row = try cursor.next() {
            let speakerStart: Int? = row["speaker_start"], speakerEnd: Int? = row["speaker_end"]
            let cueClass: String = row["cue_class"], kind: String = row["kind"]
            guard let cueClassValue = ReportingVerbs.CueClass(rawValue: cueClass), let kindValue = Statements.Statement.Kind(rawValue: kind) else {
                throw BadRow(
                    description: "statement \(row["article"] as String? ?? "?") #\(row["seq"] as Int? ?? -1): unknown cue class \(cueClass) or kind \(kind)")
            }
            let statement = Statements.Statement(
                article: row["article"], outlet: row["outlet"], sentence: row["sentence"], speakerMention: row["speaker_mention"],
                speakerSpan: speakerStart.flatMap { s in speakerEnd.map { s..<$0 } }, speaker: row["speaker_in_article"], role: row["role_in_article"],
                cue: row["cue"], cueClass: cueClassValue, content: row["content"], contentSpan: (row["content_start"] as Int)..<(row["content_end"] as Int),
                kind: kindValue, timeExpression: row["time_expr"], time: row["time"])
            out.append((statement, row["seq"]))
        }
        return out
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
