import Foundation
import TestSupport
import Testing

@testable import Reporting

/// The HTML report opened in headless Chromium, as a reader would open it (`make test` installs
/// Debian's chromium and the Python helpers websocket-client and pillow in `.venv`).
@Suite("Report in a browser", .serialized)
struct BrowserTests {
    struct PageCheck: Decodable {
        let loaded: Bool
        let errors: [String]
        let direction: String
        let lang: String
        let sections: [String]
        let scripts: Int
        let brokenImages: Int
        let linkedSections: Int
        let rows: Int
        let linkedRows: Int
        let unsafeLinks: Int
        let colours: Int
        let commonestShare: Double
    }

    /// Renders `report` to a file, opens it in Chromium, and returns what the page showed.
    static func open(_ report: Report, name: String) throws -> PageCheck {
        let folder = repositoryPath(".build/browser-checks")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let html = folder + "/\(name).html", png = folder + "/\(name).png"
        try ReportRenderer().html(report).write(toFile: html, atomically: true, encoding: .utf8)
        let python = repositoryPath(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw BrowserCheckError(message: "\(python) is missing: run the tests with `make test`, which installs chromium and the Python helpers")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repositoryPath("Tests/ReportingTests/browser_check.py"), html, png]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BrowserCheckError(message: "browser_check.py failed: \(message)") }
        return try JSONDecoder().decode(PageCheck.self, from: data)
    }

    struct BrowserCheckError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    @Test func theDemoReportLoadsRightToLeftWithEveryStoryAndNoErrors() throws {
        let report = Report.build(ReportTests.demo)
        let page = try BrowserTests.open(report, name: "demo")
        #expect(page.loaded)
        #expect(page.errors.isEmpty)
        #expect(page.direction == "rtl")
        #expect(page.lang == "ar")
        #expect(page.sections == report.stories.map(\.id))
        #expect(page.brokenImages == 0)
        // Every story lists its articles with links, and every timeline row whose outlets have an
        // address links to one.
        #expect(page.linkedSections == report.stories.count)
        #expect(page.rows == report.stories.flatMap(\.timeline).count)
        #expect(page.linkedRows == report.stories.flatMap(\.timeline).filter { $0.sources.contains(where: \.hasURL) }.count)
        #expect(page.linkedRows > 0)
        // Not blank: text, tables and colour, not one flat background.
        #expect(page.colours > 100)
        #expect(page.commonestShare < 0.95)
    }

    @Test func hostileTitlesStayTextInTheBrowser() throws {
        let report = Report.build(RenderingTests.hostile)
        let page = try BrowserTests.open(report, name: "hostile")
        #expect(page.loaded)
        #expect(page.errors.isEmpty)
        #expect(page.scripts == 0)
        #expect(page.brokenImages == 0)
        #expect(page.unsafeLinks == 0)
        #expect(page.sections == report.stories.map(\.id))
    }
}
