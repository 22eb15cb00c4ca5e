import Foundation
import Isnad
import TestSupport
import Testing

/// The README's Swift example, as a program that imports only `Isnad` writes it.
@Test func theReadmeExampleWritesTheTablesAndTheReport() throws {
    let out = makeTemporaryFolder("readme")
    let input = Ingest.read([repositoryPath("Datasets/demo/articles")])
    let analysis = Pipeline.analyze(input.articles)
    try analysis.writeTables(into: out)
    try analysis.writeReport(into: out)
    #expect(analysis.stories.count == 12)
    let written = try FileManager.default.contentsOfDirectory(atPath: out)
    #expect(Set(written).isSuperset(of: ["stories.jsonl", "statements.csv", "timeline.jsonl", "report.html", "coverage.csv", "schema.json"]))
}
