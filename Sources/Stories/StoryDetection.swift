import ArabicText
import Foundation
import Ingest
import Vectors

/// Every parameter of story detection, with the defaults used for every corpus.
public struct StoryOptions: Sendable, Equatable {
    /// How articles become vectors.
    public var vectors = VectorOptions()
    /// Which similar pairs become candidates.
    public var neighbors = NeighborOptions()
    /// How candidates become stories.
    public var clustering = ClusteringOptions()

    /// The defaults.
    public init() {}
}

/// Wall time of each stage, in seconds, for reports and the benchmark.
public struct StageTimes: Sendable, Codable {
    /// Boilerplate learning.
    public var boilerplate = 0.0
    /// TF-IDF (terms, vocabulary, matrix).
    public var vectors = 0.0
    /// Candidate pairs.
    public var similarity = 0.0
    /// Clustering, wire copies and story records.
    public var clustering = 0.0
}

/// The articles grouped into stories.
public struct StoryResult: Sendable {
    /// The story label of each article (index into `stories`), in article order.
    public let storyOfArticle: [Int]
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

/// Ingested articles to stories: boilerplate learned per outlet, TF-IDF, windowed sparse cosine,
/// time-aware average-link clustering.
public enum StoryDetection {
    /// Groups `articles` into stories.
    public static func run(_ articles: [Article], options: StoryOptions = StoryOptions()) -> StoryResult {
        var times = StageTimes()
        let boilerplate = measure(&times.boilerplate) {
            Boilerplate.learn(from: articles.map { Boilerplate.Document(source: $0.source, day: $0.published?.day, text: $0.text) })
        }
        let documents = articles.map { Document(title: $0.title, text: $0.text, source: $0.source) }
        let (vocabulary, matrix) = measure(&times.vectors) { TFIDF.fit(documents, boilerplate: boilerplate, options: options.vectors) }
        let publishedTimes = articles.map { $0.published.map { Double($0.epochSeconds) } }
        let (pairs, kernel) = measure(&times.similarity) { SparseSimilarity.neighbors(matrix, times: publishedTimes, options: options.neighbors) }
        let labels = measure(&times.clustering) {
            let first = Clustering.averageLink(count: articles.count, pairs: pairs, times: publishedTimes, options: options.clustering)
            let second = Clustering.mergeByCentroids(first, matrix: matrix, pairs: pairs, times: publishedTimes, options: options.clustering)
            return Clustering.attachToLargeStories(second, matrix: matrix, times: publishedTimes, options: options.clustering, neighbors: options.neighbors)
        }
        return StoryResult(storyOfArticle: labels, vocabulary: vocabulary, matrix: matrix, pairs: pairs, kernel: kernel, times: times, boilerplate: boilerplate)
    }
}

/// Runs `body`, adds its wall time to `seconds`.
func measure<T>(_ seconds: inout Double, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    defer { seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    return try body()
}
