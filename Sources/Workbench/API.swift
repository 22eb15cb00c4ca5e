import Foundation
import Ingest
import Pipeline
import Reporting
import Store
import Stories
import Support
import Timeline

extension Workbench {
    /// `/api/…`: the tables' rows as JSON, for notebooks.
    func respondAPI(_ segments: [String], _ query: [String: String]) throws -> WorkbenchResponse {
        let parameters = Parameters(query)
        switch (segments.first, segments.count) {
        case ("stories", 1): return try storiesAPI(parameters)
        case ("stories", 2): return try storyAPI(segments[1])
        case ("statements", 1): return try statementsAPI(parameters)
        case ("search", 1): return try searchAPI(parameters)
        case ("outlets", 1): return try outletsAPI(parameters)
        default: throw Problem.notFound("no API at /api/\(segments.joined(separator: "/"))")
        }
    }

    /// `/api/stories?from&to&limit&offset` → `{"stories": [...], "total": N}`: `stories.jsonl`
    /// objects, the most recently reported first.
    func storiesAPI(_ parameters: Parameters) throws -> WorkbenchResponse {
        let (from, to) = try period(parameters)
        let found = try store.stories(from: from, to: to, limit: try parameters.limit, offset: try parameters.offset)
        return json(200, object: [("stories", .raw(found.stories.map(Tables.stories.jsonLine))), ("total", .integer(found.total))])
    }

    /// `/api/stories/{id}` → its `stories.jsonl` object with `timeline` (its `timeline.jsonl`
    /// rows), `article_rows` (its `articles.jsonl` rows) and `merged` (ids merged into it).
    func storyAPI(_ id: String) throws -> WorkbenchResponse {
        let snapshot = try story(id)
        let analysis = Analysis(snapshot)
        var object = Tables.stories.jsonLine(snapshot.stories[0])
        object.removeLast()
        object += ",\"timeline\":[" + analysis.timeline.map(Tables.timeline.jsonLine).joined(separator: ",") + "]"
        object += ",\"article_rows\":[" + analysis.articleRows.map(Tables.articles.jsonLine).joined(separator: ",") + "]"
        object += ",\"merged\":" + Cell.list(try store.merged(into: id)).json + "}"
        return WorkbenchResponse(status: 200, contentType: "application/json", body: object)
    }

    /// `/api/statements?speaker&q&from&to&limit&offset` → `{"statements": [...]}`:
    /// `statements.jsonl` rows with their `story`, newest first.
    func statementsAPI(_ parameters: Parameters) throws -> WorkbenchResponse {
        let (from, to) = try period(parameters)
        let contents = try index.contents()
        let speakers = parameters.query["speaker"].map { speakerNames(matching: $0, in: contents) }
        let key = parameters.query["q"].map { KeyText(keys.key($0)) }
        func inPeriod(_ day: CalendarDay?) -> Bool {
            guard from != nil || to != nil else { return true }
            guard let day else { return false }
            return (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
        }
        let statements = SearchIndex.places(of: speakers, in: contents).lazy.map { contents.statements[$0] }.filter { entry in
            (key.map { entry.key.contains($0) } ?? true) && inPeriod(entry.day)
        }
        let rows = statements.dropFirst(try parameters.offset).prefix(try parameters.limit).map { Self.statementRow($0.stored) }
        return json(200, object: [("statements", .raw(Array(rows)))])
    }

    /// `/api/search?q&limit` → `{"results": [...]}`, each with `kind` (story, speaker or
    /// statement) and the object matched.
    func searchAPI(_ parameters: Parameters) throws -> WorkbenchResponse {
        let found = try search(try parameters.text("q"), limit: try parameters.limit)
        let stories = try store.stories(ids: found.stories.map(\.story))
        var results = stories.map { "{\"kind\":\"story\",\"story\":" + Tables.stories.jsonLine($0) + "}" }
        results += found.speakers.map { speaker in
            Cell.object([("kind", .text("speaker")), ("speaker", .text(speaker.speaker)), ("statements", .integer(speaker.statements))])
        }
        results += found.statements.map { "{\"kind\":\"statement\",\"statement\":" + Self.statementRow($0) + "}" }
        return json(200, object: [("results", .raw(results))])
    }

    /// `/api/outlets?from&to` → `{"outlets": [...]}`: each outlet's articles, stories, stories
    /// it alone covered and median lag in minutes over the period (default: every day).
    func outletsAPI(_ parameters: Parameters) throws -> WorkbenchResponse {
        let (from, to) = try period(parameters)
        // (What outlets published when in which story is all this needs: no text is read.)
        let analysis = Analysis(try store.outline(from: from, to: to))
        let options = reportOptions(from: from, to: to)
        var stories: [String: Set<String>] = [:]
        for row in Reporting.Report.coverage(analysis, options: options) { stories[row.outlet, default: []].insert(row.story) }
        let outlets = Reporting.Report.outlets(analysis, options: options).map { line in
            Cell.object([
                ("outlet", .text(line.outlet)), ("articles", .integer(line.articles)), ("stories", .integer(stories[line.outlet]?.count ?? 0)),
                ("exclusives", .integer(line.exclusives)), ("median_lag_minutes", .integer(line.medianLagMinutes)),
            ])
        }
        return json(200, object: [("outlets", .raw(outlets))])
    }

    /// A `statements.jsonl` row with its `story`.
    static func statementRow(_ stored: StoredStatement) -> String {
        var row = Tables.statements.jsonLine(stored.statement)
        row.removeLast()
        return row + ",\"story\":" + quoteJSON(stored.story) + "}"
    }

    /// A JSON object of `members`, in order.
    func json(_ status: Int, object members: [(String, JSONMember)]) -> WorkbenchResponse {
        let body = "{" + members.map { quoteJSON($0.0) + ":" + $0.1.json }.joined(separator: ",") + "}"
        return WorkbenchResponse(status: status, contentType: "application/json", body: body)
    }
}

/// A member of an API answer: a table cell, or a list of JSON texts made already.
enum JSONMember {
    case text(String)
    case integer(Int?)
    case raw([String])

    var json: String {
        switch self {
        case .text(let text): quoteJSON(text)
        case .integer(let number): number.map(String.init) ?? "null"
        case .raw(let items): "[" + items.joined(separator: ",") + "]"
        }
    }
}

extension Cell {
    /// `{"key":value,…}` as text.
    static func object(_ members: [(key: String, value: Cell)]) -> String {
        var bytes: [UInt8] = []
        appendObject(members, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
