import Foundation
import Ingest
import Reporting
import Statements
import Stories
import Support
import Timeline

/// Every table Isnad writes, described once: the JSONL and CSV writers, `schema.json`, `isnad
/// schema` and `docs/SCHEMA.md` all come from these descriptions.
public enum Tables {
    /// Raised when a column or its meaning changes.
    public static let schemaVersion = 1

    /// `articles`: each article with its story.
    package static let articles = Table<ArticleRow, ArticleRow>(
        "articles", summary: "One row per article read: its story and the article it copies.",
        columns: [
            Column("id", "string", "the article's id (the source's, or a stable hash of outlet, URL and title)") { .text($0.article.id) },
            Column("source", "string", "the outlet") { .text($0.article.source) },
            Column("title", "string", "the headline") { .text($0.article.title) },
            Column("published", "string|null", "publication time as the outlet wrote it (ISO 8601)") { .optionalText($0.article.published?.description) },
            Column("url", "string|null", "the article's address") { .optionalText($0.article.url) },
            Column("story", "string", "its story's id") { .text($0.story) },
            Column("duplicate_of", "string|null", "the id of the article it is a wire copy of") { .optionalText($0.duplicateOf) },
        ])

    /// `stories`: one row per story.
    package static let stories = Table<Story, Story>(
        "stories", summary: "One row per story, ranked by independent sources, then articles.",
        columns: [
            Column("story", "string", "stable id (s- and a hash of its first article's id)") { .text($0.story) },
            Column("title", "string", "the most central headline, without a web label (شاهد..، بالفيديو:), hashtags as words") { .text($0.title) },
            Column("articles", "[string]", "article ids, earliest first (CSV: joined with ;)") { .list($0.articles) },
            Column("outlets", "[string]", "outlets, most articles first") { .list($0.outlets) },
            Column("independent_sources", "[string]", "outlets with an article of their own") { .list($0.independentSources) },
            Column("first_published", "string|null", "first article's publication time") { .optionalText($0.firstPublished) },
            Column("last_published", "string|null", "last article's publication time") { .optionalText($0.lastPublished) },
            Column("keywords", "[string]", "heaviest terms as the headlines write them") { .list($0.keywords) },
        ])

    /// `statements`: who said what, one row per statement.
    package static let statements = Table<Statement, Statement>(
        "statements", summary: "One row per statement found, in article and text order.",
        columns: [
            Column("article", "string", "the article's id") { .text($0.article) },
            Column("outlet", "string", "the article's outlet") { .text($0.outlet) },
            Column("sentence", "int", "sentence of the text, from 0") { .integer($0.sentence) },
            Column("speaker_mention", "string", "the speaker as written; \"\" for an implicit subject") { .text($0.speakerMention) },
            Column("speaker_span", "[int,int]|null", "its Unicode-scalar offsets in the text (CSV: start:end)") { .span($0.speakerSpan) },
            Column("speaker", "string", "canonical across the story") { .text($0.speaker) },
            Column("role", "string|null", "the role the text gives the speaker") { .optionalText($0.role) },
            Column("cue", "string", "the verb or phrase as written") { .text($0.cue) },
            Column("cue_class", "string", "say, assert, deny, announce, express, call, warn, ask, source") { .text($0.cueClass.rawValue) },
            Column("content", "string", "the reported words as written") { .text($0.content) },
            Column("content_span", "[int,int]", "their offsets (CSV: start:end)") { .span($0.contentSpan) },
            Column("kind", "string", "direct, indirect or mixed") { .text($0.kind.rawValue) },
            Column("time_expr", "string|null", "the temporal expression as written") { .optionalText($0.timeExpression) },
            Column("time", "string|null", "day of the speech act (YYYY-MM-DD)") { .optionalText($0.time) },
        ])

    /// One report of a timeline entry, a record of `timeline.csv`.
    package struct TimelineReport: Sendable {
        /// The entry.
        let entry: TimelineEntry
        /// Which of its reports.
        let index: Int
    }

    /// `timeline`: per story, each statement once with every outlet that carried it.
    package static let timeline = Table<TimelineEntry, TimelineReport>(
        "timeline", summary: "JSONL: one row per timeline entry; CSV: one record per report of an entry.",
        columns: [
            Column("entry", "string", "story id / place in its timeline") { .text($0.id) },
            Column("story", "string", "the story") { .text($0.story) },
            Column("time", "string|null", "day the statement was made") { .optionalText($0.time) },
            Column("first_reported", "string|null", "JSONL only: first report's publication time") { .optionalText($0.first.published?.description) },
            Column("speaker", "string", "canonical across the story") { .text($0.speaker) },
            Column("role", "string|null", "the speaker's role") { .optionalText($0.role) },
            Column("cue_class", "string", "say, assert, deny, announce, express, call, warn, ask, source") { .text($0.cueClass.rawValue) },
            Column("content", "string", "JSONL: the first report's words; CSV: each report's") { .text($0.first.content) },
            Column("kind", "string", "direct, indirect or mixed") { .text($0.first.kind.rawValue) },
            Column("outlets", "[string]", "JSONL only: outlets that carried it, in order") { .list($0.outlets) },
            Column("reports", "[object]", "JSONL: every report (article, outlet, published, cue, content, kind); CSV: one record per report") { entry in
                .objects(
                    entry.reports.map { r in
                        [
                            ("article", .text(r.article)), ("outlet", .text(r.outlet)), ("published", .optionalText(r.published?.description)),
                            ("cue", .text(r.cue)), ("content", .text(r.content)), ("kind", .text(r.kind.rawValue)),
                        ]
                    })
            },
            Column("drift", "number", "1 minus the smallest word overlap of two outlets' wordings") { .number($0.drift) },
            Column("drifts", "bool", "drift above 0.4") { .flag($0.drifts) },
        ],
        csvColumns: [
            Column("entry", "string", "") { .text($0.entry.id) },
            Column("story", "string", "") { .text($0.entry.story) },
            Column("time", "string|null", "") { .optionalText($0.entry.time) },
            Column("speaker", "string", "") { .text($0.entry.speaker) },
            Column("role", "string|null", "") { .optionalText($0.entry.role) },
            Column("cue_class", "string", "") { .text($0.entry.cueClass.rawValue) },
            Column("drift", "number", "") { .number($0.entry.drift) },
            Column("drifts", "bool", "") { .flag($0.entry.drifts) },
            Column("article", "string", "CSV only: the report's article") { .text($0.entry.reports[$0.index].article) },
            Column("outlet", "string", "CSV only: the report's outlet") { .text($0.entry.reports[$0.index].outlet) },
            Column("published", "string|null", "CSV only: the report's publication time") { .optionalText($0.entry.reports[$0.index].published?.description) },
            Column("cue", "string", "CSV only: the report's cue as written") { .text($0.entry.reports[$0.index].cue) },
            Column("content", "string", "") { .text($0.entry.reports[$0.index].content) },
            Column("kind", "string", "") { .text($0.entry.reports[$0.index].kind.rawValue) },
        ],
        records: { entry in entry.reports.indices.map { TimelineReport(entry: entry, index: $0) } })

    /// `coverage`: story × outlet.
    package static let coverage = Table<CoverageRow, CoverageRow>(
        "coverage", summary: "One row per story of the report's period and outlet that covered it.",
        columns: [
            Column("story", "string", "the story") { .text($0.story) },
            Column("title", "string", "its most central headline") { .text($0.title) },
            Column("outlet", "string", "the outlet") { .text($0.outlet) },
            Column("articles", "int", "the outlet's articles in the story") { .integer($0.articles) },
            Column("first_published", "string|null", "the outlet's first report") { .optionalText($0.firstPublished) },
            Column("lag_minutes", "int|null", "minutes after the story's first report (0: it broke it)") { .integer($0.lagMinutes) },
            Column("wire_copies", "int", "its articles that copy another outlet's") { .integer($0.wireCopies) },
            Column("statements", "int", "statements its articles of the story carry") { .integer($0.statements) },
        ])

    /// `rejects` (JSONL only): records that could not be read.
    package static let rejects = Table<Reject, Reject>(
        "rejects", summary: "JSONL only: one row per record or file that could not be read.",
        columns: [
            Column("file", "string", "the file, as given or as found under a given folder") { .text($0.file) },
            Column("line", "int", "line where the record starts; 0 for the whole file") { .integer($0.line) },
            Column("raw", "string", "the record as read; bytes that are not UTF-8 as \\xNN") { .text($0.raw) },
            Column("reason", "string", "what is wrong") { .text($0.reason) },
        ])

    /// `isnad ingest`'s articles: the input contract, normalized (JSONL only).
    package static let ingested = Table<Article, Article>(
        "ingested", summary: "JSONL only (`isnad ingest --out`): the articles read, in the input contract's keys.",
        columns: [
            Column("id", "string", "the article's id") { .text($0.id) },
            Column("source", "string", "the outlet") { .text($0.source) },
            Column("url", "string|null", "the article's address") { .optionalText($0.url) },
            Column("title", "string", "the headline") { .text($0.title) },
            Column("published", "string|null", "publication time (ISO 8601)") { .optionalText($0.published?.description) },
            Column("text", "string", "the body, paragraphs separated by line breaks") { .text($0.text) },
        ])

    /// The tables a run writes (`schema.json` lists them): name, summary and documented columns.
    static var written: [(name: String, summary: String, columns: [DocumentedColumn])] {
        [
            (articles.name, articles.summary, articles.documentedColumns), (stories.name, stories.summary, stories.documentedColumns),
            (statements.name, statements.summary, statements.documentedColumns), (timeline.name, timeline.summary, timeline.documentedColumns),
            (coverage.name, coverage.summary, coverage.documentedColumns),
        ]
    }

    /// Every table, in the order the docs give them: those a run writes, then the rejects and
    /// `isnad ingest`'s articles.
    static var documented: [(name: String, summary: String, columns: [DocumentedColumn])] {
        written + [(rejects.name, rejects.summary, rejects.documentedColumns), (ingested.name, ingested.summary, ingested.documentedColumns)]
    }

    /// `schema.json`: the version and the columns of the tables a run writes.
    public static var schemaJSON: String {
        var line = "{\"schema_version\":\(schemaVersion),\"tables\":{"
        for (k, table) in written.enumerated() {
            if k > 0 { line += "," }
            let columns = table.columns.map { column -> [(key: String, value: Cell)] in
                [("name", .text(column.name)), ("type", .text(column.type)), ("meaning", .text(column.meaning))]
            }
            line += quoteJSON(table.name) + ":" + Cell.objects(columns).json
        }
        return line + "}}\n"
    }

    /// The schema as Markdown: `docs/SCHEMA.md` is this text, and a test checks that it still is.
    public static var markdown: String {
        var text = """
            # Isnad's tables

            Written by `isnad run`, `isnad export` and (coverage, report) `isnad daily` and `isnad report`,
            each as JSONL (one object per line, every key on every line, `null` where a value is missing)
            and CSV (RFC 4180, a header line, empty for `null`, lists joined with `;`). `schema.json` in
            each output folder gives the same columns and the schema version, now \(schemaVersion); a change
            to a name or a meaning raises it. This file is generated: `isnad schema --markdown`.

            """
        for table in documented {
            text += "\n## `\(table.name)`\n\n\(table.summary)\n\n| column | type | JSONL | CSV | meaning |\n|---|---|:-:|:-:|---|\n"
            for c in table.columns {
                let cells = [c.name, c.type, c.meaning].map { $0.replacingOccurrences(of: "|", with: "\\|") }
                text += "| `\(cells[0])` | `\(cells[1])` | \(c.inJSON ? "✓" : "") | \(c.inCSV ? "✓" : "") | \(cells[2]) |\n"
            }
        }
        return text
    }

    /// The articles as `isnad ingest` prints them: one JSON line each.
    public static func ingestedLine(_ article: Article) -> String { ingested.jsonLine(article) }

    /// Writes the rejects to `path` as JSON lines (`rejects.jsonl`), atomically.
    public static func writeRejects(_ rejects: [Reject], to path: String) throws {
        try writeLinesAtomically(rejects, to: path, appendLine: Tables.rejects.appendJSONLine)
    }
}
