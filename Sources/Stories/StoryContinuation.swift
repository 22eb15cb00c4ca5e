import Ingest

/// Stories that go on from day to day: new articles are clustered together with the stored
/// articles of the same time window, and each cluster tells which stored story its new articles
/// continue, and which stored stories turn out to be one.
public enum StoryContinuation {
    /// How a clustering of stored and new articles continues the stored stories.
    public struct Outcome: Sendable, Equatable {
        /// The story id of every article (stored ones keep theirs unless their story merged).
        public var storyIDs: [String]
        /// Stored stories merged into another: retired id → the id that continues it.
        public var merged: [String: String]
    }

    /// The story of every article of a clustering of stored and new articles.
    ///
    /// `storedIDs[i]` is article `i`'s story if it is stored, nil if it is new. The new articles of
    /// a cluster take the id most of the cluster's stored articles hold (on a tie, the story with
    /// the earliest article); a cluster of new articles only opens a story, whose id comes from its
    /// first article as in a batch run. A stored story more than half of whose articles here fall
    /// in a cluster that another story leads is merged into that one: both were one story, which
    /// the new articles show. Every other stored article keeps its story.
    public static func continuation(labels: [Int], storedIDs: [String?], articles: [Article]) -> Outcome {
        precondition(labels.count == storedIDs.count && labels.count == articles.count)
        var members = [[Int]](repeating: [], count: (labels.max() ?? -1) + 1)
        for (i, label) in labels.enumerated() { members[label].append(i) }
        var storedCount: [String: Int] = [:]
        for id in storedIDs.compactMap({ $0 }) { storedCount[id, default: 0] += 1 }
        var ids = storedIDs.map { $0 ?? "" }
        var merged: [String: String] = [:]
        for cluster in members where cluster.contains(where: { storedIDs[$0] == nil }) {
            let votes = Self.votes(cluster, storedIDs: storedIDs, articles: articles)
            guard let leader = votes.first else {
                let first = cluster.min { WireCopies.earlier(articles[$0], articles[$1]) }!
                for i in cluster { ids[i] = storyID(articles[first].id) }
                continue
            }
            for (id, count) in votes.dropFirst() where 2 * count > storedCount[id]! { merged[id] = leader.id }
            for i in cluster where storedIDs[i] == nil { ids[i] = leader.id }
        }
        // A story merged into one that merged in turn continues under the last.
        func target(_ id: String) -> String {
            var id = id
            while let next = merged[id] { id = next }
            return id
        }
        merged = merged.mapValues(target)
        return Outcome(storyIDs: ids.map { merged[$0] ?? $0 }, merged: merged)
    }

    /// The stored stories of a cluster by how many of its articles they hold, most first, then by
    /// their earliest article.
    static func votes(_ cluster: [Int], storedIDs: [String?], articles: [Article]) -> [(id: String, count: Int)] {
        var votes: [String: (count: Int, earliest: Int)] = [:]
        for i in cluster {
            guard let id = storedIDs[i] else { continue }
            if let vote = votes[id] {
                votes[id] = (vote.count + 1, WireCopies.earlier(articles[i], articles[vote.earliest]) ? i : vote.earliest)
            } else {
                votes[id] = (1, i)
            }
        }
        return votes.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : WireCopies.earlier(articles[a.value.earliest], articles[b.value.earliest])
        }.map { ($0.key, $0.value.count) }
    }
}
