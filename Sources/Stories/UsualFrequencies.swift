import Foundation
import Vectors

/// How often a term usually comes in news: the share of articles that hold it, measured over a
/// large reference corpus. A story's words are weighed by how much more often they come around
/// its days than usual (``Clustering/threadAcrossDays(_:matrix:vocabulary:times:usual:options:)``);
/// a run of a few days cannot tell that by itself.
public struct UsualFrequencies: Sendable {
    /// Articles holding each term (light10 stems and keys, as the vocabulary writes them).
    public let documentFrequencies: [String: Int32]
    /// Articles counted.
    public let documents: Int

    /// Frequencies as counted.
    public init(documentFrequencies: [String: Int32], documents: Int) {
        precondition(documents > 0)
        self.documentFrequencies = documentFrequencies
        self.documents = documents
    }

    /// A vocabulary's own frequencies: usual for the corpus it was fitted on.
    public init(_ vocabulary: Vocabulary) {
        self.init(
            documentFrequencies: Dictionary(zip(vocabulary.terms, vocabulary.documentFrequencies), uniquingKeysWith: max),
            documents: max(1, vocabulary.documentCount))
    }

    /// The usual share of articles holding each of the vocabulary's terms. A term the reference
    /// never counted (a new name, a term under its cut-off) is taken as rarer than any it counted.
    public func rates(of vocabulary: Vocabulary) -> [Float] {
        let unseen = Float(0.5) / Float(documents)
        return vocabulary.terms.map { term in documentFrequencies[term].map { Float($0) / Float(documents) } ?? unseen }
    }

    /// The frequencies shipped with the package: terms in 3 or more of the 71,452 articles of the
    /// shared corpora (ANT multi-source 2012–2018, SaudiNewsNet 2015, ANT Jawhara FM), made by
    /// `isnad-bench usual-frequencies`. Counts only: no text of the corpora.
    public static let news: UsualFrequencies = {
        guard let url = Bundle.module.url(forResource: "usual-document-frequencies", withExtension: "tsv", subdirectory: "Frequencies"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the resource Frequencies/usual-document-frequencies.tsv is missing from the package") }
        return parse(text)
    }()

    /// Frequencies from their file: `#` comment lines, one `#documents<TAB>N` line, then
    /// `term<TAB>count` lines.
    static func parse(_ text: String) -> UsualFrequencies {
        var frequencies: [String: Int32] = [:]
        var documents = 0
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields.count == 2, fields[0] == "#documents", let count = Int(fields[1]) {
                documents = count
            } else if !line.hasPrefix("#") {
                guard fields.count == 2, let count = Int32(fields[1]) else {
                    preconditionFailure("Frequencies/usual-document-frequencies.tsv: not a term and a count: \(line)")
                }
                frequencies[String(fields[0])] = count
            }
        }
        return UsualFrequencies(documentFrequencies: frequencies, documents: documents)
    }

    /// The file ``parse(_:)`` reads: a header naming how it was made, then the terms in 3 or more
    /// articles, most frequent first.
    public func file(header: [String]) -> String {
        let lines =
            header.map { "# " + $0 } + ["#documents\t\(documents)"]
            + documentFrequencies.filter { $0.value >= 3 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key)\t\($0.value)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
