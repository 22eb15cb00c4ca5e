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
        try Tables.write("articles", jsonl: rows.lazy.map(\.jsonLine), csvHeader: ArticleRow.csvColumns, csv: rows.lazy.map(\.csvLine), into: out)
        try Tables.write("stories", jsonl: input.stories.lazy.map(\.jsonLine), csvHeader: Story.csvColumns, csv: input.stories.lazy.map(\.csvLine), into: out)
        try vocabulary.save(to: out + "/vocabulary.tsv")
        try Tables.write("statements", jsonl: input.statements.lazy.map(\.jsonLine), csvHeader: Statement.csvColumns, csv: input.statements.lazy.map(\.csvLine), into: out)
        try Tables.write("timeline", jsonl: input.timeline.lazy.map(\.jsonLine), csvHeader: TimelineEntry.csvColumns, csv: input.timeline.lazy.flatMap(\.csvLines), into: out)
    }

    /// The report of a period (`report.md`, `report.html`), its coverage table and `schema.json`.
    static func writeReport(_ input: ReportInput, options: ReportOptions, renderer: ReportRenderer, into out: String) throws -> Reporting.Report {
        let report = Reporting.Report.build(input, options: options)
        try writeAtomically(renderer.markdown(report), to: out + "/report.md")
        try writeAtomically(renderer.html(report), to: out + "/report.html")
        let coverage = Reporting.Report.coverage(input, options: options)
        try Tables.write("coverage", jsonl: coverage.lazy.map(\.jsonLine), csvHeader: CoverageRow.columns, csv: coverage.lazy.map(\.csvLine), into: out)
        try writeAtomically(Tables.schemaJSON, to: out + "/schema.json")
        return report
    }
}
