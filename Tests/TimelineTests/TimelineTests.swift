import Foundation
import Ingest
import Testing

@testable import Statements
@testable import Timeline

/// Story timelines: one entry per statement across outlets, ordered by time, with quote drift;
/// and speakers made one across a story.
@Suite("Timeline")
struct TimelineTests {
    static func statement(
        _ article: String, outlet: String, speaker: String, role: String? = nil, content: String,
        kind: Statement.Kind = .indirect, time: String? = nil, sentence: Int = 0
    ) -> Statement {
        Statement(
            article: article, outlet: outlet, sentence: sentence, speakerMention: speaker, speakerSpan: nil, speaker: speaker, role: role,
            cue: "قال", cueClass: .say, content: content, contentSpan: 0..<content.unicodeScalars.count, kind: kind,
            timeExpression: nil, time: time)
    }

    static let published: [String: Published] = [
        "a1": Published(parsing: "2020-02-20T09:00:00+00:00")!, "a2": Published(parsing: "2020-02-20T11:30:00+00:00")!,
        "a3": Published(parsing: "2020-02-21T08:00:00+00:00")!,
    ]

    static func build(_ statements: [Statement]) -> [TimelineEntry] {
        Timeline.build(statements) { id in published[id].map { ("S1", $0) } }
    }

    @Test func oneStatementReportedByTwoOutletsIsOneEntryWithItsFirstReport() throws {
        let entries = TimelineTests.build([
            TimelineTests.statement("a2", outlet: "sada", speaker: "سيرغي لافروف", content: "تركيا لم تنفذ عددا من التزاماتها الهامة في إدلب"),
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "سيرغي لافروف", content: "تركيا لم تنفذ التزاماتها الهامة لتسوية الأزمة في إدلب"),
        ])
        let entry = try #require(entries.first)
        #expect(entries.count == 1)
        #expect(entry.outlets == ["nabaa", "sada"])
        #expect(entry.first.article == "a1")
        #expect(!entry.drifts)
    }

    @Test func aParaphraseOfOneSpeakerThatKeepsAThirdOfTheWordsIsOneEntry() {
        // Two outlets word Abbas's announcement differently: 3 of the shorter's 8 words in common.
        let entries = TimelineTests.build([
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "محمود عباس", content: "تنكيس الأعلام ثلاثة أيام حدادا على القتلى في غزة"),
            TimelineTests.statement("a2", outlet: "sada", speaker: "محمود عباس", content: "الحداد الرسمي وتنكيس الأعلام ثلاثة أيام وإضراب شامل"),
            TimelineTests.statement("a2", outlet: "sada", speaker: "محمود عباس", content: "السفارة الأمريكية بؤرة استيطانية في القدس"),
        ])
        #expect(entries.map(\.reports.count).sorted() == [1, 2])
    }

    @Test func theSameWordsUnderTwoNamesOfTheSpeakerAreOneEntry() throws {
        // One outlet names the deputy minister, the other gives his office; the quotation is the same.
        let words = "لقد أعربنا بالفعل عن استعدادنا لجعل شبه الجزيرة الكورية خالية من الأسلحة النووية"
        let entries = TimelineTests.build([
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "كيم كي غوان", content: words, kind: .direct),
            TimelineTests.statement("a2", outlet: "sada", speaker: "نائب وزير الخارجية الكوري الشمالي", content: words + " مرارا", kind: .direct),
        ])
        let entry = try #require(entries.first)
        #expect(entries.count == 1)
        #expect(entry.speaker == "كيم كي غوان")
        #expect(entry.outlets == ["nabaa", "sada"])
    }

    @Test func anEntryTakesTheRoleOfItsOwnSpeakerNotOfAnotherWhoseWordsItHolds() throws {
        // The Kremlin says Putin stressed…; the nested statement is Putin's, with his title.
        let words = "بوتين شدد على ضرورة تحييد التهديد الإرهابي في إدلب مع احترام سيادة سوريا ووحدة أراضيها"
        let entries = TimelineTests.build([
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "الكرملين", content: words),
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "فلاديمير بوتين", role: "الرئيس الروسي", content: words, sentence: 0),
        ])
        let entry = try #require(entries.first)
        #expect(entries.count == 1)
        #expect(entry.speaker == "الكرملين")
        #expect(entry.role == nil)
    }

    /// Sky News quotes the State Department's statement on the Bahais in two parts, the second in
    /// sentence `second` of its article; CNN gives it in one report.
    static func bahaisStatement(secondPartIn second: Int) -> [Statement] {
        [
            statement(
                "a1", outlet: "sky", speaker: "هيذر نويرت", content: "الولايات المتحدة تشعر بقلق عميق من مضايقات البهائيين واحتجازهم من قبل الحوثيين في صنعاء",
                sentence: 1),
            statement(
                "a1", outlet: "sky", speaker: "هيذر نويرت",
                content: "استهدف الحوثيون الطائفة البهائية بخطاب تحريضي إلى جانب موجة من الاعتقالات والاستدعاءات من المحكمة",
                sentence: second),
            statement(
                "a2", outlet: "cnn", speaker: "هيذر نويرت",
                content:
                    "الولايات المتحدة تشعر بقلق عميق من مضايقات البهائيين واحتجازهم من قبل الحوثيين في صنعاء. لقد استهدف الحوثيون الطائفة البهائية في خطاب تحريضي",
                sentence: 1),
        ]
    }

    @Test func aStatementOneOutletCutInTwoAndAnotherGaveWholeIsOneEntry() throws {
        // (قال… وتابع… in the next sentence: the two parts are one statement)
        let entries = TimelineTests.build(TimelineTests.bahaisStatement(secondPartIn: 2))
        let entry = try #require(entries.first)
        #expect(entries.count == 1)
        #expect(entry.reports.map(\.article) == ["a1", "a1", "a2"])
    }

    @Test func twoStatementsOfOneArticleThatAreNotNextToEachOtherStayTwoEntries() {
        // The same report covers both, but the article said them apart: two statements.
        let entries = TimelineTests.build(TimelineTests.bahaisStatement(secondPartIn: 4))
        #expect(entries.map(\.reports.count).sorted() == [1, 2])
    }

    @Test func aReportJoinsTheEntryWithItsWordsRatherThanItsSpeakersLooserOne() throws {
        // The deputy minister's quotation, then the same speaker on the peninsula in other words
        // (half of them shared), then the quotation again under his name: it is the first statement.
        let quote = "لقد أعربنا بالفعل عن استعدادنا لجعل شبه الجزيرة الكورية خالية من الأسلحة النووية"
        let entries = TimelineTests.build([
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "نائب وزير الخارجية الكوري الشمالي", content: quote, kind: .direct),
            TimelineTests.statement("a2", outlet: "sada", speaker: "كيم كي غوان", content: "شبه الجزيرة الكورية ستبقى ساحة مناورات"),
            TimelineTests.statement("a3", outlet: "rased", speaker: "كيم كي غوان", content: quote, kind: .direct),
        ])
        let quoted = try #require(entries.first { $0.first.article == "a1" })
        #expect(quoted.reports.map(\.article) == ["a1", "a3"])
        #expect(entries.count == 2)
    }

    @Test func aSpeakerWrittenWithAndWithoutHamzaIsOneSpeaker() {
        let entries = TimelineTests.build([
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "الاتحاد الإيطالي", content: "روبرتو مانشيني مدرب جديد للمنتخب"),
            TimelineTests.statement("a2", outlet: "sada", speaker: "الاتحاد الايطالي", content: "مانشيني مدرب جديد للمنتخب الوطني"),
        ])
        #expect(entries.count == 1)
    }

    @Test func anotherSpeakersPhraseInsideALongQuotationIsNotTheSameStatement() {
        // Bolton's «Libya model», mentioned in a line, and the North Korean minister's long
        // quotation that answers it share seven words, not half of the quotation.
        let entries = TimelineTests.build([
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "جون بولتون", content: "النموذج الليبي لجعل كوريا الشمالية خالية من الأسلحة النووية"),
            TimelineTests.statement(
                "a2", outlet: "sada", speaker: "كيم كي غوان",
                content:
                    "لقد أعربنا بالفعل عن استعدادنا لجعل شبه الجزيرة الكورية خالية من الأسلحة النووية وأعلنا مرارا أنه يتعين على الولايات المتحدة إنهاء سياستها العدائية وتهديداتها النووية",
                kind: .direct),
        ])
        #expect(entries.map(\.speaker).sorted() == ["جون بولتون", "كيم كي غوان"])
    }

    @Test func outletsWhoseWordingsDifferMateriallyDrift() throws {
        let entries = TimelineTests.build([
            TimelineTests.statement(
                "a1", outlet: "nabaa", speaker: "رجب طيب أردوغان", content: "سنطرد قوات النظام من محيط نقاط المراقبة في إدلب قبل نهاية الشهر", kind: .direct),
            TimelineTests.statement("a2", outlet: "sada", speaker: "رجب طيب أردوغان", content: "سنطرد قوات النظام من إدلب بكل الوسائل", kind: .direct),
        ])
        let entry = try #require(entries.first)
        #expect(entries.count == 1)
        #expect(entry.drifts)
    }

    @Test func differentSpeakersAreDifferentEntriesOrderedByTheDayTheySpoke() {
        let entries = TimelineTests.build([
            TimelineTests.statement("a3", outlet: "sada", speaker: "دميتري بيسكوف", content: "موسكو قلقة من التصعيد في إدلب", time: "2020-02-21"),
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "خلوصي أكار", content: "أنقرة لا تريد الاشتباك مع روسيا في إدلب", time: "2020-02-19"),
        ])
        #expect(entries.map(\.speaker) == ["خلوصي أكار", "دميتري بيسكوف"])
        #expect(entries.map(\.time) == ["2020-02-19", "2020-02-21"])
    }

    @Test func aSurnameAndAFullNameOfOneStoryAreOneSpeaker() {
        let statements = [
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "فلاديمير بوتين", role: "الرئيس الروسي", content: "أ"),
            TimelineTests.statement("a2", outlet: "sada", speaker: "بوتين", content: "ب"),
            TimelineTests.statement("a2", outlet: "sada", speaker: "الرئيس الروسي", role: "الرئيس الروسي", content: "ج"),
            TimelineTests.statement("a3", outlet: "wasla", speaker: "إدارة ترامب", content: "د"),
            TimelineTests.statement("a3", outlet: "wasla", speaker: "ترمب", content: "هـ"),
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "ترامب", content: "و"),
            TimelineTests.statement("a2", outlet: "sada", speaker: "ترامب", content: "ز"),
        ]
        let canonical = StorySpeakers.canonicalize(statements) { _ in "S1" }
        #expect(canonical.map(\.speaker) == ["فلاديمير بوتين", "فلاديمير بوتين", "فلاديمير بوتين", "إدارة ترامب", "ترامب", "ترامب", "ترامب"])
        #expect(canonical[1].role == "الرئيس الروسي")
    }

    @Test func aWordAloneIsAFamilyNameFirstAndTwoPeopleSharingItNameNeither() {
        let statements = [
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "رياض منصور", content: "أ"),
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "منصور عياد العتيبي", content: "ب"),
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "منصور", content: "ج"),
            TimelineTests.statement("a2", outlet: "sada", speaker: "رياض منصور", content: "د"),
            TimelineTests.statement("a2", outlet: "sada", speaker: "سامي منصور", content: "هـ"),
            TimelineTests.statement("a2", outlet: "sada", speaker: "منصور", content: "و"),
        ]
        let canonical = StorySpeakers.canonicalize(statements) { $0 == "a1" ? "S1" : "S2" }
        #expect(canonical.map(\.speaker) == ["رياض منصور", "منصور عياد العتيبي", "رياض منصور", "رياض منصور", "سامي منصور", "منصور"])
    }

    @Test func speakersOfDifferentStoriesStayApart() {
        let statements = [
            TimelineTests.statement("a1", outlet: "nabaa", speaker: "فلاديمير بوتين", content: "أ"),
            TimelineTests.statement("a2", outlet: "sada", speaker: "بوتين", content: "ب"),
        ]
        let canonical = StorySpeakers.canonicalize(statements) { $0 == "a1" ? "S1" : "S2" }
        #expect(canonical.map(\.speaker) == ["فلاديمير بوتين", "بوتين"])
    }
}
