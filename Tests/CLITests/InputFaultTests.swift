import Foundation
import TestSupport
import Testing

/// Inputs that fail while they are read: what was read is kept, the rest is named, exit 3.
@Suite("Input faults")
struct InputFaultTests {
    @Test func anInputThatEndsInsideARecordKeepsTheRecordsBeforeAndNamesTheCutOne() throws {
        // A pipe whose writer stops after two records and half of the third, as a file cut short
        // or taken away while it is read.
        let folder = temporaryFolder()
        let pipe = folder + "/articles.jsonl"
        try #require(mkfifo(pipe, 0o600) == 0)
        let demo = repositoryPath("Datasets/demo/articles/articles.jsonl")
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "{ head -2 \"$0\"; sed -n 3p \"$0\" | head -c 200; } > \"$1\"", demo, pipe]
        try writer.run()
        let ingest = try isnad(["ingest", pipe, "--out", folder + "/out"])
        writer.waitUntilExit()
        #expect(ingest.status == 3)
        #expect(ingest.stderr.hasPrefix("\(pipe):3: malformed JSON"), "\(ingest.stderr)")
        let kept = try String(contentsOfFile: folder + "/out/articles.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(kept.count == 2)
    }
}
