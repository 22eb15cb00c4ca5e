import Foundation
import Isnad

/// `stemming`: does a stemming variant rank same-story article pairs above other pairs? On the
/// gold-dev days, each variant's TF-IDF cosine (sublinear tf, smoothed idf, terms in 2 to 50 % of
/// articles) ranks all article pairs; the score is the average precision of the same-story pairs
/// and the best F1 of a single threshold. Variants: key words without stemming, light10, and
/// light10 plus the corpus-attested proclitic stripping of the reference notes (a leading ل ب ك ف,
/// or لل, goes when the rest is a stem of at least 3 letters seen in 2 or more articles).
func benchStemming(corpus: String, clusters: String) throws {
    let gold = try readGold(clusters)
    let articles = Ingest.read([corpus]).articles.filter { gold[$0.id] != nil }
    print("== stemming: \(articles.count) articles of \(Set(gold.values).count) gold stories")
    let cleaned = articles.map { $0.title + "\n" + $0.text }
    let keyWords = Analyzer(stopWords: .clustering)
    var unstemmed: [[String]] = []
    for text in cleaned {
        var words: [String] = []
        for token in Tokenizer.tokens(in: text) where !StopWords.clustering.contains(token) { words.append(token.key) }
        unstemmed.append(words)
    }
    let light10 = cleaned.map { keyWords.terms(of: $0) }
    let variants = [("key words, no stemming", unstemmed), ("light10", light10), ("light10 + attested proclitics", attestedProclitics(light10))]
    for (name, documents) in variants {
        let (averagePrecision, bestF1, vocabulary) = pairRanking(documents, stories: articles.map { gold[$0.id]! })
        print(String(format: "%-32@ pair AP %.4f  best threshold pair F1 %.4f  vocabulary %d", name as NSString, averagePrecision, bestF1, vocabulary))
    }
}

private func readGold(_ path: String) throws -> [String: String] {
    var gold: [String: String] = [:]
    for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        if let id = object?["id"] as? String, let story = object?["story"] as? String { gold[id] = story }
    }
    return gold
}

private func attestedProclitics(_ documents: [[String]]) -> [[String]] {
    var documentFrequency: [String: Int] = [:]
    for document in documents { for term in Set(document) { documentFrequency[term, default: 0] += 1 } }
    func strip(_ term: String) -> String {
        let letters = Array(term.unicodeScalars)
        if letters.count >= 5, letters[0] == "ل", letters[1] == "ل" {
            let rest = String(String.UnicodeScalarView(letters[2...]))
            if documentFrequency[rest, default: 0] >= 2 { return rest }
        }
        if letters.count >= 4, "لبكف".unicodeScalars.contains(letters[0]) {
            let rest = String(String.UnicodeScalarView(letters[1...]))
            if documentFrequency[rest, default: 0] >= 2 { return rest }
        }
        return term
    }
    return documents.map { $0.map(strip) }
}

private func pairRanking(_ documents: [[String]], stories: [String]) -> (Double, Double, Int) {
    var documentFrequency: [String: Int] = [:]
    for document in documents { for term in Set(document) { documentFrequency[term, default: 0] += 1 } }
    let n = Double(documents.count)
    let vectors: [[String: Double]] = documents.map { document in
        var counts: [String: Int] = [:]
        for term in document { counts[term, default: 0] += 1 }
        var vector: [String: Double] = [:]
        for (term, count) in counts {
            let df = Double(documentFrequency[term]!)
            guard df >= 2, df <= 0.5 * n else { continue }
            vector[term] = (1 + log(Double(count))) * log((1 + n) / (1 + df))
        }
        let norm = sqrt(vector.values.reduce(0) { $0 + $1 * $1 })
        return norm > 0 ? vector.mapValues { $0 / norm } : vector
    }
    var pairs: [(Double, Bool)] = []
    for i in 0..<vectors.count {
        for j in (i + 1)..<vectors.count {
            let (small, large) = vectors[i].count < vectors[j].count ? (vectors[i], vectors[j]) : (vectors[j], vectors[i])
            pairs.append((small.reduce(0) { $0 + $1.value * (large[$1.key] ?? 0) }, stories[i] == stories[j]))
        }
    }
    pairs.sort { $0.0 > $1.0 }
    let positives = Double(pairs.filter(\.1).count)
    var truePositives = 0.0, precisionSum = 0.0, bestF1 = 0.0
    for (k, pair) in pairs.enumerated() {
        if pair.1 {
            truePositives += 1
            precisionSum += truePositives / Double(k + 1)
        }
        bestF1 = max(bestF1, 2 * truePositives / (Double(k + 1) + positives))
    }
    return (precisionSum / positives, bestF1, documentFrequency.count)
}
