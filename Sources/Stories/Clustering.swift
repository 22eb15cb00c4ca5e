import ArabicText
import Foundation
import Support
import Vectors

/// How articles are grouped into stories. The defaults were tuned on the gold-dev days and are
/// used for every corpus.
public struct ClusteringOptions: Sendable, Equatable {
    /// Similarity halves for every this many days between two articles (time-aware clustering:
    /// the same words a week apart are less likely one story than on the same day).
    public var halfLifeDays = 3.0
    /// Average-link merging stops when the best average similarity between two clusters is below this.
    public var mergeThreshold: Float = 0.25
    /// Clusters whose centroids are at least this similar (after time decay) merge in the second pass.
    public var centroidThreshold: Float = 0.3
    /// ... and only if the mean similarity of their article pairs is at least this: a guard
    /// against themes (a week of holiday greetings from many places) chaining into one story.
    public var minimumMeanSimilarity: Float = 0.08
    /// Clusters of at least this many articles are large stories that small clusters may join.
    public var largeStory = 4
    /// A small cluster joins a large story when its centroid is at least as similar to the
    /// story's centroid as this quantile of the story's own members are (0: the least similar member).
    public var attachQuantile = 0.0
    /// ... and at least this similar.
    public var attachFloor: Float = 0.15

    /// The defaults.
    public init() {}
}

/// Average-link (UPGMA) agglomeration over the candidate graph: clusters merge, best pair first,
/// while the average similarity over all their article pairs is at least the threshold; pairs
/// with no edge count as 0. Unlike connected components over a threshold, a long chain of
/// pairwise-similar articles does not become one story.
public enum Clustering {
    /// A cluster label for each of `count` articles (labels are 0..<clusters, in order of each
    /// cluster's first article).
    public static func averageLink(count: Int, pairs: [SimilarPair], times: [Double?], options: ClusteringOptions = ClusteringOptions()) -> [Int] {
        // Edge weights, decayed by the time between the two articles.
        let weights = parallelBlocks(pairs.count) { k -> Float in
            pairs[k].similarity * decay(times[Int(pairs[k].first)], times[Int(pairs[k].second)], halfLife: options.halfLifeDays)
        }
        // Two clusters merge only if some edge between them reaches the threshold (their average
        // is at most their strongest edge), so clusters never span two components of the graph
        // of such edges: an edge between two components can never count and is left out.
        var component = Array(0..<count)
        func root(_ i: Int) -> Int {
            var i = i
            while component[i] != i {
                component[i] = component[component[i]]
                i = component[i]
            }
            return i
        }
        for (pair, weight) in zip(pairs, weights) where weight >= options.mergeThreshold {
            let (a, b) = (root(Int(pair.first)), root(Int(pair.second)))
            if a != b { component[max(a, b)] = min(a, b) }
        }
        let componentOf = (0..<count).map(root)
        var neighbors = adjacency(count: count, pairs: pairs, weights: weights) { a, b, weight in weight > 0 && componentOf[a] == componentOf[b] }
        var size = [Int](repeating: 1, count: count)
        var version = [Int](repeating: 0, count: count)
        var parent = Array(0..<count)
        var heap = MaxHeap()
        for (a, edges) in neighbors.enumerated() {
            for edge in edges where Int(edge.node) > a && edge.weight >= options.mergeThreshold {
                heap.push(Candidate(score: edge.weight, a: Int32(a), b: edge.node, versionA: 0, versionB: 0))
            }
        }
        while let best = heap.pop() {
            let a = Int(best.a), b = Int(best.b)
            guard parent[a] == a, parent[b] == b, version[a] == best.versionA, version[b] == best.versionB else { continue }
            // Merge the smaller neighbour list into the larger.
            let (keep, gone) = neighbors[a].count >= neighbors[b].count ? (a, b) : (b, a)
            parent[gone] = keep
            size[keep] += size[gone]
            version[keep] += 1
            let goneEdges = neighbors[gone]
            neighbors[gone] = []
            neighbors[keep] = mergedLists(neighbors[keep], goneEdges, node: \.node, combine: WeightedEdge.summed, leavingOut: Int32(keep), Int32(gone))
            for edge in goneEdges where Int(edge.node) != keep {
                moveEntry(
                    from: Int32(gone), WeightedEdge(node: Int32(keep), weight: edge.weight), in: &neighbors[Int(edge.node)], node: \.node,
                    combine: WeightedEdge.summed)
            }
            for edge in neighbors[keep] {
                let average = edge.weight / Float(size[keep] * size[Int(edge.node)])
                if average >= options.mergeThreshold {
                    heap.push(Candidate(score: average, a: Int32(keep), b: edge.node, versionA: version[keep], versionB: version[Int(edge.node)]))
                }
            }
        }
        // Labels in order of first article.
        func cluster(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        var label: [Int: Int] = [:]
        return (0..<count).map { i in
            let r = cluster(i)
            if let l = label[r] { return l }
            label[r] = label.count
            return label.count - 1
        }
    }

    /// Each article's edges, by neighbour ascending, for the pairs that `keep` accepts (each pair
    /// once). Sorted lists, not dictionaries: the merges run on one core, and hashing the
    /// neighbours they moved was a third of them.
    static func adjacency(count: Int, pairs: [SimilarPair], weights: [Float], keep: (Int, Int, Float) -> Bool) -> [[WeightedEdge]] {
        let (starts, others, values) = groupedEdges(count: count, edgeCount: pairs.count) { k in
            keep(Int(pairs[k].first), Int(pairs[k].second), weights[k]) ? (pairs[k].first, pairs[k].second, weights[k]) : nil
        }
        return parallelBlocks(count) { a in
            zip(others[starts[a]..<starts[a + 1]], values[starts[a]..<starts[a + 1]]).map { WeightedEdge(node: $0, weight: $1) }.sorted { $0.node < $1.node }
        }
    }

    /// Two lists ascending by `node`, merged: the entries of a node both hold are `combine`d (the
    /// first list's first), and the entries of nodes `x` and `y` are left out. How two merged
    /// clusters' neighbours become one list.
    static func mergedLists<T>(_ a: [T], _ b: [T], node: (T) -> Int32, combine: (T, T) -> T, leavingOut x: Int32, _ y: Int32) -> [T] {
        var merged: [T] = []
        merged.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            let next: T
            if j == b.count || (i < a.count && node(a[i]) < node(b[j])) {
                next = a[i]
                i += 1
            } else if i == a.count || node(b[j]) < node(a[i]) {
                next = b[j]
                j += 1
            } else {
                next = combine(a[i], b[j])
                i += 1
                j += 1
            }
            if node(next) != x && node(next) != y { merged.append(next) }
        }
        return merged
    }

    /// In a list ascending by `node`: the entry of node `gone` goes, and `entry` (of another
    /// node) comes in its place in order, `combine`d with the list's entry of that node if it has
    /// one (the list's first). How a neighbour of two merged clusters comes to list the kept one.
    static func moveEntry<T>(from gone: Int32, _ entry: T, in list: inout [T], node: (T) -> Int32, combine: (T, T) -> T) {
        let found = SparseSimilarity.lowerBound(list, 0, list.count) { node($0) >= gone }
        if found < list.count && node(list[found]) == gone { list.remove(at: found) }
        let kept = node(entry)
        let at = SparseSimilarity.lowerBound(list, 0, list.count) { node($0) >= kept }
        if at < list.count && node(list[at]) == kept {
            list[at] = combine(list[at], entry)
        } else {
            list.insert(entry, at: at)
        }
    }

    /// The edges `edge(0..<edgeCount)` (nil: no edge) grouped by node in both directions, with a
    /// counting sort: node `a`'s neighbours are `others[starts[a]..<starts[a + 1]]`, each edge's
    /// value beside it in `values` (a caller that needs none passes `()`: a byte an entry instead
    /// of four). `edge` is called twice per index and must give the same edges both times.
    static func groupedEdges<Value>(count: Int, edgeCount: Int, _ edge: (Int) -> (a: Int32, b: Int32, value: Value)?) -> (
        starts: [Int], others: [Int32], values: [Value]
    ) {
        var starts = [Int](repeating: 0, count: count + 1)
        for k in 0..<edgeCount {
            guard let (a, b, _) = edge(k) else { continue }
            starts[Int(a) + 1] += 1
            starts[Int(b) + 1] += 1
        }
        for a in 0..<count { starts[a + 1] += starts[a] }
        var fill = starts
        var others = [Int32](repeating: 0, count: starts[count])
        let values = [Value](unsafeUninitializedCapacity: starts[count]) { values, initialized in
            for k in 0..<edgeCount {
                guard let (a, b, value) = edge(k) else { continue }
                for (from, to) in [(a, b), (b, a)] {
                    // `others` is checked: an edge the first pass did not count traps here.
                    others[fill[Int(from)]] = to
                    (values.baseAddress! + fill[Int(from)]).initialize(to: value)
                    fill[Int(from)] += 1
                }
            }
            precondition((0..<count).allSatisfy { fill[$0] == starts[$0 + 1] }, "edge gave fewer edges the second time")
            initialized = starts[count]
        }
        return (starts, others, values)
    }

    /// `make(i)` for `i` in `0..<count`, in parallel over blocks of 4,096.
    static func parallelBlocks<T>(_ count: Int, _ make: @Sendable (Int) -> T) -> [T] {
        let blockSize = 4096
        return parallelMap(count: (count + blockSize - 1) / blockSize) { block in
            ((block * blockSize)..<min(count, (block + 1) * blockSize)).map(make)
        }.flatMap { $0 }
    }

    /// 2^(−days/halfLife) for two times; 1 when either is unknown.
    static func decay(_ a: Double?, _ b: Double?, halfLife: Double) -> Float {
        guard let a, let b, halfLife > 0 else { return 1 }
        return Float(pow(2, -abs(a - b) / 86_400 / halfLife))
    }
}

/// An edge of a cluster: the neighbour and the summed weight of the edges between them.
struct WeightedEdge: Equatable {
    let node: Int32
    let weight: Float

    /// The edge to `a`'s node with both weights.
    static func summed(_ a: WeightedEdge, _ b: WeightedEdge) -> WeightedEdge { WeightedEdge(node: a.node, weight: a.weight + b.weight) }
}

/// A possible merge: two clusters and their average similarity, valid while both versions are.
struct Candidate {
    let score: Float
    let a: Int32
    let b: Int32
    let versionA: Int
    let versionB: Int
}

/// A binary max-heap of candidates, ties broken by the lower cluster ids (deterministic).
struct MaxHeap {
    private var items: [Candidate] = []

    private static func before(_ x: Candidate, _ y: Candidate) -> Bool {
        x.score != y.score ? x.score > y.score : (x.a, x.b) < (y.a, y.b)
    }

    mutating func push(_ item: Candidate) {
        items.append(item)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard MaxHeap.before(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Candidate? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let left = 2 * i + 1, right = left + 1
                var best = i
                if left < items.count, MaxHeap.before(items[left], items[best]) { best = left }
                if right < items.count, MaxHeap.before(items[right], items[best]) { best = right }
                if best == i { break }
                items.swapAt(i, best)
                i = best
            }
        }
        return top
    }
}

extension Array where Element: Equatable {
    /// Keeps the first of each run of equal elements, in place: a sorted array's values, each
    /// once. (A `for` loop over the array while writing to it would copy it first.)
    mutating func removeAdjacentRepeats() {
        var kept = 0
        for k in indices where kept == 0 || self[kept - 1] != self[k] {
            self[kept] = self[k]
            kept += 1
        }
        removeSubrange(kept...)
    }
}
