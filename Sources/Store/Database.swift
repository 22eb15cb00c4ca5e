/// One value of a stored row: the store's columns hold integers, text or nothing.
enum StoreValue: Sendable, Hashable {
    /// No value (SQL NULL).
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// Text.
    case text(String)
}

/// A Swift value a statement of the store can take as an argument.
protocol StoreArgument {
    /// The value as the store holds it.
    var storeValue: StoreValue { get }
}

extension StoreValue: StoreArgument {
    var storeValue: StoreValue { self }
}

extension String: StoreArgument {
    var storeValue: StoreValue { .text(self) }
}

extension Int: StoreArgument {
    var storeValue: StoreValue { .integer(Int64(self)) }
}

extension Int64: StoreArgument {
    var storeValue: StoreValue { .integer(self) }
}

extension Int32: StoreArgument {
    var storeValue: StoreValue { .integer(Int64(self)) }
}

extension Optional: StoreArgument where Wrapped: StoreArgument {
    var storeValue: StoreValue { self?.storeValue ?? .null }
}

/// A row a query returned: its values by column position, and by name.
struct StoreRow {
    /// The column names, shared by every row of one result.
    let columns: [String: Int]
    /// The values, in column order.
    let values: [StoreValue]

    /// The value of `column`, by name or position; a missing column is a bad row.
    func value(_ column: StoreColumn) throws -> StoreValue {
        let index: Int? =
            switch column {
            case .name(let name): columns[name]
            case .position(let position): values.indices.contains(position) ? position : nil
            }
        guard let index else { throw BadRow(description: "a stored row has no column \(column)") }
        return values[index]
    }

    /// The text of `column`, or nil when it holds none.
    func optionalText(_ column: StoreColumn) throws -> String? {
        switch try value(column) {
        case .null: nil
        case .text(let text): text
        case .integer(let number): String(number)
        }
    }

    /// The text of `column`; an empty column is a bad row.
    func text(_ column: StoreColumn) throws -> String {
        guard let text = try optionalText(column) else { throw BadRow(description: "a stored row has no value in \(column)") }
        return text
    }

    /// The integer of `column`, or nil when it holds none.
    func optionalInteger(_ column: StoreColumn) throws -> Int? {
        switch try value(column) {
        case .null: return nil
        case .integer(let number): return Int(number)
        case .text(let text):
            guard let number = Int(text) else { throw BadRow(description: "a stored row has text «\(text)» where \(column) is a number") }
            return number
        }
    }

    /// The integer of `column`; an empty column is a bad row.
    func integer(_ column: StoreColumn) throws -> Int {
        guard let number = try optionalInteger(column) else { throw BadRow(description: "a stored row has no value in \(column)") }
        return number
    }
}

/// A column of a row, by name (`"id"`) or position (`0`).
enum StoreColumn: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, CustomStringConvertible {
    case name(String)
    case position(Int)

    init(stringLiteral name: String) { self = .name(name) }
    init(integerLiteral position: Int) { self = .position(position) }

    var description: String {
        switch self {
        case .name(let name): name
        case .position(let position): "column \(position + 1)"
        }
    }
}

/// A transaction on the database of a store. The store's logic is written once over it: SQL
/// that both back ends read the same way, with `?` placeholders.
protocol StoreTransaction {
    /// Runs one statement with `arguments` for its placeholders; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, values: [StoreValue]) throws -> Int
    /// The rows one query returns.
    func rows(_ sql: String, values: [StoreValue]) throws -> [StoreRow]
}

extension StoreTransaction {
    /// Runs one statement; its arguments are any mix of text, integers and optionals.
    @discardableResult
    func execute(_ sql: String, _ arguments: [any StoreArgument] = []) throws -> Int {
        try execute(sql, values: arguments.map(\.storeValue))
    }

    /// The rows of one query; its arguments are any mix of text, integers and optionals.
    func rows(_ sql: String, _ arguments: [any StoreArgument] = []) throws -> [StoreRow] {
        try rows(sql, values: arguments.map(\.storeValue))
    }

    /// The first column of the first row of a query, as an integer (nil: no row or no value).
    func integer(_ sql: String, _ arguments: [any StoreArgument] = []) throws -> Int? {
        try rows(sql, arguments).first?.optionalInteger(0)
    }

    /// Inserts `rows` with `head` (`INSERT INTO t (a, b)`) and `tail` (an `ON CONFLICT` clause
    /// or nothing), as many rows per statement as the placeholder limits of both back ends allow.
    /// Returns how many rows were inserted or updated.
    @discardableResult
    func insert(_ head: String, rows: [[StoreValue]], tail: String = "") throws -> Int {
        guard let width = rows.first?.count, width > 0 else { return 0 }
        let tuple = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        let perStatement = max(1, 30_000 / width)  // SQLite takes at most 32,766 placeholders
        var changed = 0
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(rows.count, start + perStatement)]
            let values = Array(repeating: tuple, count: chunk.count).joined(separator: ", ")
            changed += try execute("\(head) VALUES \(values) \(tail)", values: chunk.flatMap { $0 })
        }
        return changed
    }
}

/// The database a store keeps its tables in: a SQLite file or a PostgreSQL database.
protocol StoreDatabase: Sendable {
    /// The SQL the database speaks where the two differ.
    var dialect: SQLDialect { get }
    /// A read of one consistent state of the database.
    func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    /// A write transaction: committed whole when `body` returns, rolled back when it throws.
    func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
}

/// Where the SQL of the two back ends differs: the tables' definitions and a few expressions.
enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// A subquery of the strings in a JSON array given as one argument.
    var jsonListValues: String {
        switch self {
        case .sqlite: "SELECT value FROM json_each(?)"
        case .postgres: "SELECT jsonb_array_elements_text(CAST(? AS jsonb))"
        }
    }

    /// A query of how many tables are named by its one argument (0 or 1).
    var tableCount: String {
        switch self {
        case .sqlite: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
        case .postgres: "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
        }
    }

    /// `column` ordered by its bytes, whatever the database's collation.
    func byteOrder(_ column: String) -> String {
        switch self {
        case .sqlite: column
        case .postgres: "\(column) COLLATE \"C\""
        }
    }

    /// After rows were inserted with their own numbers, a statement that makes the next number
    /// of `table`'s `column` follow them (SQLite needs none: it takes the largest plus one).
    func continueNumbering(_ table: String, _ column: String) -> String? {
        switch self {
        case .sqlite: nil
        case .postgres: "SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), max(\(column))) FROM \(table) HAVING count(*) > 0"
        }
    }
}
