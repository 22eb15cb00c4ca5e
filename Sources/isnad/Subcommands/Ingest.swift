import ArgumentParser
import Foundation
import Isnad
import Support

extension IsnadCommand {
    /// `isnad ingest`: read articles, report what was read and what was rejected.
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read articles and print a summary: articles per outlet and per day, date range, rejects.",
            discussion: """
                Reads JSONL (also .jsonl.gz), JSON arrays, CSV/TSV with a header row, and folders of \
                .txt or .html pages (read recursively; a NAME.json beside NAME.txt gives its metadata). \
                Each bad record is reported on stderr as FILE:LINE: REASON and written, with its raw \
                text, to the rejects file; the rest is read. Exit status 3 when anything was rejected.
                """
        )

        @Argument(help: "Files or folders to read.")
        var paths: [String]

        @Option(help: "Outlet for records that name none (e.g. a folder of .txt pages).")
        var source: String?

        @Option(help: "Publication time (ISO 8601) for records that give none.")
        var published: String?

        @Option(help: "Folder to write articles.jsonl and corpus-summary.md into.")
        var out: String?

        @OptionGroup var limit: RecordLimit

        @Option(
            help:
                "Where to write rejected records as JSONL (default: OUT/rejects.jsonl, or ./isnad-rejects.jsonl without --out; written only when there are rejects)."
        )
        var rejects: String?

        @Option(help: "Summary format on stdout: text or json.")
        var format: SummaryFormat = .text

        enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

        func validate() throws {
            if let published, Published(parsing: published) == nil {
                throw ValidationError("--published '\(published)' is not an ISO 8601 date or time (e.g. 2020-02-20 or 2020-02-20T09:30:00+03:00)")
            }
        }

        func run() throws {
            let defaults = RecordDefaults(
                source: source, published: published.flatMap(Published.init(parsing:)), maxRecordBytes: limit.maxRecordBytes)
            let result = Isnad.Ingest.read(paths, defaults: defaults)
            for reject in result.rejects { printError(reject.message) }
            if !result.skippedFiles.isEmpty {
                printError("note: \(result.skippedFiles.count) file(s) of unknown type not read: " + result.skippedFiles.joined(separator: ", "))
            }
            let summary = CorpusSummary(result)
            if let out {
                try writeLinesAtomically(result.articles, to: out + "/articles.jsonl", appendLine: Tables.ingested.appendJSONLine)
                try writeAtomically(summary.markdown(title: "Corpus summary"), to: out + "/corpus-summary.md")
            }
            if !result.rejects.isEmpty {
                let path = rejects ?? (out.map { $0 + "/rejects.jsonl" } ?? "isnad-rejects.jsonl")
                try writeRejects(result.rejects, to: path)
            }
            switch format {
            case .text: print(summary.markdown(title: "Corpus summary"), terminator: "")
            case .json: print(try jsonLine(summary))
            }
            if !result.rejects.isEmpty { throw ExitCode.rejectedRecords }
        }
    }
}
