import Foundation
import Support
import TestSupport
import Testing

@Suite("Line files")
struct LineFilesTests {
    @Test func rowsAreWrittenInOrderAcrossBatchesWithTheirHeader() throws {
        // More rows than one batch of blocks on every core; a row may hold two lines, or none.
        let rows = Array(0..<5_000)
        let path = makeTemporaryFolder("line-files") + "/rows.csv"
        try writeLinesAtomically(rows, header: "n", to: path) { n, line in
            line += (n % 1000 == 7 ? "" : n % 1000 == 8 ? "خبر \(n)\nخبر \(n)b" : "خبر \(n)").utf8
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var expected = ["n"]
        for n in rows where n % 1000 != 7 {
            expected.append("خبر \(n)")
            if n % 1000 == 8 { expected.append("خبر \(n)b") }
        }
        // The first line that differs, if any, rather than 5,000 lines in a failure message.
        let written = lines.map(String.init)
        #expect(written.count == expected.count + 1 && written.last == "")
        #expect(zip(written, expected).first { $0 != $1 }.map { "\($0) ≠ \($1)" } == nil)
        #expect(
            !FileManager.default.fileExists(
                atPath: path.replacingOccurrences(of: "rows.csv", with: ".rows.csv.\(ProcessInfo.processInfo.processIdentifier).tmp")))
    }

    @Test func aFailedWriteLeavesNoTemporaryFileAndTheTargetAsItWas() throws {
        // The target is a folder that holds a file: the rename into place fails.
        let folder = makeTemporaryFolder("line-files-failure")
        let target = folder + "/stories.jsonl"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try "قائم".write(toFile: target + "/kept.txt", atomically: false, encoding: .utf8)
        #expect(throws: (any Error).self) {
            try writeLinesAtomically(["خبر أول", "خبر ثان"], to: target) { $1 += $0.utf8 }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["stories.jsonl"])
        #expect(try String(contentsOfFile: target + "/kept.txt", encoding: .utf8) == "قائم")
    }
}
