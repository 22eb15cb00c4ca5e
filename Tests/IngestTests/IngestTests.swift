import Foundation
import TestSupport
import Testing

@testable import Ingest

// MARK: - JSONL

@Test func readsJSONLWithCanonicalFieldsAndSkipsBlankLines() {
    let folder = makeTemporaryFolder()
    let path = writeFile(
        folder, "a.jsonl",
        """
        {"id": "x1", "source": "sada-news", "url": "https://e.example/1", "title": "قمة بروكسل تنتهي دون اتفاق", "published": "2020-02-21T20:10:00+03:00", "text": "انتهت القمة."}

        {"id": "x2", "source": "sada-news", "title": "عنوان", "published": "2020-02-21", "text": "نص"}

        """)
    let result = Ingest.read([path])
    #expect(result.rejects.isEmpty)
    #expect(result.articles.map(\.id) == ["x1", "x2"])
    #expect(result.articles[0].title == "قمة بروكسل تنتهي دون اتفاق")
    #expect(result.articles[0].published?.description == "2020-02-21T20:10:00+03:00")
    #expect(result.articles[1].url == nil)
    #expect(result.articles[1].origin == SourceLocation(file: path, line: 3))
    #expect(result.files == [FileReport(path: path, format: "jsonl", records: 2, accepted: 2)])
}

@Test func acceptsCommonAliasesWithTheCanonicalNameWinning() {
    let folder = makeTemporaryFolder()
    let path = writeFile(
        folder, "a.jsonl",
        """
        {"id": 17, "outlet": "al-ufuq", "link": "https://e.example/17", "headline": "عنوان", "date": "2020-02-20", "content": "نص المقال"}
        {"id": "18", "site": "s", "title": "العنوان الصحيح", "headline": "عنوان بديل", "datetime": "2020-02-20T10:00:00Z", "body": "نص"}
        """)
    let result = Ingest.read([path])
    #expect(result.rejects.isEmpty)
    let a = result.articles
    #expect(a[0].id == "17" && a[0].source == "al-ufuq" && a[0].url == "https://e.example/17")
    #expect(a[0].title == "عنوان" && a[0].text == "نص المقال" && a[0].published?.day == "2020-02-20")
    #expect(a[1].title == "العنوان الصحيح" && a[1].source == "s" && a[1].text == "نص")
}

@Test func readsGzippedJSONLTransparently() {
    let folder = makeTemporaryFolder()
    let plain = writeFile(folder, "a.jsonl", #"{"id": "g1", "title": "أردوغان: عملية إدلب مسألة وقت", "text": ""}"# + "\n")
    let result = Ingest.read([gzip(plain)])
    #expect(result.rejects.isEmpty)
    #expect(result.articles.map(\.title) == ["أردوغان: عملية إدلب مسألة وقت"])
    #expect(result.files.first?.format == "jsonl")
}

@Test func truncatedGzipKeepsTheLinesBeforeAndRejectsTheRest() throws {
    let result = Ingest.read([try truncatedGzipFile()])
    #expect(result.articles.count > 100 && result.articles.count < 3000)
    #expect(result.rejects.count == 1)
    #expect(result.rejects[0].line == 0)
    #expect(result.rejects[0].reason.hasPrefix("cannot read past line"))
}

// MARK: - Bad records

@Test func malformedJSONLineIsRejectedWithLineAndColumnAndTheRestIsRead() {
    let folder = makeTemporaryFolder()
    let path = writeFile(
        folder, "a.jsonl",
        """
        {"id": "ok1", "title": "أول", "text": "نص"}
        {"id": "bad", "title": "ثان" "text": "نص"}
        {"id": "ok2", "title": "ثالث", "text": "نص"}
        """)
    let result = Ingest.read([path])
    #expect(result.articles.map(\.id) == ["ok1", "ok2"])
    #expect(result.rejects.count == 1)
    let r = result.rejects[0]
    #expect(r.file == path && r.line == 2)
    #expect(r.reason == "malformed JSON at column 30: expected ',' or '}' in object, found '\"'")
    #expect(r.raw == #"{"id": "bad", "title": "ثان" "text": "نص"}"#)
    #expect(result.files[0].records == 3 && result.files[0].accepted == 2)
}

@Test func invalidUTF8IsRejectedAndKeptWithEscapedBytes() {
    let folder = makeTemporaryFolder()
    var bytes = Array(#"{"id": "a", "title": "ok", "text": "x"}"#.utf8) + [0x0A]
    bytes += Array(#"{"id": "b", "title": "bad "#.utf8) + [0xD8] + Array(#"", "text": "x"}"#.utf8) + [0x0A]
    let path = writeFile(folder, "a.jsonl", bytes)
    let result = Ingest.read([path])
    #expect(result.articles.map(\.id) == ["a"])
    #expect(result.rejects.first?.line == 2)
    #expect(result.rejects.first?.reason.hasPrefix("malformed JSON at column 27: invalid UTF-8") == true)
    #expect(result.rejects.first?.raw == #"{"id": "b", "title": "bad \xD8", "text": "x"}"#)
}

@Test func laterRecordWithAnIdAlreadyReadIsTheDuplicate() {
    let folder = makeTemporaryFolder()
    let first = writeFile(folder, "1.jsonl", #"{"id": "same", "title": "الأول", "text": ""}"# + "\n")
    let second = writeFile(folder, "2.jsonl", "\n" + #"{"id": "same", "title": "الثاني", "text": ""}"# + "\n")
    let result = Ingest.read([first, second])
    #expect(result.articles.map(\.title) == ["الأول"])
    #expect(result.rejects.map(\.message) == ["\(second):2: duplicate id 'same' (first read at \(first):1)"])
    #expect(result.files[1].accepted == 0)
}

@Test func aDuplicateIsKeptAsItsLineWasWritten() {
    let folder = makeTemporaryFolder()
    let first = writeFile(folder, "1.jsonl", #"{"id": "same", "title": "الأول", "text": ""}"# + "\n")
    let second = writeFile(folder, "2.jsonl", #"{"id": "other", "title": "آخر"}"# + "\n" + #"{"id": "same",  "title": "الثاني", "extra": [1, 2]}"# + "\n")
    let result = Ingest.read([first, second])
    #expect(result.rejects.map(\.raw) == [#"{"id": "same",  "title": "الثاني", "extra": [1, 2]}"#])
}

@Test func aDuplicateInACSVFileIsKeptAsItsRowWasWritten() {
    let folder = makeTemporaryFolder()
    let path = writeFile(folder, "a.csv", "id,title,text\nc1,الأول,نص\nc1,\"الثاني، مكرر\",نص آخر\n")
    let result = Ingest.read([path])
    #expect(result.articles.map(\.title) == ["الأول"])
    #expect(result.rejects.map(\.line) == [3])
    #expect(result.rejects.map(\.raw) == ["c1,\"الثاني، مكرر\",نص آخر"])
}

@Test func twoDuplicatesOnOneLineOfAJSONArrayKeepTheirOwnRecords() {
    let folder = makeTemporaryFolder()
    let path = writeFile(folder, "a.json", #"[{"id": "a", "title": "أ"}, {"id": "b", "title": "ب"}, {"id": "a", "title": "ج"}, {"id": "b", "title": "د"}]"#)
    let result = Ingest.read([path])
    #expect(result.articles.map(\.title) == ["أ", "ب"])
    #expect(result.rejects.map(\.raw) == [#"{"id":"a","title":"ج"}"#, #"{"id":"b","title":"د"}"#])
}

@Test(arguments: [
    (#"{"id": "e", "title": "  ", "text": ""}"#, "record has neither title nor text"),
    (#"{"id": "d", "title": "t", "published": "Thursday"}"#, "unparseable date 'Thursday' in field 'published'"),
    (#"{"id": "d", "title": "t", "date": "2020-02-30"}"#, "unparseable date '2020-02-30' in field 'date'"),
    (#"{"id": "t", "title": ["a"], "text": "x"}"#, "field 'title' is a JSON array, expected a string"),
    (#"{"id": "t", "title": "x", "body": {"p": 1}}"#, "field 'body' (read as 'text') is a JSON object, expected a string"),
    (#"["not", "an", "object"]"#, "expected a JSON object, found a JSON array"),
])
func invalidRecordsAreRejectedWithTheirReason(_ line: String, _ reason: String) {
    let folder = makeTemporaryFolder()
    let path = writeFile(folder, "a.jsonl", line + "\n")
    let result = Ingest.read([path])
    #expect(result.articles.isEmpty)
    #expect(result.rejects.map(\.reason) == [reason])
    #expect(result.rejects.map(\.raw) == [line])
}

@Test func missingFileAndUnsupportedTypeAreRejectedAsWholeFiles() {
    let folder = makeTemporaryFolder()
    let notes = writeFile(folder, "notes.md", "# notes")
    let result = Ingest.read([folder + "/absent.jsonl", notes])
    #expect(
        result.rejects.map(\.reason) == [
            "no such file or folder",
            "unsupported file type '.md' (Isnad reads .jsonl, .json, .csv, .tsv, .txt and .html, each also gzipped)",
        ])
    #expect(result.rejects.allSatisfy { $0.line == 0 })
}

@Test func missingIdIsDerivedStablyFromTheURLOrTheContent() {
    let folder = makeTemporaryFolder()
    let path = writeFile(
        folder, "a.jsonl",
        """
        {"url": "https://e.example/a", "title": "أ"}
        {"source": "s", "title": "ب", "text": "نص"}
        """)
    let once = Ingest.read([path]).articles.map(\.id)
    let again = Ingest.read([path]).articles.map(\.id)
    #expect(once == again)
    #expect(once[0] == StableID.derive(url: "https://e.example/a", source: "", title: "", text: ""))
    #expect(once[0].hasPrefix("u-") && once[1].hasPrefix("c-") && once[0].count == 18)
}

// MARK: - JSON arrays, CSV

@Test func readsAJSONArrayNamingTheLineOfEachElement() {
    let folder = makeTemporaryFolder()
    let path = writeFile(
        folder, "a.json",
        """
        [
          {"id": "j1", "title": "أول"},
          {"id": "j2", "title": ""}
        ]
        """)
    let result = Ingest.read([path])
    #expect(result.articles.map(\.id) == ["j1"])
    #expect(result.rejects.map(\.line) == [3])
    #expect(result.rejects.map(\.raw) == [#"{"id":"j2","title":""}"#])
}

@Test func readsRFC4180CSVWithQuotedCommasQuotesAndLineBreaks() {
    let folder = makeTemporaryFolder()
    let path = writeFile(
        folder, "a.csv",
        "\u{FEFF}ID,Headline,Outlet,Date,Body\r\n"
            + "c1,\"قمة, بروكسل\",sada,2020-02-21,\"قال ميشيل: \"\"المزيد من الوقت مطلوب\"\"\r\nسطر ثان\"\r\n"
            + "c2,عنوان,sada,2020-02-21\r\n"
            + "c3,عنوان آخر,sada,2020-02-21,نص\r\n")
    let result = Ingest.read([path])
    #expect(result.articles.map(\.id) == ["c1", "c3"])
    #expect(result.articles[0].title == "قمة, بروكسل")
    // Line ends inside a quoted field are normalized to \n, as everywhere in ingest.
    #expect(result.articles[0].text == "قال ميشيل: \"المزيد من الوقت مطلوب\"\nسطر ثان")
    #expect(result.rejects.map(\.message) == ["\(path):4: row has 4 fields, the header has 5"])
    #expect(result.rejects.first?.raw == "c2,عنوان,sada,2020-02-21")
}

@Test func csvWithAnUnterminatedQuoteRejectsThatRecord() {
    let folder = makeTemporaryFolder()
    let path = writeFile(folder, "a.csv", "id,title\nc1,\"عنوان\nc2,آخر\n")
    let result = Ingest.read([path])
    #expect(result.articles.isEmpty)
    #expect(result.rejects.map(\.message) == ["\(path):2: unterminated quoted field (the quote opens on line 2)"])
}

@Test func csvWithoutATitleOrTextColumnIsRejected() {
    let folder = makeTemporaryFolder()
    let path = writeFile(folder, "a.csv", "name,value\na,1\n")
    let result = Ingest.read([path])
    #expect(result.rejects.map(\.reason) == ["the header row names no title or text column (columns: name, value)"])
}

// MARK: - Pages

@Test(.needsSharedData) func readsTheSeedArticleAsATextPageWithoutItsTrailingChrome() throws {
    let seed = try SharedData.path("seed-article.txt")
    let defaults = RecordDefaults(source: "seed", published: Published(parsing: "2020-02-20"))
    let result = Ingest.read([seed], defaults: defaults)
    let article = try #require(result.articles.first)
    #expect(article.title == "خلال اتصال مع ماكرون وميركل… بوتين يؤكد على ضرورة تحييد التهديد الإرهابي في سوريا")
    // The source keeps its no-break spaces; ingest does not touch the text.
    #expect(article.text.hasPrefix("تركيا لم تنفذ\u{00A0}عددا من التزاماتها\u{00A0}الهامة لتسوية الأزمة في إدلب\nأكد الرئيس الروسي، فلاديمير بوتين،"))
    #expect(article.text.hasSuffix("من جانبها، أصرت أنقرة على أنها نفذت كل التزاماتها بشأن إدلب."))
    #expect(article.source == "seed" && article.published?.day == "2020-02-20")
    #expect(result.chromeLinesRemoved == 2)
}

@Test func textPageTakesMetadataFromItsSidecar() {
    let folder = makeTemporaryFolder()
    writeFile(folder, "p/a.txt", "العنوان\n\nفقرة أولى\nتكملة الفقرة\n\nفقرة ثانية\n")
    writeFile(folder, "p/a.json", #"{"id": "page-1", "outlet": "al-mirsad", "published": "2020-02-20T13:00:00+03:00", "title": "ignored"}"#)
    let result = Ingest.read([folder], defaults: RecordDefaults(source: "flag"))
    #expect(result.rejects.isEmpty)
    #expect(result.files.map(\.path) == [folder + "/p/a.txt"])
    let a = result.articles[0]
    #expect(a.id == "page-1" && a.source == "al-mirsad" && a.title == "العنوان")
    #expect(a.text == "فقرة أولى تكملة الفقرة\nفقرة ثانية")
}

@Test func malformedSidecarRejectsItsPage() {
    let folder = makeTemporaryFolder()
    let page = writeFile(folder, "a.txt", "عنوان\nنص\n")
    writeFile(folder, "a.json", "{\"id\": ")
    let result = Ingest.read([page])
    #expect(result.articles.isEmpty)
    #expect(result.rejects.first?.reason.hasPrefix("sidecar \(folder)/a.json: malformed JSON") == true)
}

@Test func htmlPageGivesHeadlineMetadataAndParagraphsWithoutChrome() {
    let folder = makeTemporaryFolder()
    let path = writeFile(
        folder, "a.html",
        """
        <!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">
        <title>عنوان الصفحة | الموقع</title>
        <meta property="og:title" content="ميركل: العنصرية سم &amp; الكراهية سم">
        <meta property="og:site_name" content="al-ufuq"><meta name="description" content="وصف">
        <meta property="article:published_time" content="2020-02-20T13:00:00+02:00">
        <link rel="canonical" href="https://al-ufuq.example/a">
        <script>var p = "<p>not text</p>";</script><style>p { color: red }</style></head>
        <body><nav><p>سياسة</p></nav><header><h1>الأفق</h1></header>
        <article><h1>ميركل بعد هاناو</h1><p>قالت ميركل إن «العنصرية   سم».</p>
        <!-- <p>comment</p> --><p>وأضافت<br>أن الحكومة ستتصدى &#1604;&#x643;&#1604; من يحاول.</p></article>
        <aside><p>اقرأ أيضا</p></aside><footer><p>جميع الحقوق محفوظة</p></footer></body></html>
        """)
    let result = Ingest.read([path])
    #expect(result.rejects.isEmpty)
    let a = result.articles[0]
    #expect(a.title == "ميركل: العنصرية سم & الكراهية سم")
    #expect(a.source == "al-ufuq" && a.url == "https://al-ufuq.example/a")
    #expect(a.published?.description == "2020-02-20T13:00:00+02:00")
    #expect(a.text == "قالت ميركل إن «العنصرية سم».\nوأضافت\nأن الحكومة ستتصدى لكل من يحاول.")
    #expect(a.id.hasPrefix("u-"))
}

@Test func htmlWithoutMetadataOrParagraphsFallsBackToH1AndBlockTexts() {
    let page = HTMLPage(html: "<html><body><h1>عنوان <b>الخبر</b></h1><div>نص بلا فقرات</div><div>سطر آخر</div></body></html>")
    #expect(page.title == "عنوان الخبر")
    #expect(page.published == nil)
    #expect(page.paragraphs == ["نص بلا فقرات", "سطر آخر"])
}

@Test func folderIsReadRecursivelyListingFilesOfUnknownType() {
    let folder = makeTemporaryFolder()
    writeFile(folder, "b/2.jsonl", #"{"id": "2", "title": "ب"}"#)
    writeFile(folder, "a/1.jsonl", #"{"id": "1", "title": "أ"}"#)
    writeFile(folder, "a/readme.md", "# notes")
    writeFile(folder, ".hidden/3.jsonl", #"{"id": "3", "title": "ج"}"#)
    let result = Ingest.read([folder])
    #expect(result.articles.map(\.id) == ["1", "2"])
    #expect(result.skippedFiles == [folder + "/a/readme.md"])
    #expect(result.rejects.isEmpty)
}

// MARK: - Page chrome

@Test(arguments: [
    ("نص المقال\nمقالات ذات صلة\nزر الذهاب إلى الأعلى", "نص المقال", 2),
    ("نص المقال\n\nاقرأ أيضاً:\n", "نص المقال", 1),
    ("نص المقال\nShare", "نص المقال", 1),
    ("مقالات ذات صلة بالموضوع كثيرة\nنص", "مقالات ذات صلة بالموضوع كثيرة\nنص", 0),
    (
        "نص\nشارك\nقال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة",
        "نص\nشارك\nقال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة", 0
    ),
    ("نص\n\n  \nطباعة\n", "نص", 1),
])
func trailingChromeLinesAreRemoved(_ text: String, _ expected: String, _ removed: Int) {
    let (out, count) = PageChrome.stripTrailing(text)
    #expect(out == expected)
    #expect(count == removed)
}

@Test func fileLevelProblemsDoNotCountAsRejectedRecords() throws {
    let result = Ingest.read([try truncatedGzipFile()])
    #expect(result.files.first?.records == result.articles.count)
    #expect(result.files.first?.accepted == result.articles.count)
}
