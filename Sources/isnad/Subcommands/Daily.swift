import ArgumentParser
import Foundation
import Isnad

extension IsnadCommand {
    /// `isnad daily`: the day's articles into a story store, and the day's report.
    struct Daily: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the day's articles to a story store, continue its stories, and write the day's report.",
            discussion: """
                Reads articles as `isnad run` does and adds those the store does not have (an article \
                already stored is skipped, so running the same input twice changes nothing). The new \
                articles are clustered together with the stored articles of the same week; a new \
                article continues the story most stored articles of its cluster belong to, under that \
                story's id, or opens a new story. Stored articles keep their story, unless most of \
                a stored story falls in a cluster another story leads: then it merges into that one \
                (the merges table keeps its id). The vocabulary's \
                document frequencies are the store's, updated with each run. With --out, writes \
                report.md, report.html and coverage.jsonl/.csv of --date (default: the latest \
                publication day in the input) into it; without, only the store is updated. The store \
                is a SQLite file in write-ahead-log mode or a PostgreSQL database: readers may query \
                it while a run writes, and several runs may write one PostgreSQL store at once (each \
                article is stored once; the stories are updated one run at a time). A run killed at \
                any point leaves it consistent; running again completes the work. Exit status 3 when \
                input records were rejected.
                """
        )

        @OptionGroup var store: StoreChoice

        @Argument(help: "Files or folders to read.")
        var paths: [String]

        @Option(help: "Folder to write the day's report (and the rejected records) into; without it, only the store is updated.")
        var out: String?

        @Option(help: "File to write the rejected records into (JSON Lines); default: rejects.jsonl in --out.")
        var rejects: String?

        @Option(help: "The day to report (YYYY-MM-DD); default: the latest publication day in the input.")
        var date: String?

        @OptionGroup var limit: RecordLimit

        @OptionGroup var report: ReportSettings

        func validate() throws {
            if let date, parseDay(date) == nil { throw ValidationError("--date \(date): expected a day as YYYY-MM-DD") }
        }

        func run() throws {
            let renderer = try report.renderer()
            let progress = Progress(quiet: report.quiet)
            let storyStore = try store.open()
            progress.begin("ingest")
            let input = Isnad.Ingest.read(paths, defaults: RecordDefaults(maxRecordBytes: limit.maxRecordBytes))
            for reject in input.rejects { printError(reject.message) }
            progress.end(input.articles.count, "articles", detail: input.rejects.isEmpty ? "" : "\(input.rejects.count) rejected")

            let (added, update, run) = try failing {
                let run = try storyStore.beginRun(inputs: paths)
                progress.begin("store", total: input.articles.count)
                let added = try storyStore.add(input.articles, run: run) { progress.advance(by: $0) }
                progress.end(input.articles.count, "articles", detail: "\(added) new, \(input.articles.count - added) already stored")
                progress.begin("stories")
                let update = try Pipeline.update(storyStore, run: run)
                progress.end(
                    update.assigned, "articles", detail: "\(update.continuing) continue \(update.storiesContinued) stories, \(update.storiesOpened) new stories"
                )
                return (added, update, run)
            }

            if let out {
                let day = date.flatMap(parseDay) ?? input.articles.compactMap { $0.published?.calendarDay }.max()
                progress.begin("report")
                let written = try failing {
                    try writeStoreReport(storyStore, from: day, to: day, settings: report, renderer: renderer, into: out)
                }
                progress.end(written.stories.count, "stories in full", detail: "report of \(written.period)")
            }
            try failing { try storyStore.finishRun(run, read: input.articles.count) }
            if !input.rejects.isEmpty, let path = rejects ?? out.map({ $0 + "/rejects.jsonl" }) { try writeRejects(input.rejects, to: path) }
            let counts = try failing { try storyStore.counts() }
            progress.say(
                """
                \(input.articles.count) articles read, \(added) new; \(update.assigned) given a story: \(update.continuing) continue \
                \(update.storiesContinued) stories, the others open \(update.storiesOpened); the store holds \(counts.articles) articles in \
                \(counts.stories) stories\(out.map { "; report written to \($0)" } ?? "")
                """)
            if !input.rejects.isEmpty { throw ExitCode.rejectedRecords }
        }
    }

    /// `isnad report`: any period's report from a store.
    struct StoreReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write the report of a period from a story store, without reading the sources again.",
            discussion: """
                Writes report.md, report.html and coverage.jsonl/.csv of the stories with an article \
                published from --from to --to (default: the store's latest day) into --out. A story's \
                earlier articles count for its history and first report.
                """
        )

        @OptionGroup var store: StoreChoice

        @Option(help: "Folder to write the report into.")
        var out: String

        @OptionGroup var period: ReportPeriod

        @OptionGroup var report: ReportSettings

        func run() throws {
            let renderer = try report.renderer()
            let progress = Progress(quiet: report.quiet)
            let storyStore = try store.open(mustExist: true)
            progress.begin("report")
            let written = try failing {
                // Without days, the store's latest; with one bound only, the other is open.
                let latest = try storyStore.latestDay()
                let first = period.first ?? (period.last ?? latest)
                let last = period.last ?? (period.first == nil ? latest : nil)
                return try writeStoreReport(storyStore, from: first, to: last, settings: report, renderer: renderer, into: out)
            }
            progress.end(written.stories.count, "stories in full", detail: "report of \(written.period) written to \(out)")
        }
    }

    /// `isnad export`: a store's tables, as `isnad run` writes them.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a story store's tables (articles, stories, statements, timeline, coverage, vocabulary) and its report.",
            discussion: "The same files, with the same schema, as `isnad run` writes into --out, for every story in the store."
        )

        @OptionGroup var store: StoreChoice

        @Option(help: "Folder to write the tables into.")
        var out: String

        @OptionGroup var report: ReportSettings

        func run() throws {
            let renderer = try report.renderer()
            let progress = Progress(quiet: report.quiet)
            let storyStore = try store.open(mustExist: true)
            progress.begin("export")
            let analysis = try failing {
                let analysis = Analysis(try storyStore.snapshot(), vocabulary: try storyStore.vocabulary())
                try analysis.writeTables(into: out)
                try analysis.writeReport(options: report.options(from: nil, to: nil), renderer: renderer, into: out)
                return analysis
            }
            progress.end(
                analysis.articles.count, "articles", detail: "\(analysis.stories.count) stories, \(analysis.statements.count) statements written to \(out)")
        }
    }
}

/// The days a report covers: `--date`, or `--from` and `--to`.
struct ReportPeriod: ParsableArguments {
    @Option(help: "The report covers one day (YYYY-MM-DD, publication days as written).")
    var date: String?

    @Option(help: "The report's first day (YYYY-MM-DD).")
    var from: String?

    @Option(help: "The report's last day (YYYY-MM-DD).")
    var to: String?

    func validate() throws {
        guard date == nil || (from == nil && to == nil) else { throw ValidationError("--date is one day; give it, or --from and --to, not both") }
        for (name, value) in [("--date", date), ("--from", from), ("--to", to)] {
            if let value, parseDay(value) == nil { throw ValidationError("\(name) \(value): expected a day as YYYY-MM-DD") }
        }
    }

    /// The first day asked for, if any.
    var first: CalendarDay? { (date ?? from).flatMap(parseDay) }

    /// The last day asked for, if any.
    var last: CalendarDay? { (date ?? to).flatMap(parseDay) }
}

/// The report options shared by the commands that write a report.
struct ReportSettings: ParsableArguments {
    @Option(help: "How many stories the report gives in full; the rest are listed by headline.")
    var storiesInFull: Int = ReportOptions().storiesInFull

    @Option(help: "A folder of Mustache templates (report.md.mustache, report.html.mustache, partials) that replace the built-in ones.")
    var templates: String?

    @Option(help: "The time zone every time of the report is shown in: a zone name (Asia/Riyadh) or an offset (+03:00).")
    var timezone = "UTC"

    @Flag(help: "No progress and no summary on standard error (errors still are).")
    var quiet = false

    func validate() throws {
        guard storiesInFull >= 0 else { throw ValidationError("--stories-in-full cannot be negative") }
        guard zone != nil else { throw ValidationError("--timezone \(timezone): expected a zone name (Asia/Riyadh, UTC) or an offset (+03:00)") }
    }

    /// The zone `--timezone` names.
    var zone: TimeZone? { parseTimeZone(timezone) }

    /// The renderer, or a failure naming the broken template.
    func renderer() throws -> ReportRenderer {
        try failing { try ReportRenderer(templates: templates) }
    }

    /// Report options for a period.
    func options(from: CalendarDay?, to: CalendarDay?) -> ReportOptions {
        var options = ReportOptions()
        (options.from, options.to, options.storiesInFull) = (from, to, storiesInFull)
        options.timeZone = zone ?? options.timeZone
        return options
    }
}

/// The zone `text` names: a zone name (Asia/Riyadh, UTC) or an offset (+03:00); nil if neither.
func parseTimeZone(_ text: String) -> TimeZone? {
    if let named = TimeZone(identifier: text) { return named }
    let parts = text.split(separator: ":")
    guard let sign = text.first, sign == "+" || sign == "-", parts.count == 2, let hours = Int(parts[0].dropFirst()), let minutes = Int(parts[1]),
        (0...14).contains(hours), (0..<60).contains(minutes)
    else { return nil }
    return TimeZone(secondsFromGMT: (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60))
}

/// Writes the report of a period of a store into `out`.
func writeStoreReport(_ store: StoryStore, from: CalendarDay?, to: CalendarDay?, settings: ReportSettings, renderer: ReportRenderer, into out: String) throws
    -> Reporting.Report
{
    try Analysis(try store.snapshot(from: from, to: to)).writeReport(options: settings.options(from: from, to: to), renderer: renderer, into: out)
}

/// The store a command works on, and how long it waits for another run's lock.
struct StoreChoice: ParsableArguments {
    @Option(
        help: """
            The story store: a SQLite file, or a PostgreSQL database as postgres://user[:password]@host[:port]/database[?sslmode=MODE], \
            its missing parts taken from PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE (`isnad daily` creates the store; \
            a PostgreSQL database must exist).
            """)
    var store: String

    @Option(help: "Seconds to wait while another run holds the store's lock before giving up.")
    var lockWait: Double = 60

    func validate() throws {
        guard lockWait >= 0 else { throw ValidationError("--lock-wait cannot be negative") }
    }

    /// Opens the store; with `mustExist`, a missing store is an error rather than a new store.
    func open(mustExist: Bool = false) throws -> StoryStore {
        try openStore(store, lockWait: lockWait, mustExist: mustExist)
    }
}

/// Opens the store `text` names (a path or a PostgreSQL URL); with `mustExist`, a missing store
/// is an error rather than a new store. A failure is printed and ends the command with status 1.
func openStore(_ text: String, lockWait: Double, mustExist: Bool) throws -> StoryStore {
    try failing { try StoryStore(location: try StoreLocation(parsing: text), lockWait: lockWait, create: !mustExist) }
}

/// Runs `body`; an error is printed to standard error and ends the command with status 1.
func failing<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch {
        printError("\(error)")
        throw ExitCode.failure
    }
}
