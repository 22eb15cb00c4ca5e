import Foundation
import GRDB
import Ingest
import PostgresNIO
import Statements
import Stories

/// A story store: one SQLite file (write-ahead log, so readers such as a notebook work while a
/// daily run writes) or one PostgreSQL database (several collectors writing at once), holding
/// every article with its story, the stories, the statements and the document frequencies of the
/// vocabulary. The logic is written once over both. Articles are added in batches, each its own
/// transaction; they wait without a story until ``Pipeline/update`` clusters them and
/// ``apply(_:to:run:rebuild:)`` stores the result in one transaction. A run killed at any point
/// leaves the store consistent: the articles it committed wait, and the next run gives them
/// their stories.
public final class StoryStore: Sendable {
    /// Where the store is.
    public let location: StoreLocation
    let database: any StoreDatabase

    /// How messages name the store: its path, or its URL without the password.
    public var path: String { location.description }

    /// Opens the SQLite store at `path`, creating it (and its tables) if it does not exist.
    public convenience init(path: String, lockWait: Double = 60) throws {
        try self.init(location: .sqlite(path: path), lockWait: lockWait)
    }

    /// Opens the store at `location`; with `create`, a missing store is made (a SQLite file, or
    /// the tables in an existing PostgreSQL database), without it a missing store is an error.
    /// While another run holds a lock the store needs, a read or write waits up to `lockWait`
    /// seconds, then fails.
    public init(location: StoreLocation, lockWait: Double = 60, create: Bool = true) throws {
        self.location = location
        do {
            switch location {
            case .sqlite(let path):
                if !FileManager.default.fileExists(atPath: path) {
                    guard create else { throw StoreError.missing(store: path) }
                    try Self.create(at: path, lockWait: lockWait)
                }
                database = try SQLiteDatabase(path: path, lockWait: lockWait)
            case .postgres(let place):
                database = try PostgresDatabase(location: place, lockWait: lockWait)
            }
            try Self.migrate(database, store: location.description, create: create)
        } catch {
            throw StoreError(error, path: location.description)
        }
    }

    /// Creates the store whole under a name of its own beside `path`, then links it to `path`,
    /// unless another process has created it meanwhile. Created in place, the store could be
    /// opened by a reader (a notebook polling for it) before it had tables; such a reader,
    /// closing the last connection in write-ahead-log mode, deleted the log the creator had just
    /// set up, and the creator failed.
    static func create(at path: String, lockWait: Double) throws {
        let draft = path + ".new-" + UUID().uuidString
        defer { for suffix in ["", "-wal", "-shm"] { unlink(draft + suffix) } }
        let database = try SQLiteDatabase(path: draft, lockWait: lockWait)
        // Written only: a read would open a read-only connection which, closing last, would
        // leave the tables in the draft's log instead of its file.
        try database.write { db in try applyMigrations(db, dialect: .sqlite, store: path) }
        try database.close()
        guard link(draft, path) == 0 || errno == EEXIST else {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// The schema version this program writes and reads (`meta.schema_version`).
    static let schemaVersion = 2

    /// Brings the tables of `database` up to this program's migrations, each applied once in a
    /// transaction and recorded by id (table `grdb_migrations`, as GRDB's migrator kept it).
    /// Throws when the store was written by a newer program (a migration this one does not
    /// know, or a higher schema version: used as if it were current, it could be damaged), and,
    /// without `create`, when the database holds no store.
    static func migrate(_ database: any StoreDatabase, store: String, create: Bool) throws {
        let found = try database.read { db in try appliedMigrations(db, dialect: database.dialect, store: store) }
        if found == nil, !create { throw StoreError.missing(store: store) }
        guard migrations.contains(where: { !(found ?? []).contains($0.id) }) else { return }
        try database.write { db in try applyMigrations(db, dialect: database.dialect, store: store) }
    }

    /// Applies, in the transaction `db`, the migrations the store does not have yet.
    static func applyMigrations(_ db: any StoreTransaction, dialect: SQLDialect, store: String) throws {
        // Two collectors starting on a new PostgreSQL database make its tables once.
        if dialect == .postgres { try db.execute("SELECT pg_advisory_xact_lock(?)", [migrationLock]) }
        let done = try appliedMigrations(db, dialect: dialect, store: store) ?? []
        try db.execute("CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for migration in migrations where !done.contains(migration.id) {
            for statement in migration.statements(dialect) { try db.execute(statement) }
            try migration.fill?(db, dialect)
            try db.execute("INSERT INTO grdb_migrations (identifier) VALUES (?)", [migration.id])
        }
    }

    /// The migrations the store has (nil: it has no migration table, so no store is there);
    /// throws when the store was written by a newer program.
    static func appliedMigrations(_ db: any StoreTransaction, dialect: SQLDialect, store: String) throws -> Set<String>? {
        guard try db.integer(dialect.tableCount, ["grdb_migrations"]) == 1 else { return nil }
        let ids = Set(try db.rows("SELECT identifier FROM grdb_migrations").map { try $0.text(0) })
        let unknown = ids.subtracting(migrations.map(\.id)).sorted()
        if !unknown.isEmpty {
            throw StoreError.newer(path: store, detail: "it holds migration \(unknown.joined(separator: ", ")), which this isnad does not know")
        }
        if ids.contains("v1"), let found = try db.rows("SELECT value FROM meta WHERE key = 'schema_version'").first?.text(0),
            (Int(found) ?? .max) > schemaVersion
        {
            throw StoreError.newer(path: store, detail: "its schema version is \(found), this isnad reads \(schemaVersion)")
        }
        return ids
    }

    /// The key of the PostgreSQL advisory lock held while tables are made.
    static let migrationLock: Int64 = 0x6973_6E61_6401

    /// The tables, version by version, in each dialect.
    static let migrations:
        [(id: String, statements: @Sendable (SQLDialect) -> [String], fill: (@Sendable (any StoreTransaction, SQLDialect) throws -> Void)?)] = [
            ("v1", schemaV1, nil), ("v2", schemaV2, { db, dialect in try refreshSpeakers(nil, list: dialect.jsonListValues, db) }),
        ]

    /// The tables of schema version 1.
    static func schemaV1(_ dialect: SQLDialect) -> [String] {
        let sqlite = dialect == .sqlite
        // SQLite numbers an INTEGER PRIMARY KEY itself; PostgreSQL's integers are 32-bit unless BIGINT.
        let number = sqlite ? "INTEGER" : "BIGINT"
        let serial = sqlite ? "INTEGER PRIMARY KEY" : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
        let withoutRowID = sqlite ? " WITHOUT ROWID" : ""
        return [
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)\(withoutRowID)",
            "INSERT INTO meta VALUES ('schema_version', '1'), ('documents', '0')",
            """
            CREATE TABLE runs (
                run \(serial), started TEXT NOT NULL, finished TEXT, inputs TEXT NOT NULL,
                read \(number) NOT NULL DEFAULT 0, added \(number) NOT NULL DEFAULT 0, assigned \(number) NOT NULL DEFAULT 0)
            """,
            """
            CREATE TABLE articles (
                position \(serial), id TEXT NOT NULL UNIQUE, source TEXT NOT NULL, url TEXT, title TEXT NOT NULL,
                published TEXT, published_epoch \(number), day TEXT, text TEXT NOT NULL,
                origin_file TEXT NOT NULL, origin_line \(number) NOT NULL,
                story TEXT, duplicate_of TEXT, added_run \(number) NOT NULL REFERENCES runs(run), assigned_run \(number) REFERENCES runs(run))
            """,
            "CREATE INDEX articles_story ON articles(story)",
            "CREATE INDEX articles_epoch ON articles(published_epoch)",
            "CREATE INDEX articles_day ON articles(day)",
            """
            CREATE TABLE stories (
                story TEXT PRIMARY KEY, title TEXT NOT NULL, article_count \(number) NOT NULL, articles TEXT NOT NULL, outlets TEXT NOT NULL,
                independent_sources TEXT NOT NULL, first_published TEXT, last_published TEXT, keywords TEXT NOT NULL,
                updated_run \(number) NOT NULL REFERENCES runs(run))\(withoutRowID)
            """,
            """
            CREATE TABLE statements (
                article TEXT NOT NULL REFERENCES articles(id), seq \(number) NOT NULL, outlet TEXT NOT NULL, sentence \(number) NOT NULL,
                speaker_mention TEXT NOT NULL, speaker_start \(number), speaker_end \(number),
                speaker TEXT NOT NULL, role TEXT, speaker_in_article TEXT NOT NULL, role_in_article TEXT,
                cue TEXT NOT NULL, cue_class TEXT NOT NULL, content TEXT NOT NULL, content_start \(number) NOT NULL, content_end \(number) NOT NULL,
                kind TEXT NOT NULL, time_expr TEXT, time TEXT,
                PRIMARY KEY (article, seq))\(withoutRowID)
            """,
            "CREATE TABLE merges (story TEXT PRIMARY KEY, merged_into TEXT NOT NULL, run \(number) NOT NULL REFERENCES runs(run))\(withoutRowID)",
            "CREATE TABLE terms (term TEXT PRIMARY KEY, df \(number) NOT NULL)\(withoutRowID)",
        ]
    }

    /// The tables schema version 2 adds: each speaker name with its statements and its canonical
    /// name across stories (names sharing a `spelling` are one person's), kept by every update.
    static func schemaV2(_ dialect: SQLDialect) -> [String] {
        let sqlite = dialect == .sqlite
        return [
            """
            CREATE TABLE speakers (
                name TEXT PRIMARY KEY, spelling TEXT, canonical TEXT NOT NULL, statements \(sqlite ? "INTEGER" : "BIGINT") NOT NULL)\(sqlite ? " WITHOUT ROWID" : "")
            """,
            "CREATE INDEX speakers_spelling ON speakers(spelling)",
            "CREATE INDEX speakers_canonical ON speakers(canonical)",
            "CREATE INDEX statements_speaker ON statements(speaker)",
            "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
        ]
    }

    // MARK: - Runs

    /// Records the start of a run over `inputs` and returns its number.
    public func beginRun(inputs: [String]) throws -> Int {
        try write { db in
            let row = try db.rows("INSERT INTO runs (started, inputs) VALUES (?, ?) RETURNING run", [Self.now(), inputs.joined(separator: "\n")])
            return try row.first?.integer(0) ?? 0
        }
    }

    /// Records that run `run` finished, having read `read` articles.
    public func finishRun(_ run: Int, read: Int) throws {
        try write { db in
            try db.execute("UPDATE runs SET finished = ?, read = ? WHERE run = ?", [Self.now(), read, run])
        }
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    // MARK: - Articles

    /// Adds the articles the store does not have yet (an id already stored is skipped, so the same
    /// input twice is stored once, and two runs adding it at once store it once), `batchSize`
    /// per transaction; `progress` hears the size of each batch committed. Returns how many were
    /// added.
    public func add(_ articles: [Article], run: Int, batchSize: Int = 500, progress: (Int) -> Void = { _ in }) throws -> Int {
        var added = 0
        for start in stride(from: 0, to: articles.count, by: batchSize) {
            let batch = articles[start..<min(articles.count, start + batchSize)]
            added += try write { db in
                let rows = batch.map { a -> [StoreValue] in
                    let values: [any StoreArgument] = [
                        a.id, a.source, a.url, a.title, a.published?.description, a.published?.epochSeconds, a.published?.day, a.text,
                        a.origin.file, a.origin.line, run,
                    ]
                    return values.map(\.storeValue)
                }
                let inserted = try db.insert(
                    "INSERT INTO articles (id, source, url, title, published, published_epoch, day, text, origin_file, origin_line, added_run)",
                    rows: rows, tail: "ON CONFLICT (id) DO NOTHING")
                try db.execute("UPDATE runs SET added = added + ? WHERE run = ?", [inserted, run])
                return inserted
            }
            progress(batch.count)
        }
        return added
    }

    /// How many articles the store holds, and how many of them wait for a story.
    public func counts() throws -> (articles: Int, pending: Int, stories: Int) {
        try read { db in
            (
                try db.integer("SELECT count(*) FROM articles") ?? 0,
                try db.integer("SELECT count(*) FROM articles WHERE story IS NULL") ?? 0,
                try db.integer("SELECT count(*) FROM stories") ?? 0
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

    static func stored(_ row: StoreRow) throws -> Stored {
        let article = Article(
            id: try row.text(0), source: try row.text(1), url: try row.optionalText(2), title: try row.text(3),
            published: try row.optionalText(4).flatMap(Published.init(parsing:)), text: try row.text(5),
            origin: SourceLocation(file: try row.text(6), line: try row.integer(7)))
        return Stored(article: article, story: try row.optionalText(8), duplicateOf: try row.optionalText(9))
    }

    /// The stored articles `condition` selects, in the order they were added (`withTexts`
    /// false: each with an empty text).
    static func fetchArticles(_ db: any StoreTransaction, where condition: String, arguments: [any StoreArgument] = [], withTexts: Bool = true) throws
        -> [Stored]
    {
        let columns = withTexts ? articleColumns : articleColumns.replacingOccurrences(of: "a.text", with: "'' AS text")
        return try db.rows("SELECT \(columns) FROM articles a WHERE \(condition) ORDER BY a.position", arguments).map(stored)
    }

    // MARK: - Transactions

    /// A write transaction; errors name the store.
    func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        do { return try database.write(body) } catch { throw StoreError(error, path: path) }
    }

    /// A read of one consistent state of the store; errors name the store.
    func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        do { return try database.read(body) } catch { throw StoreError(error, path: path) }
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
    /// No store is there, and the command does not make one.
    case missing(store: String)
    /// The PostgreSQL server cannot be reached (`reason` is the system's or the client's).
    case unreachable(store: String, reason: String)
    /// PostgreSQL failed: its SQLSTATE code (28P01 bad password, 3D000 no such database, 55P03
    /// lock not available, …) and message.
    case postgres(store: String, state: String, message: String)
    /// Another run gave stories to articles between this run's reading of the waiting articles
    /// and its storing of their stories; nothing was stored, and the update starts again.
    case changedMeanwhile(store: String)
    /// A copy's target already holds articles or runs.
    case notEmpty(store: String, articles: Int, runs: Int)

    /// `error` as a store error of `path` (a store error stays as it is).
    init(_ error: any Error, path: String) {
        switch error {
        case let error as StoreError: self = error
        case let error as DatabaseError:
            self = .database(path: path, resultCode: error.resultCode.primaryResultCode.rawValue, message: error.message ?? "\(error)")
        case let error as BadRow: self = .badRow(path: path, detail: error.description)
        case let error as PSQLError:
            if error.code == .sslUnsupported {
                self = .failed(
                    path: path,
                    reason: "the server does not offer encryption, which the URL's sslmode asks for (require, verify-ca or verify-full); "
                        + "use sslmode=prefer or disable, or turn on ssl in the server")
            } else if let state = error.serverInfo?[.sqlState] {
                self = .postgres(store: path, state: state, message: error.serverInfo?[.message] ?? "\(error)")
            } else {
                self = .unreachable(store: path, reason: Self.reason(error))
            }
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
        case .missing(let store): "\(store): no such store (`isnad daily --store \(store) …` creates it)"
        case .unreachable(let store, let reason):
            "\(store): cannot reach the PostgreSQL server (\(reason)); is it running, and does it accept connections there?"
        case .postgres(let store, let state, let message): "\(store): \(Self.explain(state: state, message: message))"
        case .changedMeanwhile(let store): "\(store): another run gave stories meanwhile; this update was not stored"
        case .notEmpty(let store, let articles, let runs):
            "\(store): already holds \(articles) articles and \(runs) runs; copy into a new store or an empty database"
        }
    }

    /// What a PostgreSQL error means for the user of a store. Every batch is one transaction,
    /// so a failure leaves the store as the last whole batch left it.
    static func explain(state: String, message: String) -> String {
        switch state {
        case "28P01", "28000": "the server refused the login (\(message)); give the user and password in the URL or in PGUSER and PGPASSWORD"
        case "3D000": "\(message); create the database first (`createdb`), isnad makes its tables"
        case "55P03", "57014":
            "the store is locked by another run and stayed locked for the seconds this run waits (--lock-wait); run again when that run has finished"
        case "25006", "42501": "the store cannot be written (\(message))"
        case "53100": "the database's disk is full; the batch being written was not kept, and the next run continues from there"
        case "53300": "the server has no connection left for this run (\(message))"
        default: "PostgreSQL error \(state): \(message)"
        }
    }

    /// Why a connection failed, in a line: the system's words for the socket's failure (a
    /// refused or unreachable address, a name that does not resolve) when there is one.
    static func reason(_ error: PSQLError) -> String {
        guard let underlying = error.underlying else { return "\(error.code)" }
        if let failed = underlying as? NIOConnectionError {
            if let socket = failed.connectionErrors.lazy.compactMap({ $0.error as? IOError }).first {
                return String(cString: strerror(socket.errnoCode)).lowercased()
            }
            if failed.connectionErrors.isEmpty, failed.dnsAError != nil || failed.dnsAAAAError != nil { return "the host name \(failed.host) is not known" }
        }
        if let socket = underlying as? IOError { return String(cString: strerror(socket.errnoCode)).lowercased() }
        return "\(underlying)"
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
