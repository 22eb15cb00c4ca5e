import Foundation
import TestSupport
import Testing

@testable import Reporting

/// The HTML report opened in headless Chromium, as a reader would open it (`make test` installs
/// Debian's chromium and the Python helpers websocket-client and pillow in `.venv`).
@Suite("Report in a browser", .serialized)
struct BrowserTests {
    /// Renders `report` to a file and opens it in Chromium.
    static func open(_ report: Report, name: String) throws -> BrowserCheck {
        let folder = repositoryPath(".build/browser-checks")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let html = folder + "/\(name).html"
        try ReportRenderer().html(report).write(toFile: html, atomically: true, encoding: .utf8)
        return try BrowserCheck.open(html, name: name)
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
