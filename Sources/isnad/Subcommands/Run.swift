import ArgumentParser
import Foundation
import Isnad
import Support

extension IsnadCommand {
    /// `isnad run`: articles to stories, written as tables.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Group articles into stories and write articles.jsonl, stories.jsonl, vocabulary.tsv and corpus-summary.md.",
            discussion: """
                Reads articles as `isnad ingest` does, learns each outlet's boilerplate, weighs the \
                articles with TF-IDF (headline and lead weighted up), finds similar pairs within a \
                time window, and clusters them: average-link, then centroid merging, then small \
                clusters joining large stories they fit, then the stories of one development on \
                different days joined by the words that burst in them. Wire copies are marked. Every file is \
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

        @OptionGroup var limit: RecordLimit

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
            let input = Isnad.Ingest.read(paths, defaults: RecordDefaults(maxRecordBytes: limit.maxRecordBytes))
            for reject in input.rejects { printError(reject.message) }
            progress.end(input.articles.count, "articles", detail: input.rejects.isEmpty ? "" : "\(input.rejects.count) rejected")
            let analysis = Pipeline.analyze(input.articles, options: options, vocabulary: saved, progress: progress)
            progress.begin("tables")
            try analysis.writeTables(into: out)
            let rows = analysis.articles.count + analysis.stories.count + analysis.statements.count + analysis.timeline.count
            progress.end(rows, "rows", detail: "articles, stories, statements and timeline as JSONL and CSV")
            progress.begin("reports")
            let written = try analysis.writeReport(options: reportOptions, renderer: renderer, into: out)
            progress.end(written.stories.count, "stories in full", detail: "report of \(written.period)")
            try writeAtomically(CorpusSummary(input).markdown(title: "Corpus summary"), to: out + "/corpus-summary.md")
            if !input.rejects.isEmpty { try writeRejects(input.rejects, to: out + "/rejects.jsonl") }
            progress.say(summary(analysis))
            if !input.rejects.isEmpty { throw ExitCode.rejectedRecords }
        }

        private func summary(_ analysis: Analysis) -> String {
            let multi = analysis.stories.filter { $0.articles.count > 1 }
            let copies = analysis.duplicateOf.compactMap { $0 }.count
            var text =
                "\(analysis.articles.count) articles, \(analysis.stories.count) stories (\(multi.count) with two or more articles), \(copies) wire copies; written to \(out)\n"
            for story in multi.prefix(10) {
                text += "  \(story.story)  \(story.articles.count) articles, \(story.independentSources.count) sources  \(story.title)\n"
            }
            return text
        }
    }
}

extension SimilarityRoute: ExpressibleByArgument {}

/// Writes rejects as JSONL and says where.
func writeRejects(_ rejects: [Reject], to path: String) throws {
    try Tables.writeRejects(rejects, to: path)
    printError("\(rejects.count) record(s) rejected; written to \(path)")
}
