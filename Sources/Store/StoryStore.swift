import Foundation
import GRDB
import Ingest
import Statements
import Stories

/// A story store: one SQLite file (write-ahead log, so readers such as a notebook work while a
/// daily run writes) holding every article with its story, the stories, the statements and the
/// document frequencies of the vocabulary. Articles are added in batches, each its own
/// transaction; they wait without a story until ``update(options:run:)`` clusters them in one
/// transaction. A run killed at any point leaves the store consistent: the articles it committed
/// wait, and the next run gives them their stories.
public final class StoryStore: Sendable {
    /// The path of the SQLite file.
    public let path: String
    let pool: DatabasePool

    /// Opens the store at `path`, creating it (and its tables) if it does not exist. While another
    /// run holds the store's lock, a read or write waits up to `lockWait` seconds, then fails.
    public init(path: String, lockWait: Double = 60) throws {
        self.path = path
        do {
            let configuration = Self.configuration(lockWait: lockWait)
            if !FileManager.default.fileExists(atPath: path) { try Self.create(at: path, configuration: configuration) }
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.refuseNewer(pool, path: path)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// How every connection to a store is set up.
    static func configuration(lockWait: Double) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(lockWait)
        // Every commit reaches the disk before the run goes on: the store survives a power cut
        // too, not only a killed process.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return configuration
    }

    /// Creates the store whole under a name of its own beside `path`, then links it to `path`,
    /// unless another process has created it meanwhile. Created in place, the store could be
    /// opened by a reader (a notebook polling for it) before it had tables; such a reader,
    /// closing the last connection in write-ahead-log mode, deleted the log the creator had just
    /// set up, and the creator failed.
    static func create(at path: String, configuration: Configuration) throws {
        let draft = path + ".new-" + UUID().uuidString
        defer { for suffix in ["", "-wal", "-shm"] { unlink(draft + suffix) } }
        let pool = try DatabasePool(path: draft, configuration: configuration)
        try migrator.migrate(pool)
        try pool.close()
        guard link(draft, path) == 0 || errno == EEXIST else {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// The schema version this program writes and reads (`meta.schema_version`).
    static let schemaVersion = 1

    /// Throws when the store was written by a newer program: its schema version is above this
    /// one's, or it holds a migration this program does not know. Used as if it were current, it
    /// could be damaged.
    static func refuseNewer(_ pool: DatabasePool, path: String) throws {
        try pool.read { db in
            if try migrator.hasBeenSuperseded(db) {
                let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
                throw StoreError.newer(path: path, detail: "it holds migration \(unknown.joined(separator: ", ")), which this isnad does not know")
            }
            guard try db.tableExists("meta") else { return }
            let found = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
            if let found, (Int(found) ?? .max) > schemaVersion {
                throw StoreError.newer(path: path, detail: "its schema version is \(found), this isnad reads \(schemaVersion)")
            }
        }
    }

    /// The tables, version by version.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                    INSERT INTO meta VALUES ('schema_version', '1'), ('documents', '0');
                    CREATE TABLE runs (
                        run INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, inputs TEXT NOT NULL,
                        read INTEGER NOT NULL DEFAULT 0, added INTEGER NOT NULL DEFAULT 0, assigned INTEGER NOT NULL DEFAULT 0);
                    CREATE TABLE articles (
                        position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source TEXT NOT NULL, url TEXT, title TEXT NOT NULL,
                        published TEXT, published_epoch INTEGER, day TEXT, text TEXT NOT NULL,
                        origin_file TEXT NOT NULL, origin_line INTEGER NOT NULL,
                        story TEXT, duplicate_of TEXT, added_run INTEGER NOT NULL REFERENCES runs(run), assigned_run INTEGER REFERENCES runs(run));
                    CREATE INDEX articles_story ON articles(story);
                    CREATE INDEX articles_epoch ON articles(published_epoch);
                    CREATE INDEX articles_day ON articles(day);
                    CREATE TABLE stories (
                        story TEXT PRIMARY KEY, title TEXT NOT NULL, article_count INTEGER NOT NULL, articles TEXT NOT NULL, outlets TEXT NOT NULL,
                        independent_sources TEXT NOT NULL, first_published TEXT, last_published TEXT, keywords TEXT NOT NULL,
                        updated_run INTEGER NOT NULL REFERENCES runs(run)) WITHOUT ROWID;
                    CREATE TABLE statements (
                        article TEXT NOT NULL REFERENCES articles(id), seq INTEGER NOT NULL, outlet TEXT NOT NULL, sentence INTEGER NOT NULL,
                        speaker_mention TEXT NOT NULL, speaker_start INTEGER, speaker_end INTEGER,
                        speaker TEXT NOT NULL, role TEXT, speaker_in_article TEXT NOT NULL, role_in_article TEXT,
                        cue TEXT NOT NULL, cue_class TEXT NOT NULL, content TEXT NOT NULL, content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
                        kind TEXT NOT NULL, time_expr TEXT, time TEXT,
                        PRIMARY KEY (article, seq)) WITHOUT ROWID;
                    CREATE TABLE merges (story TEXT PRIMARY KEY, merged_into TEXT NOT NULL, run INTEGER NOT NULL REFERENCES runs(run)) WITHOUT ROWID;
                    CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
                    """)
        }
        return migrator
    }

    // MARK: - Runs

    /// Records the start of a run over `inputs` and returns its number.
    public func beginRun(inputs: [String]) throws -> Int {
        try write { db in
            try db.execute(sql: "INSERT INTO runs (started, inputs) VALUES (?, ?)", arguments: [Self.now(), inputs.joined(separator: "\n")])
            return Int(db.lastInsertedRowID)
        }
    }

    /// Records that run `run` finished, having read `read` articles.
    public func finishRun(_ run: Int, read: Int) throws {
        try write { db in
            try db.execute(sql: "UPDATE runs SET finished = ?, read = ? WHERE run = ?", arguments: [Self.now(), read, run])
        }
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    // MARK: - Articles

    /// Adds the articles the store does not have yet (an id already stored is skipped, so the same
    /// input twice is stored once), `batchSize` per transaction; `progress` hears the size of each
    /// batch committed. Returns how many were added.
    public func add(_ articles: [Article], run: Int, batchSize: Int = 500, progress: (Int) -> Void = { _ in }) throws -> Int {
        var added = 0
        for start in stride(from: 0, to: articles.count, by: batchSize) {
            let batch = articles[start..<min(articles.count, start + batchSize)]
            added += try write { db in
                let insert = try db.cachedStatement(
                    sql: """
                        INSERT OR IGNORE INTO articles (id, source, url, title, published, published_epoch, day, text, origin_file, origin_line, added_run)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                var inserted = 0
                for a in batch {
                    try insert.execute(arguments: [
                        a.id, a.source, a.url, a.title, a.published?.description, a.published?.epochSeconds, a.published?.day, a.text,
                        a.origin.file, a.origin.line, run,
                    ])
                    inserted += db.changesCount
                }
                try db.execute(sql: "UPDATE runs SET added = added + ? WHERE run = ?", arguments: [inserted, run])
                return inserted
            }
            progress(batch.count)
        }
        return added
    }

    /// How many articles the store holds, and how many of them wait for a story.
    public func counts() throws -> (articles: Int, pending: Int, stories: Int) {
        try pool.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE story IS NULL") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM stories") ?? 0
            )
        }
    }

    static let articleColumns = "a.id, a.source, a.url, a.title, a.published, a.text, a.origin_file, a.origin_line, a.story, a.duplicate_of"

    /// A stored article with its story and the article it copies, if any.
    struct Stored {
        var article: Article
        var story: String?
        var duplicateOf: String?
    }

    static func stored(_ row: Row) throws -> Stored {
        let published: String? = row["published"]
        let article = Article(
            id: row["id"], source: row["source"], url: row["url"], title: row["title"],
            published: published.flatMap(Published.init(parsing:)), text: row["text"],
            origin: SourceLocation(file: row["origin_file"], line: row["origin_line"]))
        return Stored(article: article, story: row["story"], duplicateOf: row["duplicate_of"])
    }

    static func fetchArticles(_ db: Database, where condition: String, arguments: StatementArguments = []) throws -> [Stored] {
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(articleColumns) FROM articles a WHERE \(condition) ORDER BY a.position", arguments: arguments)
        var out: [Stored] = []
        while let row = try cursor.next() { out.append(try stored(row)) }
        return out
    }

    // MARK: - Transactions

    /// A write transaction; errors name the store.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw StoreError(error, path: path) }
    }

    /// A read of one consistent state of the store; errors name the store.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw StoreError(error, path: path) }
    }
}

/// A store that cannot be opened, read or written.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The store file could not be made (`reason` is the system's).
    case cannotCreate(path: String, reason: String)
    /// SQLite failed: its primary result code (5 busy, 8 read-only, 11 corrupt, 26 not a
    /// database, …) and message.
    case database(path: String, resultCode: Int32, message: String)
    /// A stored row the program cannot read back.
    case badRow(path: String, detail: String)
    /// Any other failure while the store was read or written.
    case failed(path: String, reason: String)
    /// The store was written by a newer isnad; it is left as it is.
    case newer(path: String, detail: String)

    /// `error` as a store error of `path` (a store error stays as it is).
    init(_ error: any Error, path: String) {
        switch error {
        case let error as StoreError: self = error
        case let error as DatabaseError:
            self = .database(path: path, resultCode: error.resultCode.primaryResultCode.rawValue, message: error.message ?? "\(error)")
        case let error as BadRow: self = .badRow(path: path, detail: error.description)
        default: self = .failed(path: path, reason: "\(error)")
        }
    }

    /// `path: what went wrong`, in the user's terms.
    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "\(path): cannot create the store: \(reason)"
        case .database(let path, let code, let message): "\(path): \(Self.explain(code: code, message: message, path: path))"
        case .badRow(let path, let detail): "\(path): \(detail)"
        case .failed(let path, let reason): "\(path): \(reason)"
        case .newer(let path, let detail): "\(path): written by a newer isnad (\(detail)); update isnad to use it"
        }
    }

    /// What an SQLite result code means for the user of a store. Every batch is one
    /// transaction, so a failure leaves the store as the last whole batch left it.
    static func explain(code: Int32, message: String, path: String) -> String {
        switch code {
        case 5, 6: "the store is locked by another run and stayed locked for the seconds this run waits (--lock-wait); run again when that run has finished"
        case 8: "the store cannot be written (\(writeProblem(path) ?? message))"
        case 14:
            if let missing = placeProblem(path) {
                "the store cannot be opened: \(missing)"
            } else {
                "the store cannot be opened (\(writeProblem(path) ?? message)); a store in write-ahead-log mode needs its file and folder writable even to be read: copy it to a place that is"
            }
        case 10: "reading or writing the store failed (\(message)): the disk may be full or failing; the store keeps its last whole batch"
        case 11: "the store is damaged (\(message)); restore it from a copy, or start a new store"
        case 13: "the disk is full; the batch being written was not kept, and the next run continues from there"
        case 26: "not an isnad store (not an SQLite database)"
        default: message
        }
    }

    /// What is wrong with the place of the store, if anything: a folder where its file should be,
    /// or a folder that does not exist.
    static func placeProblem(_ path: String) -> String? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return "it is a folder, not a store file" }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) { return "its folder \(folder) does not exist" }
        return nil
    }

    /// Which of the store's file and its folder (which holds the write-ahead log) cannot be
    /// written, and why, as the system says it; nil when both can be.
    static func writeProblem(_ path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        for (place, what) in [(path, "the file"), (folder.isEmpty ? "." : folder, "its folder")] where access(place, F_OK) == 0 {
            if access(place, W_OK) != 0 { return "\(what): \(String(cString: strerror(errno)))" }
        }
        return nil
    }
}
