import ArabicText
import Foundation
import Support

/// Two similar articles: rows of the matrix and their cosine similarity.
public struct SimilarPair: Sendable, Equatable {
    /// The lower row.
    public let first: Int32
    /// The higher row.
    public let second: Int32
    /// Cosine similarity of the two rows.
    public let similarity: Float

    /// A pair; the rows are put in order.
    public init(_ a: Int32, _ b: Int32, similarity: Float) {
        first = min(a, b)
        second = max(a, b)
        self.similarity = similarity
    }
}

/// Which pairs the similarity search keeps.
public struct NeighborOptions: Sendable, Equatable {
    /// Articles further apart in time are never compared (seconds). Articles without a time are
    /// compared with all.
    public var window: Double = 7 * 86_400
    /// Pairs less similar than this are not candidates.
    public var minimumSimilarity: Float = 0.08
    /// Each article keeps its most similar neighbours, at most this many; the graph is the union.
    public var neighbors = 30
    /// Candidates come from the postings of each article's this many heaviest terms (prefix
    /// filtering: two articles of one story share a distinctive term); common terms with long
    /// postings are never walked.
    public var candidateTerms = 16
    /// The best candidates by that partial score, this many times `neighbors`, get their exact
    /// cosine over all terms.
    public var rescoredFactor = 2

    /// The defaults.
    public init() {}
}

/// Articles in time order (undated last, at time +∞), as both similarity routes walk them.
struct TimeOrder {
    /// Article indices in time order.
    let order: [Int]
    /// The time of each position.
    let time: [Double]
    /// The first undated position (`order.count` if all are dated).
    let firstUndated: Int

    init(_ times: [Double?]) {
        order = times.indices.sorted { (times[$0] ?? .infinity, $0) < (times[$1] ?? .infinity, $1) }
        time = order.map { times[$0] ?? .infinity }
        firstUndated = time.firstIndex(of: .infinity) ?? order.count
    }
}

/// The candidates of every article, by position in time order: those of position `p` are
/// `positions[starts[p]..<starts[p + 1]]`, ascending.
struct CandidateLists {
    let starts: [Int]
    let positions: [Int32]

    /// The candidates of consecutive articles, as one block of a parallel loop finds them.
    struct Block {
        var counts: [Int32] = []
        var positions: [Int32] = []

        /// Adds the next article's candidates (position, score), in any order.
        mutating func append(_ candidates: [(Int32, Float)]) {
            let first = positions.count
            positions.append(contentsOf: candidates.lazy.map(\.0))
            positions[first...].sort()
            counts.append(Int32(candidates.count))
        }
    }

    /// The lists of the blocks, in order.
    init(_ blocks: [Block]) {
        var starts = [0]
        starts.reserveCapacity(blocks.reduce(1) { $0 + $1.counts.count })
        for block in blocks {
            for count in block.counts { starts.append(starts[starts.count - 1] + Int(count)) }
        }
        self.starts = starts
        positions = blocks.flatMap(\.positions)
    }
}

/// What one core of the similarity search reuses from block to block.
private struct SearchScratch {
    /// Partial dot products by position; zero except during one article's walk.
    var accumulator: [Float]
    /// The positions whose accumulator is not zero: the first entries, during one article's walk.
    var touched: [Int32]
    /// Per column, where the last article this core searched found its window. Cores take blocks
    /// in time order, so the next dated article's window starts and ends no earlier, and is
    /// searched for from there.
    var windowStarts: [Int32]
    var windowEnds: [Int32]
    var heaviest: [(Int32, Float)] = []
    var candidates: [(Int32, Float)] = []
    /// Zero between articles: see ``SparseSimilarity/takeBest(_:scores:count:into:histogram:gathered:boundary:)``.
    var histogram = [Int32](repeating: 0, count: SparseSimilarity.histogramSize)
    var gathered: [Float]
    var boundary: [(Int32, Float)] = []

    init(rowCount: Int, postingStarts: [Int]) {
        accumulator = [Float](repeating: 0, count: rowCount)
        touched = [Int32](repeating: 0, count: rowCount)
        windowStarts = postingStarts.dropLast().map(Int32.init)
        windowEnds = windowStarts
        gathered = [Float](repeating: 0, count: rowCount)
    }
}

/// What a similarity kernel did, for the benchmark.
public struct KernelReport: Sendable {
    /// Wall time.
    public var seconds: Double
    /// Article pairs whose exact cosine was computed (a pair both articles list counts once).
    public var pairsComputed: Int
    /// Floating-point operations, where the kernel is dense (0 for the sparse kernel).
    public var flops: Double
    /// Time spent projecting the rows before comparing them (the dense route's LSA).
    public var projectionSeconds = 0.0
    /// Floating-point operations of that projection.
    public var projectionFlops = 0.0
}

/// Cosine similarity between the rows of an L2-normalized sparse matrix, through an inverted
/// index, only within a time window. For each article the postings of its heaviest terms are
/// walked over the articles published within the window (partial dot products accumulate in a
/// dense buffer); the best candidates then get their exact cosine over all terms. Never builds an
/// n×n matrix.
public enum SparseSimilarity {
    /// The union of every article's `options.neighbors` most similar articles (at least
    /// `options.minimumSimilarity`, within `options.window` of each other).
    public static func neighbors(_ matrix: SparseMatrix, times: [Double?], options: NeighborOptions = NeighborOptions()) -> (
        pairs: [SimilarPair], report: KernelReport
    ) {
        let start = DispatchTime.now().uptimeNanoseconds
        let n = matrix.rowCount
        precondition(times.count == n)
        let timeline = TimeOrder(times)
        let (order, time, firstUndated) = (timeline.order, timeline.time, timeline.firstUndated)
        let blockSize = 256
        // The candidates of each block of articles, found while the postings exist; they are
        // released before the cosines are computed.
        let found = { () -> [CandidateLists.Block] in
            // Postings by column, in time order: positions and values.
            let (postingStarts, postingRows, postingValues) = matrix.columns(inRowOrder: order)
            // Where each column's undated postings start (they are last in time order).
            let undatedStarts = (0..<matrix.columnCount).map { c in
                lowerBound(postingRows, postingStarts[c], postingStarts[c + 1]) { Int($0) >= firstUndated }
            }
            return parallelMap(
                count: (n + blockSize - 1) / blockSize,
                scratch: {
                    SearchScratch(rowCount: n, postingStarts: postingStarts)
                }
            ) { scratch, block -> CandidateLists.Block in
                var lists = CandidateLists.Block()
                var touchedCount = 0
                // Raw buffers: the walk below is the hottest loop of story detection, and bounds
                // checks on every posting cost more than the arithmetic.
                matrix.columns.withUnsafeBufferPointer { columns in
                    matrix.values.withUnsafeBufferPointer { values in
                        postingRows.withUnsafeBufferPointer { postingRows in
                            postingValues.withUnsafeBufferPointer { postingValues in
                                time.withUnsafeBufferPointer { time in
                                    scratch.accumulator.withUnsafeMutableBufferPointer { accumulator in
                                        scratch.touched.withUnsafeMutableBufferPointer { touched in
                                            scratch.windowStarts.withUnsafeMutableBufferPointer { windowStarts in
                                                scratch.windowEnds.withUnsafeMutableBufferPointer { windowEnds in
                                                    for p in (block * blockSize)..<min(n, (block + 1) * blockSize) {
                                                        let row = matrix.row(order[p])
                                                        // The window as positions in time order: postings hold positions, so the
                                                        // searches below compare them directly instead of looking up their times.
                                                        let undated = p >= firstUndated
                                                        let low = undated ? 0 : lowerBound(time, 0, n) { $0 >= time[p] - options.window }
                                                        let high = undated ? n : lowerBound(time, p, n) { $0 > time[p] + options.window }
                                                        scratch.heaviest.removeAll(keepingCapacity: true)
                                                        for k in row { scratch.heaviest.append((Int32(k), values[k])) }
                                                        keepBest(&scratch.heaviest, options.candidateTerms)
                                                        for (entry, _) in scratch.heaviest {
                                                            let k = Int(entry)
                                                            let c = Int(columns[k])
                                                            let value = values[k]
                                                            let end = postingStarts[c + 1]
                                                            // The postings within the window, then the undated ones (last in time
                                                            // order), which every article is compared with.
                                                            var q = gallop(postingRows, from: undated ? postingStarts[c] : Int(windowStarts[c]), end, to: low)
                                                            var stop = gallop(postingRows, from: max(q, Int(windowEnds[c])), end, to: high)
                                                            (windowStarts[c], windowEnds[c]) = (Int32(q), Int32(stop))
                                                            let undatedStart = max(stop, undatedStarts[c])
                                                            while true {
                                                                while q < stop {
                                                                    let other = Int(postingRows[q])
                                                                    if other != p {
                                                                        // Branch-free: whether a position is new is a coin toss
                                                                        // on long postings, and a mispredicted branch costs more
                                                                        // than a store that the next position overwrites.
                                                                        let sum = accumulator[other]
                                                                        touched[touchedCount] = Int32(other)
                                                                        touchedCount += sum == 0 ? 1 : 0
                                                                        accumulator[other] = sum + value * postingValues[q]
                                                                    }
                                                                    q += 1
                                                                }
                                                                if stop == end { break }
                                                                (q, stop) = (undatedStart, end)
                                                            }
                                                        }
                                                        // The best candidates by partial score.
                                                        scratch.histogram.withUnsafeMutableBufferPointer { histogram in
                                                            scratch.gathered.withUnsafeMutableBufferPointer { gathered in
                                                                takeBest(
                                                                    UnsafeBufferPointer(rebasing: touched[..<touchedCount]), scores: accumulator,
                                                                    count: options.neighbors * options.rescoredFactor,
                                                                    into: &scratch.candidates, histogram: histogram, gathered: gathered,
                                                                    boundary: &scratch.boundary)
                                                            }
                                                        }
                                                        touchedCount = 0
                                                        lists.append(scratch.candidates)
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                return lists
            }
        }()
        let (pairs, computed) = rescored(matrix, order: order, candidates: CandidateLists(found), options: options)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (pairs, KernelReport(seconds: seconds, pairsComputed: computed, flops: 0))
    }

    /// The exact cosines of every article (by position in `order`) with its candidates, each pair
    /// once, from the row of its earlier article scattered into a dense buffer: a pair that both
    /// articles list is computed by the earlier one (the sum runs over the common columns in
    /// ascending order from either end, so it is the same). Each article keeps its best
    /// `options.neighbors` at `options.minimumSimilarity` or more; the result is their union, and
    /// the number of cosines computed. Shared by the sparse and the dense route.
    static func rescored(_ matrix: SparseMatrix, order: [Int], candidates: CandidateLists, options: NeighborOptions) -> (pairs: [SimilarPair], computed: Int) {
        let n = order.count
        let blockSize = 256
        let blocks = (n + blockSize - 1) / blockSize
        let (starts, positions) = (candidates.starts, candidates.positions)
        // Where `p` is among the candidates of `q` (ascending), if it is one of them.
        @Sendable func entry(of p: Int, among q: Int) -> Int? {
            let at = lowerBound(positions, starts[q], starts[q + 1]) { Int($0) >= p }
            return at < starts[q + 1] && Int(positions[at]) == p ? at : nil
        }
        // The cosine of each candidate entry; -1 where the earlier article of the pair computes it.
        let cosinesByBlock = parallelMap(count: blocks, scratch: { [Float](repeating: 0, count: matrix.columnCount) }) { dense, block -> [Float] in
            let articles = (block * blockSize)..<min(n, (block + 1) * blockSize)
            var cosines: [Float] = []
            cosines.reserveCapacity(starts[articles.upperBound] - starts[articles.lowerBound])
            matrix.columns.withUnsafeBufferPointer { columns in
                matrix.values.withUnsafeBufferPointer { values in
                    dense.withUnsafeMutableBufferPointer { dense in
                        for p in articles where starts[p] < starts[p + 1] {
                            let row = matrix.row(order[p])
                            for k in row { dense[Int(columns[k])] = values[k] }
                            for j in starts[p]..<starts[p + 1] {
                                let q = Int(positions[j])
                                if q < p, entry(of: p, among: q) != nil {
                                    cosines.append(-1)
                                    continue
                                }
                                var dot: Float = 0
                                for k in matrix.row(order[q]) { dot += dense[Int(columns[k])] * values[k] }
                                cosines.append(dot)
                            }
                            for k in row { dense[Int(columns[k])] = 0 }
                        }
                    }
                }
            }
            return cosines
        }
        let cosines = cosinesByBlock.flatMap { $0 }
        let computed = cosines.reduce(0) { $1 >= 0 ? $0 + 1 : $0 }
        let kept = parallelMap(count: blocks, scratch: { [(Int32, Float)]() }) { found, block -> [SimilarPair] in
            var pairs: [SimilarPair] = []
            for p in (block * blockSize)..<min(n, (block + 1) * blockSize) {
                found.removeAll(keepingCapacity: true)
                for j in starts[p]..<starts[p + 1] {
                    let q = Int(positions[j])
                    let cosine = cosines[j] >= 0 ? cosines[j] : cosines[entry(of: p, among: q)!]
                    if cosine >= options.minimumSimilarity { found.append((Int32(q), cosine)) }
                }
                keepBest(&found, options.neighbors)
                for (q, cosine) in found { pairs.append(SimilarPair(Int32(order[p]), Int32(order[Int(q)]), similarity: cosine)) }
            }
            return pairs
        }
        return (union(kept, rowCount: n), computed)
    }

    /// The pairs of `blocks`, read in order, sorted by rows, each once (of a pair found from both
    /// ends, the first found is kept). Each core takes a range of lower rows and reads every
    /// block for its pairs: a counting sort by the lower row, then each row's few pairs sorted by
    /// the higher. Linear, where a comparison sort of the millions of pairs found was the search's
    /// longest step on one core; and the blocks are never copied into one array.
    static func union(_ blocks: [[SimilarPair]], rowCount: Int) -> [SimilarPair] {
        let parts = ProcessInfo.processInfo.activeProcessorCount
        let bounds = (0...parts).map { rowCount * $0 / parts }
        let sortedParts = parallelMap(count: parts) { part in union(blocks, rows: bounds[part]..<bounds[part + 1]) }
        var all: [SimilarPair] = []
        all.reserveCapacity(sortedParts.reduce(0) { $0 + $1.count })
        for part in sortedParts { all.append(contentsOf: part) }
        return all
    }

    /// ``union(_:rowCount:)`` of the pairs whose lower row is in `rows`.
    private static func union(_ blocks: [[SimilarPair]], rows: Range<Int>) -> [SimilarPair] {
        var starts = [Int](repeating: 0, count: rows.count + 1)
        for block in blocks {
            for pair in block where rows.contains(Int(pair.first)) { starts[Int(pair.first) - rows.lowerBound + 1] += 1 }
        }
        for row in 0..<rows.count { starts[row + 1] += starts[row] }
        var fill = starts
        var sorted = [SimilarPair](unsafeUninitializedCapacity: starts[rows.count]) { buffer, count in
            for block in blocks {
                for pair in block where rows.contains(Int(pair.first)) {
                    let row = Int(pair.first) - rows.lowerBound
                    buffer.initializeElement(at: fill[row], to: pair)
                    fill[row] += 1
                }
            }
            count = starts[rows.count]
        }
        var unique = 0
        sorted.withUnsafeMutableBufferPointer { sorted in
            for row in 0..<rows.count where starts[row] < starts[row + 1] {
                // Stable: of two pairs with the same rows, the one found first stays first.
                sorted[starts[row]..<starts[row + 1]].sort { $0.second < $1.second }
                for k in starts[row]..<starts[row + 1] where k == starts[row] || sorted[k].second != sorted[k - 1].second {
                    sorted[unique] = sorted[k]
                    unique += 1
                }
            }
        }
        sorted.removeLast(sorted.count - unique)
        return sorted
    }

    /// Buckets of ``takeBest(_:scores:count:into:histogram:gathered:boundary:)``: a score's sign, exponent
    /// and first three mantissa bits (eight buckets an octave).
    static let histogramSize = 1 << 12

    /// The `count` positions of `touched` whose scores are highest (ties: the lower position), as
    /// ``keepBest(_:_:)`` keeps them, with their scores, into `best` (emptied first); every
    /// touched score is reset to 0. Scores are not negative, so their bit patterns order as they
    /// do: a histogram of their top bits finds the bucket where the best `count` end; the
    /// positions above it are kept, and those in it compete by score. Two passes with branches
    /// that rarely change course, where offering each of a thousand positions to a heap of the
    /// best cost as much as walking their postings. `histogram` must be all zeros, and is left so.
    /// The first pass gathers the scores into `gathered` (as long as `touched` at least), which
    /// the second reads in order: the scores themselves are scattered over a large buffer.
    @inline(__always)
    static func takeBest(
        _ touched: UnsafeBufferPointer<Int32>, scores: UnsafeMutableBufferPointer<Float>, count: Int, into best: inout [(Int32, Float)],
        histogram: UnsafeMutableBufferPointer<Int32>, gathered: UnsafeMutableBufferPointer<Float>, boundary: inout [(Int32, Float)]
    ) {
        @inline(__always) func bucket(_ score: Float) -> Int { Int(score.bitPattern >> 20) }
        best.removeAll(keepingCapacity: true)
        guard touched.count > count else {
            for position in touched {
                best.append((position, scores[Int(position)]))
                scores[Int(position)] = 0
            }
            return
        }
        var top = 0
        for (k, position) in touched.enumerated() {
            let score = scores[Int(position)]
            scores[Int(position)] = 0
            gathered[k] = score
            let b = bucket(score)
            histogram[b] += 1
            top = max(top, b)
        }
        // The bucket where the best `count` end: fewer than `count` positions are above it.
        var limit = top, above = 0
        while above + Int(histogram[limit]) < count {
            above += Int(histogram[limit])
            limit -= 1
        }
        boundary.removeAll(keepingCapacity: true)
        for (k, position) in touched.enumerated() {
            let score = gathered[k]
            let b = bucket(score)
            histogram[b] = 0
            if b > limit {
                best.append((position, score))
            } else if b == limit {
                boundary.append((position, score))
            }
        }
        keepBest(&boundary, count - best.count)
        best.append(contentsOf: boundary)
    }

    /// Keeps the `count` entries with the highest scores (ties: the lower index), in no particular
    /// order: a quickselect, linear on average, instead of sorting long candidate lists.
    package static func keepBest(_ entries: inout [(Int32, Float)], _ count: Int) {
        guard entries.count > count else { return }
        @inline(__always) func before(_ a: (Int32, Float), _ b: (Int32, Float)) -> Bool { a.1 > b.1 || (a.1 == b.1 && a.0 < b.0) }
        // Raw pointers: bounds checks in the partition loops cost more than the comparisons.
        entries.withUnsafeMutableBufferPointer { entries in
            var low = 0, high = entries.count - 1
            while low < high {
                let pivot = entries[(low + high) / 2]
                var i = low, j = high
                while i <= j {
                    while before(entries[i], pivot) { i += 1 }
                    while before(pivot, entries[j]) { j -= 1 }
                    if i <= j {
                        entries.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if count - 1 <= j { high = j } else if count - 1 >= i { low = i } else { break }
            }
        }
        entries.removeLast(entries.count - count)
    }

    /// The first index in `start..<end` whose row is `bound` or later (rows ascend), searched
    /// for in steps that double from `start`: cheaper than a binary search over the whole range
    /// when the answer is near `start`, as it is for consecutive articles of a block.
    @inline(__always)
    static func gallop(_ rows: UnsafeBufferPointer<Int32>, from start: Int, _ end: Int, to bound: Int) -> Int {
        guard start < end, Int(rows[start]) < bound else { return start }
        var below = start, step = 1
        while below + step < end, Int(rows[below + step]) < bound {
            below += step
            step *= 2
        }
        return lowerBound(rows, below + 1, min(end, below + step)) { Int($0) >= bound }
    }

    /// The first index in `start..<end` whose element satisfies `isAtOrAfter` (which must be
    /// false then true along the range). Inlinable: clustering searches its neighbour lists with it.
    @inlinable @inline(__always)
    package static func lowerBound<C: RandomAccessCollection>(_ rows: C, _ start: Int, _ end: Int, _ isAtOrAfter: (C.Element) -> Bool) -> Int
    where C.Index == Int {
        var low = start, high = end
        while low < high {
            let mid = (low + high) / 2
            if isAtOrAfter(rows[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
