import Foundation
import Testing

/// The checkout's root folder (the parent of `Tests/`).
public let repositoryRoot: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// A path inside the checkout (`Datasets/demo/articles`).
public func repositoryPath(_ relative: String) -> String { repositoryRoot + "/" + relative }

/// The shared corpora and gold in `../shared/datasets` beside the checkout: read in place, never
/// copied. A clone alone has none; CI always has them.
public enum SharedData {
    /// `../shared/datasets`.
    public static let folder = (repositoryRoot as NSString).deletingLastPathComponent + "/shared/datasets"

    /// Whether the folder is there.
    public static let isPresent = FileManager.default.fileExists(atPath: folder + "/README.md")

    /// Whether this is CI (`CI` set), where missing shared data is a failure, not a skip.
    public static let isRequired = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "0" && $0 != "false" } ?? false

    /// The path of a shared file; throws (failing the test) when it is missing.
    public static func path(_ relative: String) throws -> String {
        let path = folder + "/" + relative
        guard FileManager.default.fileExists(atPath: path) else { throw Missing(path: path) }
        return path
    }

    /// A shared file that is not there.
    public struct Missing: Error, CustomStringConvertible {
        /// Its path.
        public let path: String
        /// What to do.
        public var description: String { "\(path) is missing: put the shared data beside the checkout (CI is set, so this is a failure, not a skip)" }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs a test only when `../shared/datasets` is present, or when `CI` is set (then a missing
    /// folder fails it); otherwise the test is skipped and says why.
    public static var needsSharedData: Self {
        .enabled(if: SharedData.isPresent || SharedData.isRequired, "needs ../shared/datasets beside the checkout (the shared corpora and gold)")
    }
}

/// A new folder for files a test writes and reads back (`prefix` names what it is for). Every
/// such folder lies under one folder of this test process, removed with all of them when the
/// process exits.
public func makeTemporaryFolder(_ prefix: String = "tests") -> String {
    let path = TestRunFolder.path + "/\(prefix)-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The folder of this test process's temporary folders.
enum TestRunFolder {
    /// Made on first use, removed at exit.
    static let path: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-tests-\(ProcessInfo.processInfo.processIdentifier)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestRunFolder.path) }
        return path
    }()
}

/// Gold labels as the shared and demo gold files write them.
public enum Gold {
    /// `clusters.jsonl`: article id → gold story id.
    public static func clusters(_ path: String) throws -> [String: String] {
        var gold: [String: String] = [:]
        for object in try objects(path) {
            guard let id = object["id"] as? String, let story = object["story"] as? String else { throw BadLine(path: path) }
            gold[id] = story
        }
        return gold
    }

    /// The JSON objects of a JSONL file, one per non-blank line.
    public static func objects(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { throw BadLine(path: path) }
            return object
        }
    }

    /// A line of a gold file that is not what it should be.
    public struct BadLine: Error {
        /// The file.
        public let path: String
    }
}

/// The PostgreSQL server of the tests: `make test` starts a throwaway cluster
/// (`Tests/postgres.sh`) and gives its URL in `ISNAD_TEST_POSTGRES`.
public enum TestPostgres {
    /// The URL of the cluster's `postgres` database, if a server is there.
    public static let serverURL = ProcessInfo.processInfo.environment["ISNAD_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// A new, empty database on the test server; returns its URL. Throws (failing the test) when
    /// no server is given.
    public static func newDatabase() throws -> String {
        guard let serverURL else { throw Missing() }
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        _ = try psql(serverURL, "CREATE DATABASE \(name)")
        return String(serverURL.dropLast("postgres".count)) + name
    }

    /// The rows of one SQL command run by `psql` (a client as a shell or a notebook uses), each
    /// row's columns joined by `|`; throws with psql's message when it fails.
    public static func psql(_ url: String, _ sql: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let output = Pipe(), errors = Pipe()
        (process.standardOutput, process.standardError) = (output, errors)
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(message: message) }
        return text.split(separator: "\n").map(String.init)
    }

    /// No server was given while CI is set.
    public struct Missing: Error, CustomStringConvertible {
        /// What to do.
        public var description: String { "ISNAD_TEST_POSTGRES is not set: run the tests with `make test`, which starts a PostgreSQL server" }
    }

    /// A psql command that failed.
    public struct Failed: Error, CustomStringConvertible {
        /// What psql said.
        public let message: String
        /// psql's message.
        public var description: String { message }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs a test only when a PostgreSQL server is given (`make test` starts one), or when `CI`
    /// is set (then a missing server fails it); otherwise the test is skipped and says why.
    public static var needsPostgres: Self {
        .enabled(if: TestPostgres.serverURL != nil || SharedData.isRequired, "needs a PostgreSQL server: `make test` starts one (ISNAD_TEST_POSTGRES)")
    }
}

/// A page opened in headless Chromium as a reader would open it (`Tests/ReportingTests/browser_check.py`;
/// `make test` installs Debian's chromium and the Python helpers in `.venv`).
public struct BrowserCheck: Decodable {
    /// Whether the page fired its load event.
    public let loaded: Bool
    /// Console errors and exceptions.
    public let errors: [String]
    /// The computed direction of the document.
    public let direction: String
    /// The document's language.
    public let lang: String
    /// The story sections present (their `data-story` ids).
    public let sections: [String]
    /// Scripts in the page.
    public let scripts: Int
    /// Images that did not load.
    public let brokenImages: Int
    /// Story sections that list their articles with links.
    public let linkedSections: Int
    /// Timeline rows.
    public let rows: Int
    /// Timeline rows whose outlets link to an article.
    public let linkedRows: Int
    /// Links that are neither http(s), an anchor nor a path of the same site.
    public let unsafeLinks: Int
    /// Distinct colours of the screenshot.
    public let colours: Int
    /// The share of the screenshot's commonest colour.
    public let commonestShare: Double

    /// Opens `page` (a file or an http URL) and saves its screenshot as `.build/browser-checks/NAME.png`.
    public static func open(_ page: String, name: String) throws -> BrowserCheck {
        let folder = repositoryPath(".build/browser-checks")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let python = repositoryPath(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Failed(message: "\(python) is missing: run the tests with `make test`, which installs chromium and the Python helpers")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repositoryPath("Tests/ReportingTests/browser_check.py"), page, "\(folder)/\(name).png"]
        let output = Pipe(), errors = Pipe()
        (process.standardOutput, process.standardError) = (output, errors)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(message: "browser_check.py failed: \(message)") }
        return try JSONDecoder().decode(BrowserCheck.self, from: data)
    }

    /// The browser check could not run.
    public struct Failed: Error, CustomStringConvertible {
        /// Why.
        public let message: String
        /// Why.
        public var description: String { message }
    }
}
