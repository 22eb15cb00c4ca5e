import ArabicText
import Foundation

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
    /// One article's row, scattered for rescoring; zero between articles.
    var dense: [Float]
    var heaviest: [(Int32, Float)] = []
    var candidates: [(Int32, Float)] = []
    var found: [(Int32, Float)] = []

    init(rowCount: Int, columnCount: Int, postingStarts: [Int]) {
        accumulator = [Float](repeating: 0, count: rowCount)
        touched = [Int32](repeating: 0, count: rowCount)
        windowStarts = postingStarts.dropLast().map(Int32.init)
        windowEnds = windowStarts
        dense = [Float](repeating: 0, count: columnCount)
    }
}

/// What a similarity kernel did, for the benchmark.
public struct KernelReport: Sendable {
    /// Wall time.
    public var seconds: Double
    /// Article pairs whose similarity was computed (both directions count once each).
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
    public static func neighbors(_ matrix: SparseMatrix, times: [Double?], options: NeighborOptions = NeighborOptions()) -> (pairs: [SimilarPair], report: KernelReport) {
        let start = DispatchTime.now().uptimeNanoseconds
        let n = matrix.rowCount
        precondition(times.count == n)
        let timeline = TimeOrder(times)
        let (order, time, firstUndated) = (timeline.order, timeline.time, timeline.firstUndated)
        // Postings by column, in time order: positions and values.
        let (postingStarts, postingRows, postingValues) = matrix.columns(inRowOrder: order)
        // Where each column's undated postings start (they are last in time order).
        let undatedStarts = (0..<matrix.columnCount).map { c in
            lowerBound(postingRows, postingStarts[c], postingStarts[c + 1]) { Int($0) >= firstUndated }
        }
        let blockSize = 256
        let results = parallelMap(count: (n + blockSize - 1) / blockSize, scratch: {
            SearchScratch(rowCount: n, columnCount: matrix.columnCount, postingStarts: postingStarts)
        }) { scratch, block -> (pairs: [SimilarPair], computed: Int) in
            var pairs: [SimilarPair] = []
            pairs.reserveCapacity(blockSize * options.neighbors)
            var computed = 0
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
                                    if accumulator[other] == 0 {
                                        touched[touchedCount] = Int32(other)
                                        touchedCount += 1
                                    }
                                    accumulator[other] += value * postingValues[q]
                                }
                                q += 1
                            }
                            if stop == end { break }
                            (q, stop) = (undatedStart, end)
                        }
                    }
                    // The best candidates by partial score, kept in a heap whose root is the
                    // worst kept: most candidates are turned away by one comparison with it.
                    scratch.candidates.removeAll(keepingCapacity: true)
                    let kept = options.neighbors * options.rescoredFactor
                    for other in touched[..<touchedCount] {
                        offer((other, accumulator[Int(other)]), to: &scratch.candidates, keeping: kept)
                        accumulator[Int(other)] = 0
                    }
                    touchedCount = 0
                    computed += scratch.candidates.count
                    rescore(matrix, order: order, position: p, candidates: scratch.candidates, dense: &scratch.dense, found: &scratch.found, options: options, into: &pairs)
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
            return (pairs, computed)
        }
        let unique = union(results.flatMap(\.pairs), rowCount: n)
        let computed = results.reduce(0) { $0 + $1.computed }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (unique, KernelReport(seconds: seconds, pairsComputed: computed, flops: 0))
    }

    /// The exact cosines of one article (at `position` in `order`) with its candidates, from its
    /// row scattered into `dense`; the best `options.neighbors` at `options.minimumSimilarity` or
    /// more are appended to `pairs`. Shared by the sparse and the dense route.
    static func rescore(_ matrix: SparseMatrix, order: [Int], position p: Int, candidates: [(Int32, Float)],
                        dense: inout [Float], found: inout [(Int32, Float)], options: NeighborOptions, into pairs: inout [SimilarPair]) {
        matrix.columns.withUnsafeBufferPointer { columns in
        matrix.values.withUnsafeBufferPointer { values in
        dense.withUnsafeMutableBufferPointer { dense in
            let row = matrix.row(order[p])
            for k in row { dense[Int(columns[k])] = values[k] }
            found.removeAll(keepingCapacity: true)
            for (other, _) in candidates {
                var dot: Float = 0
                for k in matrix.row(order[Int(other)]) { dot += dense[Int(columns[k])] * values[k] }
                if dot >= options.minimumSimilarity { found.append((other, dot)) }
            }
            for k in row { dense[Int(columns[k])] = 0 }
        }
        }
        }
        keepBest(&found, options.neighbors)
        for (other, s) in found { pairs.append(SimilarPair(Int32(order[p]), Int32(order[Int(other)]), similarity: s)) }
    }

    /// The pairs sorted by rows, each once (of a pair found from both ends, the first found is
    /// kept). A counting sort by the lower row, then each row's few pairs sorted by the higher:
    /// linear, where a comparison sort of the millions of pairs found was the search's longest
    /// step on one core.
    static func union(_ pairs: [SimilarPair], rowCount: Int) -> [SimilarPair] {
        var starts = [Int](repeating: 0, count: rowCount + 1)
        for pair in pairs { starts[Int(pair.first) + 1] += 1 }
        for row in 0..<rowCount { starts[row + 1] += starts[row] }
        var fill = starts
        var sorted = [SimilarPair](unsafeUninitializedCapacity: pairs.count) { buffer, count in
            for pair in pairs {
                buffer.initializeElement(at: fill[Int(pair.first)], to: pair)
                fill[Int(pair.first)] += 1
            }
            count = pairs.count
        }
        var unique = 0
        sorted.withUnsafeMutableBufferPointer { sorted in
            for row in 0..<rowCount where starts[row] < starts[row + 1] {
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

    /// Adds `entry` to `heap`, which keeps the `count` entries with the highest scores (ties: the
    /// lower index) as ``keepBest(_:_:)`` does, its worst entry at the root.
    @inline(__always)
    static func offer(_ entry: (Int32, Float), to heap: inout [(Int32, Float)], keeping count: Int) {
        @inline(__always) func worse(_ a: (Int32, Float), _ b: (Int32, Float)) -> Bool { a.1 < b.1 || (a.1 == b.1 && a.0 > b.0) }
        if heap.count < count {
            heap.append(entry)
            heap.withUnsafeMutableBufferPointer { heap in
                var i = heap.count - 1
                while i > 0, worse(heap[i], heap[(i - 1) / 2]) {
                    heap.swapAt(i, (i - 1) / 2)
                    i = (i - 1) / 2
                }
            }
        } else if count > 0, worse(heap[0], entry) {
            heap.withUnsafeMutableBufferPointer { heap in
                heap[0] = entry
                var i = 0
                while true {
                    let left = 2 * i + 1, right = left + 1
                    var worst = i
                    if left < heap.count, worse(heap[left], heap[worst]) { worst = left }
                    if right < heap.count, worse(heap[right], heap[worst]) { worst = right }
                    if worst == i { break }
                    heap.swapAt(i, worst)
                    i = worst
                }
            }
        }
    }

    /// Keeps the `count` entries with the highest scores (ties: the lower index), in no particular
    /// order: a quickselect, linear on average, instead of sorting long candidate lists.
    public static func keepBest(_ entries: inout [(Int32, Float)], _ count: Int) {
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
    /// false then true along the range).
    @inline(__always)
    static func lowerBound<C: RandomAccessCollection>(_ rows: C, _ start: Int, _ end: Int, _ isAtOrAfter: (C.Element) -> Bool) -> Int where C.Index == Int {
        var low = start, high = end
        while low < high {
            let mid = (low + high) / 2
            if isAtOrAfter(rows[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
