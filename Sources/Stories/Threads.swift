import Foundation
import Support
import Vectors

/// How stories are followed across days and weeks (the fourth pass).
public struct ThreadOptions: Sendable, Equatable {
    /// Stories whose articles are further apart than this (days between the last article of one
    /// and the first of the other) are never joined.
    public var windowDays = 30.0
    /// Two stories whose spans touch join when their burst-weighted centroids are at least this
    /// similar ...
    public var threshold: Float = 0.45
    /// ... plus this much for every day between them: a week apart they must share more.
    public var thresholdPerDay: Float = 0.01
    /// ... and only when they share at least this many bursting words: one hot phrase (a new
    /// epidemic's name in a market report and in a health story) is not a development.
    public var minimumSharedTerms = 4
    /// A term's burst around a story's time is its rate in the articles this many days either
    /// side, over its usual rate in news (``UsualFrequencies``).
    public var burstRadiusDays = 15
    /// A burst of 2^this or more gives a term its full weight; no burst (a rate no higher than
    /// usual) gives it none.
    public var fullWeightBurstLog2: Float = 2

    /// The defaults.
    public init() {}
}

extension Clustering {
    /// The fourth pass: the stories of one development on different days join. One offensive,
    /// one summit's run-up and aftermath, one government's formation are covered for weeks, but
    /// each day's articles cluster among themselves: the words a development keeps (its places,
    /// its actors) are what ties its days together. A term counts as much as it bursts around a
    /// story's time (its rate within `burstRadiusDays` over its `usual` rate), so words that
    /// come every day (oil, prices, match, missile) tie nothing: the daily market report and the
    /// second missile interception stay their own stories, while the Hodeidah offensive's words,
    /// rare before it began, tie its weeks. Stories join when the cosine of their burst-weighted
    /// centroids reaches `threshold`, plus `thresholdPerDay` for each day between the end of the
    /// earlier and the start of the later one, and they share `minimumSharedTerms` bursting words.
    public static func threadAcrossDays(
        _ labels: [Int], matrix: SparseMatrix, vocabulary: Vocabulary, times: [Double?], usual: UsualFrequencies = .news,
        options: ThreadOptions = ThreadOptions()
    ) -> [Int] {
        let clusterCount = (labels.max() ?? -1) + 1
        let days = times.map { $0.map { Int(($0 / 86_400).rounded(.down)) } }
        let members = { () -> [[Int]] in
            var members = [[Int]](repeating: [], count: clusterCount)
            for (i, label) in labels.enumerated() { members[label].append(i) }
            return members
        }()
        let burst = TermBursts(matrix: matrix, usualRates: usual.rates(of: vocabulary), days: days, radius: options.burstRadiusDays)
        // One row per dated cluster: its centroid with each term weighted by its burst.
        let dated = (0..<clusterCount).filter { members[$0].contains { days[$0] != nil } }
        guard dated.count > 1 else { return labels }
        let spans = dated.map { cluster -> ClosedRange<Int> in
            let clusterDays = members[cluster].compactMap { days[$0] }
            return clusterDays.min()!...clusterDays.max()!
        }
        let rows = parallelMap(count: dated.count, scratch: { [Float](repeating: 0, count: matrix.columnCount) }) {
            dense, k -> (columns: [Int32], values: [Float]) in
            let cluster = dated[k]
            let sum = ClusterSum(rows: members[cluster], of: matrix, dense: &dense)
            let clusterDays = members[cluster].compactMap { days[$0] }.sorted()
            let day = clusterDays[clusterDays.count / 2]
            let articlesAround = burst.articleCount(around: day)
            var columns: [Int32] = [], values: [Float] = []
            for (column, value) in zip(sum.columns, sum.values) {
                let weight = min(1, max(0, log2(burst.lift(of: Int(column), around: day, among: articlesAround)) / options.fullWeightBurstLog2))
                if weight > 0 {
                    columns.append(column)
                    values.append(value * weight)
                }
            }
            let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return (columns, norm > 0 ? values.map { $0 / norm } : values)
        }
        var rowStarts = [0]
        for row in rows { rowStarts.append(rowStarts.last! + row.columns.count) }
        let centroids = SparseMatrix(
            columnCount: matrix.columnCount, rowStarts: rowStarts, columns: rows.flatMap(\.columns), values: rows.flatMap(\.values))
        var search = NeighborOptions()
        search.minimumSimilarity = options.threshold
        // Centroids are compared at the middle of their spans: the window covers the longest
        // stories' halves and the gap allowed between them.
        let longest = spans.map { $0.upperBound - $0.lowerBound }.max() ?? 0
        search.window = (options.windowDays + Double(longest)) * 86_400
        let middles = spans.map { Double($0.lowerBound + $0.upperBound) / 2 * 86_400 }
        let (links, _) = SparseSimilarity.neighbors(centroids, times: middles, options: search)
        let threads = joinedThreads(centroids: centroids, spans: spans, links: links, options: options)
        var label = Array(0..<clusterCount)
        for (k, cluster) in dated.enumerated() { label[cluster] = dated[threads[k]] }
        return relabel(labels.map { label[$0] })
    }

    /// Centroid linkage over the linked clusters, in rounds as in ``mergeByCentroids(_:matrix:pairs:times:options:)``:
    /// the pairs that pass their threshold by the most merge first, each cluster at most once a
    /// round, and a merged thread (the sum of its clusters' centroids, the union of their spans) is
    /// scored again against its neighbours, so a thread grows only while what it shares stays
    /// above the bar, and a chain of pairwise links does not become one story. The thread of each
    /// row, as the row that leads it.
    static func joinedThreads(centroids: SparseMatrix, spans: [ClosedRange<Int>], links: [SimilarPair], options: ThreadOptions) -> [Int] {
        let count = centroids.rowCount
        var threads = [ClusterSum](repeating: ClusterSum(), count: count)
        var unused: [Float] = []
        for k in 0..<count { threads[k] = ClusterSum(rows: [k], of: centroids, dense: &unused) }
        var spans = spans
        var neighbors = [[Int32]](repeating: [], count: count)
        for link in links {
            neighbors[Int(link.first)].append(link.second)
            neighbors[Int(link.second)].append(link.first)
        }
        for k in 0..<count { neighbors[k].sort() }
        /// How far the similarity of two threads (from `dot`, their sums' dot product) passes the bar
        /// their gap sets; nil when they are too far apart or share too few words.
        func margin(_ a: Int, _ b: Int, dot: (Int, Int) -> Float) -> Float? {
            let gap = max(0, max(spans[a].lowerBound, spans[b].lowerBound) - min(spans[a].upperBound, spans[b].upperBound))
            guard Double(gap) <= options.windowDays, threads[a].norm > 0, threads[b].norm > 0 else { return nil }
            let margin = dot(a, b) / (threads[a].norm * threads[b].norm) - (options.threshold + options.thresholdPerDay * Float(gap))
            guard margin >= 0 else { return margin }
            return sharedTermCount(threads[a], threads[b]) >= options.minimumSharedTerms ? margin : nil
        }
        var strong: [Pair: Float] = [:]
        for link in links {
            let (a, b) = (Int(link.first), Int(link.second))
            // The search's cosine is the threads' own while nothing has merged.
            let found = margin(a, b) { _, _ in link.similarity * threads[a].norm * threads[b].norm }
            if let found, found >= 0 { strong[Pair(a, b)] = found }
        }
        var dense = [Float](repeating: 0, count: centroids.columnCount)
        var parent = Array(0..<count)
        while !strong.isEmpty {
            let ranked = strong.sorted { $0.value != $1.value ? $0.value > $1.value : ($0.key.a, $0.key.b) < ($1.key.a, $1.key.b) }
            var mergedThisRound = Set<Int>()
            for (pair, _) in ranked where !mergedThisRound.contains(pair.a) && !mergedThisRound.contains(pair.b) {
                let (keep, gone) = (pair.a, pair.b)
                mergedThisRound.formUnion([keep, gone])
                parent[gone] = keep
                threads[keep].absorb(threads[gone])
                threads[gone] = ClusterSum()
                spans[keep] = min(spans[keep].lowerBound, spans[gone].lowerBound)...max(spans[keep].upperBound, spans[gone].upperBound)
                joinNeighbors(keep, gone, neighbors: &neighbors, strong: &strong)
            }
            // A merged thread is scattered once and each neighbour costs its own entries.
            for a in mergedThisRound.sorted() where parent[a] == a {
                threads[a].scatter(into: &dense)
                for b in neighbors[a] {
                    let found = margin(a, Int(b)) { _, b in threads[b].dot(dense: dense) }
                    strong[Pair(a, Int(b))] = found.map { $0 >= 0 ? $0 : nil } ?? nil
                }
                threads[a].clear(&dense)
            }
        }
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        return (0..<count).map(root)
    }
}

/// How many columns two sums both hold (a merge of their ascending columns).
func sharedTermCount(_ a: ClusterSum, _ b: ClusterSum) -> Int {
    var (i, j, shared) = (a.columns.startIndex, b.columns.startIndex, 0)
    while i < a.columns.endIndex, j < b.columns.endIndex {
        if a.columns[i] == b.columns[j] {
            shared += 1
            i += 1
            j += 1
        } else if a.columns[i] < b.columns[j] {
            i += 1
        } else {
            j += 1
        }
    }
    return shared
}

/// How much each term bursts around a day: its share of the articles within a radius of the day
/// over its usual share.
struct TermBursts {
    /// Each term's usual share of articles.
    private let usualRate: [Float]
    /// Each term's article days, ascending: those of term `c` are `days[starts[c]..<starts[c + 1]]`.
    private let starts: [Int]
    private let days: [Int32]
    /// Every dated article's day, ascending.
    private let articleDays: [Int32]
    private let radius: Int

    /// `usualRates` gives each column's usual share of articles.
    init(matrix: SparseMatrix, usualRates: [Float], days articleDay: [Int?], radius: Int) {
        precondition(usualRates.count == matrix.columnCount)
        self.radius = radius
        usualRate = usualRates
        let dated = articleDay.indices.filter { articleDay[$0] != nil }
        articleDays = dated.map { Int32(articleDay[$0]!) }.sorted()
        var starts = [Int](repeating: 0, count: matrix.columnCount + 1)
        for i in dated {
            for k in matrix.row(i) { starts[Int(matrix.columns[k]) + 1] += 1 }
        }
        for c in 0..<matrix.columnCount { starts[c + 1] += starts[c] }
        var fill = starts
        var days = [Int32](repeating: 0, count: starts[matrix.columnCount])
        for i in dated {
            for k in matrix.row(i) {
                let c = Int(matrix.columns[k])
                days[fill[c]] = Int32(articleDay[i]!)
                fill[c] += 1
            }
        }
        for c in 0..<matrix.columnCount { days[starts[c]..<starts[c + 1]].sort() }
        self.starts = starts
        self.days = days

    }

    /// The term's rate among the articles within the radius of `day` over its usual rate; 0 for a
    /// term no dated article holds.
    func lift(of column: Int, around day: Int) -> Float { lift(of: column, around: day, among: articleCount(around: day)) }

    /// ``lift(of:around:)`` given the number of articles within the radius of `day` (the same for
    /// every term of a story).
    func lift(of column: Int, around day: Int, among articlesAround: Int) -> Float {
        let termDays = days[starts[column]..<starts[column + 1]]
        guard !termDays.isEmpty, usualRate[column] > 0, articlesAround > 0 else { return 0 }
        let near = count(termDays, from: Int32(day - radius), to: Int32(day + radius))
        return Float(near) / Float(articlesAround) / usualRate[column]
    }

    /// How many dated articles lie within the radius of `day`.
    func articleCount(around day: Int) -> Int { count(articleDays[...], from: Int32(day - radius), to: Int32(day + radius)) }

    /// How many of the ascending `values` lie in `low...high`.
    private func count(_ values: ArraySlice<Int32>, from low: Int32, to high: Int32) -> Int {
        SparseSimilarity.lowerBound(values, values.startIndex, values.endIndex) { $0 > high }
            - SparseSimilarity.lowerBound(values, values.startIndex, values.endIndex) { $0 >= low }
    }
}
