import Foundation
import TestSupport
import Testing

/// The built `isnad` binary (it sits beside the test bundle).
func isnadBinary() throws -> URL {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("isnad")
    let candidates = [binary, Bundle.main.bundleURL.appendingPathComponent("isnad")]
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "isnad binary not built")
}

/// Runs `program` and returns its exit status, standard output and standard error.
func runProgram(_ program: URL, _ arguments: [String], in folder: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

/// Runs the built `isnad` binary.
func isnad(_ arguments: [String], in folder: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    try runProgram(try isnadBinary(), arguments, in: folder)
}

/// Runs the built `isnad` binary as a user without rights over other users' files: as `nobody`
/// when the tests run as root (root writes any file), else as the user running the tests.
func isnadAsOtherUser(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    guard geteuid() == 0 else { return try isnad(arguments) }
    return try runProgram(
        URL(fileURLWithPath: "/usr/bin/setpriv"), ["--reuid=65534", "--regid=65534", "--clear-groups", try isnadBinary().path] + arguments)
}

/// A folder for one command's output.
func temporaryFolder() -> String { makeTemporaryFolder("cli") }

@Test func versionNamesOpenBLASAndItsCore() throws {
    let run = try isnad(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("isnad 0.1.0\n"))
    #expect(run.stdout.contains("BLAS: OpenBLAS 0.3."))
    #expect(run.stdout.contains("BLAS core: "))
}

@Test func ingestOfTheDemoCorpusWritesArticlesAndSummaryAndExitsZero() throws {
    let out = temporaryFolder()
    let run = try isnad(["ingest", repositoryPath("Datasets/demo/articles"), "--out", out])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.contains("**26** articles from **5** outlets, published 2020-02-19 to 2020-02-21; **0** rejected."))
    let articles = try String(contentsOfFile: out + "/articles.jsonl", encoding: .utf8)
    #expect(articles.split(separator: "\n").count == 26)
    #expect(FileManager.default.fileExists(atPath: out + "/corpus-summary.md"))
    #expect(!FileManager.default.fileExists(atPath: out + "/rejects.jsonl"))
}

@Test func rejectedRecordsGoToStderrAndTheRejectsFileAndExitThree() throws {
    let folder = temporaryFolder()
    let input = folder + "/in.jsonl"
    try Data(
        #"""
        {"id": "1", "title": "سلامة يدعو إلى العودة لطاولة جنيف", "published": "2020-02-20"}
        {"id": "2", "title": "خبر", "published": "الخميس"}
        {"id": "1", "title": "نسخة ثانية"}
        """#.utf8
    ).write(to: URL(fileURLWithPath: input))
    let run = try isnad(["ingest", input, "--format", "json"], in: folder)
    #expect(run.status == 3)
    #expect(run.stderr.contains("\(input):2: unparseable date 'الخميس' in field 'published'\n"))
    #expect(run.stderr.contains("\(input):3: duplicate id '1' (first read at \(input):1)\n"))
    #expect(run.stdout.hasPrefix("{") && run.stdout.contains(#""articles":1"#) && run.stdout.contains(#""rejects":2"#))
    let rejects = try String(contentsOfFile: folder + "/isnad-rejects.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(rejects.count == 2)
    let first = try JSONSerialization.jsonObject(with: Data(rejects[0].utf8)) as? [String: Any]
    #expect(first?["file"] as? String == input)
    #expect(first?["line"] as? Int == 2)
    #expect(first?["raw"] as? String == #"{"id": "2", "title": "خبر", "published": "الخميس"}"#)
}

@Test func badOptionIsAUsageErrorWithExitSixtyFour() throws {
    let run = try isnad(["ingest", repositoryPath("Datasets/demo/articles"), "--published", "tomorrow"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--published 'tomorrow' is not an ISO 8601 date"))
    #expect(run.stdout.isEmpty)
}

@Test func textShowsTheViewsOfASentence() throws {
    let run = try isnad(["text", "--text", "وقال الرئيـــس إنّ ٣ جنود قُتلوا. ثم غادر", "--show", "display", "key", "terms", "sentences"])
    #expect(run.status == 0)
    #expect(
        run.stdout == """
            # -
            display: وقال الرئيـــس إنّ ٣ جنود قُتلوا. ثم غادر
            key: وقال الرءيس ان 3 جنود قتلوا. ثم غادر
            terms: رءيس 3 جنود قتلوا غادر
            sentences:
              [0] وقال الرئيـــس إنّ ٣ جنود قُتلوا.
              [0] ثم غادر

            """)
}

@Test func textAsJSONGivesTokensWithDisplayOffsets() throws {
    let run = try isnad(["text", "--text", "\u{200F}بوتين يؤكد", "--show", "tokens", "--format", "json"])
    #expect(run.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let tokens = try #require(object["tokens"] as? [[String: Any]])
    #expect(tokens.map { $0["text"] as? String } == ["بوتين", "يؤكد"])
    #expect(tokens.map { $0["stem"] as? String } == ["بوت", "يءكد"])
    #expect(tokens.map { $0["stop"] as? Bool } == [false, true])
    #expect(tokens.map { $0["start"] as? Int } == [0, 6])
}

@Test func textOnArticlesReportsBoilerplateAndLearnedLines() throws {
    let run = try isnad(["text", repositoryPath("Datasets/demo/articles"), "--show", "boilerplate", "--id", "MI-0101", "--id", "SA-0402"])
    #expect(run.status == 0)
    #expect(
        run.stdout == """
            # MI-0101
            boilerplate:
              line 3 (related_story): اقرأ أيضاً: أردوغان يمهل دمشق حتى نهاية الشهر للانسحاب من محيط نقاط المراقبة
            # SA-0402
            boilerplate:
              line 5 (learned): صدى نيوز – متابعات

            """)
    let learned = try isnad(["text", repositoryPath("Datasets/demo/articles"), "--show", "learned", "--format", "json"])
    #expect(learned.status == 0)
    #expect(learned.stdout == #"{"articles":4,"days":3,"source":"sada-news","text":"صدى نيوز – متابعات"}"# + "\n")
}

@Test func textLearnedNeedsArticles() throws {
    let run = try isnad(["text", "--text", "نص", "--show", "learned"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--show learned needs article files"))
}

@Test func runWritesEveryTableAsJSONLAndCSVWithItsSchema() throws {
    let out = temporaryFolder()
    let run = try isnad(["run", repositoryPath("Datasets/demo/articles"), "--out", out, "--quiet"])
    #expect(run.status == 0)
    #expect(run.stdout.isEmpty && run.stderr.isEmpty)
    let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/schema.json"))) as? [String: Any])
    #expect(schema["schema_version"] as? Int == 1)
    let tables = try #require(schema["tables"] as? [String: [[String: String]]])
    #expect(Set(tables.keys) == ["articles", "stories", "statements", "timeline", "coverage"])
    for (table, columns) in tables {
        let csv = try String(contentsOfFile: out + "/\(table).csv", encoding: .utf8)
        let header = String(csv.prefix { $0 != "\n" })
        let jsonl = try String(contentsOfFile: out + "/\(table).jsonl", encoding: .utf8).split(separator: "\n")
        let keys = try #require(try JSONSerialization.jsonObject(with: Data(jsonl[0].utf8)) as? [String: Any]).keys
        // Every JSONL key is in the schema, and every CSV column is a schema column.
        #expect(Set(keys).isSubset(of: Set(columns.compactMap { $0["name"] })), "\(table)")
        #expect(Set(header.split(separator: ",").map(String.init)).isSubset(of: Set(columns.compactMap { $0["name"] })), "\(table)")
    }
    let statements = try String(contentsOfFile: out + "/statements.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(statements[0] == "article,outlet,sentence,speaker_mention,speaker_span,speaker,role,cue,cue_class,content,content_span,kind,time_expr,time")
}

@Test func progressIsRedrawnOnATerminalAndPlainOtherwise() throws {
    // util-linux `script` gives the run a pseudo-terminal, as an analyst's shell would.
    let command = "\(try isnadBinary().path) run \(repositoryPath("Datasets/demo/articles")) --out \(temporaryFolder())"
    let onTerminal = try runProgram(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
    #expect(onTerminal.status == 0)
    #expect(onTerminal.stdout.contains("\r\u{1B}[K[") && onTerminal.stdout.contains("] stories 0/26"))
    let piped = try isnad(["run", repositoryPath("Datasets/demo/articles"), "--out", temporaryFolder()])
    #expect(!piped.stderr.contains("\u{1B}") && piped.stderr.contains("] stories: 26 articles in "))
}

@Test func runWritesArticlesStoriesAndVocabulary() throws {
    let out = temporaryFolder()
    let run = try isnad(["run", repositoryPath("Datasets/demo/articles"), "--out", out])
    #expect(run.status == 0)
    // Data go to files; progress and the summary to standard error, nothing to standard output.
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("] statements: 26 articles in "))
    #expect(run.stderr.contains("26 articles, 12 stories (10 with two or more articles), 1 wire copies; written to \(out)\n"))
    let articles = try String(contentsOfFile: out + "/articles.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(articles.count == 26)
    let first = try #require(try JSONSerialization.jsonObject(with: Data(articles[0].utf8)) as? [String: Any])
    #expect(Set(first.keys) == ["id", "source", "title", "published", "url", "story", "duplicate_of"])
    let copy = try #require(articles.first { $0.contains("\"WA-0302\"") })
    #expect(copy.contains(#""duplicate_of":"SA-0301""#))
    let stories = try String(contentsOfFile: out + "/stories.jsonl", encoding: .utf8).split(separator: "\n")
    let story = try #require(try JSONSerialization.jsonObject(with: Data(stories[0].utf8)) as? [String: Any])
    #expect(Set(story.keys) == ["story", "title", "articles", "outlets", "independent_sources", "first_published", "last_published", "keywords"])
    #expect(FileManager.default.fileExists(atPath: out + "/vocabulary.tsv"))
    // A saved vocabulary weighs a later run the same way.
    let again = temporaryFolder()
    #expect(try isnad(["run", repositoryPath("Datasets/demo/articles"), "--out", again, "--vocabulary", out + "/vocabulary.tsv"]).status == 0)
    #expect(try String(contentsOfFile: again + "/stories.jsonl", encoding: .utf8) == stories.joined(separator: "\n") + "\n")
}

@Test func evalScoresARunAgainstClusterGold() throws {
    let out = temporaryFolder()
    _ = try isnad(["run", repositoryPath("Datasets/demo/articles"), "--out", out])
    let run = try isnad(["eval", out + "/articles.jsonl", repositoryPath("Datasets/demo/gold/clusters.jsonl"), "--format", "json"])
    #expect(run.status == 0)
    let scores = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(scores["articles"] as? Int == 26)
    #expect((scores["bcubed"] as? [String: Double])?["f1"] != nil)
    #expect(scores["gold_stories"] as? Int == 12)
}

@Test func evalReportsAMalformedGoldLineAndExitsThree() throws {
    let folder = temporaryFolder()
    let prediction = folder + "/pred.jsonl", gold = folder + "/gold.jsonl"
    try Data("{\"id\":\"a\",\"story\":\"x\"}\n{\"id\":\"b\",\"story\":\"x\"}\n".utf8).write(to: URL(fileURLWithPath: prediction))
    try Data("{\"id1\":\"a\",\"id2\":\"b\",\"same_event\":true}\n{\"id1\":\"a\"\n".utf8).write(to: URL(fileURLWithPath: gold))
    let run = try isnad(["eval", prediction, gold])
    #expect(run.status == 3)
    #expect(run.stderr.contains("\(gold):2: not a JSON object"))
    #expect(run.stdout.contains("pairs     P 1.0000  R 1.0000  F1 1.0000"))
}

@Test func evalStatementsScoresTheDemoStatements() throws {
    let out = temporaryFolder()
    _ = try isnad(["run", repositoryPath("Datasets/demo/articles"), "--out", out])
    let lines = try String(contentsOfFile: out + "/statements.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(lines.count > 40)
    let run = try isnad([
        "eval", "statements", out + "/statements.jsonl", repositoryPath("Datasets/demo/gold/statements.jsonl"),
        "--articles", repositoryPath("Datasets/demo/gold/statement-articles.txt"), "--format", "json",
    ])
    #expect(run.status == 0)
    let scores = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(scores["gold"] as? Int == 67)
    #expect((scores["precision"] as? Double ?? 0) >= 0.9)
}

/// The demo as `make demo` runs it gives the committed `Reports/demo/`, every file byte for byte:
/// a change to the output shows here and is committed with the change that made it.
@Test func theDemoRunGivesTheCommittedReportsByteForByte() throws {
    let out = temporaryFolder()
    let run = try isnad(["run", "Datasets/demo/articles", "--out", out, "--quiet"], in: repositoryRoot)
    #expect(run.status == 0, "\(run.stderr)")
    let committed = repositoryPath("Reports/demo")
    let files = try FileManager.default.contentsOfDirectory(atPath: committed).sorted()
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == files)
    for file in files {
        let expected = try Data(contentsOf: URL(fileURLWithPath: committed + "/" + file))
        let written = try Data(contentsOf: URL(fileURLWithPath: out + "/" + file))
        #expect(written == expected, "\(file) differs from Reports/demo/\(file): run `make demo` and commit the result if the change is intended")
    }
}

/// `--timezone` shows every time of the report in one zone and names it; a zone it cannot read is a usage error.
@Test func theReportShowsEveryTimeInTheZoneAskedFor() throws {
    let out = temporaryFolder()
    let run = try isnad(["run", repositoryPath("Datasets/demo/articles"), "--out", out, "--quiet", "--timezone", "Asia/Riyadh"])
    #expect(run.status == 0)
    let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
    #expect(markdown.contains("الأوقات بتوقيت Asia/Riyadh"))
    #expect(!markdown.contains("(+00:00)"))
    let bad = try isnad(["run", repositoryPath("Datasets/demo/articles"), "--out", out, "--timezone", "Mars/Olympus"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--timezone Mars/Olympus"))
}
