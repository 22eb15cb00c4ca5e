import Foundation
import Ingest
import TestSupport
import Testing

@testable import Reporting

/// Framing: the words outlets choose for one referent, counted and compared over the period.
@Suite("Framing")
struct FramingTests {
    /// An outlet's usage of one text.
    static func usage(_ text: String) -> Framing.Usage {
        var usage = Framing.Usage()
        usage.add(text)
        return usage
    }

    /// The terms found in `text`, as written in the lexicon.
    static func terms(_ text: String) -> [String] {
        var words = 0
        var found: [String] = []
        Framing.scan(text, words: &words) { found.append(Framing.groups[$0.group][$0.term]) }
        return found
    }

    @Test func termsAreFoundWithTheirProcliticsAndHamzaFormsAsOne() {
        #expect(
            FramingTests.terms("قصفت قوات النظام السوري حمص، وقال مسؤول للنظام السوري إن الحكومة السورية ترفض. وتبنى تنظيم داعش الهجوم.")
                == ["النظام السوري", "النظام السوري", "الحكومة السورية", "داعش"])
        #expect(FramingTests.terms("وأعلن تنظيم الدولة الإسلامية مسؤوليته، وسقط عشرات الشهداء والقتلى.") == ["تنظيم الدولة", "شهداء", "قتلى"])
    }

    @Test func theLexiconGivesEachTermItsGroupCountAndExample() throws {
        let rows = try String(contentsOfFile: repositoryPath("Sources/Reporting/Lexicons/framing.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.allSatisfy { $0.split(separator: "\t").count == 4 && Int($0.split(separator: "\t")[2]) != nil })
        #expect(Framing.groups.contains(["تنظيم الدولة", "داعش"]))
        #expect(Framing.groups.allSatisfy { $0.count >= 2 })
    }

    @Test func outletsWithEnoughTextAreComparedPerThousandWords() throws {
        let filler = Array(repeating: "كلمة", count: 2_000).joined(separator: " ")
        let usage = [
            "a": FramingTests.usage(filler + " وأعلن تنظيم الدولة الإسلامية. ثم تنظيم الدولة. ثم داعش. ثم تنظيم الدولة."),
            "b": FramingTests.usage(filler + " تبنى داعش الهجوم. داعش. داعش."),
            "short": FramingTests.usage("تبنى داعش الهجوم. داعش. داعش."),
        ]
        let lines = Framing.lines(usage)
        #expect(lines.map(\.outlet) == ["a", "b"])
        #expect(lines.map(\.terms) == ["تنظيم الدولة / داعش", "تنظيم الدولة / داعش"])
        let a = try #require(lines.first)
        #expect(a.rates.hasPrefix("تنظيم الدولة 1.") && a.rates.contains(" · داعش 0."))
        #expect(a.example.hasPrefix("«…") && a.example.contains("تنظيم الدولة"))
    }

    @Test func aGroupOnlyOneOutletUsesIsNotShown() {
        let filler = Array(repeating: "كلمة", count: 2_000).joined(separator: " ")
        let usage = ["a": FramingTests.usage(filler + " داعش داعش داعش"), "b": FramingTests.usage(filler)]
        #expect(Framing.lines(usage).isEmpty)
    }

    @Test func theReportShowsTheFramingTableInBothFormats() throws {
        let filler = Array(repeating: "كلمة", count: 2_000).joined(separator: " ")
        let analysis = ReportTests.input([
            ReportTests.article(
                "f1", "nabaa", "هجوم في حمص", filler + " قصفت قوات النظام السوري حمص. النظام السوري. النظام السوري.", "2020-02-20T09:00:00+00:00"),
            ReportTests.article(
                "f2", "wasat", "هجوم في حمص", filler + " قالت الحكومة السورية إن. الحكومة السورية. الحكومة السورية.", "2020-02-20T10:00:00+00:00"),
        ])
        let report = Report.build(analysis)
        #expect(report.hasFraming && report.framing.map(\.outlet) == ["nabaa", "wasat"])
        let renderer = try ReportRenderer()
        #expect(renderer.markdown(report).contains("| الحكومة السورية / النظام السوري | nabaa | النظام السوري 1.49 |"))
        #expect(renderer.html(report).contains("<table class=\"framing\">"))
    }
}
