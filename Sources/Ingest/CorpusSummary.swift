import Foundation

/// Counts that describe an ingest: articles per outlet and per day, the date range, rejects.
public struct CorpusSummary: Sendable, Equatable, Codable {
    /// Accepted articles.
    public var articles: Int
    /// Rejected records and files.
    public var rejects: Int
    /// Articles per outlet, most first (ties by name).
    public var outlets: [Count]
    /// Articles per calendar day as written in `published`, in date order.
    public var days: [Count]
    /// Articles without a publication time.
    public var undated: Int
    /// The earliest and latest publication day, as written.
    public var firstDay: String?
    /// The latest publication day, as written.
    public var lastDay: String?
    /// Rejects per reason (the reason up to its first quote, number or colon), most first.
    public var rejectReasons: [Count]
    /// The files read.
    public var files: [FileReport]
    /// Files under given folders that were not read because of their type.
    public var skippedFiles: [String]
    /// Trailing page-chrome lines removed from texts.
    public var chromeLinesRemoved: Int

    /// A label and how many.
    public struct Count: Sendable, Equatable, Codable {
        /// What is counted (an outlet, a day, a reason).
        public var key: String
        /// How many.
        public var count: Int
    }

    /// The summary of an ingest.
    public init(_ result: IngestResult) {
        articles = result.articles.count
        rejects = result.rejects.count
        var byOutlet: [String: Int] = [:], byDay: [String: Int] = [:], byReason: [String: Int] = [:]
        undated = 0
        for a in result.articles {
            byOutlet[a.source, default: 0] += 1
            if let p = a.published { byDay[p.day, default: 0] += 1 } else { undated += 1 }
        }
        for r in result.rejects { byReason[Self.reasonKind(r.reason), default: 0] += 1 }
        func ranked(_ d: [String: Int]) -> [Count] {
            d.map { Count(key: $0.key, count: $0.value) }.sorted { ($0.count, $1.key) > ($1.count, $0.key) }
        }
        outlets = ranked(byOutlet)
        rejectReasons = ranked(byReason)
        days = byDay.map { Count(key: $0.key, count: $0.value) }.sorted { $0.key < $1.key }
        firstDay = days.first?.key
        lastDay = days.last?.key
        files = result.files
        skippedFiles = result.skippedFiles
        chromeLinesRemoved = result.chromeLinesRemoved
    }

    /// The general kind of a reject reason: `duplicate id 'x' (…)` → `duplicate id`.
    static func reasonKind(_ reason: String) -> String {
        let stop = reason.firstIndex { $0 == "'" || $0 == ":" || $0 == "(" || $0.isNumber } ?? reason.endIndex
        let kind = reason[..<stop].trimmingSuffix(while: { $0 == " " })
        return kind.isEmpty ? reason : String(kind)
    }

    /// Articles per month (`YYYY-MM`), for corpora that span too many days to list.
    public var months: [Count] {
        var byMonth: [String: Int] = [:]
        for d in days { byMonth[String(d.key.prefix(7)), default: 0] += d.count }
        return byMonth.map { Count(key: $0.key, count: $0.value) }.sorted { $0.key < $1.key }
    }

    /// A GitHub-flavoured Markdown report of the summary; days are listed one by one up to
    /// `maxDays`, by month beyond that.
    public func markdown(title: String, maxDays: Int = 31) -> String {
        var md = "# \(title)\n\n"
        md += "**\(articles)** articles from **\(outlets.count)** outlets"
        if let firstDay, let lastDay { md += ", published \(firstDay) to \(lastDay)" }
        md += "; **\(rejects)** rejected"
        if undated > 0 { md += "; \(undated) without a date" }
        md += ".\n\n## Articles per outlet\n\n| outlet | articles |\n|---|---:|\n"
        for o in outlets { md += "| \(escapeCell(o.key)) | \(o.count) |\n" }
        let perDay = days.count <= maxDays
        md += "\n## Articles per \(perDay ? "day" : "month")\n\n| \(perDay ? "day" : "month") | articles |\n|---|---:|\n"
        for d in perDay ? days : months { md += "| \(d.key) | \(d.count) |\n" }
        md += "\n## Files read\n\n| file | format | records | accepted | rejected |\n|---|---|---:|---:|---:|\n"
        for f in files { md += "| \(escapeCell(f.path)) | \(f.format) | \(f.records) | \(f.accepted) | \(f.records - f.accepted) |\n" }
        if !rejectReasons.isEmpty {
            md += "\n## Rejects\n\n| reason | records |\n|---|---:|\n"
            for r in rejectReasons { md += "| \(escapeCell(r.key)) | \(r.count) |\n" }
        }
        if !skippedFiles.isEmpty {
            md += "\nNot read (unknown file type): " + skippedFiles.map { "`\($0)`" }.joined(separator: ", ") + "\n"
        }
        if chromeLinesRemoved > 0 {
            md += "\nPage-chrome lines removed from article ends: \(chromeLinesRemoved).\n"
        }
        return md
    }

    private func escapeCell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}

private extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var s = self
        while let last = s.last, predicate(last) { s.removeLast() }
        return s
    }
}
