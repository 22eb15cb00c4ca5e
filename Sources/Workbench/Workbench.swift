import ArabicText
import Foundation
import Ingest
import Pipeline
import Reporting
import Statements
import Store
import Stories
import Support
import Timeline

/// A request to the workbench: its path as requested (segments percent-encoded) and its query.
public struct WorkbenchRequest: Sendable {
    /// `/story/s-1a2b`, `/speaker/%D8%AA…`.
    public var path: String
    /// The query's parameters, decoded.
    public var query: [String: String]

    /// A request.
    public init(path: String, query: [String: String] = [:]) {
        (self.path, self.query) = (path, query)
    }
}

/// What the workbench answers: a status, a content type and a body, or a redirect.
public struct WorkbenchResponse: Sendable, Equatable {
    /// The HTTP status.
    public var status: Int
    /// `text/html; charset=utf-8` or `application/json`.
    public var contentType: String
    /// The page or the JSON.
    public var body: String
    /// Where a redirect points.
    public var location: String?
}

/// The analyst's workbench over a story store: pages (RTL HTML rendered here, no external asset,
/// no script) and a JSON API, read-only. Every answer is a pure function of the request and the
/// store's state at that moment, so a daily run may write while it serves.
public struct Workbench: Sendable {
    let store: StoryStore
    let reports: ReportRenderer
    let pages: PageRenderer
    let timeZone: TimeZone
    let keys = KeyNormalizer()
    let index: SearchIndex
    let answers = ResponseCache()

    /// The workbench of `store`; times shown in `timeZone`.
    public init(store: StoryStore, timeZone: TimeZone = TimeZone(identifier: "UTC")!) throws {
        self.store = store
        self.reports = try ReportRenderer()
        self.pages = try PageRenderer()
        self.timeZone = timeZone
        self.index = SearchIndex(store: store)
    }

    /// Reads what search, speakers and statements scan, so that the first of them answers at
    /// once, and builds the latest day's page, the one an analyst opens first (a server does
    /// before it listens).
    public func prepare() throws {
        _ = try index.contents()
        _ = respond(to: WorkbenchRequest(path: "/"))
    }

    /// The answer to `request`; a store that fails is a 500 with its message. An answer given
    /// before at the store's present state is given again as it was (while the search index of
    /// that state is being read, answers are not kept: they may come from the state before).
    public func respond(to request: WorkbenchRequest) -> WorkbenchResponse {
        guard let state = try? store.state() else { return answer(to: request) }
        if let kept = answers.answer(to: request, at: state) { return kept }
        let answer = answer(to: request)
        if answer.status != 500, index.isCurrent(at: state) { answers.keep(answer, to: request, at: state) }
        return answer
    }

    /// The answer to `request`, built.
    func answer(to request: WorkbenchRequest) -> WorkbenchResponse {
        let segments = request.path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        let api = segments.first == "api"
        do {
            if api { return try respondAPI(Array(segments.dropFirst()), request.query) }
            switch (segments.first, segments.count) {
            case (nil, _): return try dayPage(nil)
            case ("favicon.ico", 1): return WorkbenchResponse(status: 204, contentType: "image/x-icon", body: "")
            case ("day", 2): return try dayPage(try Parameters.day(segments[1], name: "day"))
            case ("story", 2): return try storyPage(segments[1], try Parameters(request.query))
            case ("speaker", 2): return try speakerPage(segments[1], limit: try Parameters(request.query).limit)
            case ("outlet", 2): return try outletPage(segments[1], try Parameters(request.query))
            case ("search", 1): return try searchPage(try Parameters(request.query).text("q"))
            default: throw Problem.notFound("no page at \(request.path)")
            }
        } catch Problem.merged(let survivor) {
            return redirect((api ? "/api/stories/" : "/story/") + Parameters.pathSegment(survivor))
        } catch let problem as Problem {
            return api ? json(problem.status, object: [("error", .text(problem.message))]) : page(problem.status, problem: problem.message)
        } catch {
            return api ? json(500, object: [("error", .text("\(error)"))]) : page(500, problem: "\(error)")
        }
    }

    // MARK: - Pages

    /// `/` and `/day/D`: the day's report from the store, with the previous and next days.
    func dayPage(_ day: CalendarDay?) throws -> WorkbenchResponse {
        let days = try store.days()
        guard let day = day ?? days.last else { throw Problem.notFound("the store has no article with a story yet") }
        guard let i = days.firstIndex(of: day) else { throw Problem.notFound("no article was published on \(day)") }
        let html = reports.html(Report.build(Analysis(try store.snapshot(from: day, to: day)), options: reportOptions(from: day, to: day)))
        let navigation = Navigation(previous: i > 0 ? days[i - 1].description : nil, next: i + 1 < days.count ? days[i + 1].description : nil)
        return htmlResponse(pages.withNavigation(html, navigation))
    }

    /// `/story/{id}?offset&limit`: the story over its whole life (its report over its own
    /// period, its timeline a page of `limit` entries, 200 by default, from `offset`, with links
    /// to the pages before and after), and the stories merged into it; a retired id redirects to
    /// its survivor.
    func storyPage(_ id: String, _ parameters: Parameters) throws -> WorkbenchResponse {
        let snapshot = try story(id)
        let (offset, limit) = (try parameters.offset, try parameters.number("limit", default: 200, in: 1...1000))
        let days = snapshot.articles.compactMap { $0.published?.calendarDay }
        var options = reportOptions(from: days.min(), to: days.max())
        options.storiesInFull = 1
        options.timelinePage = offset..<(offset + limit)
        let analysis = Analysis(snapshot)
        let html = reports.html(Report.build(analysis, options: options))
        let entries = analysis.timeline.count { $0.story == id }
        func page(_ start: Int) -> String { "/story/\(Parameters.pathSegment(id))?offset=\(start)&limit=\(limit)" }
        let navigation = Navigation(
            merged: try store.merged(into: id), earlier: offset > 0 ? page(max(0, offset - limit)) : nil,
            later: offset + limit < entries ? page(offset + limit) : nil)
        return htmlResponse(pages.withNavigation(html, navigation))
    }

    /// `/speaker/{name}`: every statement of the speaker across stories and days, newest first,
    /// each outlet's wording side by side.
    func speakerPage(_ name: String, limit: Int) throws -> WorkbenchResponse {
        let contents = try index.contents()
        let names = speakerNames(matching: name, in: contents)
        guard !names.isEmpty else { throw Problem.notFound("no statement of a speaker named \(name)") }
        let statements = SearchIndex.places(of: names, in: contents).map { contents.statements[$0].stored }
        let titles = Dictionary(contents.headlines.map { ($0.story, $0.title) }, uniquingKeysWith: { a, _ in a })
        var place: [String: (story: String, published: Published?)] = [:]
        for s in statements { place[s.statement.article] = (s.story, s.published.flatMap(Published.init(parsing:))) }
        let entries = Timeline.build(statements.map(\.statement)) { place[$0] }.sorted {
            ($0.first.published?.epochSeconds ?? .min, $0.id) > ($1.first.published?.epochSeconds ?? .min, $1.id)
        }
        let shown = entries.prefix(limit).map { entry in
            SpeakerPage.Entry(
                time: entry.time ?? entry.first.published?.day ?? "—", story: entry.story, storyTitle: titles[entry.story] ?? entry.story,
                cue: entry.first.cue, role: entry.role ?? "", hasRole: entry.role != nil,
                wordings: entry.reports.map { SpeakerPage.Wording(outlet: $0.outlet, published: display($0.published), content: $0.content) })
        }
        let view = SpeakerPage(
            title: names[0], name: names[0], summary: "التصريحات: \(statements.count) · القصص: \(Set(statements.map(\.story)).count)",
            others: names.dropFirst().joined(separator: "، "), hasOthers: names.count > 1, entries: Array(shown),
            more: "تصريحات أقدم لم تُعرض: \(entries.count - shown.count) (limit=\(limit))", hasMore: entries.count > shown.count, navigation: Navigation())
        return htmlResponse(pages.render(view, "speaker"))
    }

    /// `/outlet/{name}?from&to`: its coverage of the period (default: the 30 days up to its
    /// latest article), lags, exclusives, silences and distinctive wording.
    func outletPage(_ outlet: String, _ parameters: Parameters) throws -> WorkbenchResponse {
        var (from, to) = try period(parameters)
        if from == nil, to == nil, let last = try store.latestDay(of: outlet) { (from, to) = (CalendarDay(daysSinceEpoch: last.daysSinceEpoch - 29), last) }
        let analysis = Analysis(try store.snapshot(from: from, to: to))
        let options = reportOptions(from: from, to: to)
        let report = Report.build(analysis, options: options)
        guard let line = report.outlets.first(where: { $0.outlet == outlet }) else {
            throw Problem.notFound("\(outlet) has no article from \(from?.description ?? "the start") to \(to?.description ?? "the end")")
        }
        let coverage = Reporting.Report.coverage(analysis, options: options)
        let covered = Set(coverage.filter { $0.outlet == outlet }.map(\.story))
        let shared = Dictionary(grouping: coverage, by: \.story).filter { $0.value.count > 1 && !covered.contains($0.key) }
        let view = OutletPage(
            title: outlet, name: outlet, period: "\(from?.description ?? "…") – \(to?.description ?? "…")", articles: line.articles,
            stories: covered.count, exclusives: line.exclusives, medianLag: line.medianLag,
            covered: coverage.filter { $0.outlet == outlet }.map {
                OutletPage.Row(
                    story: $0.story, title: Headline.shown($0.title), articles: $0.articles, firstPublished: $0.firstPublished ?? "—",
                    lag: $0.lagMinutes.map(String.init) ?? "—", wireCopies: $0.wireCopies, statements: $0.statements)
            },
            silences: shared.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map {
                OutletPage.Silence(story: $0.key, title: Headline.shown($0.value[0].title), outlets: $0.value.map(\.outlet).joined(separator: "، "))
            },
            framing: report.framing.filter { $0.outlet == outlet }, hasFraming: report.framing.contains { $0.outlet == outlet }, navigation: Navigation())
        return htmlResponse(pages.render(view, "outlet"))
    }

    /// `/search?q=`: headlines, speakers and statements that hold the words, matched on the key
    /// view (letter forms, hamza and diacritics do not count).
    func searchPage(_ query: String) throws -> WorkbenchResponse {
        let found = try search(query, limit: 50)
        let view = SearchPage(
            title: query, query: query,
            summary: "القصص: \(found.stories.count) · المتحدثون: \(found.speakers.count) · التصريحات: \(found.statements.count)",
            stories: found.stories.map { SearchPage.Story(story: $0.story, title: Headline.shown($0.title), lastPublished: $0.lastPublished ?? "") },
            speakers: found.speakers.map { SearchPage.Speaker(name: $0.speaker, path: Parameters.pathSegment($0.speaker), statements: $0.statements) },
            statements: found.statements.map {
                SearchPage.Statement(
                    speaker: $0.statement.speaker, path: Parameters.pathSegment($0.statement.speaker), content: $0.statement.content,
                    outlet: $0.statement.outlet, published: $0.published ?? "", story: $0.story)
            }, navigation: Navigation(query: query))
        return htmlResponse(pages.render(view, "search"))
    }

    // MARK: - What pages and API share

    /// Story `id` with all its articles and statements; a retired id is ``Problem/merged(_:)``
    /// (the pages redirect to its survivor), an unknown one not found.
    func story(_ id: String) throws -> StoreSnapshot {
        if let snapshot = try store.snapshot(story: id) { return snapshot }
        if let survivor = try store.survivor(of: id) { throw Problem.merged(survivor) }
        throw Problem.notFound("no story \(id)")
    }

    /// The speaker names (each canonical within its stories) that hold every word of `name` on
    /// the key view, and the names one with them across stories, the most quoted first: «ترامب»
    /// reaches «دونالد ترامب» and «الرئيس الأمريكي دونالد ترامب», and «دونالد ترامب» reaches
    /// «دونالد ترمب» too.
    func speakerNames(matching name: String, in contents: SearchIndex.Contents) -> [String] {
        let words = Set(keys.key(name).split(separator: " "))
        guard !words.isEmpty else { return [] }
        let matching = contents.speakers.filter { words.isSubset(of: $0.words) }.map(\.speaker)
        let names = Set(matching.flatMap { contents.sameNames[$0] ?? [$0] })
        return contents.speakers.filter { names.contains($0.speaker) }.sorted { ($0.statements, $1.speaker) > ($1.statements, $0.speaker) }
            .map(\.speaker)
    }

    /// What matches `query` on the key view: stories by headline, speakers by name, statements
    /// by their words; at most `limit` of each, the most recent first.
    func search(_ query: String, limit: Int) throws -> (
        stories: [(story: String, title: String, lastPublished: String?)], speakers: [(speaker: String, statements: Int)], statements: [StoredStatement]
    ) {
        let key = KeyText(keys.key(query))
        guard !key.bytes.isEmpty else { throw Problem.badRequest("q: give words to search for") }
        let contents = try index.contents()
        let stories = contents.headlines.lazy.filter { $0.key.contains(key) }.prefix(limit).map { ($0.story, $0.title, $0.lastPublished) }
        let speakers = contents.speakers.filter { $0.key.contains(key) }.sorted {
            ($0.statements, $1.speaker) > ($1.statements, $0.speaker)
        }.prefix(limit).map { ($0.speaker, $0.statements) }
        let statements = contents.statements.lazy.filter { $0.key.contains(key) }.prefix(limit).map(\.stored)
        return (Array(stories), Array(speakers), Array(statements))
    }

    /// The period `from` and `to` give (nil: no bound).
    func period(_ parameters: Parameters) throws -> (CalendarDay?, CalendarDay?) {
        let from = try parameters.day("from"), to = try parameters.day("to")
        if let from, let to, from > to { throw Problem.badRequest("from \(from) is after to \(to)") }
        return (from, to)
    }

    /// The report options of a page: the period, the zone, headlines linked to story pages.
    func reportOptions(from: CalendarDay?, to: CalendarDay?) -> ReportOptions {
        var options = ReportOptions()
        (options.from, options.to, options.timeZone, options.storyLinkPrefix) = (from, to, timeZone, "/story/")
        return options
    }

    /// A publication time as pages show it.
    func display(_ published: Published?) -> String {
        published.map { $0.description } ?? "—"
    }

    func htmlResponse(_ body: String, status: Int = 200) -> WorkbenchResponse {
        WorkbenchResponse(status: status, contentType: "text/html; charset=utf-8", body: body)
    }

    func page(_ status: Int, problem: String) -> WorkbenchResponse {
        let title = status == 404 ? "غير موجود" : status == 400 ? "طلب غير صالح" : "خطأ"
        return htmlResponse(pages.render(ProblemPage(title: title, message: problem, navigation: Navigation()), "problem"), status: status)
    }

    func redirect(_ location: String) -> WorkbenchResponse {
        WorkbenchResponse(status: 301, contentType: "text/plain; charset=utf-8", body: location, location: location)
    }
}

/// A request that cannot be answered as asked: its status and why, or the story a retired
/// story id was merged into.
enum Problem: Error {
    case badRequest(String)
    case notFound(String)
    case merged(String)

    var status: Int {
        switch self {
        case .badRequest: 400
        case .notFound: 404
        case .merged: 301
        }
    }

    var message: String {
        switch self {
        case .badRequest(let message), .notFound(let message): message
        case .merged(let survivor): "merged into \(survivor)"
        }
    }
}

/// A request's query parameters, read and checked.
struct Parameters {
    let query: [String: String]

    init(_ query: [String: String]) { self.query = query }

    /// `name` as a day (YYYY-MM-DD), nil when not given.
    func day(_ name: String) throws -> CalendarDay? {
        try query[name].map { try Self.day($0, name: name) }
    }

    /// `text` as a day, or a 400 naming the parameter.
    static func day(_ text: String, name: String) throws -> CalendarDay {
        guard text.utf8.count == 10, let day = Published(parsing: text)?.calendarDay, day.description == text else {
            throw Problem.badRequest("\(name) \(text): expected a day as YYYY-MM-DD")
        }
        return day
    }

    /// The text of `name`; missing or blank is a 400.
    func text(_ name: String) throws -> String {
        guard let value = query[name], !value.allSatisfy(\.isWhitespace) else { throw Problem.badRequest("\(name): missing") }
        return value
    }

    /// `limit` (default 100, 1 to 1,000).
    var limit: Int {
        get throws { try number("limit", default: 100, in: 1...1000) }
    }

    /// `offset` (default 0).
    var offset: Int {
        get throws { try number("offset", default: 0, in: 0...Int(Int32.max)) }
    }

    func number(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = query[name] else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw Problem.badRequest("\(name) \(text): expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// `text` as one percent-encoded segment of a path.
    static func pathSegment(_ text: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
