import Foundation
import Isnad

/// `statements [FILES...]`: extracts the statements of every article (both cores, articles in
/// blocks) and prints articles/s, statements found and peak memory.
func benchStatements(_ files: [String]) {
    print("== statements: \(files.joined(separator: " "))")
    let articles = Ingest.read(files).articles
    var found = 0
    let time = seconds { found = Pipeline.statements(in: articles).count }
    print(
        String(
            format: "isnad   : %d articles → %d statements in %.2f s = %.0f articles/s (2 cores); peak memory %.0f MiB",
            articles.count, found, time, Double(articles.count) / time, peakMemoryMiB()))
}
