import ArabicText
import Foundation
import LinearAlgebra
import Support

/// The dense route to candidate pairs: the TF-IDF rows are projected onto their top singular
/// directions (LSA, by a randomized range finder: Y = X·Ω with a ±1 test matrix Ω, Q from LAPACKE's QR, the eigen-
/// decomposition of the small B·Bᵀ with B = Qᵀ·X), and the projected rows are compared block by
/// block with `cblas_sgemm` within the time window. The best candidates of each article by LSA
/// score get their exact TF-IDF cosine, as in the sparse route, so both routes feed clustering the
/// same similarity. Never builds an n×n matrix.
public enum DenseSimilarity {
    /// Rows of articles compared per `sgemm` block.
    static let blockRows = 256

    /// The union of every article's `options.neighbors` most similar articles, found through an
    /// LSA projection of `rank` dimensions.
    public static func neighbors(_ matrix: SparseMatrix, times: [Double?], options: NeighborOptions = NeighborOptions(), rank: Int = 192) -> (
        pairs: [SimilarPair], report: KernelReport
    ) {
        let start = DispatchTime.now().uptimeNanoseconds
        let n = matrix.rowCount
        let timeline = TimeOrder(times)
        let (order, time, firstUndated) = (timeline.order, timeline.time, timeline.firstUndated)
        let (embedding, projectionFlops) = project(matrix, order: order, rank: min(rank, max(1, n - 1), max(1, matrix.columnCount - 1)))
        let projected = DispatchTime.now().uptimeNanoseconds
        let k = embedding.columns
        let savedThreads = BLAS.threadCount
        BLAS.threadCount = 1  // the blocks run in parallel; each sgemm on one core
        defer { BLAS.threadCount = savedThreads }
        let blocks = (n + blockRows - 1) / blockRows
        let results = parallelMap(count: blocks) { block -> (lists: CandidateLists.Block, flops: Double) in
            let rows = (block * blockRows)..<min(n, (block + 1) * blockRows)
            let undatedBlock = rows.lowerBound >= firstUndated
            let low = undatedBlock ? 0 : SparseSimilarity.lowerBound(time, 0, n) { $0 >= time[rows.lowerBound] - options.window }
            let high = undatedBlock ? n : SparseSimilarity.lowerBound(time, 0, n) { $0 > time[rows.upperBound - 1] + options.window }
            var scores: [Float] = []
            rowBlockProduct(embedding, rows: rows, embedding, rows: low..<high, into: &scores)
            var candidates: [(Int32, Float)] = []
            var lists = CandidateLists.Block()
            let width = high - low
            for (r, p) in rows.enumerated() {
                let rowLow = p >= firstUndated ? -Double.infinity : time[p] - options.window
                let rowHigh = p >= firstUndated ? Double.infinity : time[p] + options.window
                candidates.removeAll(keepingCapacity: true)
                for q in low..<high where q != p && time[q] >= rowLow && time[q] <= rowHigh {
                    let score = scores[r * width + (q - low)]
                    if score >= options.minimumSimilarity { candidates.append((Int32(q), score)) }
                }
                SparseSimilarity.keepBest(&candidates, options.neighbors * options.rescoredFactor)
                lists.append(candidates)
            }
            return (lists, 2 * Double(rows.count) * Double(width) * Double(k))
        }
        let (pairs, computed) = SparseSimilarity.rescored(matrix, order: order, candidates: CandidateLists(results.map(\.lists)), options: options)
        let end = DispatchTime.now().uptimeNanoseconds
        return (
            pairs,
            KernelReport(
                seconds: Double(end - projected) / 1e9, pairsComputed: computed,
                flops: results.reduce(0) { $0 + $1.flops },
                projectionSeconds: Double(projected - start) / 1e9, projectionFlops: projectionFlops)
        )
    }

    /// The LSA embedding of the rows in `order` (row p of the result is row `order[p]`), rows
    /// L2-normalized, and the floating-point operations spent.
    static func project(_ x: SparseMatrix, order: [Int], rank: Int) -> (Matrix, Double) {
        let n = x.rowCount, l = rank + 16
        var flops = 0.0
        // Y = X·Ω, Ω a Rademacher (±1) test matrix drawn from a fixed seed per column, never stored.
        var y = Matrix(rows: n, columns: l)
        let blockSize = 512
        y.storage.withUnsafeMutableBufferPointer { buffer in
            let rows = SendableRows(buffer.baseAddress!)
            _ = parallelMap(count: (n + blockSize - 1) / blockSize) { block -> Int in
                var omega = [Float](repeating: 0, count: l)
                for p in (block * blockSize)..<min(n, (block + 1) * blockSize) {
                    let out = rows.pointer + p * l
                    for e in x.row(order[p]) {
                        signRow(column: Int(x.columns[e]), into: &omega)
                        let value = x.values[e]
                        for j in 0..<l { out[j] += value * omega[j] }
                    }
                }
                return 0
            }
        }
        flops += 2 * Double(x.nonZeroCount) * Double(l)
        guard let q = try? qr(y).q else { return (Matrix(rows: n, columns: 0), flops) }
        flops += 4 * Double(n) * Double(l) * Double(l)
        // Bᵀ = Xᵀ·Q (columns × l): through the columns of X (CSC), in parallel over blocks of
        // terms, each filling its own rows of Bᵀ.
        let (starts, entries, weights) = x.columns(inRowOrder: order)
        var bt = Matrix(rows: x.columnCount, columns: l)
        bt.storage.withUnsafeMutableBufferPointer { buffer in
            let rows = SendableRows(buffer.baseAddress!)
            _ = parallelMap(count: (x.columnCount + 1023) / 1024) { block -> Int in
                q.storage.withUnsafeBufferPointer { qb in
                    for c in (block * 1024)..<min(x.columnCount, (block + 1) * 1024) {
                        let out = rows.pointer + c * l
                        for e in starts[c]..<starts[c + 1] {
                            let source = qb.baseAddress! + Int(entries[e]) * l
                            let value = weights[e]
                            for j in 0..<l { out[j] += value * source[j] }
                        }
                    }
                }
                return 0
            }
        }
        flops += 2 * Double(x.nonZeroCount) * Double(l)
        // B·Bᵀ (l × l) by sgemm, its eigenvectors give the singular directions within Q.
        let gram = product(bt, transposeA: true, bt)
        flops += 2 * Double(x.columnCount) * Double(l) * Double(l)
        guard let (values, vectors) = try? symmetricEigen(gram) else { return (Matrix(rows: n, columns: 0), flops) }
        var scaled = Matrix(rows: l, columns: rank)
        for j in 0..<rank {
            let source = l - 1 - j  // eigenvalues ascend: take the largest first
            let sigma = max(0, values[source]).squareRoot()
            for i in 0..<l { scaled[i, j] = vectors[i, source] * sigma }
        }
        var embedding = product(q, scaled)
        flops += 2 * Double(n) * Double(l) * Double(rank)
        for p in 0..<n {
            let row = p * rank
            var norm: Float = 0
            for j in 0..<rank { norm += embedding.storage[row + j] * embedding.storage[row + j] }
            let scale = norm > 0 ? 1 / norm.squareRoot() : 0
            for j in 0..<rank { embedding.storage[row + j] *= scale }
        }
        return (embedding, flops)
    }

    /// The row of the Rademacher test matrix for a column: ±1 from the bits of a SplitMix64
    /// stream seeded by the column, the same on every run.
    @inline(__always)
    static func signRow(column: Int, into row: inout [Float]) {
        var state = UInt64(column) &* 0x9E37_79B9_7F4A_7C15 &+ 0xD1B5_4A32_D192_ED03
        var j = 0
        while j < row.count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            for bit in 0..<min(64, row.count - j) { row[j + bit] = (z >> UInt64(bit)) & 1 == 0 ? 1 : -1 }
            j += 64
        }
    }
}

/// Rows of a matrix that parallel iterations fill, each its own rows (valid inside the
/// `withUnsafeMutableBufferPointer` call that made it).
private struct SendableRows: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    init(_ pointer: UnsafeMutablePointer<Float>) { self.pointer = pointer }
}
