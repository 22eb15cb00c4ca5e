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

    /// The terms of `group` against `rest`, z-score first, keeping those above `minimumZ`.
    /// - Parameters:
    ///   - group: term counts of the group (one outlet's articles of a story).
    ///   - rest: term counts of everyone else (the other outlets' articles of the story).
    ///   - prior: background counts (the whole report's articles) scaled so that they sum to
    ///     `priorSize`: α_w = priorSize · background_w / Σ background.
    ///   - Key: the terms' type, written as its `description`.
    public static func distinctive<Key: Hashable & CustomStringConvertible>(
        group: [Key: Int], rest: [Key: Int], background: [Key: Int], priorSize: Double = 500,
        minimumZ: Double = 1.96, limit: Int = 5
    ) -> [Term] {
        let backgroundTotal = Double(background.values.reduce(0, +))
        guard backgroundTotal > 0 else { return [] }
        let n1 = Double(group.values.reduce(0, +)), n2 = Double(rest.values.reduce(0, +))
        var terms: [Term] = []
        for (term, count) in group {
            let alpha = priorSize * Double(background[term] ?? 0) / backgroundTotal
            guard alpha > 0 else { continue }
            let y1 = Double(count), y2 = Double(rest[term] ?? 0)
            let delta = log((y1 + alpha) / (n1 + priorSize - y1 - alpha)) - log((y2 + alpha) / (n2 + priorSize - y2 - alpha))
            let z = delta / (1 / (y1 + alpha) + 1 / (y2 + alpha)).squareRoot()
            if z > minimumZ { terms.append(Term(term: term.description, delta: delta, z: z, count: count)) }
        }
        return Array(terms.sorted { ($0.z, $1.term) > ($1.z, $0.term) }.prefix(limit))
    }
}
