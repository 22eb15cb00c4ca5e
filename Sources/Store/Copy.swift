extension StoryStore {
    /// The tables of a store with their columns, in an order that keeps every reference whole
    /// (runs before the articles and stories that name them).
    static let tables: [(name: String, columns: [String])] = [
        ("meta", ["key", "value"]),
        ("runs", ["run", "started", "finished", "inputs", "read", "added", "assigned"]),
        (
            "articles",
            [
                "position", "id", "source", "url", "title", "published", "published_epoch", "day", "text", "origin_file", "origin_line", "story",
                "duplicate_of", "added_run", "assigned_run",
            ]
        ),
        ("stories", storyColumns),
        ("statements", statementColumns),
        ("merges", ["story", "merged_into", "run"]),
        ("speakers", ["name", "spelling", "canonical", "statements"]),
        ("terms", ["term", "df"]),
    ]

    /// Copies every row of `source` into this store, which must hold no run and no article (a
    /// store just made, or an empty PostgreSQL database), in one transaction: articles keep their
    /// positions, runs their numbers, stories their ids, and the merges and vocabulary come
    /// along, so an export of either store gives the same tables. Returns the rows copied per
    /// table.
    public func copy(from source: StoryStore) throws -> [(table: String, rows: Int)] {
        let rows = try source.read { db in
            try Self.tables.map { table in
                try db.rows("SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name)").map(\.values)
            }
        }
        let dialect = database.dialect
        try write { db in
            let articles = try db.integer("SELECT count(*) FROM articles") ?? 0
            let runs = try db.integer("SELECT count(*) FROM runs") ?? 0
            guard articles == 0, runs == 0 else { throw StoreError.notEmpty(store: path, articles: articles, runs: runs) }
            for (table, tableRows) in zip(Self.tables, rows) {
                let head = "INSERT INTO \(table.name) (\(table.columns.joined(separator: ", ")))"
                let tail = table.name == "meta" ? "ON CONFLICT (key) DO UPDATE SET value = excluded.value" : ""
                try db.insert(head, rows: tableRows, tail: tail)
            }
            for (table, column) in [("runs", "run"), ("articles", "position")] {
                if let statement = dialect.continueNumbering(table, column) { _ = try db.rows(statement) }
            }
        }
        return zip(Self.tables, rows).map { ($0.name, $1.count) }
    }
}
