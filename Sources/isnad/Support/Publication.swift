import Foundation
import Isnad

/// What `isnad run`, `isnad export` and `isnad report` write into their folder.
enum Publication {
    /// The tables of stories, statements and timelines (JSONL and CSV) and the vocabulary.
    static func writeTables(_ input: ReportInput, vocabulary: Vocabulary, into out: String) throws {
        let articles = input.articles
        let rows = articles.indices.map { i in
            ArticleRow(id: articles[i].id, source: articles[i].source, title: articles[i].title, published: articles[i].published?.description,
                       url: articles[i].url, story: input.storyOfArticle[i], duplicateOf: input.duplicateOf[i].map { articles[$0].id })
        }
        try Tables.write("articles", rows: rows, jsonl: \.jsonLine, csvHeader: ArticleRow.csvColumns, csv: \.csvLine, into: out)
        try Tables.write("stories", rows: input.stories, jsonl: \.jsonLine, csvHeader: Story.csvColumns, csv: \.csvLine, into: out)
        try vocabulary.save(to: out + "/vocabulary.tsv")
        try Tables.write("statements", rows: input.statements, jsonl: \.jsonLine, csvHeader: Statement.csvColumns, csv: \.csvLine, into: out)
        try Tables.write("timeline", rows: input.timeline, jsonl: \.jsonLine, csvHeader: TimelineEntry.csvColumns, csv: { $0.csvLines.joined(separator: "\n") }, into: out)
    }

    /// The report of a period (`report.md`, `report.html`), its coverage table and `schema.json`.
    static func writeReport(_ input: ReportInput, options: ReportOptions, renderer: ReportRenderer, into out: String) throws -> Reporting.Report {
        let report = Reporting.Report.build(input, options: options)
        try writeAtomically(renderer.markdown(report), to: out + "/report.md")
        try writeAtomically(renderer.html(report), to: out + "/report.html")
        let coverage = Reporting.Report.coverage(input, options: options)
        try Tables.write("coverage", rows: coverage, jsonl: \.jsonLine, csvHeader: CoverageRow.columns, csv: \.csvLine, into: out)
        try writeAtomically(Tables.schemaJSON, to: out + "/schema.json")
        return report
    }
}
