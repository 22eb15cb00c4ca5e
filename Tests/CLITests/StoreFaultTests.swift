import Foundation
import GRDB
import TestSupport
import Testing

/// A store of the demo articles, made by `isnad daily` in a folder of its own.
private func demoStore() throws -> String {
    let folder = temporaryFolder()
    let daily = try isnad(["daily", "--store", folder + "/store.sqlite", repositoryPath("Datasets/demo/articles"), "--out", folder + "/day", "--quiet"])
    try #require(daily.status == 0, "\(daily.stderr)")
    return folder + "/store.sqlite"
}

/// The articles a store holds, read as a notebook would.
private func storedArticles(_ path: String) throws -> Int {
    try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM articles") ?? 0 }
}

/// Stores that cannot be used: one line naming the store and the reason, exit 1, the store as it
/// was.
@Suite("Store faults")
struct StoreFaultTests {
    @Test func aStoreLockedByAnotherWriterIsNamedAfterTheWaitAndLeftAsItWas() throws {
        let store = try demoStore()
        let other = try DatabaseQueue(path: store)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let daily = try isnad([
                "daily", "--store", store, repositoryPath("Datasets/demo/articles"), "--out", temporaryFolder(), "--lock-wait", "1", "--quiet",
            ])
            try db.execute(sql: "ROLLBACK")
            #expect(daily.status == 1)
            #expect(
                daily.stderr
                    == "\(store): the store is locked by another run and stayed locked for the seconds this run waits (--lock-wait); run again when that run has finished\n"
            )
        }
        #expect(try storedArticles(store) == 26)
    }

    @Test func aDamagedStoreIsNamedAsDamaged() throws {
        let store = try demoStore()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: store))
        let report = try isnad(["report", "--store", store, "--out", temporaryFolder(), "--quiet"])
        #expect(report.status == 1)
        #expect(report.stderr == "\(store): the store is damaged (database disk image is malformed); restore it from a copy, or start a new store\n")
    }

    @Test func aFileThatIsNotAStoreIsNamedAsSuch() throws {
        let store = temporaryFolder() + "/articles.sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: store))
        let daily = try isnad(["daily", "--store", store, repositoryPath("Datasets/demo/articles"), "--out", temporaryFolder(), "--quiet"])
        #expect(daily.status == 1)
        #expect(daily.stderr == "\(store): not an isnad store (not an SQLite database)\n")
    }

    @Test func aStoreThisUserCannotWriteIsNamedWithTheReasonAndLeftAsItWas() throws {
        let store = try demoStore()
        let out = temporaryFolder()
        // Root writes any file; the run is then made as `nobody`, who can read the store and
        // write the report's folder, but not write the store.
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: store)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: out)
        let daily = try isnadAsOtherUser(["daily", "--store", store, repositoryPath("Datasets/demo/articles"), "--out", out, "--quiet"])
        #expect(daily.status == 1)
        #expect(daily.stderr == "\(store): the store cannot be written (the file: Permission denied)\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store)
        #expect(try storedArticles(store) == 26)
    }

    @Test func aStoreWriteThatFailsAsOnAFullDiskIsNamedAndTheNextRunCompletesTheWork() throws {
        // A file-size limit of 100 blocks with its signal ignored: the store's writes past it fail,
        // as they would on a full disk.
        let folder = temporaryFolder()
        let store = folder + "/store.sqlite"
        let command = "trap '' XFSZ; ulimit -f 100; exec \"$0\" daily \"$1\" --store \"$2\" --out \"$3\" --quiet"
        let demo = repositoryPath("Datasets/demo/articles")
        let full = try runProgram(URL(fileURLWithPath: "/bin/bash"), ["-c", command, try isnadBinary().path, demo, store, folder + "/day"])
        #expect(full.status == 1)
        #expect(
            full.stderr
                == "\(store): reading or writing the store failed (disk I/O error): the disk may be full or failing; the store keeps its last whole batch\n"
        )
        let again = try isnad(["daily", "--store", store, demo, "--out", folder + "/day", "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try DatabaseQueue(path: store).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM articles WHERE story IS NOT NULL") } == 26)
    }

    @Test func aFolderGivenAsTheStoreIsNamedAsAFolder() throws {
        let folder = temporaryFolder()
        let report = try isnad(["report", "--store", folder, "--out", temporaryFolder(), "--quiet"])
        #expect(report.status == 1)
        #expect(report.stderr == "\(folder): the store cannot be opened: it is a folder, not a store file\n")
    }

    @Test func aStoreInAFolderThatDoesNotExistIsNamedAndNothingIsMade() throws {
        let folder = temporaryFolder() + "/no/such"
        let store = folder + "/store.sqlite"
        let daily = try isnad(["daily", "--store", store, repositoryPath("Datasets/demo/articles"), "--out", temporaryFolder(), "--quiet"])
        #expect(daily.status == 1)
        #expect(daily.stderr == "\(store): the store cannot be opened: its folder \(folder) does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
