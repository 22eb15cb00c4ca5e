import Foundation
import TestSupport
import Testing

/// Outputs that cannot be written: one line naming the path and the reason, exit 1, and no table
/// half written.
@Suite("Output faults")
struct OutputFaultTests {
    @Test func anOutputFolderThatIsAFileIsNamed() throws {
        let file = temporaryFolder() + "/notes.txt"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let run = try isnad(["run", repositoryPath("Datasets/demo/articles"), "--out", file, "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr == "Error: cannot write \(file): it is a file, not a folder\n")
    }

    @Test func aFileOnTheWayToTheOutputFolderIsNamed() throws {
        let file = temporaryFolder() + "/notes.txt"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let run = try isnad(["run", repositoryPath("Datasets/demo/articles"), "--out", file + "/run", "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr == "Error: cannot write \(file): it is a file, not a folder\n")
    }

    @Test func aTableWhosePlaceIsAFolderIsNamed() throws {
        let out = temporaryFolder()
        try FileManager.default.createDirectory(atPath: out + "/articles.jsonl", withIntermediateDirectories: true)
        let run = try isnad(["run", repositoryPath("Datasets/demo/articles"), "--out", out, "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr == "Error: cannot write \(out)/articles.jsonl: it is a folder, not a file\n")
    }

    @Test func aWriteThatFailsAsOnAFullDiskNamesTheTableAndLeavesNoHalfOfIt() throws {
        // A file-size limit of 20 blocks with its signal ignored: writes past it fail (EFBIG), as
        // they would on a full disk. The statements table is the first to grow past it.
        let out = temporaryFolder()
        let shell = URL(fileURLWithPath: "/bin/bash")
        let command = "trap '' XFSZ; ulimit -f 20; exec \"$0\" run \"$1\" --out \"$2\" --quiet"
        let run = try runProgram(shell, ["-c", command, try isnadBinary().path, repositoryPath("Datasets/demo/articles"), out])
        #expect(run.status == 1)
        #expect(run.stderr == "Error: cannot write \(out)/statements.jsonl: File too large\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(!left.contains("statements.jsonl") && !left.contains { $0.hasSuffix(".tmp") }, "\(left)")
    }

    @Test func anOutputFolderThisUserCannotWriteIsNamedWithTheReason() throws {
        // Root writes any folder; the run is then made as `nobody`, who cannot write this one.
        let out = temporaryFolder()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: out)
        let run = try isnadAsOtherUser(["run", repositoryPath("Datasets/demo/articles"), "--out", out, "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr == "Error: cannot write \(out)/articles.jsonl: cannot create a file in its folder (Permission denied)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }
}
