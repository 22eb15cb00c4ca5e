import Foundation
import GRDB
import TestSupport
import Testing

/// Five days of ant-multisource (14–18 May 2018, 859 articles, read from `../shared/datasets`)
/// as a JSONL file of its own.
private func antSlice() throws -> String {
    let path = temporaryFolder() + "/ant-14-18-may.jsonl"
    let corpus = try SharedData.path("ant-multisource.jsonl.gz")
    let slice = try runProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", "zcat '\(corpus)' | grep -E '\"published\": \"2018-05-1[4-8]' > '\(path)'"])
    try #require(slice.status == 0, "\(slice.stderr)")
    return path
}

/// The lines of a file, sorted (tables compare as sets of rows).
private func sortedLines(_ path: String) throws -> [Substring] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").sorted()
}

/// A connection as a notebook opens one, waiting up to 5 s for a lock.
private func reader(_ path: String) throws -> DatabaseQueue {
    var configuration = Configuration()
    configuration.busyMode = .timeout(5)
    return try DatabaseQueue(path: path, configuration: configuration)
}

/// `isnad daily` started in the background.
private func startDaily(store: String, input: String, out: String) throws -> Process {
    let process = Process()
    process.executableURL = try isnadBinary()
    process.arguments = ["daily", "--store", store, input, "--out", out, "--quiet"]
    try process.run()
    return process
}

private let demo = repositoryPath("Datasets/demo/articles")

@Suite("Story store commands")
struct StoreCLITests {
    @Test func exportOfAStoreFedAtOnceGivesTheTablesOfABatchRun() throws {
        let folder = temporaryFolder()
        let daily = try isnad(["daily", "--store", folder + "/store.sqlite", demo, "--out", folder + "/day", "--quiet"])
        #expect(daily.status == 0, "\(daily.stderr)")
        #expect(daily.stdout.isEmpty)
        #expect(try isnad(["export", "--store", folder + "/store.sqlite", "--out", folder + "/export", "--quiet"]).status == 0)
        #expect(try isnad(["run", demo, "--out", folder + "/run", "--quiet"]).status == 0)
        for file in ["articles.jsonl", "stories.jsonl", "statements.jsonl", "timeline.jsonl", "coverage.jsonl", "articles.csv", "vocabulary.tsv", "report.md"] {
            #expect(try sortedLines(folder + "/export/" + file) == sortedLines(folder + "/run/" + file), "\(file)")
        }
    }

    @Test func theSameInputTwiceAddsNothingAndKeepsEveryStory() throws {
        let folder = temporaryFolder()
        #expect(try isnad(["daily", "--store", folder + "/store.sqlite", demo, "--out", folder + "/first", "--quiet"]).status == 0)
        let again = try isnad(["daily", "--store", folder + "/store.sqlite", demo, "--out", folder + "/again"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("26 articles read, 0 new"))
        #expect(try reader(folder + "/store.sqlite").read { try Int.fetchOne($0, sql: "SELECT count(*) FROM articles") } == 26)
        #expect(try sortedLines(folder + "/first/report.md") == sortedLines(folder + "/again/report.md"))
    }

    @Test func reportReRendersADayFromTheStoreAsARunOverTheSourcesDoes() throws {
        let folder = temporaryFolder()
        #expect(try isnad(["daily", "--store", folder + "/store.sqlite", demo, "--out", folder + "/day", "--quiet"]).status == 0)
        let report = try isnad(["report", "--store", folder + "/store.sqlite", "--date", "2020-02-20", "--out", folder + "/report"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.isEmpty)
        #expect(try isnad(["run", demo, "--date", "2020-02-20", "--out", folder + "/run", "--quiet"]).status == 0)
        #expect(try String(contentsOfFile: folder + "/report/report.md", encoding: .utf8) == String(contentsOfFile: folder + "/run/report.md", encoding: .utf8))
        #expect(try sortedLines(folder + "/report/coverage.jsonl") == sortedLines(folder + "/run/coverage.jsonl"))
    }

    @Test func aReportFromAStoreThatDoesNotExistIsAnErrorNamingIt() throws {
        let path = temporaryFolder() + "/missing.sqlite"
        let report = try isnad(["report", "--store", path, "--out", temporaryFolder()])
        #expect(report.status == 1)
        #expect(report.stderr.contains(path))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(.needsSharedData) func aDailyRunKilledMidwayLeavesAConsistentStoreThatTheNextRunCompletes() throws {
        let input = try antSlice()
        let folder = temporaryFolder()
        let store = folder + "/store.sqlite"
        let process = try startDaily(store: store, input: input, out: folder + "/killed")
        // Kill it as soon as a first batch of articles is committed, watched through one
        // connection opened once the run has made the store. (A connection opened and closed
        // every millisecond from the start made the file itself, and once raced the run's set-up
        // of the write-ahead log: GRDB found the log, then could not read its size.)
        while process.isRunning && !FileManager.default.fileExists(atPath: store) { usleep(1_000) }
        let watcher = try reader(store)
        while process.isRunning {
            if let count = try? watcher.read({ try Int.fetchOne($0, sql: "SELECT count(*) FROM articles") }), count > 0 { break }
            usleep(1_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let (integrity, articles, waiting, orphans) = try reader(store).read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE story IS NULL") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE story IS NOT NULL AND story NOT IN (SELECT story FROM stories)") ?? -1
            )
        }
        #expect(integrity == "ok")
        #expect(articles == 500 || articles == 859, "whole batches only, got \(articles)")
        #expect(waiting == articles || waiting == 0, "stories are given all at once")
        #expect(orphans == 0)

        let again = try isnad(["daily", "--store", store, input, "--out", folder + "/again", "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try isnad(["export", "--store", store, "--out", folder + "/export", "--quiet"]).status == 0)
        #expect(try isnad(["run", input, "--out", folder + "/run", "--quiet"]).status == 0)
        for file in ["articles.jsonl", "stories.jsonl", "statements.jsonl"] {
            #expect(try sortedLines(folder + "/export/" + file) == sortedLines(folder + "/run/" + file), "\(file)")
        }
    }

    @Test(.needsSharedData) func aReaderQueriesTheStoreWhileADailyRunWritesIt() throws {
        let input = try antSlice()
        let folder = temporaryFolder()
        let store = folder + "/store.sqlite"
        let process = try startDaily(store: store, input: input, out: folder + "/day")
        var seen: [(articles: Int, waiting: Int)] = []
        while process.isRunning {
            if FileManager.default.fileExists(atPath: store) {
                // A failed read (locked, half-written, without tables) fails the test.
                seen.append(
                    try reader(store).read { db in
                        (
                            try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? -1,
                            try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE story IS NULL") ?? -1
                        )
                    })
            }
            usleep(20_000)
        }
        #expect(process.terminationStatus == 0)
        #expect(seen.contains { $0.articles > 0 }, "some reads saw the run's articles while it ran")
        for state in seen {
            #expect([0, 500, 859].contains(state.articles), "whole batches only: \(state)")
            #expect(state.waiting == state.articles || state.waiting == 0, "stories are given all at once: \(state)")
        }
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.articles <= $1.articles })
    }
}

@Suite("isnad daily without a report")
struct DailyWithoutReportTests {
    @Test func withoutOutTheStoreIsUpdatedAndNoReportIsWritten() throws {
        let folder = temporaryFolder()
        let daily = try isnad(["daily", "--store", folder + "/store.sqlite", demo], in: folder)
        #expect(daily.status == 0, "\(daily.stderr)")
        #expect(daily.stderr.contains("the store holds 26 articles in 12 stories\n"), "\(daily.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["store.sqlite"])
    }

    @Test func withoutOutRejectsGoToStandardErrorAndToTheRejectsFile() throws {
        let folder = temporaryFolder()
        let input = folder + "/day.jsonl"
        let good = #"{"id": "a1", "source": "outlet", "title": "عنوان الخبر", "published": "2020-02-20", "text": "قال الوزير إن الاجتماع انتهى."}"#
        try (good + "\n{\"id\": \"broken\"\n").write(toFile: input, atomically: true, encoding: .utf8)
        let daily = try isnad(["daily", "--store", folder + "/store.sqlite", input, "--rejects", folder + "/rejects.jsonl", "--quiet"])
        #expect(daily.status == 3)
        #expect(daily.stderr.contains("\(input):2"), "\(daily.stderr)")
        #expect(daily.stderr.contains("1 record(s) rejected; written to \(folder)/rejects.jsonl"))
        let rejects = try String(contentsOfFile: folder + "/rejects.jsonl", encoding: .utf8)
        #expect(rejects.split(separator: "\n").count == 1)
        #expect(rejects.contains(#""line":2"#), "\(rejects)")
    }
}
