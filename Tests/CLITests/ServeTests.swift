import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

private let demo = repositoryPath("Datasets/demo/articles")

/// `isnad serve` running on a free port of 127.0.0.1, stopped (SIGTERM) when released.
private final class RunningServer {
    let process = Process()
    let errors = Pipe()
    var address = ""

    init(store: String) throws {
        process.executableURL = try isnadBinary()
        process.arguments = ["serve", "--store", store, "--port", "0"]
        process.standardError = errors
        try process.run()
        // The first line says where it listens.
        var line = Data()
        while let byte = try errors.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line += byte }
        let text = String(decoding: line, as: UTF8.self)
        address = try #require(text.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init), "\(text)")
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    /// A GET of `path` through URLSession, as a notebook's or a browser's client asks.
    func get(_ path: String) throws -> (status: Int, type: String, body: Data) {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: (Int, String, Data)?
        nonisolated(unsafe) var failure: (any Error)?
        let task = URLSession.shared.dataTask(with: URL(string: address + path)!) { data, response, error in
            if let response = response as? HTTPURLResponse {
                outcome = (response.statusCode, response.value(forHTTPHeaderField: "Content-Type") ?? "", data ?? Data())
            }
            failure = error
            done.signal()
        }
        task.resume()
        done.wait()
        if let failure { throw failure }
        return try #require(outcome)
    }
}

/// A store holding the demo, made by `isnad daily`.
private func demoStore() throws -> String {
    let store = temporaryFolder() + "/store.sqlite"
    let daily = try isnad(["daily", "--store", store, demo, "--quiet"])
    try #require(daily.status == 0, "\(daily.stderr)")
    return store
}

@Suite("isnad serve", .serialized)
struct ServeTests {
    @Test func pagesAndTheAPIAnswerARealHTTPClient() throws {
        let server = try RunningServer(store: try demoStore())
        let home = try server.get("/")
        #expect(home.status == 200)
        #expect(home.type == "text/html; charset=utf-8")
        #expect(String(decoding: home.body, as: UTF8.self).contains("2020-02-21"))
        let stories = try server.get("/api/stories?limit=3")
        #expect(stories.status == 200)
        #expect(stories.type == "application/json")
        let object = try #require(try JSONSerialization.jsonObject(with: stories.body) as? [String: Any])
        #expect((object["stories"] as? [Any])?.count == 3)
        let search = try server.get("/api/search?q=" + "إدلب".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(search.status == 200)
        let bad = try server.get("/api/stories?to=tomorrow")
        #expect(bad.status == 400)
        #expect(String(decoding: bad.body, as: UTF8.self) == #"{"error":"to tomorrow: expected a day as YYYY-MM-DD"}"#)
        #expect(try server.get("/story/s-0000000000").status == 404)
    }

    @Test func theDayStorySpeakerAndSearchPagesOpenInABrowser() throws {
        let server = try RunningServer(store: try demoStore())
        let pages = [
            ("day", "/day/2020-02-20"), ("story", "/story/s-3c7b020382"),
            ("speaker", "/speaker/" + "خلوصي أكار".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!),
            ("search", "/search?q=" + "هاناو".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!),
        ]
        for (name, path) in pages {
            let page = try BrowserCheck.open(server.address + path, name: "workbench-\(name)")
            #expect(page.loaded, "\(name)")
            #expect(page.errors.isEmpty, "\(name): \(page.errors)")
            #expect(page.direction == "rtl", "\(name)")
            #expect(page.lang == "ar", "\(name)")
            #expect(page.scripts == 0, "\(name): no script")
            #expect(page.unsafeLinks == 0, "\(name)")
            #expect(page.colours > 100 && page.commonestShare < 0.995, "\(name) is not blank: \(page.colours) colours, \(page.commonestShare) of one")
        }
    }

    @Test func aBusyPortIsAnErrorThatNamesIt() throws {
        let server = try RunningServer(store: try demoStore())
        let port = try #require(server.address.split(separator: ":").last.map(String.init))
        let second = try isnad(["serve", "--store", try demoStore(), "--port", port])
        #expect(second.status == 1)
        #expect(second.stderr.contains("cannot serve on 127.0.0.1:\(port): address already in use"), "\(second.stderr)")
    }

    @Test func aMissingStoreIsAnError() throws {
        let path = temporaryFolder() + "/missing.sqlite"
        let serve = try isnad(["serve", "--store", path, "--port", "0"])
        #expect(serve.status == 1)
        #expect(serve.stderr.contains("\(path): no such store"), "\(serve.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(.needsSharedData) func itKeepsAnsweringWhileADailyRunWritesTheStore() throws {
        let store = try demoStore()
        let server = try RunningServer(store: store)
        let slice = temporaryFolder() + "/ant-14-may.jsonl"
        let corpus = try SharedData.path("ant-multisource.jsonl.gz")
        let cut = try runProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", "zcat '\(corpus)' | grep -F '\"published\": \"2018-05-14' > '\(slice)'"])
        try #require(cut.status == 0)
        let daily = Process()
        daily.executableURL = try isnadBinary()
        daily.arguments = ["daily", "--store", store, slice, "--quiet"]
        try daily.run()
        var answers: [Int] = []
        while daily.isRunning {
            answers.append(try server.get("/api/stories?limit=5").status)
            usleep(20_000)
        }
        #expect(daily.terminationStatus == 0)
        #expect(answers.count > 1)
        #expect(answers.allSatisfy { $0 == 200 }, "\(answers)")
        let after = try #require(try JSONSerialization.jsonObject(with: try server.get("/api/stories?from=2018-05-14").body) as? [String: Any])
        #expect(after["total"] as? Int ?? 0 > 0, "the new day is served without a restart")
    }
}
