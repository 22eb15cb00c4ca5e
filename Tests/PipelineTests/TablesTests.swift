import Foundation
import Ingest
import Statements
import Stories
import Support
import TestSupport
import Testing
import Timeline

@testable import Pipeline
@testable import Reporting

/// The tables: each described once, written as JSONL and CSV from that description, and documented.
@Suite("Tables")
struct TablesTests {
    @Test func aStoryLineEscapesTextAndWritesNullForAMissingTime() throws {
        let story = Story(
            story: "s-0000000001", title: "ماكرون: \"لا حل\"\tفي إدلب — «قريبا»", articles: ["a\\1", "b"],
            outlets: ["rt"], independentSources: ["rt"], firstPublished: "2020-02-20T10:00:00+03:00",
            lastPublished: nil, keywords: ["إدلب"])
        let line = Tables.stories.jsonLine(story)
        #expect(
            line
                == #"{"story":"s-0000000001","title":"ماكرون: \"لا حل\"\tفي إدلب — «قريبا»","articles":["a\\1","b"],"outlets":["rt"],"independent_sources":["rt"],"first_published":"2020-02-20T10:00:00+03:00","last_published":null,"keywords":["إدلب"]}"#
        )
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["title"] as? String == story.title)
        #expect(object["last_published"] is NSNull)
        #expect(Tables.stories.csvLines(story) == "s-0000000001,\"ماكرون: \"\"لا حل\"\"\tفي إدلب — «قريبا»\",a\\1;b,rt,rt,2020-02-20T10:00:00+03:00,,إدلب")
    }

    @Test func aStatementLineHasEveryColumnAndSpansAsPairs() throws {
        let article = Article(
            id: "t", source: "test", url: nil, title: "", published: Published(parsing: "2020-02-20"),
            text: "وأضاف لافروف: «لن نتراجع».", origin: SourceLocation(file: "test", line: 1))
        let s = try #require(StatementExtractor.statements(in: article).first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Tables.statements.jsonLine(s).utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(Tables.statements.columns.map(\.name)))
        #expect(object["kind"] as? String == "direct")
        #expect(object["time_expr"] is NSNull)
        #expect(object["speaker_span"] as? [Int] == [6, 12])
        #expect(Tables.statements.csvLines(s).contains(",6:12,"))
    }

    @Test func aCoverageRecordQuotesCommasAndQuotesAndLeavesNullEmpty() {
        let row = CoverageRow(
            story: "s", title: "قال: \"نعم\", لا", outlet: "o", articles: 1, firstPublished: nil, lagMinutes: nil, wireCopies: 0, statements: 2)
        #expect(Tables.coverage.csvLines(row) == "s,\"قال: \"\"نعم\"\", لا\",o,1,,,0,2")
        #expect(
            Tables.coverage.jsonLine(row)
                == #"{"story":"s","title":"قال: \"نعم\", لا","outlet":"o","articles":1,"first_published":null,"lag_minutes":null,"wire_copies":0,"statements":2}"#
        )
    }

    @Test func aTimelineEntryIsOneJSONLineAndOneCSVRecordPerReport() throws {
        func statement(_ article: String, _ outlet: String, _ cue: String, _ content: String) -> Statement {
            Statement(
                article: article, outlet: outlet, sentence: 0, speakerMention: "أردوغان", speakerSpan: nil, speaker: "أردوغان", role: nil,
                cue: cue, cueClass: .say, content: content, contentSpan: 0..<4, kind: .indirect, timeExpression: nil, time: "2020-02-20")
        }
        let published = ["a1": Published(parsing: "2020-02-20T09:00:00+03:00"), "a2": nil]
        let entries = Timeline.build([statement("a1", "nabaa", "قال", "سنرد على الهجوم"), statement("a2", "sada", "أكد", "سنرد على الهجوم بقوة")]) {
            id in published[id].map { ("s-1", $0) }
        }
        let entry = try #require(entries.first)
        #expect(entries.count == 1)
        let line = Tables.timeline.jsonLine(entry)
        #expect(
            line.hasSuffix(
                #""reports":[{"article":"a1","outlet":"nabaa","published":"2020-02-20T09:00:00+03:00","cue":"قال","content":"سنرد على الهجوم","kind":"indirect"},{"article":"a2","outlet":"sada","published":null,"cue":"أكد","content":"سنرد على الهجوم بقوة","kind":"indirect"}],"drift":0.25,"drifts":false}"#
            ))
        #expect(
            Tables.timeline.csvLines(entry).split(separator: "\n") == [
                "s-1/1,s-1,2020-02-20,أردوغان,,say,0.25,false,a1,nabaa,2020-02-20T09:00:00+03:00,قال,سنرد على الهجوم,indirect",
                "s-1/1,s-1,2020-02-20,أردوغان,,say,0.25,false,a2,sada,,أكد,سنرد على الهجوم بقوة,indirect",
            ])
    }

    @Test func theSchemaDocumentationIsWhatTheCodeDescribes() throws {
        let documented = try String(contentsOfFile: repositoryPath("docs/SCHEMA.md"), encoding: .utf8)
        #expect(documented == Tables.markdown, "docs/SCHEMA.md is out of date: regenerate it with `swift run isnad schema --markdown > docs/SCHEMA.md`")
    }

    @Test func schemaJSONListsEveryColumnOfTheTablesARunWrites() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Tables.schemaJSON.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == Tables.schemaVersion)
        let tables = try #require(object["tables"] as? [String: [[String: String]]])
        #expect(Set(tables.keys) == ["articles", "stories", "statements", "timeline", "coverage"])
        #expect(
            tables["timeline"]?.map { $0["name"] ?? "" } == [
                "entry", "story", "time", "first_reported", "speaker", "role", "cue_class", "content", "kind", "outlets", "reports", "drift", "drifts",
                "article", "outlet", "published", "cue",
            ])
    }
}

/// The pipeline in one call, on the demo corpus.
@Suite("Pipeline")
struct PipelineTests {
    static let demo = Ingest.read([repositoryPath("Datasets/demo/articles")]).articles

    @Test func everyArticleHasAStoryAndEveryStatementACanonicalSpeaker() {
        let analysis = Pipeline.analyze(PipelineTests.demo)
        #expect(analysis.storyOfArticle.count == 26)
        #expect(Set(analysis.storyOfArticle) == Set(analysis.stories.map(\.story)))
        #expect(!analysis.statements.isEmpty)
        // Erdoğan is named in full once and by surname elsewhere: one speaker across the story.
        let erdogan = Set(analysis.statements.filter { $0.speakerMention == "أردوغان" || $0.speakerMention.hasSuffix("رجب طيب أردوغان") }.map(\.speaker))
        #expect(erdogan == ["رجب طيب أردوغان"])
        #expect(analysis.timeline.allSatisfy { entry in entry.reports.allSatisfy { report in analysis.statements.contains { $0.article == report.article } } })
    }

    @Test func writingTheTablesGivesEveryFileOfTheSchema() throws {
        let folder = makeTemporaryFolder("pipeline")
        let analysis = Pipeline.analyze(PipelineTests.demo)
        try analysis.writeTables(into: folder)
        try analysis.writeReport(into: folder)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        for table in ["articles", "stories", "statements", "timeline", "coverage"] {
            #expect(files.contains(table + ".jsonl") && files.contains(table + ".csv"), "\(table)")
        }
        #expect(files.isSuperset(of: ["vocabulary.tsv", "report.md", "report.html", "schema.json"]))
        let lines = try String(contentsOfFile: folder + "/articles.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 26)
    }
}
