import Statements

/// A speaker as the store keeps it: a name (canonical within its stories), its statements, and the
/// name it is one with across stories.
public struct StoredSpeaker: Sendable, Equatable {
    /// The name, as the statements' `speaker` gives it.
    public var name: String
    /// How many statements it has.
    public var statements: Int
    /// The name it is one with across stories (``StorySpeakers/sameNames(_:)``: the commonest
    /// spelling of the same person's name); itself when it is one with none.
    public var canonical: String

    /// A stored speaker.
    public init(name: String, statements: Int, canonical: String) {
        (self.name, self.statements, self.canonical) = (name, statements, canonical)
    }
}

extension StoryStore {
    /// Every speaker name with its statements and its canonical name across stories (table
    /// `speakers`, kept by every update), the most quoted first (then by name).
    public func speakers() throws -> [StoredSpeaker] {
        try read { db in
            try db.rows("SELECT name, statements, canonical FROM speakers ORDER BY statements DESC, \(database.dialect.byteOrder("name"))").map {
                StoredSpeaker(name: try $0.text(0), statements: try $0.integer(1), canonical: try $0.text(2))
            }
        }
    }

    /// Brings table `speakers` up to date for `names` (nil: every name the statements give): their
    /// statement counts (a name no statement has any more goes), and the canonical name of every
    /// spelling they share with others. `list` is the dialect's subquery of a JSON array's strings.
    static func refreshSpeakers(_ names: Set<String>?, list: String, _ db: any StoreTransaction) throws {
        let counted: [(speaker: String, statements: Int)]
        if let names {
            let asked = jsonArray(names.sorted())
            counted = try db.rows("SELECT speaker, count(*) FROM statements WHERE speaker IN (\(list)) GROUP BY speaker", [asked]).map {
                (try $0.text(0), try $0.integer(1))
            }
            let gone = names.subtracting(counted.map(\.speaker))
            if !gone.isEmpty { try db.execute("DELETE FROM speakers WHERE name IN (\(list))", [jsonArray(gone.sorted())]) }
        } else {
            try db.execute("DELETE FROM speakers")
            counted = try db.rows("SELECT speaker, count(*) FROM statements GROUP BY speaker").map { (try $0.text(0), try $0.integer(1)) }
        }
        try db.insert(
            "INSERT INTO speakers (name, spelling, canonical, statements)",
            rows: counted.map { [.text($0.speaker), StorySpeakers.spelling(of: $0.speaker).storeValue, .text($0.speaker), .integer(Int64($0.statements))] },
            tail: "ON CONFLICT (name) DO UPDATE SET statements = excluded.statements, canonical = excluded.canonical")
        // The names of every spelling touched, those that went included, are made one again.
        let spellings = Set((names.map(Array.init) ?? counted.map(\.speaker)).compactMap(StorySpeakers.spelling(of:)))
        guard !spellings.isEmpty else { return }
        let group = try db.rows("SELECT name, statements FROM speakers WHERE spelling IN (\(list))", [jsonArray(spellings.sorted())]).map {
            (speaker: try $0.text(0), statements: try $0.integer(1))
        }
        let same = StorySpeakers.sameNames(group)
        try db.insert(
            "INSERT INTO speakers (name, spelling, canonical, statements)",
            rows: group.map {
                [.text($0.speaker), StorySpeakers.spelling(of: $0.speaker).storeValue, .text(same[$0.speaker] ?? $0.speaker), .integer(Int64($0.statements))]
            },
            tail: "ON CONFLICT (name) DO UPDATE SET canonical = excluded.canonical")
    }
}
