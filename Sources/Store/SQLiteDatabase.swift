import Foundation
import GRDB

/// A store's SQLite file, through GRDB: write-ahead log (readers work while a run writes),
/// `synchronous = FULL` (every commit reaches the disk), writes waiting up to a set time for
/// another run's lock.
final class SQLiteDatabase: StoreDatabase {
    let pool: DatabasePool
    var dialect: SQLDialect { .sqlite }

    /// Opens the file at `path` (created empty if missing).
    init(path: String, lockWait: Double) throws {
        pool = try DatabasePool(path: path, configuration: Self.configuration(lockWait: lockWait))
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

    func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try pool.read { db in try body(SQLiteTransaction(db: db)) }
    }

    func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try pool.write { db in try body(SQLiteTransaction(db: db)) }
    }

    /// Closes the file's connections.
    func close() throws { try pool.close() }
}

/// A transaction on a SQLite store.
struct SQLiteTransaction: StoreTransaction {
    let db: Database

    func execute(_ sql: String, values: [StoreValue]) throws -> Int {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(values))
        return db.changesCount
    }

    func rows(_ sql: String, values: [StoreValue]) throws -> [StoreRow] {
        let statement = try db.cachedStatement(sql: sql)
        var columns: [String: Int] = [:]
        for (i, name) in statement.columnNames.enumerated() where columns[name] == nil { columns[name] = i }
        let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(values))
        var out: [StoreRow] = []
        while let row = try cursor.next() {
            out.append(StoreRow(columns: columns, values: row.databaseValues.map(Self.value)))
        }
        return out
    }

    static func arguments(_ values: [StoreValue]) -> StatementArguments {
        StatementArguments(
            values.map { value -> DatabaseValue in
                switch value {
                case .null: .null
                case .integer(let number): number.databaseValue
                case .text(let text): text.databaseValue
                }
            })
    }

    static func value(_ value: DatabaseValue) -> StoreValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .integer(Int64(number))
        case .string(let text): .text(text)
        case .blob(let data): .text(String(decoding: data, as: UTF8.self))
        }
    }
}
