import ArgumentParser
import Foundation
import Isnad

extension IsnadCommand {
    /// `isnad run`: articles to stories, written as tables.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Group articles into stories and write articles.jsonl, stories.jsonl, vocabulary.tsv and corpus-summary.md.",
            discussion: """
                Reads articles as `isnad ingest` does, learns each outlet's boilerplate, weighs the \
                articles with TF-IDF (headline and lead weighted up), finds similar pairs within a \
                time window, and clusters them: average-link, then centroid merging, then small \
                clusters joining large stories they fit. Wire copies are marked. Every file is \
                written atomically into --out:
                  articles.jsonl    id, source, title, published, url, story, duplicate_of
                  stories.jsonl     story, title, articles, outlets, independent_sources,
                                    first_published, last_published, keywords
                  vocabulary.tsv    the terms and document frequencies (reuse with --vocabulary)
                  statements.jsonl  who said what and when: speaker, role, cue, content, kind, time
                  timeline.jsonl    per story, each statement once with every outlet that reported it,
                                    its first report and each outlet's wording (drift)
                  report.md         the period's stories ranked, with summaries, timelines and the
                  report.html       outlet comparison; the HTML page is self-contained, with charts
                  coverage.jsonl    story × outlet rows: articles, first report, lag, wire copies,
                  coverage.csv      statements
                  corpus-summary.md articles per outlet and per day, rejects
                Every table is written as JSONL and CSV; schema.json gives the columns and the \
                schema_version. Progress and the summary go to standard error (--quiet silences \
                them); nothing goes to standard output. Every option has a default tuned on the \
                development gold; none needs changing for a new corpus. Exit status 3 when input \
                records were rejected (see rejects.jsonl).
                """
        )

        @Argument(help: "Files or folders to read.")
        var paths: [String]

        @Option(help: "Folder to write the tables into.")
        var out: String

        @Option(help: "A vocabulary.tsv from an earlier run: weigh terms as that corpus did (daily runs).")
        var vocabulary: String?

        @Option(help: "Articles further apart are never compared, in days.")
        var windowDays: Double = NeighborOptions().window / 86_400

        @Option(help: "Similarity halves for every this many days between two articles.")
        var halfLifeDays: Double = ClusteringOptions().halfLifeDays

        @Option(help: "Average-link merging stops below this average similarity.")
        var mergeThreshold: Float = ClusteringOptions().mergeThreshold

        @Option(help: "Clusters whose centroids are at least this similar merge.")
        var centroidThreshold: Float = ClusteringOptions().centroidThreshold

        @Option(help: "Weight of a headline term against 1 for the body's tail.")
        var titleWeight: Float = VectorOptions().titleWeight

        @Option(help: "How candidate pairs are found: sparse (inverted index) or lsa (LAPACKE projection and blocked sgemm).")
        var similarity: SimilarityRoute = .sparse

        @OptionGroup var period: ReportPeriod

        @OptionGroup var report: ReportSettings

        func validate() throws {
            guard windowDays > 0, halfLifeDays > 0 else { throw ValidationError("--window-days and --half-life-days must be positive") }
            guard (0...1).contains(mergeThreshold), (0...1).contains(centroidThreshold) else {
                throw ValidationError("--merge-threshold and --centroid-threshold are cosine similarities, between 0 and 1")
            }
        }

        /// The report covers the days asked for, else every day of the input.
        var reportOptions: ReportOptions { report.options(from: period.first, to: period.last) }

        func run() throws {
            var options = StoryOptions()
            options.neighbors.window = windowDays * 86_400
            options.clustering.halfLifeDays = halfLifeDays
            options.clustering.mergeThreshold = mergeThreshold
            options.clustering.centroidThreshold = centroidThreshold
            options.vectors.titleWeight = titleWeight
            options.route = similarity
            let saved = try failing { try vocabulary.map { try Vocabulary(contentsOf: $0) } }
            let renderer = try report.renderer()
            let progress = Progress(quiet: report.quiet)
            progress.begin("ingest")
            let input = Isnad.Ingest.read(paths)
            for reject in input.rejects { printError(reject.message) }
            progress.end(input.articles.count, "articles", detail: input.rejects.isEmpty ? "" : "\(input.rejects.count) rejected")
            progress.begin("stories", total: input.articles.count)
            let result = StoryDetection.run(input.articles, options: options, vocabulary: saved)
            progress.end(input.articles.count, "articles", detail: "\(result.stories.count) stories")
            try writeTables(input.articles, result, renderer: renderer, progress: progress)
            try writeAtomically(CorpusSummary(input).markdown(title: "Corpus summary"), to: out + "/corpus-summary.md")
            if !input.rejects.isEmpty { try writeRejects(input.rejects, to: out + "/rejects.jsonl") }
            progress.say(summary(input.articles, result))
            if !input.rejects.isEmpty { throw ExitCode.rejectedRecords }
        }

        private func writeTables(_ articles: [Article], _ result: StoryResult, renderer: ReportRenderer, progress: Progress) throws {
            progress.begin("statements", total: articles.count)
            let blockSize = 256
            let extracted = parallelMap(count: (articles.count + blockSize - 1) / blockSize) { block in
                let range = (block * blockSize)..<min(articles.count, (block + 1) * blockSize)
                defer { progress.advance(by: range.count) }
                return articles[range].flatMap(StatementExtractor.statements(in:))
            }.flatMap { $0 }
            progress.end(articles.count, "articles", detail: "\(extracted.count) statements")

            progress.begin("timeline")
            let input = ReportInput(
                articles: articles, stories: result.stories, storyOfArticle: result.storyIDOfArticle, duplicateOf: result.duplicateOf, extracted: extracted)
            try Publication.writeTables(input, vocabulary: result.vocabulary, into: out)
            progress.end(input.timeline.count, "entries")

            progress.begin("reports")
            let report = try Publication.writeReport(input, options: reportOptions, renderer: renderer, into: out)
            progress.end(report.stories.count, "stories in full", detail: "report of \(report.period)")
        }

        private func summary(_ articles: [Article], _ result: StoryResult) -> String {
            let multi = result.stories.filter { $0.articles.count > 1 }
            let copies = result.duplicateOf.compactMap { $0 }.count
            var text = "\(articles.count) articles, \(result.stories.count) stories (\(multi.count) with two or more articles), \(copies) wire copies; written to \(out)\n"
            for story in multi.prefix(10) {
                text += "  \(story.story)  \(story.articles.count) articles, \(story.independentSources.count) sources  \(story.title)\n"
            }
            return text
        }
    }
}

extension SimilarityRoute: ExpressibleByArgument {}

/// One line of `articles.jsonl`.
struct ArticleRow: Sendable {
    let id: String
    let source: String
    let title: String
    let published: String?
    let url: String?
    let story: String
    let duplicateOf: String?

    /// The columns of `articles.csv`.
    static let csvColumns = ["id", "source", "title", "published", "url", "story", "duplicate_of"]

    /// The row as one record of `articles.csv` (empty for null).
    var csvLine: String { csvRecord([id, source, title, published ?? "", url ?? "", story, duplicateOf ?? ""]) }

    /// Every key, `null` included, so that a notebook sees the same columns on every line.
    var jsonLine: String {
        func optional(_ value: String?) -> String { value.map(quoteJSON) ?? "null" }
        return "{\"id\":\(quoteJSON(id)),\"source\":\(quoteJSON(source)),\"title\":\(quoteJSON(title)),"
            + "\"published\":\(optional(published)),\"url\":\(optional(url)),\"story\":\(quoteJSON(story)),"
            + "\"duplicate_of\":\(optional(duplicateOf))}"
    }
}

/// Writes rejects as JSONL and says where.
func writeRejects(_ rejects: [Reject], to path: String) throws {
    let lines = try rejects.map { reject -> String in
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(reject), as: UTF8.self)
    }
    try writeAtomically(lines.joined(separator: "\n") + "\n", to: path)
    printError("\(rejects.count) record(s) rejected; written to \(path)")
}
