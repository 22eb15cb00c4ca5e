import Foundation

/// Precision, recall and F1.
public struct PRF: Sendable, Codable, Equatable {
    /// Precision.
    public let precision: Double
    /// Recall.
    public let recall: Double
    /// Harmonic mean of precision and recall (0 when both are 0).
    public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

    /// From precision and recall.
    public init(precision: Double, recall: Double) {
        self.precision = precision
        self.recall = recall
    }

    /// From counts of true positives, false positives and false negatives (0/0 is 0).
    public init(truePositives: Int, falsePositives: Int, falseNegatives: Int) {
        precision = truePositives + falsePositives > 0 ? Double(truePositives) / Double(truePositives + falsePositives) : 0
        recall = truePositives + falseNegatives > 0 ? Double(truePositives) / Double(truePositives + falseNegatives) : 0
    }

    enum CodingKeys: String, CodingKey { case precision, recall, f1 }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(precision, forKey: .precision)
        try c.encode(recall, forKey: .recall)
        try c.encode(f1, forKey: .f1)
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        precision = try c.decode(Double.self, forKey: .precision)
        recall = try c.decode(Double.self, forKey: .recall)
    }
}

/// Scores of a predicted clustering against gold clusters, over the gold articles (an article the
/// prediction lacks counts as a singleton).
public struct ClusterScores: Sendable, Codable, Equatable {
    /// Gold articles scored.
    public let articles: Int
    /// Gold articles the prediction does not have.
    public let missing: Int
    /// BCubed precision/recall/F1 (averaged over articles).
    public let bcubed: PRF
    /// Pairwise precision/recall/F1 over same-story article pairs.
    public let pairwise: PRF
    /// Adjusted Rand index.
    public let ari: Double
    /// Normalized mutual information (arithmetic mean of the entropies).
    public let nmi: Double
    /// Stories in the prediction (restricted to the gold articles).
    public let predictedStories: Int
    /// Stories in the gold.
    public let goldStories: Int
}

/// Pair precision/recall against pair gold (same event or not).
public struct PairScores: Sendable, Codable, Equatable {
    /// Gold pairs.
    public let pairs: Int
    /// Gold pairs with an article the prediction lacks (counted as not together).
    public let missing: Int
    /// Precision, recall, F1 of "together in one story" against "same event".
    public let scores: PRF
}

/// Clustering metrics: BCubed, pairwise, ARI and NMI for cluster gold; pair P/R/F1 for pair gold.
public enum Evaluation {
    /// Scores `predicted` (article → story) against `gold` (article → story).
    public static func clusters(predicted: [String: String], gold: [String: String]) -> ClusterScores {
        let ids = gold.keys.sorted()
        let n = ids.count
        var missing = 0
        var predictedOf: [String: String] = [:]
        for id in ids {
            if let story = predicted[id] { predictedOf[id] = "p:" + story } else { predictedOf[id] = "missing:" + id; missing += 1 }
        }
        var goldMembers: [String: Int] = [:], predictedMembers: [String: Int] = [:], both: [String: Int] = [:]
        for id in ids {
            goldMembers[gold[id]!, default: 0] += 1
            predictedMembers[predictedOf[id]!, default: 0] += 1
            both[gold[id]! + "\u{1}" + predictedOf[id]!, default: 0] += 1
        }
        var precision = 0.0, recall = 0.0
        for id in ids {
            let common = Double(both[gold[id]! + "\u{1}" + predictedOf[id]!]!)
            precision += common / Double(predictedMembers[predictedOf[id]!]!)
            recall += common / Double(goldMembers[gold[id]!]!)
        }
        let pairsOf = { (k: Int) in k * (k - 1) / 2 }
        let together = both.values.reduce(0) { $0 + pairsOf($1) }
        let predictedPairs = predictedMembers.values.reduce(0) { $0 + pairsOf($1) }
        let goldPairs = goldMembers.values.reduce(0) { $0 + pairsOf($1) }
        let total = Double(pairsOf(n))
        let expected = total > 0 ? Double(predictedPairs) * Double(goldPairs) / total : 0
        let maximum = Double(predictedPairs + goldPairs) / 2
        let ari = maximum != expected ? (Double(together) - expected) / (maximum - expected) : 1
        func entropy(_ counts: Dictionary<String, Int>.Values) -> Double {
            counts.reduce(0) { $0 - Double($1) / Double(n) * log(Double($1) / Double(n)) }
        }
        let hGold = entropy(goldMembers.values), hPredicted = entropy(predictedMembers.values)
        var mutual = 0.0
        for (key, count) in both {
            let parts = key.split(separator: "\u{1}", maxSplits: 1).map(String.init)
            mutual += Double(count) / Double(n) * log(Double(count) * Double(n) / (Double(goldMembers[parts[0]]!) * Double(predictedMembers[parts[1]]!)))
        }
        let nmi = hGold + hPredicted > 0 ? 2 * mutual / (hGold + hPredicted) : 1
        return ClusterScores(
            articles: n, missing: missing,
            bcubed: PRF(precision: n > 0 ? precision / Double(n) : 0, recall: n > 0 ? recall / Double(n) : 0),
            pairwise: PRF(truePositives: together, falsePositives: predictedPairs - together, falseNegatives: goldPairs - together),
            ari: ari, nmi: nmi, predictedStories: predictedMembers.count, goldStories: goldMembers.count)
    }

    /// Scores `predicted` (article → story) against gold pairs: a pair is predicted positive when
    /// both articles are in one story.
    public static func pairs(predicted: [String: String], gold: [(first: String, second: String, same: Bool)]) -> PairScores {
        var tp = 0, fp = 0, fn = 0, missing = 0
        for pair in gold {
            let a = predicted[pair.first], b = predicted[pair.second]
            if a == nil || b == nil { missing += 1 }
            let together = a != nil && a == b
            switch (pair.same, together) {
            case (true, true): tp += 1
            case (true, false): fn += 1
            case (false, true): fp += 1
            case (false, false): break
            }
        }
        return PairScores(pairs: gold.count, missing: missing, scores: PRF(truePositives: tp, falsePositives: fp, falseNegatives: fn))
    }
}
