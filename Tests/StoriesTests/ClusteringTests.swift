import Testing
import Vectors
@testable import Stories

@Suite("Clustering")
struct ClusteringTests {
    @Test func averageLinkDoesNotChain() {
        // a–b and b–c are similar, a–c are not: single link would make one story of three.
        let pairs = [SimilarPair(0, 1, similarity: 0.9), SimilarPair(1, 2, similarity: 0.9)]
        var options = ClusteringOptions()
        options.mergeThreshold = 0.5
        let labels = Clustering.averageLink(count: 3, pairs: pairs, times: [nil, nil, nil], options: options)
        #expect(labels == [0, 0, 1])
    }

    @Test func similarityDecaysWithTime() {
        let pairs = [SimilarPair(0, 1, similarity: 0.6)]
        var options = ClusteringOptions()
        options.mergeThreshold = 0.25
        let sameDay = Clustering.averageLink(count: 2, pairs: pairs, times: [0, 3_600], options: options)
        let tenDaysApart = Clustering.averageLink(count: 2, pairs: pairs, times: [0, 10 * 86_400], options: options)
        #expect(sameDay == [0, 0])
        #expect(tenDaysApart == [0, 1], "0.6 · 2^(−10/3) ≈ 0.06 is below the threshold")
    }

    @Test func decayHalvesPerHalfLife() {
        #expect(abs(Clustering.decay(0, 3 * 86_400, halfLife: 3) - 0.5) < 1e-6)
        #expect(Clustering.decay(nil, 0, halfLife: 3) == 1)
    }

    @Test func storyIDsAreStableAndPadded() {
        #expect(storyID("MI-0101") == storyID("MI-0101"))
        #expect(storyID("MI-0101").count == 12)
        #expect(storyID("MI-0101") != storyID("NA-0102"))
    }

    @Test func aSmallClusterJoinsOnlyALargeStoryTheArticleGraphLinksItTo() {
        // Articles 0–3 are a story; 4 and 5 have the same words as it, but only 4 is linked to one
        // of its articles by a candidate pair.
        let rows: [[(Int32, Float)]] = [[(0, 0.8), (1, 0.6)], [(0, 0.6), (1, 0.8)], [(0, 0.8), (2, 0.6)], [(0, 0.6), (2, 0.8)],
                                        [(0, 0.8), (1, 0.6)], [(0, 0.8), (1, 0.6)]]
        let matrix = SparseMatrix(columnCount: 3, rowStarts: rows.reduce(into: [0]) { $0.append($0.last! + $1.count) },
                                  columns: rows.flatMap { $0.map(\.0) }, values: rows.flatMap { $0.map(\.1) })
        let pairs = [SimilarPair(0, 4, similarity: matrix.dot(0, 4))]
        let labels = Clustering.attachToLargeStories([0, 0, 0, 0, 1, 2], matrix: matrix, pairs: pairs, times: Array(repeating: nil, count: 6))
        #expect(labels == [0, 0, 0, 0, 0, 1])
    }
}
