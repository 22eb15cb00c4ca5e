import Testing
import Vectors

@testable import Stories

@Suite("Clustering")
struct ClusteringTests {
    @Test func aSortedListKeepsEachValueOnce() {
        var list: [Int32] = [1, 1, 3, 3, 3, 7, 9, 9]
        list.removeAdjacentRepeats()
        #expect(list == [1, 3, 7, 9])
        var empty: [UInt32] = []
        empty.removeAdjacentRepeats()
        #expect(empty.isEmpty)
    }

    @Test func mergedClustersEdgesAddTheirWeightsToACommonNeighbour() {
        // Clusters 2 and 8 merge: both reach 5, so its weights add; the edge between them goes.
        let kept = [WeightedEdge(node: 1, weight: 0.25), WeightedEdge(node: 5, weight: 0.5), WeightedEdge(node: 8, weight: 0.75)]
        let gone = [WeightedEdge(node: 2, weight: 0.75), WeightedEdge(node: 5, weight: 0.125), WeightedEdge(node: 9, weight: 1)]
        let merged = Clustering.mergedLists(kept, gone, node: \.node, combine: WeightedEdge.summed, leavingOut: 2, 8)
        #expect(
            merged == [
                WeightedEdge(node: 1, weight: 0.25), WeightedEdge(node: 5, weight: 0.625), WeightedEdge(node: 9, weight: 1),
            ])
    }

    @Test func aNeighbourOfTheGoneClusterCarriesItsWeightToTheKeptOne() {
        // Clusters 2 and 8 merge, 2 kept: a neighbour's edge to 8 is added to its edge to 2.
        func move(_ edges: [WeightedEdge], from gone: Int32, to kept: Int32, weight: Float) -> [WeightedEdge] {
            var edges = edges
            Clustering.moveEntry(from: gone, WeightedEdge(node: kept, weight: weight), in: &edges, node: \.node, combine: WeightedEdge.summed)
            return edges
        }
        #expect(
            move([WeightedEdge(node: 2, weight: 0.5), WeightedEdge(node: 8, weight: 0.25)], from: 8, to: 2, weight: 0.25)
                == [WeightedEdge(node: 2, weight: 0.75)])
        #expect(
            move([WeightedEdge(node: 1, weight: 0.5), WeightedEdge(node: 8, weight: 0.25)], from: 8, to: 4, weight: 0.25)
                == [WeightedEdge(node: 1, weight: 0.5), WeightedEdge(node: 4, weight: 0.25)])
    }

    @Test func mergedClustersNeighboursAreOneAscendingListWithoutThemselves() {
        // Clusters 5 and 12 merge: the union keeps 3 and 9 once and leaves both out.
        func union(_ a: [Int32], _ b: [Int32], leavingOut x: Int32, _ y: Int32) -> [Int32] {
            Clustering.mergedLists(a, b, node: { $0 }, combine: { kept, _ in kept }, leavingOut: x, y)
        }
        #expect(union([1, 3, 5, 9], [2, 3, 9, 12], leavingOut: 5, 12) == [1, 2, 3, 9])
        #expect(union([], [4], leavingOut: 1, 2) == [4])
    }

    @Test func aNeighbourOfTheGoneClusterNowListsTheKeptOneOnce() {
        func move(_ list: [Int32], from gone: Int32, to kept: Int32) -> [Int32] {
            var list = list
            Clustering.moveEntry(from: gone, kept, in: &list, node: { $0 }, combine: { kept, _ in kept })
            return list
        }
        #expect(move([1, 4, 6, 9], from: 4, to: 7) == [1, 6, 7, 9])
        #expect(move([1, 4, 7], from: 4, to: 7) == [1, 7])
        #expect(move([1, 9], from: 4, to: 5) == [1, 5, 9])
    }

    @Test func averageLinkDoesNotChain() {
        // a–b and b–c are similar, a–c are not: single link would make one story of three.
        let pairs = [SimilarPair(0, 1, similarity: 0.9), SimilarPair(1, 2, similarity: 0.9)]
        var options = ClusteringOptions()
        options.mergeThreshold = 0.5
        let labels = Clustering.averageLink(count: 3, pairs: pairs, times: [nil, nil, nil], options: options)
        #expect(labels == [0, 0, 1])
    }

    @Test func aWeakEdgeCountsInsideAStoryItsStrongEdgesMake() {
        // 0–1 and 1–2 are strong, 0–2 weak: the weak edge lifts {0,1}–2 to (0.3 + 0.6) / 2 = 0.45.
        // 3 hangs on 2 by a weak edge only and stays alone.
        let pairs = [
            SimilarPair(0, 1, similarity: 0.9), SimilarPair(1, 2, similarity: 0.6), SimilarPair(0, 2, similarity: 0.3),
            SimilarPair(2, 3, similarity: 0.3),
        ]
        var options = ClusteringOptions()
        options.mergeThreshold = 0.4
        #expect(Clustering.averageLink(count: 4, pairs: pairs, times: [nil, nil, nil, nil], options: options) == [0, 0, 0, 1])
        // Without the weak edge, {0,1}–2 averages 0.3: 2 stays apart.
        #expect(
            Clustering.averageLink(count: 4, pairs: pairs.filter { $0.first != 0 || $0.second != 2 }, times: [nil, nil, nil, nil], options: options) == [
                0, 0, 1, 2,
            ])
    }

    @Test func averageLinkMergesAsTheTextbookDefinitionDoes() {
        // Pseudo-random graphs with distinct weights (the same on every run): the clusters are
        // those of merging, again and again, the two clusters of highest average similarity while
        // it reaches the threshold.
        func unit(_ trial: Int, _ a: Int, _ b: Int, _ salt: UInt64) -> Float {
            var z = (UInt64(trial) << 40 | UInt64(a) << 20 | UInt64(b)) &* 0x9E37_79B9_7F4A_7C15 ^ salt
            z = (z ^ (z >> 31)) &* 0xBF58_476D_1CE4_E5B9
            return Float(z >> 40) / Float(1 << 24)
        }
        var options = ClusteringOptions()
        options.mergeThreshold = 0.3
        for trial in 0..<30 {
            let count = 24
            var pairs: [SimilarPair] = []
            for a in 0..<count {
                for b in (a + 1)..<count where unit(trial, a, b, 1) < 0.25 {
                    pairs.append(SimilarPair(Int32(a), Int32(b), similarity: 0.05 + 0.85 * unit(trial, a, b, 2)))
                }
            }
            let times = [Double?](repeating: nil, count: count)
            #expect(
                partition(Clustering.averageLink(count: count, pairs: pairs, times: times, options: options))
                    == partition(textbookAverageLink(count: count, pairs: pairs, threshold: 0.3)))
        }
    }

    /// Average-link by its definition, in O(n³) per merge.
    func textbookAverageLink(count: Int, pairs: [SimilarPair], threshold: Float) -> [Int] {
        var weight = [[Float]](repeating: [Float](repeating: 0, count: count), count: count)
        for pair in pairs {
            weight[Int(pair.first)][Int(pair.second)] = pair.similarity
            weight[Int(pair.second)][Int(pair.first)] = pair.similarity
        }
        var clusters = (0..<count).map { [$0] }
        while true {
            var best: (Int, Int, Float)?
            for x in clusters.indices {
                for y in clusters.indices where y > x {
                    let total = clusters[x].reduce(Float(0)) { sum, a in clusters[y].reduce(sum) { $0 + weight[a][$1] } }
                    let average = total / Float(clusters[x].count * clusters[y].count)
                    if average >= threshold, average > best?.2 ?? -1 { best = (x, y, average) }
                }
            }
            guard let (x, y, _) = best else { break }
            clusters[x] += clusters[y]
            clusters.remove(at: y)
        }
        var labels = [Int](repeating: 0, count: count)
        for (label, members) in clusters.enumerated() { for a in members { labels[a] = label } }
        return labels
    }

    /// The sets of a labelling, whatever the labels.
    func partition(_ labels: [Int]) -> Set<Set<Int>> {
        Set(Dictionary(grouping: labels.indices) { labels[$0] }.values.map(Set.init))
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
        let rows: [[(Int32, Float)]] = [
            [(0, 0.8), (1, 0.6)], [(0, 0.6), (1, 0.8)], [(0, 0.8), (2, 0.6)], [(0, 0.6), (2, 0.8)],
            [(0, 0.8), (1, 0.6)], [(0, 0.8), (1, 0.6)],
        ]
        let matrix = SparseMatrix(
            columnCount: 3, rowStarts: rows.reduce(into: [0]) { $0.append($0.last! + $1.count) },
            columns: rows.flatMap { $0.map(\.0) }, values: rows.flatMap { $0.map(\.1) })
        let pairs = [SimilarPair(0, 4, similarity: matrix.dot(0, 4))]
        let labels = Clustering.attachToLargeStories([0, 0, 0, 0, 1, 2], matrix: matrix, pairs: pairs, times: Array(repeating: nil, count: 6))
        #expect(labels == [0, 0, 0, 0, 0, 1])
    }

    @Test func aSmallClusterLinkedToTwoLargeStoriesJoinsTheOneItBeatsByMore() {
        // Two stories of four articles (columns 0, 1 and 2, 3), both with the common column 4;
        // each member is 0.866 similar to its centroid, which is the story's threshold. Article 8
        // leans to the first story, 9 to the second, 10 to neither: a tie goes to the first.
        func row(_ weights: [Float]) -> [(Int32, Float)] {
            let norm = weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return weights.enumerated().filter { $0.element > 0 }.map { (Int32($0.offset), $0.element / norm) }
        }
        let rows = [
            row([1, 0, 0, 0, 1]), row([0, 1, 0, 0, 1]), row([1, 0, 0, 0, 1]), row([0, 1, 0, 0, 1]),
            row([0, 0, 1, 0, 1]), row([0, 0, 0, 1, 1]), row([0, 0, 1, 0, 1]), row([0, 0, 0, 1, 1]),
            row([0.3, 0.3, 0.2, 0.2, 1]), row([0.2, 0.2, 0.3, 0.3, 1]), row([0.25, 0.25, 0.25, 0.25, 1]),
        ]
        let matrix = SparseMatrix(
            columnCount: 5, rowStarts: rows.reduce(into: [0]) { $0.append($0.last! + $1.count) },
            columns: rows.flatMap { $0.map(\.0) }, values: rows.flatMap { $0.map(\.1) })
        let pairs = [(8, 0), (8, 4), (9, 1), (9, 5), (10, 2), (10, 6)].map { SimilarPair(Int32($0), Int32($1), similarity: matrix.dot($0, $1)) }
        let labels = Clustering.attachToLargeStories([0, 0, 0, 0, 1, 1, 1, 1, 2, 3, 4], matrix: matrix, pairs: pairs, times: Array(repeating: nil, count: 11))
        #expect(labels == [0, 0, 0, 0, 1, 1, 1, 1, 0, 1, 0])
    }

    @Test func centroidScoresInParallelChunksAreTheScoresOneByOne() {
        // 40 clusters of 1–3 rows over 12 columns, each the neighbour of the next five: the
        // parallel scores come back in order, whatever chunk a large cluster's neighbours fall in.
        func value(_ r: Int, _ c: Int) -> Float { Float((r * 7 + c * 13) % 10) / 10 }
        // Three columns a row, different from row to row: a cluster's scattered columns that a
        // chunk forgot to clear would be read by the next cluster's neighbours.
        let rows: [[(Int32, Float)]] = (0..<80).map { r in
            Set([r % 12, (r * 5 + 1) % 12, (r * 7 + 3) % 12]).sorted().map { (Int32($0), value(r, $0) + 0.05) }
        }
        let matrix = SparseMatrix(
            columnCount: 12, rowStarts: rows.reduce(into: [0]) { $0.append($0.last! + $1.count) },
            columns: rows.flatMap { $0.map(\.0) }, values: rows.flatMap { $0.map(\.1) })
        let labels = (0..<80).map { min($0 / 2, 39) }
        let clusters = Clustering.sums(labels: labels, clusterCount: 40, matrix: matrix, times: (0..<80).map { Double($0) * 3600 })
        let neighbors = (0..<40).map { a in (1...5).map { Int32((a + $0) % 40) }.sorted() }
        var options = ClusteringOptions()
        options.minimumMeanSimilarity = 0
        for (higherOnly, minimum) in [(false, -Float.infinity), (true, Float(0.3))] {
            let which = higherOnly ? Array(0..<40) : [3, 7, 8, 21, 39]
            var all: [(Int32, Int32, Float)] = []
            for a in which {
                var dense = [Float](repeating: 0, count: 12)
                clusters[a].scatter(into: &dense)
                for b in neighbors[a] where !higherOnly || Int(b) > a {
                    all.append((Int32(a), b, Clustering.centroidScore(clusters[a], clusters[Int(b)], scattered: dense, options: options)))
                }
            }
            let expected = all.filter { $0.2 >= minimum }
            let scores = Clustering.neighborScores(
                which, clusters: clusters, neighbors: neighbors, higherOnly: higherOnly, minimum: minimum, columnCount: 12, options: options)
            #expect(scores.map(\.a) == expected.map(\.0))
            #expect(scores.map(\.b) == expected.map(\.1))
            #expect(scores.map(\.score) == expected.map(\.2))
            #expect(all.filter { $0.2 > 0 }.count > all.count / 2)
            // The minimum leaves some pairs out and keeps others.
            #expect(minimum == -.infinity || (0 < expected.count && expected.count < all.count))
        }
    }

    @Test func edgesAreGroupedByNodeInBothDirections() {
        // Four nodes; the edge 1–2 is left out.
        let edges: [(a: Int32, b: Int32, value: Float)?] = [(0, 2, 0.5), (1, 2, 0.9), nil, (3, 0, 0.25)]
        let (starts, others, values) = Clustering.groupedEdges(count: 4, edgeCount: edges.count) { k in k == 1 ? nil : edges[k] }
        #expect(starts == [0, 2, 2, 3, 4])
        #expect(others == [2, 3, 0, 0])
        #expect(values == [0.5, 0.25, 0.5, 0.25])
    }
}
