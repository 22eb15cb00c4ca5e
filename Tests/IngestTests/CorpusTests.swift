import Foundation
import TestSupport
import Testing

@testable import Ingest

/// The demo corpus in four formats reads without a reject, and its statement gold refers to the
/// text exactly as ingest produces it.
@Test func demoCorpusReadsCleanlyAndItsGoldMatchesTheText() throws {
    let result = Ingest.read([repositoryPath("Datasets/demo/articles")])
    #expect(result.rejects.isEmpty)
    #expect(result.articles.count == 26)
    #expect(Set(result.articles.map(\.source)) == ["al-mirsad", "nabaa-press", "al-ufuq", "sada-news", "wasla-tv"])
    #expect(Set(result.files.map(\.format)) == ["jsonl", "csv", "txt", "html"])
    let byID = Dictionary(uniqueKeysWithValues: result.articles.map { ($0.id, $0) })

    #expect(Set(try Gold.clusters(repositoryPath("Datasets/demo/gold/clusters.jsonl")).keys) == Set(byID.keys))
    let statements = try String(contentsOfFile: repositoryPath("Datasets/demo/gold/statements.jsonl"), encoding: .utf8)
    for line in statements.split(separator: "\n") {
        let s = try Array(line.utf8).withUnsafeBufferPointer { b in try JSONParser.parse(b) }
        guard case .string(let id)? = s["article"], let article = byID[id] else {
            Issue.record("statement of an unknown article: \(line)")
            continue
        }
        for field in ["speaker_mention", "cue", "content", "time_expr"] {
            if case .string(let value)? = s[field], !value.isEmpty {
                #expect(article.text.contains(value), "\(id) \(field): \(value)")
            }
        }
    }
}

/// All three shared corpora: every non-blank line is either an article or a reject, and the only
/// rejects are SaudiNewsNet's records with neither title nor text.
@Test(.needsSharedData) func sharedCorporaAreReadWithEveryRecordAccountedFor() throws {
    let files = try ["ant-multisource.jsonl.gz", "saudinewsnet.jsonl.gz", "ant-jawharafm.jsonl.gz"].map(SharedData.path)
    let result = Ingest.read(files)
    #expect(result.files.map(\.records) == [30_338, 31_030, 10_141])
    #expect(result.files.map(\.accepted) == [30_338, 30_973, 10_141])
    #expect(result.articles.count == 71_452)
    #expect(result.rejects.count == 57)
    #expect(result.rejects.allSatisfy { $0.reason == "record has neither title nor text" && $0.file.hasSuffix("saudinewsnet.jsonl.gz") })
    #expect(result.articles.allSatisfy { $0.published != nil })
    let summary = CorpusSummary(result)
    #expect(summary.outlets.count == 5 + 14 + 1)
    #expect(summary.firstDay == "2012-10-11" && summary.lastDay == "2018-10-20")
}
