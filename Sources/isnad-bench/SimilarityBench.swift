import Foundation
import Isnad

/// `similarity [FILES...]`: both similarity kernels on the same TF-IDF rows, with this machine's
/// sgemm peak measured in the same run for comparison.
func benchSimilarity(_ files: [String]) {
    print("== similarity: \(files.joined(separator: " "))")
    let articles = Ingest.read(files).articles
    let boilerplate = StoryDetection.learnBoilerplate(articles)
    let (_, matrix) = TFIDF.fit(articles.map { Document(title: $0.title, text: $0.text, source: $0.source) }, boilerplate: boilerplate)
    let times = articles.map { $0.published.map { Double($0.epochSeconds) } }
    // The physical limit: sgemm 2048³ on all cores, then on one.
    let size = 2048
    let a = Matrix(rows: size, columns: size, storage: (0..<(size * size)).map { Float($0 % 7) / 7 })
    var c = Matrix(rows: size, columns: size)
    gemm(a, a, into: &c)
    let peak = 2 * pow(Double(size), 3) / seconds { gemm(a, a, into: &c) } / 1e9
    let threads = BLAS.threadCount
    BLAS.threadCount = 1
    let peakOne = 2 * pow(Double(size), 3) / seconds { gemm(a, a, into: &c) } / 1e9
    BLAS.threadCount = threads
    print(String(format: "sgemm 2048³: %.1f GFLOP/s on %d threads, %.1f GFLOP/s on one", peak, threads, peakOne))
    let sparse = SparseSimilarity.neighbors(matrix, times: times)
    print(
        String(
            format: "sparse : %.2f s, %d pairs rescored exactly (%.1f M/s), %d candidate pairs kept",
            sparse.report.seconds, sparse.report.pairsComputed, Double(sparse.report.pairsComputed) / sparse.report.seconds / 1e6, sparse.pairs.count))
    let dense = DenseSimilarity.neighbors(matrix, times: times)
    print(
        String(
            format:
                "lsa    : projection %.2f s (%.1f GFLOP, %.1f GFLOP/s); blocks %.2f s (%.1f GFLOP of sgemm, %.1f GFLOP/s with selection and rescoring); %d candidate pairs kept",
            dense.report.projectionSeconds, dense.report.projectionFlops / 1e9, dense.report.projectionFlops / dense.report.projectionSeconds / 1e9,
            dense.report.seconds, dense.report.flops / 1e9, dense.report.flops / dense.report.seconds / 1e9, dense.pairs.count))
    let sparseSet = Set(sparse.pairs.map { Int($0.first) << 32 | Int($0.second) })
    let common = dense.pairs.filter { sparseSet.contains(Int($0.first) << 32 | Int($0.second)) }.count
    print(
        String(
            format: "overlap: %.1f %% of the sparse pairs are among the LSA pairs; peak memory %.0f MiB",
            100 * Double(common) / Double(max(1, sparse.pairs.count)), peakMemoryMiB()))
}
