import ArabicText
import Foundation
import Ingest
import Statements
import Stories
import Timeline
import Vectors

/// What a run found: the articles with their stories and wire copies, the statements with
/// speakers canonical across each story, and each story's timeline. A report is made from it;
/// `Pipeline` makes it and writes its tables.
public struct Analysis: Sendable {
    /// The articles, in input order.
    public var articles: [Article]
    /// The stories, in `stories.jsonl` order.
    public var stories: [Story]
    /// The story id of each article (by index in `articles`).
    public var storyOfArticle: [String]
    /// For each article, the index of the article it is a wire copy of.
    public var duplicateOf: [Int?]
    /// Statements with story-canonical speakers, in article and text order.
    public var statements: [Statement]
    /// Timeline entries of every story.
    public var timeline: [TimelineEntry]
    /// The terms and document frequencies the stories were found with; nil when not known (a
    /// store's report).
    public var vocabulary: Vocabulary?

    /// An analysis of every part.
    public init(
        articles: [Article], stories: [Story], storyOfArticle: [String], duplicateOf: [Int?], statements: [Statement], timeline: [TimelineEntry],
        vocabulary: Vocabulary? = nil
    ) {
        (self.articles, self.stories, self.storyOfArticle, self.duplicateOf, self.statements, self.timeline, self.vocabulary) =
            (articles, stories, storyOfArticle, duplicateOf, statements, timeline, vocabulary)
    }
}

/// Which days a report covers and how much it shows.
public struct ReportOptions: Sendable, Equatable {
    /// The first day (publication days as the outlets wrote them); nil: the first article's day.
    public var from: CalendarDay?
    /// The last day; nil: the last article's day.
    public var to: CalendarDay?
    /// How many stories are given in full (the others are listed by headline).
    public var storiesInFull = 20
    /// How many timeline entries a story shows at most.
    public var entriesPerStory = 12
    /// When set, a story in full shows these of its timeline's entries, in timeline order (a
    /// page of a long story's life), instead of the entries that matter most.
    public var timelinePage: Range<Int>?
    /// The time zone every time of the report is shown in (its header names it).
    public var timeZone = TimeZone(identifier: "UTC")!
    /// When set, each story's headline links to this prefix followed by the story's id (the
    /// workbench's `/story/`); nil: no links, as in a report written to files.
    public var storyLinkPrefix: String?

    /// The defaults: every day of the input, 20 stories in full, times in UTC.
    public init() {}
}

/// The report of a period: its stories ranked by weight across outlets, each with a summary,
/// timeline and outlet comparison, then the outlets over the whole period. A view model: every
/// field is text or a list ready for a template.
public struct Report: Sendable {
    /// «تقرير الأخبار» and the period.
    public let title: String
    /// The period as written in the report (2020-02-19 – 2020-02-21).
    public let period: String
    /// Articles published in the period.
    public let articleCount: Int
    /// «26 مقالًا من 5 منافذ، 12 قصة منها 10 بأكثر من مقال» with the nouns in agreement.
    public let overview: String
    /// «الأوقات بتوقيت UTC»: the zone of every time shown.
    public let timeZoneNote: String
    /// The stories given in full, ranked.
    public let stories: [StorySection]
    /// The stories listed by headline after those given in full.
    public let others: [StoryLine]
    /// Each active outlet over the period.
    public let outlets: [OutletLine]
    /// Stories only one outlet covered (the largest first).
    public let exclusives: [StoryLine]
    /// How the outlets word the same referents over the period (``Framing``).
    public let framing: [FramingLine]
    /// The charts, as inline SVG.
    public let charts: [Chart]
    /// Whether any story is listed after those given in full (templates see stored fields only).
    public let hasOthers: Bool
    /// Whether any story was covered by one outlet alone.
    public let hasExclusives: Bool
    /// Whether two outlets or more used a framing group enough to compare.
    public let hasFraming: Bool
}

/// One story of the report, in full.
public struct StorySection: Sendable {
    /// Its rank in the report, from 1.
    public let rank: Int
    /// The HTML anchor (`story-1`).
    public let anchor: String
    /// The story id of `stories.jsonl`.
    public let id: String
    /// The most central headline.
    public let title: String
    /// Where its headline links to, "" when it does not (``ReportOptions/storyLinkPrefix``).
    public let link: String
    /// Whether its headline links to its page.
    public let hasLink: Bool
    /// Lead sentences of its most central articles, without repetition.
    public let summary: [String]
    /// Key terms, joined with «، ».
    public let keywords: String
    /// First and last report, as written.
    public let firstReport: String
    /// Last report.
    public let lastReport: String
    /// How many calendar days its articles cover, first to last («يوم واحد»، «23 يومًا»).
    public let span: String
    /// Whether its first article falls on the period's first day: it may have begun before the
    /// period, and its first report and the outlets' lags are then measured on what the input holds.
    public let possiblyOlder: Bool
    /// «٣ مصادر مستقلة، ٥ مقالات» in figures.
    public let weight: String
    /// Outlets that covered it, joined.
    public let outlets: String
    /// Active outlets of the period that did not cover it, joined; "" when none.
    public let silent: String
    /// Whether some active outlet is silent.
    public let hasSilent: Bool
    /// Active outlets that did not cover it in its story but published a similar article (its
    /// keywords in the headline and lead, within a day of its span) that the clustering put in
    /// another story, joined; "" when none.
    public let nearby: String
    /// Whether some outlet has such an article.
    public let hasNearby: Bool
    /// Who said what and when.
    public let timeline: [EntryLine]
    /// The same entries grouped by their day, in order: a story followed for weeks reads day by day.
    public let days: [TimelineDay]
    /// Whether the story has statements.
    public let hasTimeline: Bool
    /// «و3 تصريحات أخرى» left out of the timeline shown.
    public let moreEntries: String
    /// Whether statements were left out.
    public let hasMoreEntries: Bool
    /// Each outlet's coverage of the story.
    public let comparison: [OutletCoverage]
    /// Its articles in the period, earliest first, each with its outlet, time and headline linked.
    public let sources: [SourceLink]
}

/// The timeline entries of one day.
public struct TimelineDay: Sendable {
    /// The day the statements were made (for a statement whose day is unresolved, the day of its
    /// first report: its line says so).
    public let day: String
    /// Its entries, in timeline order.
    public let entries: [EntryLine]
}

/// A timeline entry as the report shows it.
public struct EntryLine: Sendable {
    /// The day the statement was made, or the day of its first report when unresolved.
    public let time: String
    /// Whether `time` is the day the statement was made (else the first report's day).
    public let dated: Bool
    /// The speaker.
    public let speaker: String
    /// The speaker's role, "" when none.
    public let role: String
    /// Whether a role is known.
    public let hasRole: Bool
    /// The cue of the first report.
    public let cue: String
    /// The words of the first report, on one line.
    public let content: String
    /// Whether the words are a quotation.
    public let quoted: Bool
    /// The outlets that carried it, joined.
    public let outlets: String
    /// Each outlet that carried it, linked to the article it did in (in the order they did).
    public let sources: [SourceLink]
    /// Whether outlets' wordings differ materially.
    public let drifts: Bool
    /// Each outlet's wording, when they drift.
    public let wordings: [Wording]
    /// The sentence of its first report's article that holds the words, shown on demand in HTML;
    /// "" when the words are not found as written (the tables keep the offsets).
    public let sentence: String
    /// Whether `sentence` is known.
    public let hasSentence: Bool
}

/// One outlet's wording of a statement.
public struct Wording: Sendable {
    /// The outlet.
    public let outlet: String
    /// Its words, on one line.
    public let content: String
}

/// One outlet's coverage of one story.
public struct OutletCoverage: Sendable {
    /// The outlet.
    public let outlet: String
    /// Its articles in the story.
    public let articles: Int
    /// Its first report, as written.
    public let firstReport: String
    /// «الأول» for the first outlet, else how long after the first report (+2 س 15 د).
    public let lag: String
    /// Minutes after the story's first report, nil when a time is missing.
    public let lagMinutes: Int?
    /// Its articles that copy another outlet's (wire copies).
    public let copies: Int
    /// Its own articles.
    public let own: Int
    /// The other outlets of the story that printed paragraphs of its articles too (an agency's
    /// text), each with how many: «bbc.com/arabic (3)، france24.com/ar (1)»; "" when none.
    public let sharedParagraphs: String
    /// The speakers it quoted, most quoted first, with counts.
    public let speakers: String
    /// Its distinctive words against the other outlets of the story, each with its z-score in
    /// brackets: «الأميركية» (8.5).
    public let distinctive: String
}

/// A story listed by headline.
public struct StoryLine: Sendable {
    /// The story id.
    public let id: String
    /// The most central headline.
    public let title: String
    /// Where its headline links to, "" when it does not (``ReportOptions/storyLinkPrefix``).
    public let link: String
    /// Whether its headline links to its page.
    public let hasLink: Bool
    /// Its articles.
    public let articles: Int
    /// Its outlets, joined.
    public let outlets: String
}

/// One active outlet over the period.
public struct OutletLine: Sendable {
    /// The outlet.
    public let outlet: String
    /// Its articles in the period.
    public let articles: Int
    /// Stories it covered, among those with two or more articles.
    public let sharedStories: Int
    /// That as a share of all such stories, in percent.
    public let share: String
    /// Stories it alone covered.
    public let exclusives: Int
    /// Median time after the first report of the stories it covered but did not break, «—» when none.
    public let medianLag: String
    /// The same in minutes, nil when none.
    public let medianLagMinutes: Int?
}

/// A chart of the report.
public struct Chart: Sendable {
    /// Its heading.
    public let title: String
    /// The SVG element, ready to inline (every text in it escaped).
    public let svg: String
}

extension Report {
    /// The report of `input` for `options`' period.
    public static func build(_ input: Analysis, options: ReportOptions = ReportOptions()) -> Report {
        ReportBuilder(input, options: options).report()
    }

    /// The outlets' lines of that report (its ``outlets``), without the rest of it.
    public static func outlets(_ input: Analysis, options: ReportOptions = ReportOptions()) -> [OutletLine] {
        let builder = ReportBuilder(input, options: options)
        let period = builder.period()
        return builder.outletLines(period)
    }
}

/// An article as a report cites it: outlet, time, headline, and its address when it is a web link.
public struct SourceLink: Sendable {
    /// The outlet.
    public let outlet: String
    /// Publication time as displayed.
    public let time: String
    /// The headline.
    public let title: String
    /// The article's address; "" when it has none or it is not an http(s) link.
    public let url: String
    /// Whether there is an address to link to (only http and https: a report never links a script).
    public let hasURL: Bool

    /// A link to `article`, its time shown in `zone`.
    init(_ article: Article, in zone: TimeZone) {
        // (Characters a URL may not hold are percent-encoded, so the link's syntax stays whole in
        // Markdown and HTML.)
        let url = (article.url ?? "").unicodeScalars.map { u -> String in
            switch u {
            case " ": "%20"
            case "<": "%3C"
            case ">": "%3E"
            case "(": "%28"
            case ")": "%29"
            case "\"": "%22"
            case "'": "%27"
            default: String(u)
            }
        }.joined()
        let web = url.hasPrefix("https://") || url.hasPrefix("http://")
        (outlet, time, title, self.url, hasURL) = (article.source, display(article.published, in: zone), Headline.shown(article.title), web ? url : "", web)
    }
}
