import Foundation
import PostgresNIO

/// A store's PostgreSQL database, through PostgresNIO: one connection, used by one transaction
/// at a time. Reads see one consistent state (`REPEATABLE READ`); a statement waiting for
/// another run's lock waits up to the set time (`lock_timeout`), then fails.
final class PostgresDatabase: StoreDatabase {
    let connection: PostgresConnection
    let location: PostgresLocation
    let logger: Logger
    /// Held through each transaction: the connection carries one at a time.
    let lock = NSLock()
    var dialect: SQLDialect { .postgres }

    /// Connects to the database `location` names.
    init(location: PostgresLocation, lockWait: Double) throws {
        var logger = Logger(label: "isnad.store")
        logger.logLevel = .critical
        self.logger = logger
        self.location = location
        let tls: PostgresConnection.Configuration.TLS
        switch location.sslMode {
        case .disable: tls = .disable
        case .allow, .prefer, .require:
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            let context = try NIOSSLContext(configuration: configuration)
            tls = location.sslMode == .require ? .require(context) : .prefer(context)
        case .verifyCA, .verifyFull:
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = location.sslMode == .verifyFull ? .fullVerification : .noHostnameVerification
            tls = .require(try NIOSSLContext(configuration: configuration))
        }
        var configuration: PostgresConnection.Configuration
        if location.host.hasPrefix("/") {
            configuration = .init(
                unixSocketPath: location.host + "/.s.PGSQL.\(location.port)", username: location.user, password: location.password,
                database: location.database)
        } else {
            configuration = .init(
                host: location.host, port: location.port, username: location.user, password: location.password, database: location.database,
                tls: tls)
        }
        configuration.options.connectTimeout = .seconds(10)
        connection = try PostgresConnection.connect(
            on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 1, logger: logger
        ).wait()
        // 0 is no limit to PostgreSQL; --lock-wait 0 means not waiting.
        let milliseconds = max(1, Int((lockWait * 1000).rounded()))
        _ = try query("SET lock_timeout = \(milliseconds)", [])
        _ = try query("SET client_min_messages = warning", [])
        _ = try query("SET application_name = 'isnad'", [])
    }

    deinit { try? connection.close().wait() }

    func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try transaction("BEGIN", body)
    }

    func transaction<T>(_ begin: String, _ body: (any StoreTransaction) throws -> T) throws -> T {
        try lock.withLock {
            _ = try query(begin, [])
            do {
                let result = try body(PostgresTransaction(database: self))
                _ = try query("COMMIT", [])
                return result
            } catch {
                _ = try? query("ROLLBACK", [])
                throw error
            }
        }
    }

    /// Runs one statement, its `?` placeholders numbered as PostgreSQL numbers them.
    func query(_ sql: String, _ values: [StoreValue]) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: binds.appendNull()
            case .integer(let number): binds.append(number)
            case .text(let text): binds.append(text)
            }
        }
        return try connection.query(PostgresQuery(unsafeSQL: Self.numbered(sql), binds: binds), logger: logger).wait()
    }

    /// `sql` with its `?` placeholders as `$1`, `$2`, … (the store's SQL has no `?` in a literal).
    static func numbered(_ sql: String) -> String {
        guard sql.contains("?") else { return sql }
        var out = ""
        out.reserveCapacity(sql.utf8.count + sql.utf8.count / 4)
        var n = 0
        for character in sql.unicodeScalars {
            if character == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.unicodeScalars.append(character)
            }
        }
        return out
    }
}

/// A transaction on a PostgreSQL store.
struct PostgresTransaction: StoreTransaction {
    let database: PostgresDatabase

    func execute(_ sql: String, values: [StoreValue]) throws -> Int {
        try database.query(sql, values).metadata.rows ?? 0
    }

    func rows(_ sql: String, values: [StoreValue]) throws -> [StoreRow] {
        let result = try database.query(sql, values)
        guard let first = result.rows.first else { return [] }
        var columns: [String: Int] = [:]
        for cell in first where columns[cell.columnName] == nil { columns[cell.columnName] = cell.columnIndex }
        return try result.rows.map { row in StoreRow(columns: columns, values: try row.map(Self.value)) }
    }

    /// A cell as the store reads it: integers of every width as integers, the rest as text.
    static func value(_ cell: PostgresCell) throws -> StoreValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }
}
