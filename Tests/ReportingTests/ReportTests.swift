import Foundation
import Ingest
import Pipeline
import TestSupport
import Testing
import Timeline

@testable import Reporting
@testable import Statements
@testable import Stories

/// The report: its content on the demo corpus, escaping, templates, and the words it counts with.
@Suite("Report")
struct ReportTests {

    /// The whole pipeline on `articles`.
    static func input(_ articles: [Article]) -> Analysis { Pipeline.analyze(articles) }

    static let demo: Analysis = input(Ingest.read([repositoryPath("Datasets/demo/articles")]).articles)

    static func article(_ id: String, _ source: String, _ title: String, _ text: String, _ published: String) -> Article {
        Article(
            id: id, source: source, url: nil, title: title, published: Published(parsing: published), text: text,
            origin: SourceLocation(file: "test", line: 1))
    }

    @Test func theDemoReportGivesEveryStoryOfTwoOrMoreArticlesInRankOrder() {
        let report = Report.build(ReportTests.demo)
        let shared = ReportTests.demo.stories.filter { $0.articles.count > 1 }
        #expect(report.stories.map(\.id).sorted() == shared.map(\.story).sorted())
        #expect(report.stories.map(\.rank) == Array(1...shared.count))
        // Ranked by independent sources, then articles.
        let weights = report.stories.map { id in shared.first { $0.story == id.id }! }.map { ($0.independentSources.count, $0.articles.count) }
        #expect(zip(weights, weights.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(report.period == "2020-02-19 – 2020-02-21")
        #expect(report.overview == "26 مقالًا من 5 منافذ، 12 قصة منها 10 بأكثر من مقال")
    }

    @Test func aStoryNamesItsSilentOutletsAndItsFirstReporter() throws {
        let report = Report.build(ReportTests.demo)
        let idlib = try #require(report.stories.first { $0.title.contains("بوتين") && $0.title.contains("إدلب") })
        #expect(idlib.outlets.split(separator: "،").count == 3)
        #expect(idlib.silent == "sada-news، wasla-tv")
        #expect(idlib.comparison.filter { $0.lag == "الأول" }.count == 1)
        #expect(idlib.comparison.allSatisfy { $0.lagMinutes.map { $0 >= 0 } ?? false })
        #expect(!idlib.summary.isEmpty && idlib.summary.count <= 3)
    }

    @Test func theTimelineOfAStoryShowsSpeakersWithRoles() throws {
        let report = Report.build(ReportTests.demo)
        let entries = report.stories.flatMap(\.timeline)
        #expect(entries.contains { $0.speaker == "دميتري بيسكوف" && $0.role == "المتحدث باسم الكرملين" })
        #expect(entries.allSatisfy { !$0.content.contains("\n") })
    }

    @Test func everyStoryListsItsArticlesAndEveryTimelineRowLinksToOne() {
        let report = Report.build(ReportTests.demo)
        let withURL = Set(ReportTests.demo.articles.filter { $0.url != nil }.map(\.title))
        for story in report.stories {
            #expect(!story.sources.isEmpty, "\(story.title)")
            #expect(story.sources.allSatisfy { $0.hasURL || !withURL.contains($0.title) }, "\(story.title)")
            #expect(story.timeline.allSatisfy { !$0.sources.isEmpty })
        }
        #expect(report.stories.flatMap(\.timeline).contains { $0.sources.contains(where: \.hasURL) })
    }

    @Test func onlyWebAddressesBecomeLinks() {
        func link(_ url: String) -> SourceLink {
            SourceLink(ReportTests.article("x", "nabaa", "خبر", "نص", "2020-02-20").withURL(url), in: ReportOptions().timeZone)
        }
        #expect(link("https://nabaa.example/a b").url == "https://nabaa.example/a%20b")
        #expect(!link("javascript:alert(1)").hasURL)
        #expect(link("javascript:alert(1)").url == "")
    }

    @Test func everyTimeIsShownInTheReportsTimeZone() throws {
        let article = ReportTests.article("x", "nabaa", "خبر", "نص", "2020-02-20T01:30:00+03:00")
        #expect(display(article.published, in: ReportOptions().timeZone) == "2020-02-19 22:30")
        #expect(display(article.published, in: try #require(TimeZone(identifier: "Asia/Riyadh"))) == "2020-02-20 01:30")
        #expect(display(Published(parsing: "2020-02-20"), in: ReportOptions().timeZone) == "2020-02-20")
        var options = ReportOptions()
        options.timeZone = try #require(TimeZone(secondsFromGMT: 3 * 3600))
        #expect(Report.build(ReportTests.demo, options: options).timeZoneNote == "الأوقات بتوقيت UTC+03:00")
        #expect(Report.build(ReportTests.demo).timeZoneNote == "الأوقات بتوقيت UTC")
    }

    @Test func aStoryThatBeginsOnThePeriodsFirstDayMayBeOlder() {
        let report = Report.build(ReportTests.demo)
        let first = ReportTests.demo.articles.compactMap { $0.published?.calendarDay }.min()
        for section in report.stories {
            let story = ReportTests.demo.stories.first { $0.story == section.id }!
            let days = ReportTests.demo.articles.filter { story.articles.contains($0.id) }.compactMap { $0.published?.calendarDay }
            #expect(section.possiblyOlder == (days.min() == first), "\(section.title)")
        }
        #expect(report.stories.contains(where: \.possiblyOlder) && report.stories.contains { !$0.possiblyOlder })
    }

    @Test func aTimelineReadsDayByDayInTheOrderOfItsEntries() {
        let report = Report.build(ReportTests.demo)
        for section in report.stories {
            #expect(section.days.flatMap(\.entries).map(\.content) == section.timeline.map(\.content), "\(section.title)")
            // One group per day, each day once, in timeline order.
            #expect(Set(section.days.map(\.day)).count == section.days.count, "\(section.title)")
            #expect(section.days.allSatisfy { day in day.entries.allSatisfy { $0.time == day.day } })
        }
        #expect(report.stories.contains { $0.days.count > 1 })
    }

    @Test func theRowsShownCoverTheStorysDaysAndPreferTheWidelyCarried() {
        // Three days of one story: on the 19th two outlets carry Erdogan's words, on the 20th one
        // outlet carries each of four statements, on the 21st one. With room for three rows, each
        // day gets its most carried row.
        func statement(_ article: String, _ outlet: String, _ speaker: String, _ content: String) -> Statement {
            Statement(
                article: article, outlet: outlet, sentence: 0, speakerMention: speaker, speakerSpan: nil, speaker: speaker, role: nil,
                cue: "قال", cueClass: .say, content: content, contentSpan: 0..<content.unicodeScalars.count, kind: .indirect,
                timeExpression: nil, time: nil)
        }
        let published = [
            "a1": "2020-02-19T09:00:00+00:00", "a2": "2020-02-19T10:00:00+00:00", "b1": "2020-02-20T09:00:00+00:00",
            "b2": "2020-02-20T10:00:00+00:00", "b3": "2020-02-20T11:00:00+00:00", "b4": "2020-02-20T12:00:00+00:00",
            "c1": "2020-02-21T09:00:00+00:00",
        ].mapValues { Published(parsing: $0)! }
        let statements = [
            statement("a1", "nabaa", "رجب طيب أردوغان", "عملية إدلب مسألة وقت"),
            statement("a2", "sada", "رجب طيب أردوغان", "عملية إدلب مسألة وقت فقط"),
            statement("b1", "nabaa", "خلوصي أكار", "لا نريد الاشتباك مع الروس"),
            statement("b2", "nabaa", "دميتري بيسكوف", "موسكو قلقة من التصعيد"),
            statement("b3", "nabaa", "سيرغي لافروف", "تركيا لم تنفذ التزاماتها"),
            statement("b4", "nabaa", "إيمانويل ماكرون", "ندعو إلى وقف القتال"),
            statement("c1", "sada", "أنجيلا ميركل", "الوضع الإنساني كارثي"),
        ]
        let entries = Timeline.build(statements) { id in published[id].map { ("S1", $0) } }
        let rows = ReportBuilder.rowsThatMatter(entries, limit: 3)
        let days = rows.map { entries[$0].first.published!.day }
        #expect(days == ["2020-02-19", "2020-02-20", "2020-02-21"])
        #expect(entries[rows[0]].outlets == ["nabaa", "sada"])
    }

    @Test func aStatementOfYearsAgoAnArticleRecallsClaimsNoDayOfItsOwn() {
        // Netanyahu's admission of 2013, recalled by one outlet, against two statements of the
        // day carried by two outlets and one: with room for two rows, the day's come first.
        func statement(_ article: String, _ outlet: String, _ speaker: String, _ content: String, time: String? = nil) -> Statement {
            Statement(
                article: article, outlet: outlet, sentence: 0, speakerMention: speaker, speakerSpan: nil, speaker: speaker, role: nil,
                cue: "قال", cueClass: .say, content: content, contentSpan: 0..<content.unicodeScalars.count, kind: .indirect,
                timeExpression: time == nil ? nil : "عام 2013", time: time)
        }
        let published = ["a1": "2018-05-14T09:00:00+00:00", "a2": "2018-05-14T10:00:00+00:00", "a3": "2018-05-14T11:00:00+00:00"]
            .mapValues { Published(parsing: $0)! }
        let statements = [
            statement("a1", "nabaa", "بنيامين نتنياهو", "بحدوث بعض الأخطاء العملية", time: "2013-03-22"),
            statement("a1", "nabaa", "مجلس الأمن", "يدعو جميع الأطراف إلى ممارسة ضبط النفس"),
            statement("a2", "sada", "مجلس الأمن", "يدعو جميع الأطراف إلى ممارسة ضبط النفس وتجنب التصعيد"),
            statement("a3", "sada", "المبعوث الفلسطيني", "من بين القتلى ثمانية أطفال"),
        ]
        let entries = Timeline.build(statements) { id in published[id].map { ("S1", $0) } }
        let rows = ReportBuilder.rowsThatMatter(entries, limit: 2)
        #expect(rows.map { entries[$0].speaker } == ["مجلس الأمن", "المبعوث الفلسطيني"])
    }

    @Test func aStorysSpanCountsTheDaysOfItsArticles() throws {
        let report = Report.build(ReportTests.demo)
        // The Hanau shooting is reported on the 20th alone; the Brussels budget summit opens on
        // the 20th and ends on the 21st.
        let hanau = try #require(report.stories.first { $0.title.contains("مقتل تسعة أشخاص") })
        #expect(hanau.span == "يوم واحد")
        let brussels = try #require(report.stories.first { $0.title.contains("بروكسل") })
        #expect(brussels.span == "يومان")
        #expect(counted(1, Nouns.day) == "يوم واحد" && counted(23, Nouns.day) == "23 يومًا" && counted(3, Nouns.day) == "3 أيام")
    }

    @Test func oneDayIsReportedAlone() {
        var options = ReportOptions()
        options.from = CalendarDay(year: 2020, month: 2, day: 19)
        options.to = options.from
        let report = Report.build(ReportTests.demo, options: options)
        #expect(report.period == "2020-02-19")
        #expect(report.articleCount == ReportTests.demo.articles.filter { $0.published?.calendarDay.description == "2020-02-19" }.count)
    }

    @Test func anEmptyInputGivesAReportThatSaysSo() throws {
        let empty = Analysis(articles: [], stories: [], storyOfArticle: [], duplicateOf: [], statements: [], timeline: [])
        let report = Report.build(empty)
        #expect(report.period == "—")
        #expect(report.overview == "لا مقالات في هذه الفترة")
        #expect(try ReportRenderer().html(report).contains("<html lang=\"ar\" dir=\"rtl\">"))
    }

    @Test func theOutletLinesAloneAreTheReportsOutletLines() {
        var oneDay = ReportOptions()
        (oneDay.from, oneDay.to) = (Published(parsing: "2020-02-20")?.calendarDay, Published(parsing: "2020-02-20")?.calendarDay)
        for options in [ReportOptions(), oneDay] {
            let alone = Report.outlets(ReportTests.demo, options: options).map { [$0.outlet, "\($0.articles)", "\($0.exclusives)", $0.medianLag] }
            let built = Report.build(ReportTests.demo, options: options).outlets.map { [$0.outlet, "\($0.articles)", "\($0.exclusives)", $0.medianLag] }
            #expect(!alone.isEmpty)
            #expect(alone == built)
        }
    }

    @Test func coverageHasOneRowPerStoryAndOutlet() {
        let rows = Report.coverage(ReportTests.demo)
        #expect(rows.count == ReportTests.demo.stories.reduce(0) { $0 + $1.outlets.count })
        #expect(rows.allSatisfy { $0.articles > 0 })
    }

    @Test func arabicCountsAgreeWithTheirNouns() {
        #expect(counted(0, Nouns.article) == "لا مقالات")
        #expect(counted(1, Nouns.article) == "مقال واحد")
        #expect(counted(2, Nouns.article) == "مقالان")
        #expect(counted(7, Nouns.article) == "7 مقالات")
        #expect(counted(26, Nouns.article) == "26 مقالًا")
        #expect(counted(100, Nouns.article) == "100 مقال")
        #expect(counted(103, Nouns.story) == "103 قصص")
    }

    @Test func distinctiveWordingNeedsTwoArticlesAndThreeUsesAndIsNoReportingVerb() throws {
        // wasat writes «الإرهابيين» in its one article, nabaa «المسلحين» in two: only nabaa is characterised.
        let common = "هاجم عناصر الحاجز العسكري في ريف إدلب فجر اليوم وأصيب جنود بجروح. "
        let articles = [
            ReportTests.article("n1", "nabaa", "هجوم على حاجز", common + String(repeating: "المسلحين انسحبوا. ", count: 8), "2020-02-20T09:00:00+00:00"),
            ReportTests.article("n2", "nabaa", "هجوم على حاجز", common + String(repeating: "المسلحين هربوا. ", count: 8), "2020-02-20T10:00:00+00:00"),
            ReportTests.article(
                "w1", "wasat", "هجوم على حاجز", common + String(repeating: "الإرهابيين انسحبوا. ", count: 16),
                "2020-02-20T11:00:00+00:00"),
        ]
        // (Another story gives the report the background words an analysis of real news has.)
        let market = String(repeating: "ارتفعت أسعار النفط والذهب في الأسواق العالمية مع تراجع الدولار وصعود الأسهم الآسيوية. ", count: 40)
        let other = ["m1", "m2"].map { ReportTests.article($0, "nabaa", "الأسواق", market, "2020-02-20T12:00:00+00:00") }
        let stories = [
            Story(
                story: "s1", title: "هجوم على حاجز", articles: ["n1", "n2", "w1"], outlets: ["nabaa", "wasat"], independentSources: ["nabaa", "wasat"],
                firstPublished: nil, lastPublished: nil, keywords: []),
            Story(
                story: "s2", title: "الأسواق", articles: ["m1", "m2"], outlets: ["nabaa"], independentSources: ["nabaa"], firstPublished: nil,
                lastPublished: nil, keywords: []),
        ]
        let analysis = Analysis(
            articles: articles + other, stories: stories, storyOfArticle: ["s1", "s1", "s1", "s2", "s2"], duplicateOf: [nil, nil, nil, nil, nil],
            statements: [], timeline: [])
        let comparison = try #require(Report.build(analysis).stories.first { $0.id == "s1" }).comparison
        #expect(comparison.first { $0.outlet == "wasat" }?.distinctive == "")
        #expect(comparison.first { $0.outlet == "nabaa" }?.distinctive.contains("المسلحين") == true)
        // وقالت، وأضاف are counted as no word of the outlet's.
        let builder = ReportBuilder(
            ReportTests.input([
                ReportTests.article("v1", "nabaa", "هجوم", "وقالت الشرطة إن المسلحين فروا. وأضاف المتحدث أن المسلحين قتلوا.", "2020-02-20T09:00:00+00:00")
            ]),
            options: ReportOptions())
        let counts = builder.termCounts(of: [0])
        #expect(counts.terms.index(of: "المسلحين").map { counts.counts[$0] } == 2)
        #expect(counts.terms.index(of: "وقالت") == nil && counts.terms.index(of: "واضاف") == nil)
        #expect(builder.spellings(of: ["المسلحين", "الشرطه"], in: [0]) == ["المسلحين": "المسلحين", "الشرطه": "الشرطة"])
    }

    @Test func anOutletWithASimilarArticleInAnotherStoryIsNotSilent() throws {
        let articles = [
            ReportTests.article("a", "nabaa", "هجوم مسلح على حاجز الجيش في إدلب", "قتل جنديان في هجوم على حاجز للجيش في إدلب.", "2020-02-20T09:00:00+00:00"),
            ReportTests.article("b", "wasat", "مقتل جنديين في هجوم على حاجز بإدلب", "هاجم مسلحون حاجزا للجيش في إدلب.", "2020-02-20T10:00:00+00:00"),
            ReportTests.article("c", "sada", "إدلب: هجوم على حاجز للجيش", "أعلن الجيش أن حاجزا تعرض لهجوم في ريف إدلب.", "2020-02-20T11:00:00+00:00"),
            ReportTests.article("d", "ufuq", "أسعار النفط ترتفع", "ارتفعت أسعار النفط في الأسواق العالمية اليوم.", "2020-02-20T12:00:00+00:00"),
        ]
        let story = Story(
            story: "s1", title: "هجوم مسلح على حاجز الجيش في إدلب", articles: ["a", "b"], outlets: ["nabaa", "wasat"],
            independentSources: ["nabaa", "wasat"], firstPublished: "2020-02-20T09:00:00+00:00", lastPublished: "2020-02-20T10:00:00+00:00",
            keywords: ["هجوم", "حاجز", "الجيش", "إدلب"])
        let others = [("s2", "c", "sada"), ("s3", "d", "ufuq")].map { id, article, outlet in
            Story(
                story: id, title: "", articles: [article], outlets: [outlet], independentSources: [outlet], firstPublished: nil, lastPublished: nil,
                keywords: [])
        }
        let analysis = Analysis(
            articles: articles, stories: [story] + others, storyOfArticle: ["s1", "s1", "s2", "s3"], duplicateOf: [nil, nil, nil, nil],
            statements: [], timeline: [])
        let section = try #require(Report.build(analysis).stories.first { $0.id == "s1" })
        #expect(section.nearby == "sada")
        #expect(section.silent == "ufuq")
        #expect(try ReportRenderer().markdown(Report.build(analysis)).contains("**لها مقال قريب في قصة أخرى:** sada · **لم تغطها:** ufuq"))
    }

    @Test func anAgencyParagraphTwoOutletsPrintIsCountedAsShared() throws {
        let agency =
            "وقالت وزارة الدفاع في بيان إن وحدات الجيش صدت هجوما واسعا شنه مسلحون على مواقعها في ريف إدلب الجنوبي فجر اليوم وقتلت عددا منهم ودمرت آليات."
        let articles = [
            ReportTests.article("a", "nabaa", "الجيش يصد هجوما في ريف إدلب", "مراسلنا في إدلب أفاد بهدوء حذر.\n" + agency, "2020-02-20T09:00:00+00:00"),
            ReportTests.article(
                "b", "wasat", "صد هجوم في إدلب", agency.replacingOccurrences(of: "واسعا", with: "كبيرا") + "\nوتشهد المنطقة تصعيدا منذ أسابيع.",
                "2020-02-20T10:00:00+00:00"),
        ]
        let story = Story(
            story: "s1", title: "الجيش يصد هجوما في ريف إدلب", articles: ["a", "b"], outlets: ["nabaa", "wasat"], independentSources: ["nabaa", "wasat"],
            firstPublished: "2020-02-20T09:00:00+00:00", lastPublished: "2020-02-20T10:00:00+00:00", keywords: ["إدلب", "هجوم"])
        let analysis = Analysis(articles: articles, stories: [story], storyOfArticle: ["s1", "s1"], duplicateOf: [nil, nil], statements: [], timeline: [])
        let comparison = try #require(Report.build(analysis).stories.first).comparison
        #expect(comparison.map(\.sharedParagraphs) == ["wasat (1)", "nabaa (1)"])
    }

    @Test func aTimelineRowShowsItsSourceSentenceOnDemand() throws {
        let analysis = ReportTests.input([
            ReportTests.article(
                "s1", "nabaa", "الوزير: الوضع جيد", "بدأ الاجتماع صباحا في العاصمة. وقال وزير الخارجية سامح شكري إن الوضع جيد جدا. ثم انتهى الاجتماع.",
                "2020-02-20T09:00:00+00:00"),
            ReportTests.article(
                "s2", "wasat", "الوزير: الوضع جيد جدا", "قال وزير الخارجية سامح شكري إن الوضع جيد جدا، مشيرا إلى انتهاء الاجتماع في العاصمة.",
                "2020-02-20T10:00:00+00:00"),
        ])
        let report = Report.build(analysis)
        let row = try #require(report.stories.flatMap(\.timeline).first)
        #expect(row.hasSentence)
        // The first report is nabaa's: its sentence, without the one before or after.
        #expect(row.sentence == "وقال وزير الخارجية سامح شكري إن الوضع جيد جدا.")
        let html = try ReportRenderer().html(report)
        #expect(html.contains("<details class=\"sentence\"><summary>الجملة في المقال</summary>"))
    }

    @Test func logOddsFavoursTheWordAnOutletUsesMore() throws {
        // Outlet A writes «مسلحين» 8 times in 100 words, the others 1 in 100; «إدلب» is even.
        // (The group's terms: counts in the group, in the rest, in the background of 200 words.)
        let words = ["مسلحين", "ادلب", "قال"]
        let terms = LogOdds.distinctive(
            [(8, 1, 9), (10, 10, 20), (82, 80, 162)], named: { words[$0] }, groupTotal: 100, restTotal: 100, backgroundTotal: 200,
            priorSize: 200, minimumZ: 0)
        let top = try #require(terms.first)
        #expect(top.term == "مسلحين")
        // α = 200·9/200 = 9: δ = ln(17/(300−17)) − ln(10/(300−10)) = ln(17/283) − ln(10/290) ≈ 0.5548.
        #expect(abs(top.delta - 0.5548) < 0.001)
        #expect(abs(top.z - 0.5548 / (1.0 / 17 + 1.0 / 10).squareRoot()) < 0.001)
        #expect(!terms.contains { $0.term == "ارهابيين" })
    }
}

/// Escaping and templates.
@Suite("Report rendering")
struct RenderingTests {
    static let hostile: Analysis = ReportTests.input([
        ReportTests.article(
            "x1", "nabaa", "<script>alert(1)</script> هجوم | على *إدلب*", "قال المتحدث باسم الجيش إن \"القصف استهدف <b>مواقع</b> المسلحين\" في إدلب اليوم.",
            "2020-02-20T09:00:00+00:00"),
        ReportTests.article(
            "x2", "\"><img src=x onerror=alert(1)>", "\"><img src=x onerror=alert(2)> هجوم على إدلب",
            "قال المتحدث باسم الجيش إن القصف استهدف مواقع المسلحين في إدلب اليوم.", "2020-02-20T10:00:00+00:00"
        ).withURL("javascript:alert(3)"),
    ])

    @Test func aHeadlineInAStorysArticleListIsIsolatedFromTheOutletAndTimeBeforeIt() throws {
        // «70 عاما…» after «skynewsarabia.com 07:32» had shown its number at the line's other end.
        let articles = [
            ReportTests.article(
                "a1", "skynewsarabia.com", "70 عاما و\"النكبة\" مستمرة في غزة", "قتل العشرات في غزة في ذكرى النكبة.", "2018-05-15T07:32:00+00:00"),
            ReportTests.article("a2", "alarabiya.net", "عشرات القتلى في غزة في ذكرى النكبة", "قتل العشرات في غزة في ذكرى النكبة.", "2018-05-15T08:00:00+00:00"),
        ]
        let html = try ReportRenderer().html(Report.build(ReportTests.input(articles)))
        #expect(html.contains("<bdi>70 عاما و&quot;النكبة&quot; مستمرة في غزة</bdi>"))
    }

    @Test func articleTextInHTMLRendersAsText() throws {
        let html = try ReportRenderer().html(Report.build(RenderingTests.hostile))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))  // the outlet
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        // Self-contained: nothing is fetched.
        let withoutNamespaces = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespaces.contains("http:") && !withoutNamespaces.contains("https:"))
        #expect(!html.contains("<link") && !html.contains("@import") && !html.contains("url("))
    }

    @Test func markdownEscapesWhatWouldBecomeMarkup() throws {
        let markdown = try ReportRenderer().markdown(Report.build(RenderingTests.hostile))
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\> هجوم \\| على \\*إدلب\\*"))
        #expect(!markdown.contains("<script>"))
    }

    @Test func aTemplatesFolderReplacesTheBuiltInTemplate() throws {
        let folder = makeTemporaryFolder("templates")
        try "{{% CONTENT_TYPE: MARKDOWN }}\n{{title}}: {{#stories}}[{{rank}}]{{/stories}}\n".write(
            toFile: folder + "/report.md.mustache", atomically: true, encoding: .utf8)
        let renderer = try ReportRenderer(templates: folder)
        let report = Report.build(ReportTests.demo)
        #expect(renderer.markdown(report) == "تقرير الأخبار: 2020-02-19 – 2020-02-21: " + report.stories.map { "[\($0.rank)]" }.joined() + "\n")
        // The HTML template was not replaced.
        #expect(renderer.html(report).hasPrefix("<!DOCTYPE html>"))
    }

    @Test func aBrokenTemplateIsAnErrorNamingItsFile() throws {
        let folder = makeTemporaryFolder("templates")
        try "{{#stories}} unclosed".write(toFile: folder + "/report.html.mustache", atomically: true, encoding: .utf8)
        let error = #expect(throws: TemplateError.self) { try ReportRenderer(templates: folder) }
        guard case .invalid(let file, _)? = error else { Issue.record("not a parse error: \(String(describing: error))"); return }
        #expect(file == folder + "/report.html.mustache")
    }
}

extension Article {
    /// The article with another address.
    func withURL(_ url: String) -> Article {
        Article(id: id, source: source, url: url, title: title, published: published, text: text, origin: origin)
    }
}

/// Datelines and bylines the summaries leave out.
@Suite("Datelines")
struct DatelineTests {
    @Test(arguments: [
        ("عمان، الأردن (CNN)-- قال وزير الخارجية التركي إن دخول قوات النظام إلى عفرين مرفوض", "قال وزير الخارجية التركي إن دخول قوات النظام إلى عفرين مرفوض"),
        ("د ب أ - الرياض: نفى المتحدث الرسمي باسم اتحاد كرة القدم اتخاذ أي إجراء", "نفى المتحدث الرسمي باسم اتحاد كرة القدم اتخاذ أي إجراء"),
        ("واس – جدة: تلقى خادم الحرمين الشريفين اتصالاً هاتفياً اليوم من الرئيس الفرنسي", "تلقى خادم الحرمين الشريفين اتصالاً هاتفياً اليوم من الرئيس الفرنسي"),
        ("أحمد علي- سبق- القاهرة: تستمر شركة صناعة السيارات في الكشف عن تقنياتها", "تستمر شركة صناعة السيارات في الكشف عن تقنياتها"),
        ("عبدالله البرقاوي - أكد مدير التعليم أن المدارس جاهزة لاستقبال الطلاب", "أكد مدير التعليم أن المدارس جاهزة لاستقبال الطلاب"),
        ("الزعيم الكوري الشمالي كيم جونغ-أون يصل إلى سنغافورة لعقد القمة", "الزعيم الكوري الشمالي كيم جونغ-أون يصل إلى سنغافورة لعقد القمة"),
        ("وزير الخارجية: الحل السياسي هو الطريق الوحيد لإنهاء الأزمة", "وزير الخارجية: الحل السياسي هو الطريق الوحيد لإنهاء الأزمة"),
        ("نشرت الولايات المتحدة ست مقاتلات من طراز (اف - 16) في قاعدة انجرليك", "نشرت الولايات المتحدة ست مقاتلات من طراز (اف - 16) في قاعدة انجرليك"),
    ])
    func aDatelineIsLeftOutAndAHyphenOrASpeakersColonKept(_ sentence: String, _ shown: String) {
        #expect(withoutDateline(sentence) == shown)
    }

    @Test func aLeadSentenceThatIsADatelineAloneGivesWayToTheNext() {
        let builder = ReportBuilder(ReportTests.input([]), options: ReportOptions())
        let text = "دبي، الإمارات العربية المتحدة (CNN)-- \"نتيجة مؤسفة\"..\nهكذا وصف الرئيس الأمريكي نتيجة التصويت في مجلس الأمن الدولي."
        #expect(builder.leadSentence(text) == "هكذا وصف الرئيس الأمريكي نتيجة التصويت في مجلس الأمن الدولي.")
    }
}
