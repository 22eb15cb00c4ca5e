import Foundation
import Testing

/// Runs the built `isnad` binary (it sits beside the test bundle) and returns its exit status,
/// standard output and standard error.
private func isnad(_ arguments: [String], in folder: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("isnad")
    let candidates = [binary, Bundle.main.bundleURL.appendingPathComponent("isnad")]
    let executable = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "isnad binary not built")
    let process = Process()
    process.executableURL = executable
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

private func temporaryFolder() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-cli-" + UUID().uuidString).path
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

@Test func versionNamesOpenBLASAndItsCore() throws {
    let run = try isnad(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("isnad 0.1.0\n"))
    #expect(run.stdout.contains("BLAS: OpenBLAS 0.3."))
    #expect(run.stdout.contains("BLAS core: "))
}

@Test func ingestOfTheDemoCorpusWritesArticlesAndSummaryAndExitsZero() throws {
    let out = temporaryFolder()
    let run = try isnad(["ingest", root + "/Datasets/demo/articles", "--out", out])
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
    try Data(#"""
        {"id": "1", "title": "سلامة يدعو إلى العودة لطاولة جنيف", "published": "2020-02-20"}
        {"id": "2", "title": "خبر", "published": "الخميس"}
        {"id": "1", "title": "نسخة ثانية"}
        """#.utf8).write(to: URL(fileURLWithPath: input))
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
    let run = try isnad(["ingest", root + "/Datasets/demo/articles", "--published", "tomorrow"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--published 'tomorrow' is not an ISO 8601 date"))
    #expect(run.stdout.isEmpty)
}
