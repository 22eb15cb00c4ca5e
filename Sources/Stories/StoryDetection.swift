import ArabicText
import Foundation
import Ingest
import Support
import Vectors

/// Every parameter of story detection, with the defaults used for every corpus.
public struct StoryOptions: Sendable, Equatable {
    /// How articles become vectors.
    public var vectors = VectorOptions()
    /// Which similar pairs become candidates.
    public var neighbors = NeighborOptions()
    /// How candidates are found.
    public var route = SimilarityRoute.sparse
    /// How candidates become stories.
    public var clustering = ClusteringOptions()
    /// How stories are followed across days and weeks.
    public var threads = ThreadOptions()

    /// The defaults.
    public init() {}
}

/// How candidate pairs are found; both give exact TF-IDF cosines of the candidates.
public enum SimilarityRoute: String, Sendable, CaseIterable {
    /// Inverted index over each article's heaviest terms (the default: faster and as good, see the README).
    case sparse
    /// LSA projection (LAPACKE) and blocked `sgemm` over the projected rows.
    case lsa
}

/// Wall time of each stage, in seconds, for reports and the benchmark.
public struct StageTimes: Sendable, Codable {
    /// Line fingerprints and boilerplate learning (the fingerprints are made even when the
    /// boilerplate is given: the vectors stage uses them).
    public var boilerplate = 0.0
    /// TF-IDF (terms, vocabulary, matrix).
    public var vectors = 0.0
    /// Candidate pairs.
    public var similarity = 0.0
    /// Wall time of clustering, wire copies and story records (wire copies and headline words are
    /// found beside the clustering passes, so this is less than the sum of the seven below).
    public var clustering = 0.0
    /// Average-link over the candidate graph.
    public var averageLink = 0.0
    /// Centroid merging.
    public var centroidMerge = 0.0
    /// Small clusters joining large stories.
    public var attachment = 0.0
    /// Stories of one development on different days joining.
    public var threads = 0.0
    /// Wire-copy detection.
    public var wireCopies = 0.0
    /// Headline words for the stories' keywords (found beside the clustering passes, after the
    /// wire copies).
    public var headlineWords = 0.0
    /// Story records (ids, headlines, keywords).
    public var records = 0.0
}

/// The articles grouped into stories.
public struct StoryResult: Sendable {
    /// The cluster label of each article, in article order (0..<clusters, in order of first article).
    public let storyOfArticle: [Int]
    /// The stories, most independent sources first; `storyIDOfArticle` links articles to them.
    public let stories: [Story]
    /// The story id of each article, in article order.
    public let storyIDOfArticle: [String]
    /// For each article, the index of the article it copies (a wire copy), or nil.
    public let duplicateOf: [Int?]
    /// The fitted vocabulary.
    public let vocabulary: Vocabulary
    /// The TF-IDF rows, in article order.
    public let matrix: SparseMatrix
    /// The candidate pairs.
    public let pairs: [SimilarPair]
    /// What the similarity kernel did.
    public let kernel: KernelReport
    /// Stage timings.
    public let times: StageTimes
    /// The boilerplate removed from the vectors' text.
    public let boilerplate: Boilerplate
}

/// Ingested articles to stories: boilerplate learned per outlet, TF-IDF, candidate pairs within a
/// time window, time-aware average-link, centroid merging, attachment of small clusters to large
/// stories, stories of one development joined across days, wire copies, and the story records.
public enum StoryDetection {
    /// Groups `articles` into stories.
    /// With `vocabulary`, articles are weighed in that saved vocabulary instead of one fitted on them;
    /// with `boilerplate`, the boilerplate already learned from these articles is used.
    public static func run(
        _ articles: [Article], options: StoryOptions = StoryOptions(), vocabulary saved: Vocabulary? = nil,
        boilerplate learned: Boilerplate? = nil
    ) -> StoryResult {
        var times = StageTimes()
        // Each line is fingerprinted once, for learning and for the vectors stage.
        let (boilerplate, vocabulary, matrix) = { () -> (Boilerplate, Vocabulary, SparseMatrix) in
            let fingerprints = measure(&times.boilerplate) { Boilerplate.lineFingerprints(of: articles.map(\.text)) }
            let boilerplate =
                learned
                ?? measure(&times.boilerplate) {
                    Boilerplate.learn(
                        from: articles.indices.map {
                            Boilerplate.Document(
                                source: articles[$0].source, day: articles[$0].published?.day, text: articles[$0].text, fingerprints: fingerprints[$0])
                        })
                }
            let documents = articles.indices.map {
                Document(title: articles[$0].title, text: articles[$0].text, source: articles[$0].source, lineFingerprints: fingerprints[$0])
            }
            let (vocabulary, matrix) = measure(&times.vectors) {
                if let saved { return (saved, TFIDF.transform(documents, vocabulary: saved, boilerplate: boilerplate, options: options.vectors)) }
                return TFIDF.fit(documents, boilerplate: boilerplate, options: options.vectors)
            }
            return (boilerplate, vocabulary, matrix)
        }()
        let publishedTimes = articles.map { $0.published.map { Double($0.epochSeconds) } }
        let (pairs, kernel) = measure(&times.similarity) {
            switch options.route {
            case .sparse: SparseSimilarity.neighbors(matrix, times: publishedTimes, options: options.neighbors)
            case .lsa: DenseSimilarity.neighbors(matrix, times: publishedTimes, options: options.neighbors)
            }
        }
        // Wire copies need only the pairs, and the headline words only the vocabulary: they are
        // found beside the clustering passes, which are mostly sequential.
        let clusteringStart = DispatchTime.now().uptimeNanoseconds
        let ((labels, clusteringTimes), (duplicateOf, headlines, besideTimes)) = concurrently(
            { () -> ([Int], StageTimes) in
                var branchTimes = StageTimes()
                let first = measure(&branchTimes.averageLink) {
                    Clustering.averageLink(count: articles.count, pairs: pairs, times: publishedTimes, options: options.clustering)
                }
                let second = measure(&branchTimes.centroidMerge) {
                    Clustering.mergeByCentroidsKeepingSums(first, matrix: matrix, pairs: pairs, times: publishedTimes, options: options.clustering)
                }
                let attached = measure(&branchTimes.attachment) {
                    Clustering.attachToLargeStories(second.labels, sums: second.sums, matrix: matrix, pairs: pairs, options: options.clustering)
                }
                let labels = measure(&branchTimes.threads) {
                    Clustering.threadAcrossDays(attached, matrix: matrix, vocabulary: vocabulary, times: publishedTimes, options: options.threads)
                }
                return (labels, branchTimes)
            },
            beside: { () -> ([Int?], HeadlineWords, StageTimes) in
                var branchTimes = StageTimes()
                let duplicateOf = measure(&branchTimes.wireCopies) { WireCopies.detect(articles, pairs: pairs) }
                let headlines = measure(&branchTimes.headlineWords) { HeadlineWords(articles, vocabulary: vocabulary) }
                return (duplicateOf, headlines, branchTimes)
            })
        times.averageLink = clusteringTimes.averageLink
        times.centroidMerge = clusteringTimes.centroidMerge
        times.attachment = clusteringTimes.attachment
        times.threads = clusteringTimes.threads
        times.wireCopies = besideTimes.wireCopies
        times.headlineWords = besideTimes.headlineWords
        let records = measure(&times.records) {
            Story.records(
                articles: articles, labels: labels, ownReporting: ownReporting(articles, duplicateOf: duplicateOf), matrix: matrix, vocabulary: vocabulary,
                headlines: headlines)
        }
        times.clustering = Double(DispatchTime.now().uptimeNanoseconds - clusteringStart) / 1e9
        return StoryResult(
            storyOfArticle: labels, stories: Story.ranked(records), storyIDOfArticle: labels.map { records[$0].story }, duplicateOf: duplicateOf,
            vocabulary: vocabulary, matrix: matrix, pairs: pairs, kernel: kernel, times: times, boilerplate: boilerplate)
    }
}

extension StoryDetection {
    /// The boilerplate of each outlet, learned from its articles.
    public static func learnBoilerplate(_ articles: [Article]) -> Boilerplate {
        Boilerplate.learn(from: articles.map { Boilerplate.Document(source: $0.source, day: $0.published?.day, text: $0.text) })
    }

    /// Whether each article is its outlet's own reporting: not a wire copy of another outlet's.
    static func ownReporting(_ articles: [Article], duplicateOf: [Int?]) -> [Bool] {
        articles.indices.map { i in duplicateOf[i].map { articles[$0].source == articles[i].source } ?? true }
    }

    /// The records of stories whose articles are already grouped (a store's continuing stories):
    /// `storyIDs` gives each article's story, which keeps that id; the articles are weighed in
    /// `vocabulary` to find each story's central headline and keywords.
    public static func records(
        _ articles: [Article], storyIDs: [String], ownReporting: [Bool], vocabulary: Vocabulary, boilerplate: Boilerplate,
        options: VectorOptions = VectorOptions()
    ) -> [Story] {
        var labelOfID: [String: Int] = [:]
        var ids: [String] = []
        let labels = storyIDs.map { id in
            if let label = labelOfID[id] { return label }
            labelOfID[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
        let documents = articles.map { Document(title: $0.title, text: $0.text, source: $0.source) }
        let matrix = TFIDF.transform(documents, vocabulary: vocabulary, boilerplate: boilerplate, options: options)
        return Story.ranked(
            Story.records(
                articles: articles, labels: labels, ids: ids, ownReporting: ownReporting, matrix: matrix, vocabulary: vocabulary,
                headlines: HeadlineWords(articles, vocabulary: vocabulary)))
    }
}

/// Runs `body`, adds its wall time to `seconds`.
func measure<T>(_ seconds: inout Double, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    defer { seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    return try body()
}
