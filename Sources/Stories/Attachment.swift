import ArabicText
import Foundation
import Support
import Vectors

extension Clustering {
    /// The third pass: a small cluster (a stray article, a pair) joins a large story when it is as
    /// close to the story's centroid as the story's own members are. A story of many facets has a
    /// diffuse centroid that its members resemble only moderately; a fixed threshold would be too
    /// strict for it and too loose for a tight story, so each large cluster gets its own: the
    /// `attachQuantile` of its members' similarities to its centroid, never below
    /// `attachFloor`. The candidates are the large clusters the article graph (`pairs`) links a
    /// small cluster to; each small cluster joins the one whose threshold it beats by the most
    /// (time decay applied).
    public static func attachToLargeStories(
        _ labels: [Int], matrix: SparseMatrix, pairs: [SimilarPair], times: [Double?], options: ClusteringOptions = ClusteringOptions()
    ) -> [Int] {
        let clusterCount = (labels.max() ?? -1) + 1
        let sums = sums(labels: labels, clusterCount: clusterCount, matrix: matrix, times: times)
        return attachToLargeStories(labels, sums: sums, matrix: matrix, pairs: pairs, options: options)
    }

    /// ``attachToLargeStories(_:matrix:pairs:times:options:)`` from the clusters' row sums, by label.
    static func attachToLargeStories(_ labels: [Int], sums: [ClusterSum], matrix: SparseMatrix, pairs: [SimilarPair], options: ClusteringOptions) -> [Int] {
        let clusterCount = sums.count
        var members = [[Int]](repeating: [], count: clusterCount)
        for (i, label) in labels.enumerated() { members[label].append(i) }
        let isLarge = members.map { $0.count >= options.largeStory }
        // Each candidate as large << 32 | small, sorted: grouped by large cluster, no repeats.
        var candidates: [UInt64] = []
        for pair in pairs {
            let (x, y) = (labels[Int(pair.first)], labels[Int(pair.second)])
            guard isLarge[x] != isLarge[y] else { continue }
            let (small, large) = isLarge[x] ? (y, x) : (x, y)
            candidates.append(UInt64(large) << 32 | UInt64(small))
        }
        guard !candidates.isEmpty else { return labels }
        candidates.sort()
        // Where each large cluster's candidates start; the clusters are judged in parallel, and
        // their offers applied in order, as one loop over them would.
        var groupStarts: [Int] = []
        for k in candidates.indices where k == 0 || candidates[k] >> 32 != candidates[k - 1] >> 32 { groupStarts.append(k) }
        groupStarts.append(candidates.count)
        let (grouped, bounds, memberLists) = (candidates, groupStarts, members)
        let offers = parallelMap(count: bounds.count - 1, scratch: { [Float](repeating: 0, count: matrix.columnCount) }) {
            dense, group -> [(small: Int, margin: Float)] in
            let large = Int(grouped[bounds[group]] >> 32)
            let story = sums[large]
            story.scatter(into: &dense)
            defer { story.clear(&dense) }
            // The story's threshold: a low quantile of its members' similarities to its centroid.
            let similarities = memberLists[large].map { matrix.dot(row: $0, dense: dense) / story.norm }.sorted()
            let threshold = max(options.attachFloor, similarities[min(similarities.count - 1, Int(Double(similarities.count) * options.attachQuantile))])
            var found: [(small: Int, margin: Float)] = []
            var previous = -1
            for candidate in grouped[bounds[group]..<bounds[group + 1]] {
                let small = Int(candidate & 0xFFFF_FFFF)
                guard small != previous else { continue }
                previous = small
                let cluster = sums[small]
                let dot = cluster.dot(dense: dense)
                guard cluster.norm > 0, story.norm > 0, dot / Float(cluster.size * story.size) >= options.minimumMeanSimilarity else { continue }
                let similarity = dot / (cluster.norm * story.norm) * decay(cluster.meanTime, story.meanTime, halfLife: options.halfLifeDays)
                let margin = similarity - threshold
                if margin >= 0 { found.append((small, margin)) }
            }
            return found
        }
        var best = [(target: Int, margin: Float)?](repeating: nil, count: clusterCount)
        for (group, found) in offers.enumerated() {
            let large = Int(grouped[bounds[group]] >> 32)
            for (small, margin) in found where margin > best[small]?.margin ?? -.infinity { best[small] = (large, margin) }
        }
        return relabel(labels.map { best[$0]?.target ?? $0 })
    }
}
