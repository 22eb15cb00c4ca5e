import Ingest
import Stories
import Support

/// One row of `coverage.jsonl` / `coverage.csv`: one outlet's coverage of one story.
public struct CoverageRow: Sendable, Equatable {
    /// The story id.
    public let story: String
    /// Its most central headline.
    public let title: String
    /// The outlet.
    public let outlet: String
    /// The outlet's articles in the story.
    public let articles: Int
    /// The outlet's first report, as written.
    public let firstPublished: String?
    /// Minutes after the story's first report (0 for the outlet that broke it), nil without times.
    public let lagMinutes: Int?
    /// Its articles that copy another outlet's.
    public let wireCopies: Int
    /// Statements its articles of the story carry.
    public let statements: Int
}

extension Report {
    /// Story × outlet rows for every story with an article in the period, in story order.
    public static func coverage(_ input: Analysis, options: ReportOptions = ReportOptions()) -> [CoverageRow] {
        let builder = ReportBuilder(input, options: options)
        let inPeriod = Set(input.articles.indices.filter { builder.inPeriod[$0] }.map { input.storyOfArticle[$0] })
        var statements: [String: Int] = [:]
        for s in input.statements { statements[s.article, default: 0] += 1 }
        return input.stories.filter { inPeriod.contains($0.story) }.flatMap { story in
            builder.parts(of: story, members: builder.members(of: story)).map { part in
                CoverageRow(
                    story: story.story, title: story.title, outlet: part.outlet, articles: part.articles.count,
                    firstPublished: part.firstReport?.description, lagMinutes: part.lagMinutes, wireCopies: part.copies,
                    statements: part.articles.reduce(0) { $0 + (statements[input.articles[$1].id] ?? 0) })
            }
        }
    }
}
