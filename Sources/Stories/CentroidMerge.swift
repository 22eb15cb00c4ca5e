import ArabicText
import Foundation
import Support
import Vectors

extension Clustering {
    /// The second pass: clusters whose centroids agree merge. A story of many facets (an event,
    /// its casualties, the reactions) leaves average-link as several clusters whose articles are
    /// only loosely similar pair by pair, but whose centroids are close. Centroid linkage over the
    /// clusters that the article graph connects (a search of the centroids for clusters it does
    /// not connect found nothing more on the gold-dev days or the whole ANT corpus, at 1.2 s on all
    /// shared corpora): the pair with the most similar centroids (cosine of the summed rows,
    /// decayed by the time between the clusters' mean times) merges first, the merged centroid is
    /// compared again with its neighbours, and merging stops below `centroidThreshold`.
    public static func mergeByCentroids(
        _ labels: [Int], matrix: SparseMatrix, pairs: [SimilarPair], times: [Double?], options: ClusteringOptions = ClusteringOptions()
    ) -> [Int] {
        mergeByCentroidsKeepingSums(labels, matrix: matrix, pairs: pairs, times: times, options: options).labels
    }

    /// ``mergeByCentroids(_:matrix:pairs:times:options:)``, with the row sum of each merged
    /// cluster by its new label (attachment goes on from them instead of summing the rows again).
    static func mergeByCentroidsKeepingSums(
        _ labels: [Int], matrix: SparseMatrix, pairs: [SimilarPair], times: [Double?],
        options: ClusteringOptions
    ) -> (labels: [Int], sums: [ClusterSum]) {
        let count = (labels.max() ?? -1) + 1
        var clusters = sums(labels: labels, clusterCount: count, matrix: matrix, times: times)
        // Candidates: the clusters the article graph connects, each cluster's ascending (the
        // grouped edges are released once the lists are made). Sorted lists, not sets: the merges
        // run on one core, and hashing the neighbours they moved was about half of their time.
        var neighbors = { () -> [[Int32]] in
            let (starts, others, _) = groupedEdges(count: count, edgeCount: pairs.count) { k in
                let (a, b) = (Int32(labels[Int(pairs[k].first)]), Int32(labels[Int(pairs[k].second)]))
                return a != b ? (a, b, ()) : nil
            }
            return parallelBlocks(count) { cluster in
                var list = others[starts[cluster]..<starts[cluster + 1]].sorted()
                list.removeAdjacentRepeats()
                return list
            }
        }()
        var parent = Array(0..<count)
        // Pairs at or above the threshold, by cluster pair (lower id first).
        var strong: [Pair: Float] = [:]
        let initial = neighborScores(
            Array(0..<count), clusters: clusters, neighbors: neighbors, higherOnly: true, minimum: options.centroidThreshold,
            columnCount: matrix.columnCount, options: options)
        for (a, b, s) in initial { strong[Pair(Int(a), Int(b))] = s }
        // Rounds: the strongest pairs merge first, each cluster at most once per round, so that
        // the facets of a story pair up in parallel rather than one cluster absorbing the rest;
        // then the merged clusters are scored again.
        while !strong.isEmpty {
            let ranked = strong.sorted { $0.value != $1.value ? $0.value > $1.value : ($0.key.a, $0.key.b) < ($1.key.a, $1.key.b) }
            var mergedThisRound = Set<Int>()
            for (pair, _) in ranked where !mergedThisRound.contains(pair.a) && !mergedThisRound.contains(pair.b) {
                let (keep, gone) = clusters[pair.a].size >= clusters[pair.b].size ? (pair.a, pair.b) : (pair.b, pair.a)
                mergedThisRound.insert(keep)
                mergedThisRound.insert(gone)
                parent[gone] = keep
                clusters[keep].absorb(clusters[gone])
                clusters[gone] = ClusterSum()
                joinNeighbors(keep, gone, neighbors: &neighbors, strong: &strong)
            }
            let rescored = mergedThisRound.sorted().filter { parent[$0] == $0 }
            for (a, b, s) in neighborScores(
                rescored, clusters: clusters, neighbors: neighbors, higherOnly: false, minimum: -.infinity,
                columnCount: matrix.columnCount, options: options)
            {
                strong[Pair(Int(a), Int(b))] = s >= options.centroidThreshold ? s : nil
            }
        }
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        let roots = labels.map(root)
        let merged = relabel(roots)
        var sumOfLabel = [ClusterSum](repeating: ClusterSum(), count: (merged.max() ?? -1) + 1)
        for (i, label) in merged.enumerated() where sumOfLabel[label].size == 0 { sumOfLabel[label] = clusters[roots[i]] }
        return (merged, sumOfLabel)
    }

    /// Cluster `gone` merged into `keep`: `keep` takes `gone`'s neighbours, they list `keep` in its
    /// place, and the scored pairs of `gone` go (they are scored again as `keep`'s).
    static func joinNeighbors(_ keep: Int, _ gone: Int, neighbors: inout [[Int32]], strong: inout [Pair: Float]) {
        let merged = mergedLists(neighbors[keep], neighbors[gone], node: { $0 }, combine: { kept, _ in kept }, leavingOut: Int32(keep), Int32(gone))
        for c in neighbors[gone] where Int(c) != keep {
            moveEntry(from: Int32(gone), Int32(keep), in: &neighbors[Int(c)], node: { $0 }, combine: { kept, _ in kept })
            strong[Pair(gone, Int(c))] = nil
        }
        strong[Pair(keep, gone)] = nil
        neighbors[gone] = []
        neighbors[keep] = merged
    }

    /// The centroid score of each cluster of `which` with each of its neighbours (only those with
    /// a higher id when `higherOnly`), in `which`'s order, leaving out scores below `minimum`.
    /// Computed in parallel over chunks of equal cost (a large cluster with many neighbours is
    /// split between chunks); a chunk scatters each of its clusters into its core's dense buffer,
    /// so that a neighbour costs its own entries.
    static func neighborScores(
        _ which: [Int], clusters: [ClusterSum], neighbors: [[Int32]], higherOnly: Bool, minimum: Float,
        columnCount: Int, options: ClusteringOptions
    ) -> [(a: Int32, b: Int32, score: Float)] {
        var tasks: [(a: Int32, b: Int32)] = []
        var total = 0
        for a in which {
            for b in neighbors[a] where !higherOnly || Int(b) > a {
                tasks.append((Int32(a), b))
                total += cost(clusters[Int(b)])
            }
        }
        guard !tasks.isEmpty else { return [] }
        let chunks = min(tasks.count, 16)
        // Chunk k starts at the first task whose cost up to it passes k / chunks of the total.
        var bounds = [0]
        var costUpTo = 0
        for (t, task) in tasks.enumerated() where bounds.count < chunks {
            costUpTo += cost(clusters[Int(task.b)])
            if costUpTo > total * bounds.count / chunks { bounds.append(t) }
        }
        while bounds.count <= chunks { bounds.append(tasks.count) }
        let (work, starts) = (tasks, bounds)
        let found = parallelMap(count: chunks, scratch: { [Float](repeating: 0, count: columnCount) }) { dense, chunk -> [(a: Int32, b: Int32, score: Float)] in
            var scattered: Int?
            var scores: [(a: Int32, b: Int32, score: Float)] = []
            for (a, b) in work[starts[chunk]..<starts[chunk + 1]] {
                if scattered != Int(a) {
                    if let previous = scattered { clusters[previous].clear(&dense) }
                    clusters[Int(a)].scatter(into: &dense)
                    scattered = Int(a)
                }
                let score = centroidScore(clusters[Int(a)], clusters[Int(b)], scattered: dense, options: options)
                if score >= minimum { scores.append((a, b, score)) }
            }
            if let previous = scattered { clusters[previous].clear(&dense) }
            return scores
        }
        return Array(found.joined())
    }

    /// What scoring a neighbour costs, for dividing the work: its entries, and one for the pair.
    private static func cost(_ neighbor: ClusterSum) -> Int { neighbor.columns.count + 1 }

    /// The centroid similarity of two clusters, `a` given scattered: the cosine of their sums
    /// decayed by the time between their mean times; 0 when their articles' mean pairwise
    /// similarity is below `options.minimumMeanSimilarity`.
    static func centroidScore(_ a: ClusterSum, _ b: ClusterSum, scattered: [Float], options: ClusteringOptions) -> Float {
        let dot = b.dot(dense: scattered)
        guard a.norm > 0, b.norm > 0, dot / Float(a.size * b.size) >= options.minimumMeanSimilarity else { return 0 }
        return dot / (a.norm * b.norm) * decay(a.meanTime, b.meanTime, halfLife: options.halfLifeDays)
    }

    /// The sum of each cluster's rows, in parallel over blocks of clusters.
    static func sums(labels: [Int], clusterCount: Int, matrix: SparseMatrix, times: [Double?]) -> [ClusterSum] {
        var grouped = [[Int]](repeating: [], count: clusterCount)
        for (i, label) in labels.enumerated() { grouped[label].append(i) }
        let members = grouped
        let blockSize = 1024
        return parallelMap(count: (clusterCount + blockSize - 1) / blockSize, scratch: { [Float](repeating: 0, count: matrix.columnCount) }) {
            dense, block -> [ClusterSum] in
            return ((block * blockSize)..<min(clusterCount, (block + 1) * blockSize)).map {
                ClusterSum(rows: members[$0], of: matrix, times: times, dense: &dense)
            }
        }.flatMap { $0 }
    }

    /// Labels renumbered 0..<k in order of first appearance.
    static func relabel(_ labels: [Int]) -> [Int] {
        var map: [Int: Int] = [:]
        return labels.map { label in
            if let l = map[label] { return l }
            map[label] = map.count
            return map.count - 1
        }
    }
}

/// Two clusters, the lower id first.
struct Pair: Hashable {
    let a: Int
    let b: Int
    init(_ x: Int, _ y: Int) {
        a = min(x, y)
        b = max(x, y)
    }
}

/// The sum of a cluster's rows (sorted sparse), its size and its articles' times.
struct ClusterSum {
    /// The columns of the sum, ascending. A one-article cluster's sum is its row: a slice of the
    /// matrix's own arrays, not a copy (most clusters have one article).
    var columns: ArraySlice<Int32> = []
    /// The value of each column.
    var values: ArraySlice<Float> = []
    var size = 0
    private var timeSum = 0.0
    private var dated = 0
    /// The Euclidean norm of the sum.
    private(set) var norm: Float = 0

    var meanTime: Double? { dated > 0 ? timeSum / Double(dated) : nil }

    init() {}

    /// The sum of the given rows, accumulated in `dense` (all zeros, left all zeros).
    init(rows: [Int], of matrix: SparseMatrix, times: [Double?]? = nil, dense: inout [Float]) {
        size = rows.count
        if rows.count == 1 {
            let row = matrix.row(rows[0])
            (columns, values) = (matrix.columns[row], matrix.values[row])
            norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if let time = times?[rows[0]] { (timeSum, dated) = (time, 1) }
            return
        }
        var touched: [Int32] = []
        for i in rows {
            for k in matrix.row(i) {
                let c = matrix.columns[k]
                if dense[Int(c)] == 0 { touched.append(c) }
                dense[Int(c)] += matrix.values[k]
            }
            if let time = times?[i] {
                timeSum += time
                dated += 1
            }
        }
        touched.sort()
        columns = touched[...]
        values = touched.map { dense[Int($0)] }[...]
        for c in touched { dense[Int(c)] = 0 }
        norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// Writes the sum into a dense buffer indexed by column.
    func scatter(into dense: inout [Float]) {
        for (column, value) in zip(columns, values) { dense[Int(column)] = value }
    }

    /// Zeroes the entries ``scatter(into:)`` wrote.
    func clear(_ dense: inout [Float]) {
        for column in columns { dense[Int(column)] = 0 }
    }

    /// The dot product of the sum with a scattered one (raw pointers: the clustering passes spend
    /// most of their time here, and bounds checks cost more than the arithmetic).
    @inline(__always)
    func dot(dense: [Float]) -> Float {
        columns.withUnsafeBufferPointer { columns in
            values.withUnsafeBufferPointer { values in
                dense.withUnsafeBufferPointer { dense in
                    var dot: Float = 0
                    for k in 0..<columns.count { dot += dense[Int(columns[k])] * values[k] }
                    return dot
                }
            }
        }
    }

    mutating func absorb(_ other: ClusterSum) {
        merge(other.columns, other.values)
        size += other.size
        timeSum += other.timeSum
        dated += other.dated
    }

    /// Adds a sorted sparse vector.
    private mutating func merge(_ otherColumns: ArraySlice<Int32>, _ otherValues: ArraySlice<Float>) {
        var newColumns: [Int32] = [], newValues: [Float] = []
        newColumns.reserveCapacity(columns.count + otherColumns.count)
        newValues.reserveCapacity(columns.count + otherColumns.count)
        // Zero-based views of the four slices.
        columns.withUnsafeBufferPointer { columns in
            values.withUnsafeBufferPointer { values in
                otherColumns.withUnsafeBufferPointer { otherColumns in
                    otherValues.withUnsafeBufferPointer { otherValues in
                        var a = 0, b = 0
                        while a < columns.count || b < otherColumns.count {
                            if b == otherColumns.count || (a < columns.count && columns[a] < otherColumns[b]) {
                                newColumns.append(columns[a]); newValues.append(values[a]); a += 1
                            } else if a == columns.count || otherColumns[b] < columns[a] {
                                newColumns.append(otherColumns[b]); newValues.append(otherValues[b]); b += 1
                            } else {
                                newColumns.append(columns[a]); newValues.append(values[a] + otherValues[b]); a += 1; b += 1
                            }
                        }
                    }
                }
            }
        }
        columns = newColumns[...]
        values = newValues[...]
        norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
}
