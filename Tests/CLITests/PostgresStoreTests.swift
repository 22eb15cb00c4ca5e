import Foundation
import GRDB
import TestSupport
import Testing

private let demo = repositoryPath("Datasets/demo/articles")

/// The files `isnad export` writes.
private let exportedFiles = [
    "articles.jsonl", "articles.csv", "stories.jsonl", "stories.csv", "statements.jsonl", "statements.csv", "timeline.jsonl", "timeline.csv",
    "coverage.jsonl", "coverage.csv", "vocabulary.tsv", "schema.json", "report.md", "report.html",
]

/// Whether two exports hold the same files, byte for byte; the files that differ are recorded.
private func expectSameExport(_ a: String, _ b: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    for file in exportedFiles {
        let left = try Data(contentsOf: URL(fileURLWithPath: a + "/" + file))
        let right = try Data(contentsOf: URL(fileURLWithPath: b + "/" + file))
        #expect(left == right, "\(file) differs between \(a) and \(b)", sourceLocation: sourceLocation)
    }
}

/// Days of ant-multisource (read from `../shared/datasets`), one JSONL file per day, each also
/// dealt line by line into `parts` files (`DAY-1.jsonl`, …) as collectors would share it.
private func antDays(_ days: [String], parts: Int) throws -> (folder: String, days: [String], parts: [[String]]) {
    let folder = temporaryFolder()
    let corpus = try SharedData.path("ant-multisource.jsonl.gz")
    var dayFiles: [String] = []
    var partFiles: [[String]] = []
    for day in days {
        let path = "\(folder)/\(day).jsonl"
        let cut = try runProgram(
            URL(fileURLWithPath: "/bin/sh"),
            [
                "-c",
                "zcat '\(corpus)' | grep -F '\"published\": \"\(day)' > '\(path)' && for k in $(seq 1 \(parts)); do awk -v k=$k -v n=\(parts) 'NR % n == k % n' '\(path)' > '\(folder)/\(day)-'$k.jsonl; done",
            ])
        try #require(cut.status == 0, "\(cut.stderr)")
        dayFiles.append(path)
        partFiles.append((1...parts).map { "\(folder)/\(day)-\($0).jsonl" })
    }
    return (folder, dayFiles, partFiles)
}

/// `isnad daily` started in the background on `inputs`, without a report.
private func startDaily(store: String, inputs: [String]) throws -> Process {
    let process = Process()
    process.executableURL = try isnadBinary()
    process.arguments = ["daily", "--store", store] + inputs + ["--quiet"]
    try process.run()
    return process
}

/// One number a query through psql gives.
private func number(_ url: String, _ sql: String) throws -> Int {
    try #require(Int(try TestPostgres.psql(url, sql).first ?? ""), "\(sql) gave no number")
}

@Suite("A story store on PostgreSQL", .needsPostgres)
struct PostgresStoreTests {
    @Test func exportFromPostgreSQLIsTheExportFromSQLiteOfTheSameInput() throws {
        let folder = temporaryFolder()
        let database = try TestPostgres.newDatabase()
        for store in [database, folder + "/store.sqlite"] {
            let daily = try isnad(["daily", "--store", store, demo, "--out", folder + "/day", "--quiet"])
            #expect(daily.status == 0, "\(daily.stderr)")
        }
        #expect(try isnad(["export", "--store", database, "--out", folder + "/postgres", "--quiet"]).status == 0)
        #expect(try isnad(["export", "--store", folder + "/store.sqlite", "--out", folder + "/sqlite", "--quiet"]).status == 0)
        try expectSameExport(folder + "/postgres", folder + "/sqlite")
    }

    @Test func theSameInputTwiceAddsNothing() throws {
        let database = try TestPostgres.newDatabase()
        #expect(try isnad(["daily", "--store", database, demo, "--quiet"]).status == 0)
        let again = try isnad(["daily", "--store", database, demo])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("26 articles read, 0 new; 0 given a story"))
        #expect(try number(database, "SELECT count(*) FROM articles") == 26)
        #expect(try number(database, "SELECT count(*) FROM runs") == 2)
    }

    @Test func aStoreCopiedToPostgreSQLAndBackExportsTheSameTables() throws {
        let folder = temporaryFolder()
        let database = try TestPostgres.newDatabase()
        #expect(try isnad(["daily", "--store", folder + "/first.sqlite", demo, "--quiet"]).status == 0)
        let there = try isnad(["store", "copy", "--from", folder + "/first.sqlite", "--to", database])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stderr.contains("26 articles, 12 stories"))
        let back = try isnad(["store", "copy", "--from", database, "--to", folder + "/back.sqlite"])
        #expect(back.status == 0, "\(back.stderr)")
        for store in ["first": folder + "/first.sqlite", "postgres": database, "back": folder + "/back.sqlite"] {
            #expect(try isnad(["export", "--store", store.value, "--out", folder + "/" + store.key, "--quiet"]).status == 0)
        }
        try expectSameExport(folder + "/first", folder + "/postgres")
        try expectSameExport(folder + "/first", folder + "/back")
        // The speakers' canonical names come along (no export holds them).
        let speakers = "SELECT name || '|' || canonical || '|' || statements FROM speakers ORDER BY name"
        let first = try DatabaseQueue(path: folder + "/first.sqlite").read { try String.fetchAll($0, sql: speakers) }
        #expect(!first.isEmpty)
        #expect(try TestPostgres.psql(database, speakers.replacingOccurrences(of: "ORDER BY name", with: "ORDER BY name COLLATE \"C\"")) == first)
        #expect(try DatabaseQueue(path: folder + "/back.sqlite").read { try String.fetchAll($0, sql: speakers) } == first)
        // The copy's runs go on numbering after the copied ones.
        #expect(try isnad(["daily", "--store", database, demo, "--quiet"]).status == 0)
        #expect(try TestPostgres.psql(database, "SELECT run FROM runs ORDER BY run") == ["1", "2"])
    }

    @Test func aCopyIntoAStoreThatHoldsArticlesIsRefusedAndChangesNothing() throws {
        let folder = temporaryFolder()
        let database = try TestPostgres.newDatabase()
        #expect(try isnad(["daily", "--store", folder + "/store.sqlite", demo, "--quiet"]).status == 0)
        #expect(try isnad(["daily", "--store", database, demo + "/articles.jsonl", "--quiet"]).status == 0)
        let held = try number(database, "SELECT count(*) FROM articles")
        let copy = try isnad(["store", "copy", "--from", folder + "/store.sqlite", "--to", database])
        #expect(copy.status == 1)
        #expect(copy.stderr.contains("already holds \(held) articles and 1 runs; copy into a new store or an empty database"), "\(copy.stderr)")
        #expect(try number(database, "SELECT count(*) FROM articles") == held)
    }

    @Test func aRunKeptWaitingLongerThanLockWaitStopsWithALineThatSaysSo() throws {
        let database = try TestPostgres.newDatabase()
        #expect(try isnad(["daily", "--store", database, demo + "/articles.jsonl", "--quiet"]).status == 0)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        holder.arguments = [database, "-X", "-q", "-c", "BEGIN; LOCK TABLE meta IN EXCLUSIVE MODE; SELECT pg_sleep(20); COMMIT;"]
        try holder.run()
        defer { holder.terminate() }
        while try TestPostgres.psql(
            database, "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'meta' AND l.mode = 'ExclusiveLock'")
            != ["1"]
        {
            usleep(10_000)
        }
        let daily = try isnad(["daily", "--store", database, demo + "/wasla-tv.csv", "--lock-wait", "1", "--quiet"])
        #expect(daily.status == 1)
        #expect(
            daily.stderr.contains(
                "\(database): the store is locked by another run and stayed locked for the seconds this run waits (--lock-wait); run again when that run has finished"
            ), "\(daily.stderr)")
        #expect(try number(database, "SELECT count(*) FROM articles WHERE story IS NULL") > 0, "its articles wait for the next run")
    }

    @Test func aDatabaseThatDoesNotExistIsNamedWithWhatToDo() throws {
        let url = try #require(TestPostgres.serverURL).replacingOccurrences(of: "/postgres", with: "/no_such_database")
        let report = try isnad(["report", "--store", url, "--out", temporaryFolder()])
        #expect(report.status == 1)
        #expect(report.stderr.contains("\(url): database \"no_such_database\" does not exist; create the database first"), "\(report.stderr)")
    }

    @Test func sslmodeIsPassedOnToTheServer() throws {
        let database = try TestPostgres.newDatabase()
        #expect(try isnad(["daily", "--store", database + "?sslmode=disable", demo, "--quiet"]).status == 0)
        // The test server offers no encryption: what require asks for cannot be had.
        let required = try isnad(["report", "--store", database + "?sslmode=require", "--out", temporaryFolder()])
        #expect(required.status == 1)
        #expect(required.stderr.contains("the server does not offer encryption, which the URL's sslmode asks for"), "\(required.stderr)")
    }

    @Test func aServerThatIsNotThereIsNamedWithoutThePassword() throws {
        let report = try isnad(["report", "--store", "postgres://analyst:secret@127.0.0.1:1/news", "--out", temporaryFolder()])
        #expect(report.status == 1)
        #expect(report.stderr.contains("postgres://analyst@127.0.0.1:1/news: cannot reach the PostgreSQL server (connection refused)"), "\(report.stderr)")
        #expect(!report.stderr.contains("secret"))
    }

    @Test(.needsSharedData) func aDailyRunKilledMidwayLeavesWholeBatchesThatTheNextRunCompletes() throws {
        let (folder, days, _) = try antDays(["2018-05-14", "2018-05-15", "2018-05-16"], parts: 1)
        let database = try TestPostgres.newDatabase()
        let process = try startDaily(store: database, inputs: days)
        while process.isRunning {
            if let count = try? number(database, "SELECT count(*) FROM articles"), count > 0 { break }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let articles = try number(database, "SELECT count(*) FROM articles")
        let waiting = try number(database, "SELECT count(*) FROM articles WHERE story IS NULL")
        #expect(articles == 500 || articles == 521, "whole batches only, got \(articles)")
        #expect(waiting == articles || waiting == 0, "stories are given all at once")

        let again = try isnad(["daily", "--store", database] + days + ["--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try isnad(["export", "--store", database, "--out", folder + "/export", "--quiet"]).status == 0)
        #expect(try isnad(["run"] + days + ["--out", folder + "/run", "--quiet"]).status == 0)
        for file in ["articles.jsonl", "stories.jsonl", "statements.jsonl"] {
            let exported = try String(contentsOfFile: folder + "/export/" + file, encoding: .utf8).split(separator: "\n").sorted()
            let run = try String(contentsOfFile: folder + "/run/" + file, encoding: .utf8).split(separator: "\n").sorted()
            #expect(exported == run, "\(file)")
        }
    }

    @Test(.needsSharedData) func threeCollectorsWritingAtOnceDayAfterDayAgreeWithOneSQLiteRun() throws {
        let (folder, days, parts) = try antDays(["2018-05-14", "2018-05-15", "2018-05-16"], parts: 3)
        let database = try TestPostgres.newDatabase()
        for (day, collectors) in zip(days, parts) {
            let running = try collectors.map { try startDaily(store: database, inputs: [$0]) }
            for process in running { process.waitUntilExit() }
            #expect(running.allSatisfy { $0.terminationStatus == 0 })
            #expect(try isnad(["daily", "--store", folder + "/one.sqlite", day, "--quiet"]).status == 0)
        }
        #expect(try number(database, "SELECT count(*) FROM articles") == 521)
        #expect(try number(database, "SELECT count(*) FROM articles WHERE story IS NULL") == 0)
        #expect(try number(database, "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.story = a.story)") == 0)
        #expect(try number(database, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'documents'") == 521)
        #expect(try isnad(["export", "--store", database, "--out", folder + "/postgres", "--quiet"]).status == 0)
        #expect(try isnad(["export", "--store", folder + "/one.sqlite", "--out", folder + "/sqlite", "--quiet"]).status == 0)
        let eval = try isnad(["eval", folder + "/postgres/articles.jsonl", folder + "/sqlite/articles.jsonl"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let line = try #require(eval.stdout.split(separator: "\n").first { $0.hasPrefix("BCubed") })
        let f1 = try #require(Double(line.split(separator: " ").last ?? ""))
        #expect(f1 >= 0.97, "\(line)")
    }

    @Test(.needsSharedData) func aReaderPollingWhileThreeCollectorsWriteSeesWholeBatchesAndWholeStories() throws {
        let (_, _, parts) = try antDays(["2018-05-14"], parts: 3)
        let database = try TestPostgres.newDatabase()
        #expect(try isnad(["daily", "--store", database, parts[0][0], "--quiet"]).status == 0)  // the tables, made once
        let sizes = try parts[0].map { try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\n").count }
        let running = try parts[0].map { try startDaily(store: database, inputs: [$0]) }
        var seen: [[Int]] = []
        while running.contains(where: \.isRunning) {
            let row = try TestPostgres.psql(
                database,
                """
                SELECT count(*), count(*) FILTER (WHERE story IS NULL),
                    count(*) FILTER (WHERE story IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.story = a.story))
                FROM articles a
                """)
            seen.append(try #require(row.first).split(separator: "|").compactMap { Int($0) })
            usleep(10_000)
        }
        #expect(running.allSatisfy { $0.terminationStatus == 0 })
        // Each collector's file is one batch: a reader sees the first file with some of the
        // others, whole.
        let wholeBatches = Set([0, sizes[1], sizes[2], sizes[1] + sizes[2]].map { sizes[0] + $0 })
        #expect(seen.count > 1)
        for state in seen {
            #expect(wholeBatches.contains(state[0]), "whole batches only: \(state)")
            #expect(state[2] == 0, "every article with a story has its story's record: \(state)")
        }
        #expect(try number(database, "SELECT count(*) FROM articles WHERE story IS NULL") == 0)
    }
}
