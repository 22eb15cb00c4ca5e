import Foundation
import Isnad

/// `statements [FILES...]`: extracts the statements of every article (both cores, articles in
/// blocks) and prints articles/s, statements found and peak memory.
func benchStatements(_ files: [String]) {
    print("== statements: \(files.joined(separator: " "))")
    let articles = Ingest.read(files).articles
    var counts: [Int] = []
    let time = seconds {
        let blockSize = 256
        counts = parallelMap(count: (articles.count + blockSize - 1) / blockSize) { block in
            articles[(block * blockSize)..<min(articles.count, (block + 1) * blockSize)].reduce(0) { $0 + StatementExtractor.statements(in: $1).count }
        }
    }
    let found = counts.reduce(0, +)
    print(String(format: "isnad   : %d articles → %d statements in %.2f s = %.0f articles/s (2 cores); peak memory %.0f MiB",
                 articles.count, found, time, Double(articles.count) / time, peakMemoryMiB()))
}
