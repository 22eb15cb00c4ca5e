import Foundation
import Vectors

extension Clustering {
    /// The third pass: a small cluster (a stray article, a pair) joins a large story when it is as
    /// close to the story's centroid as the story's own members are. A story of many facets has a
    /// diffuse centroid that its members resemble only moderately; a fixed threshold would be too
    /// strict for it and too loose for a tight story, so each large cluster gets its own: the
    /// `attachQuantile` of its members' similarities to its centroid, never below
    /// `attachFloor`. Each small cluster joins the large cluster it beats the threshold of by the
    /// most (time decay applied).
    public static func attachToLargeStories(_ labels: [Int], matrix: SparseMatrix, times: [Double?], options: ClusteringOptions = ClusteringOptions(), neighbors: NeighborOptions = NeighborOptions()) -> [Int] {
        let clusterCount = (labels.max() ?? -1) + 1
        var members = [[Int]](repeating: [], count: clusterCount)
        for (i, label) in labels.enumerated() { members[label].append(i) }
        let sums = sums(labels: labels, clusterCount: clusterCount, matrix: matrix, times: times)
        let (centroids, clusterTimes) = centroidMatrix(sums, columnCount: matrix.columnCount)
        let large = (0..<clusterCount).filter { members[$0].count >= options.largeStory }
        guard !large.isEmpty else { return labels }
        // Each large cluster's threshold: a low quantile of its members' similarity to its centroid.
        var threshold = [Float](repeating: .infinity, count: clusterCount)
        for c in large {
            let similarities = members[c].map { sparseDot(matrix.columns[matrix.row($0)], matrix.values[matrix.row($0)], centroids.columns[centroids.row(c)], centroids.values[centroids.row(c)]) }.sorted()
            let index = min(similarities.count - 1, Int(Double(similarities.count) * options.attachQuantile))
            threshold[c] = max(options.attachFloor, similarities[index])
        }
        var search = neighbors
        search.minimumSimilarity = options.attachFloor
        search.neighbors = 20
        let isLarge = members.map { $0.count >= options.largeStory }
        let pairs = SparseSimilarity.neighbors(centroids, times: clusterTimes, options: search,
                                               queries: isLarge.map { !$0 }, targets: isLarge).pairs
        var best = [(target: Int, margin: Float)?](repeating: nil, count: clusterCount)
        for pair in pairs {
            for (small, big) in [(Int(pair.first), Int(pair.second)), (Int(pair.second), Int(pair.first))]
            where members[small].count < options.largeStory && members[big].count >= options.largeStory {
                guard sums[small].similarity(sums[big]).mean >= options.minimumMeanSimilarity else { continue }
                let similarity = pair.similarity * decay(clusterTimes[small], clusterTimes[big], halfLife: options.halfLifeDays)
                let margin = similarity - threshold[big]
                if margin >= 0, margin > best[small]?.margin ?? -.infinity { best[small] = (big, margin) }
            }
        }
        return relabel(labels.map { best[$0]?.target ?? $0 })
    }
}
