import Foundation

/// Distinctive wording: the weighted log-odds ratio with an informative Dirichlet prior (Monroe,
/// Colaresi & Quinn 2008, "Fightin' Words", §3.5), which says which words one group uses more
/// than the others, with a z-score that discounts rare words.
public enum LogOdds {
    /// A word one group uses more than the rest.
    public struct Term: Sendable, Equatable {
        /// The word (or two-word phrase) as counted.
        public let term: String
        /// The log-odds ratio of the group against the rest, with the prior.
        public let delta: Double
        /// `delta` over its estimated standard deviation.
        public let z: Double
        /// How often the group used it.
        public let count: Int
    }

    /// The terms of a group against the rest, z-score first, keeping those above `minimumZ`.
    /// - Parameters:
    ///   - counts: each term the group used: its count in the group, in the rest and in the
    ///     background, and how to name it (asked only of the terms kept).
    ///   - groupTotal, restTotal: the sums of the group's and the rest's counts (n1, n2).
    ///   - backgroundTotal: the sum of the background counts (the whole report's articles), which
    ///     are scaled so that they sum to `priorSize`: α_w = priorSize · background_w / Σ background.
    public static func distinctive(
        _ counts: [(group: Int, rest: Int, background: Int)], named name: (Int) -> String, groupTotal: Int, restTotal: Int,
        backgroundTotal: Int, priorSize: Double = 500, minimumZ: Double = 1.96, limit: Int = 5
    ) -> [Term] {
        guard backgroundTotal > 0 else { return [] }
        let n1 = Double(groupTotal), n2 = Double(restTotal), total = Double(backgroundTotal)
        var terms: [Term] = []
        for (k, count) in counts.enumerated() {
            let alpha = priorSize * Double(count.background) / total
            guard alpha > 0 else { continue }
            let y1 = Double(count.group), y2 = Double(count.rest)
            let delta = log((y1 + alpha) / (n1 + priorSize - y1 - alpha)) - log((y2 + alpha) / (n2 + priorSize - y2 - alpha))
            let z = delta / (1 / (y1 + alpha) + 1 / (y2 + alpha)).squareRoot()
            if z > minimumZ { terms.append(Term(term: name(k), delta: delta, z: z, count: count.group)) }
        }
        return Array(terms.sorted { ($0.z, $1.term) > ($1.z, $0.term) }.prefix(limit))
    }
}
