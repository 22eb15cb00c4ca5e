import Foundation
import Isnad

/// The tables `isnad run` writes, each as JSONL and CSV, and their schema (`schema.json`).
enum Tables {
    /// Raised when a column or its meaning changes.
    static let schemaVersion = 1

    /// One column: its name, JSON type, and meaning.
    struct Column {
        let name: String
        let type: String
        let meaning: String
    }

    /// Every table's columns, in file order (the README's tables say the same).
    static let columns: [(table: String, columns: [Column])] = [
        ("articles", [
            Column(name: "id", type: "string", meaning: "the article's id (the source's, or a stable hash of outlet, URL and title)"),
            Column(name: "source", type: "string", meaning: "the outlet"),
            Column(name: "title", type: "string", meaning: "the headline"),
            Column(name: "published", type: "string|null", meaning: "publication time as the outlet wrote it (ISO 8601)"),
            Column(name: "url", type: "string|null", meaning: "the article's address"),
            Column(name: "story", type: "string", meaning: "its story's id"),
            Column(name: "duplicate_of", type: "string|null", meaning: "the id of the article it is a wire copy of"),
        ]),
        ("stories", [
            Column(name: "story", type: "string", meaning: "stable id (s- and a hash of its first article's id)"),
            Column(name: "title", type: "string", meaning: "the most central headline"),
            Column(name: "articles", type: "[string]", meaning: "article ids, earliest first (CSV: joined with ;)"),
            Column(name: "outlets", type: "[string]", meaning: "outlets, most articles first"),
            Column(name: "independent_sources", type: "[string]", meaning: "outlets with an article of their own"),
            Column(name: "first_published", type: "string|null", meaning: "first article's publication time"),
            Column(name: "last_published", type: "string|null", meaning: "last article's publication time"),
            Column(name: "keywords", type: "[string]", meaning: "heaviest terms as the headlines write them"),
        ]),
        ("statements", [
            Column(name: "article", type: "string", meaning: "the article's id"),
            Column(name: "outlet", type: "string", meaning: "the article's outlet"),
            Column(name: "sentence", type: "int", meaning: "sentence of the text, from 0"),
            Column(name: "speaker_mention", type: "string", meaning: "the speaker as written; \"\" for an implicit subject"),
            Column(name: "speaker_span", type: "[int,int]|null", meaning: "its Unicode-scalar offsets in the text (CSV: start:end)"),
            Column(name: "speaker", type: "string", meaning: "canonical across the story"),
            Column(name: "role", type: "string|null", meaning: "the role the text gives the speaker"),
            Column(name: "cue", type: "string", meaning: "the verb or phrase as written"),
            Column(name: "cue_class", type: "string", meaning: "say, assert, deny, announce, express, call, warn, ask, source"),
            Column(name: "content", type: "string", meaning: "the reported words as written"),
            Column(name: "content_span", type: "[int,int]", meaning: "their offsets (CSV: start:end)"),
            Column(name: "kind", type: "string", meaning: "direct, indirect or mixed"),
            Column(name: "time_expr", type: "string|null", meaning: "the temporal expression as written"),
            Column(name: "time", type: "string|null", meaning: "day of the speech act (YYYY-MM-DD)"),
        ]),
        ("timeline", [
            Column(name: "entry", type: "string", meaning: "story id / place in its timeline"),
            Column(name: "story", type: "string", meaning: "the story"),
            Column(name: "time", type: "string|null", meaning: "day the statement was made"),
            Column(name: "first_reported", type: "string|null", meaning: "JSONL only: first report's publication time"),
            Column(name: "speaker", type: "string", meaning: "canonical across the story"),
            Column(name: "role", type: "string|null", meaning: "the speaker's role"),
            Column(name: "cue_class", type: "string", meaning: "say, assert, deny, announce, express, call, warn, ask, source"),
            Column(name: "content", type: "string", meaning: "JSONL: the first report's words; CSV: each report's"),
            Column(name: "kind", type: "string", meaning: "direct, indirect or mixed"),
            Column(name: "outlets", type: "[string]", meaning: "JSONL only: outlets that carried it, in order"),
            Column(name: "reports", type: "[object]", meaning: "JSONL: every report (article, outlet, published, cue, content, kind); CSV: one record per report"),
            Column(name: "drift", type: "number", meaning: "1 minus the smallest word overlap of two outlets' wordings"),
            Column(name: "drifts", type: "bool", meaning: "drift above 0.4"),
            Column(name: "article", type: "string", meaning: "CSV only: the report's article"),
            Column(name: "outlet", type: "string", meaning: "CSV only: the report's outlet"),
            Column(name: "published", type: "string|null", meaning: "CSV only: the report's publication time"),
            Column(name: "cue", type: "string", meaning: "CSV only: the report's cue as written"),
        ]),
        ("coverage", [
            Column(name: "story", type: "string", meaning: "the story"),
            Column(name: "title", type: "string", meaning: "its most central headline"),
            Column(name: "outlet", type: "string", meaning: "the outlet"),
            Column(name: "articles", type: "int", meaning: "the outlet's articles in the story"),
            Column(name: "first_published", type: "string|null", meaning: "the outlet's first report"),
            Column(name: "lag_minutes", type: "int|null", meaning: "minutes after the story's first report (0: it broke it)"),
            Column(name: "wire_copies", type: "int", meaning: "its articles that copy another outlet's"),
            Column(name: "statements", type: "int", meaning: "statements its articles of the story carry"),
        ]),
    ]

    /// `schema.json`: the version and every table's columns.
    static var schemaJSON: String {
        let tables = columns.map { table in
            "\(quoteJSON(table.table)):[" + table.columns.map {
                "{\"name\":\(quoteJSON($0.name)),\"type\":\(quoteJSON($0.type)),\"meaning\":\(quoteJSON($0.meaning))}"
            }.joined(separator: ",") + "]"
        }
        return "{\"schema_version\":\(schemaVersion),\"tables\":{" + tables.joined(separator: ",") + "}}\n"
    }

    /// Writes `name.jsonl` and `name.csv` into `folder`: each row's JSON line and CSV record(s),
    /// made on all cores block by block.
    static func write<Row: Sendable>(_ name: String, rows: [Row], jsonl: @Sendable (Row) -> String, csvHeader: [String],
                                     csv: @Sendable (Row) -> String, into folder: String) throws {
        try writeLinesAtomically(rows, to: folder + "/\(name).jsonl", line: jsonl)
        try writeLinesAtomically(rows, header: csvRecord(csvHeader), to: folder + "/\(name).csv", line: csv)
    }
}
