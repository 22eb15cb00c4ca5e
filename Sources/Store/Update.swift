import ArabicText
import Dispatch
import Foundation
import GRDB
import Ingest
import Statements
import Stories
import Vectors

/// What one ``StoryStore/update(options:)`` did.
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

extension StoryStore {
    /// Gives every waiting article a story, in one transaction.
    ///
    /// The waiting articles are clustered together with the stored articles published within the
    /// similarity window of them (the same machinery as a batch run). New articles continue the
    /// story most of their cluster's stored articles belong to, or open a new one; a stored story
    /// most of which falls in another's cluster merges into it, recorded in `merges`; every other
    /// stored article keeps its story (see ``StoryContinuation``). The vocabulary is the store's: document
    /// frequencies over every article it has assigned, plus the new ones; the new articles' counts
    /// are added to it in the same transaction. The records of every story that grew are rebuilt
    /// from all its articles, and the statements of the new articles are stored, with speakers made
    /// canonical across each story that grew.
    public func update(options: StoryOptions = StoryOptions(), run: Int) throws -> UpdateSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        var summary = UpdateSummary()
        let (pending, context, storedFrequencies, storedDocuments) = try read { db in
            let pending = try Self.fetchArticles(db, where: "a.story IS NULL")
            let times = pending.compactMap { $0.article.published?.epochSeconds }
            var context: [Stored] = []
            if let first = times.min(), let last = times.max() {
                let window = Int64(options.neighbors.window.rounded(.up))
                context = try Self.fetchArticles(
                    db, where: "a.story IS NOT NULL AND a.published_epoch BETWEEN ? AND ?", arguments: [first - window, last + window])
            }
            var frequencies: [(term: String, df: Int32)] = []
            let cursor = try Row.fetchCursor(db, sql: "SELECT term, df FROM terms")
            while let row = try cursor.next() { frequencies.append((row[0], row[1])) }
            let documents = try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'documents'") ?? 0
            return (pending, context, frequencies, documents)
        }
        guard !pending.isEmpty else { return summary }

        let articles = context.map(\.article) + pending.map(\.article)
        let storedIDs = context.map(\.story) + pending.map { _ in nil }
        let boilerplate = StoryDetection.learnBoilerplate(articles)
        let newFrequencies = TFIDF.documentFrequencies(pending.map { Document(title: $0.article.title, text: $0.article.text, source: $0.article.source) },
                                                       boilerplate: boilerplate, options: options.vectors)
        let vocabulary = TFIDF.vocabulary(Self.sum(storedFrequencies, newFrequencies), documentCount: storedDocuments + pending.count, options: options.vectors)
        let clustering = StoryDetection.run(articles, options: options, vocabulary: vocabulary, boilerplate: boilerplate)
        let outcome = StoryContinuation.continuation(labels: clustering.storyOfArticle, storedIDs: storedIDs, articles: articles)
        let newIDs = Array(outcome.storyIDs[context.count...])
        let newDuplicateOf = clustering.duplicateOf[context.count...].map { $0.map { articles[$0].id } }
        let statements = Self.statements(in: pending.map(\.article))

        let grown = Set(newIDs).union(outcome.merged.values)
        let continued = Set(newIDs).intersection(context.compactMap(\.story))
        summary.assigned = pending.count
        summary.context = context.count
        summary.continuing = newIDs.filter(continued.contains).count
        summary.storiesContinued = continued.count
        summary.storiesOpened = Set(newIDs).count - continued.count
        summary.storiesMerged = outcome.merged.count
        summary.statements = statements.count

        try write { db in
            let assign = try db.cachedStatement(sql: "UPDATE articles SET story = ?, duplicate_of = ?, assigned_run = ? WHERE id = ?")
            for (i, stored) in pending.enumerated() {
                try assign.execute(arguments: [newIDs[i], newDuplicateOf[i], run, stored.article.id])
            }
            for (retired, into) in outcome.merged.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "UPDATE articles SET story = ? WHERE story = ?", arguments: [into, retired])
                try db.execute(sql: "DELETE FROM stories WHERE story = ?", arguments: [retired])
                try db.execute(sql: "INSERT INTO merges (story, merged_into, run) VALUES (?, ?, ?)", arguments: [retired, into, run])
                try db.execute(sql: "UPDATE merges SET merged_into = ? WHERE merged_into = ?", arguments: [into, retired])
            }
            try Self.insert(statements, db)
            try Self.rebuild(stories: grown, vocabulary: vocabulary, boilerplate: boilerplate, options: options.vectors, run: run, db)
            let upsert = try db.cachedStatement(sql: "INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df")
            for (term, df) in newFrequencies { try upsert.execute(arguments: [term, df]) }
            try db.execute(sql: "UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'documents'", arguments: [pending.count])
            try db.execute(sql: "UPDATE runs SET assigned = assigned + ? WHERE run = ?", arguments: [pending.count, run])
        }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
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

    /// The statements of articles, found on every core, in article order.
    static func statements(in articles: [Article]) -> [Statements.Statement] {
        let blockSize = 64
        return parallelMap(count: (articles.count + blockSize - 1) / blockSize) { block in
            articles[(block * blockSize)..<min(articles.count, (block + 1) * blockSize)].flatMap(StatementExtractor.statements(in:))
        }.flatMap { $0 }
    }

    /// Stores statements as extracted (their speakers are made canonical by ``rebuild``).
    static func insert(_ statements: [Statements.Statement], _ db: Database) throws {
        let insert = try db.cachedStatement(sql: """
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

    /// Rebuilds the records of `stories` from all their stored articles, and makes the speakers of
    /// their statements canonical across each story.
    static func rebuild(stories: Set<String>, vocabulary: Vocabulary, boilerplate: Boilerplate, options: VectorOptions, run: Int, _ db: Database) throws {
        let ids = Array(stories).sorted()
        let list = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        let members = try fetchArticles(db, where: "a.story IN (SELECT value FROM json_each(?))", arguments: [list])
        let ownReporting = try Bool.fetchAll(db, sql: """
            SELECT a.duplicate_of IS NULL OR o.source IS NULL OR o.source = a.source
            FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
            WHERE a.story IN (SELECT value FROM json_each(?)) ORDER BY a.position
            """, arguments: [list])
        let records = StoryDetection.records(
            members.map(\.article), storyIDs: members.map { $0.story! }, ownReporting: ownReporting, vocabulary: vocabulary, boilerplate: boilerplate, options: options)
        let upsert = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO stories (story, title, article_count, articles, outlets, independent_sources, first_published, last_published, keywords, updated_run)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for story in records {
            try upsert.execute(arguments: [
                story.story, story.title, story.articles.count, jsonArray(story.articles), jsonArray(story.outlets),
                jsonArray(story.independentSources), story.firstPublished, story.lastPublished, jsonArray(story.keywords), run,
            ])
        }

        let extracted = try fetchStatements(db, where: "st.article IN (SELECT id FROM articles WHERE story IN (SELECT value FROM json_each(?)))", arguments: [list])
        var storyOfArticle: [String: String] = [:]
        for member in members { storyOfArticle[member.article.id] = member.story }
        let canonical = StorySpeakers.canonicalize(extracted.map(\.statement)) { storyOfArticle[$0] }
        let update = try db.cachedStatement(sql: "UPDATE statements SET speaker = ?, role = ? WHERE article = ? AND seq = ?")
        for (s, row) in zip(canonical, extracted) where s.speaker != row.statement.speaker || s.role != row.statement.role {
            try update.execute(arguments: [s.speaker, s.role, s.article, row.seq])
        }
    }

    /// Statements as extracted (speakers as their articles name them), in article and text order.
    static func fetchStatements(_ db: Database, where condition: String, arguments: StatementArguments = []) throws -> [(statement: Statements.Statement, seq: Int)] {
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT st.* FROM statements st JOIN articles a ON a.id = st.article WHERE \(condition) ORDER BY a.position, st.seq
            """, arguments: arguments)
        var out: [(Statements.Statement, Int)] = []
        while let row = try cursor.next() {
            let speakerStart: Int? = row["speaker_start"], speakerEnd: Int? = row["speaker_end"]
            let cueClass: String = row["cue_class"], kind: String = row["kind"]
            guard let cueClassValue = ReportingVerbs.CueClass(rawValue: cueClass), let kindValue = Statements.Statement.Kind(rawValue: kind) else {
                throw BadRow(description: "statement \(row["article"] as String? ?? "?") #\(row["seq"] as Int? ?? -1): unknown cue class \(cueClass) or kind \(kind)")
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

/// A JSON array of strings.
func jsonArray(_ items: [String]) -> String {
    "[" + items.map(quoteJSON).joined(separator: ",") + "]"
}
