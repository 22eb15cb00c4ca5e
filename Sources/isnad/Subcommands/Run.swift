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
                  corpus-summary.md articles per outlet and per day, rejects
                Every option has a default tuned on the development gold; none needs changing for a \
                new corpus. Exit status 3 when input records were rejected (see rejects.jsonl).
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

        func validate() throws {
            guard windowDays > 0, halfLifeDays > 0 else { throw ValidationError("--window-days and --half-life-days must be positive") }
            guard (0...1).contains(mergeThreshold), (0...1).contains(centroidThreshold) else {
                throw ValidationError("--merge-threshold and --centroid-threshold are cosine similarities, between 0 and 1")
            }
        }

        func run() throws {
            var options = StoryOptions()
            options.neighbors.window = windowDays * 86_400
            options.clustering.halfLifeDays = halfLifeDays
            options.clustering.mergeThreshold = mergeThreshold
            options.clustering.centroidThreshold = centroidThreshold
            options.vectors.titleWeight = titleWeight
            options.route = similarity
            let saved: Vocabulary?
            do { saved = try vocabulary.map { try Vocabulary(contentsOf: $0) } } catch {
                printError("\(error)")
                throw ExitCode.failure
            }
            let input = Isnad.Ingest.read(paths)
            for reject in input.rejects { printError(reject.message) }
            let result = StoryDetection.run(input.articles, options: options, vocabulary: saved)
            try writeTables(input.articles, result)
            try writeAtomically(CorpusSummary(input).markdown(title: "Corpus summary"), to: out + "/corpus-summary.md")
            if !input.rejects.isEmpty { try writeRejects(input.rejects, to: out + "/rejects.jsonl") }
            print(summary(input.articles, result), terminator: "")
            if !input.rejects.isEmpty { throw ExitCode.rejectedRecords }
        }

        private func writeTables(_ articles: [Article], _ result: StoryResult) throws {
            var lines: [String] = []
            lines.reserveCapacity(articles.count)
            for (i, article) in articles.enumerated() {
                lines.append(ArticleRow(
                    id: article.id, source: article.source, title: article.title, published: article.published?.description,
                    url: article.url, story: result.storyIDOfArticle[i], duplicateOf: result.duplicateOf[i].map { articles[$0].id }).jsonLine)
            }
            try writeAtomically(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"), to: out + "/articles.jsonl")
            let stories = result.stories.map(\.jsonLine)
            try writeAtomically(stories.joined(separator: "\n") + (stories.isEmpty ? "" : "\n"), to: out + "/stories.jsonl")
            try result.vocabulary.save(to: out + "/vocabulary.tsv")
            let blockSize = 256
            let extracted = parallelMap(count: (articles.count + blockSize - 1) / blockSize) { block in
                articles[(block * blockSize)..<min(articles.count, (block + 1) * blockSize)].flatMap(StatementExtractor.statements(in:))
            }.flatMap { $0 }
            var articleIndex: [String: Int] = [:]
            for (i, article) in articles.enumerated() { articleIndex[article.id] = i }
            let statements = StorySpeakers.canonicalize(extracted) { articleIndex[$0].map { result.storyIDOfArticle[$0] } }
            try writeLines(statements.map(\.jsonLine), to: out + "/statements.jsonl")
            let timeline = Timeline.build(statements) { id in
                articleIndex[id].map { (result.storyIDOfArticle[$0], articles[$0].published) }
            }
            try writeLines(timeline.map(\.jsonLine), to: out + "/timeline.jsonl")
        }

        private func writeLines(_ lines: [String], to path: String) throws {
            try writeAtomically(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"), to: path)
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
struct ArticleRow {
    let id: String
    let source: String
    let title: String
    let published: String?
    let url: String?
    let story: String
    let duplicateOf: String?

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
