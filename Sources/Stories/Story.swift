import ArabicText
import Ingest
import Support
import Vectors

/// A story as `stories.jsonl` lists it.
public struct Story: Sendable, Codable, Equatable {
    /// Stable id: `s-` and a hash of the story's first published article's id, so the same input
    /// gives the same ids and adding unrelated articles changes none.
    public let story: String
    /// The most central headline (the article closest to the story's centroid), as a report shows
    /// it: without a web label (شاهد..، بالفيديو:), hashtags in words, on one line.
    public let title: String
    /// The ids of its articles, earliest first.
    public let articles: [String]
    /// The outlets that carried it, by number of articles, then name.
    public let outlets: [String]
    /// The outlets with at least one article of their own (not a copy of another's).
    public let independentSources: [String]
    /// Publication time of the first article, as the outlet wrote it.
    public let firstPublished: String?
    /// Publication time of the last article, as the outlet wrote it.
    public let lastPublished: String?
    /// The terms that weigh most in the story's centroid, as the headlines write them.
    public let keywords: [String]

    /// A story record (as a store gives it back).
    public init(
        story: String, title: String, articles: [String], outlets: [String], independentSources: [String],
        firstPublished: String?, lastPublished: String?, keywords: [String]
    ) {
        self.story = story
        self.title = title
        self.articles = articles
        self.outlets = outlets
        self.independentSources = independentSources
        self.firstPublished = firstPublished
        self.lastPublished = lastPublished
        self.keywords = keywords
    }
}

extension Story {
    /// Story records for a clustering: ids, central headlines, outlets, sources, times, keywords;
    /// one per label, in label order (``ranked(_:)`` orders them for output). `ids` gives each
    /// label's story id; without it a story's id comes from its first article. `ownReporting`
    /// tells, per article, whether it is its outlet's own (not a wire copy of another outlet's);
    /// `headlines` gives the articles' headline words in `vocabulary`.
    static func records(
        articles: [Article], labels: [Int], ids: [String]? = nil, ownReporting: [Bool], matrix: SparseMatrix, vocabulary: Vocabulary,
        headlines: HeadlineWords
    ) -> [Story] {
        var grouped = [[Int]](repeating: [], count: (labels.max() ?? -1) + 1)
        for (i, label) in labels.enumerated() { grouped[label].append(i) }
        let members = grouped
        let blockSize = 512
        return parallelMap(count: (members.count + blockSize - 1) / blockSize, scratch: { [Float](repeating: 0, count: matrix.columnCount) }) {
            dense, block -> [Story] in
            let labels = (block * blockSize)..<min(members.count, (block + 1) * blockSize)
            return labels.map { label in
                record(members[label], id: ids?[label], articles: articles, ownReporting: ownReporting, matrix: matrix, headlines: headlines, dense: &dense)
            }
        }
        .flatMap { $0 }
    }

    /// Stories in `stories.jsonl` order: most independent sources first, then most articles, then
    /// earliest first report, then id.
    public static func ranked(_ stories: [Story]) -> [Story] {
        // Indices are sorted, not the records: moving a record retains and releases all its lists.
        let keys = stories.map { (-$0.independentSources.count, -$0.articles.count, $0.firstPublished ?? "~", $0.story) }
        return stories.indices.sorted { keys[$0] < keys[$1] }.map { stories[$0] }
    }

    /// The record of one story, its articles given by index; `id` nil: from its first article.
    static func record(
        _ indices: [Int], id: String?, articles: [Article], ownReporting: [Bool], matrix: SparseMatrix, headlines: HeadlineWords, dense: inout [Float]
    ) -> Story {
        let ordered = indices.sorted { WireCopies.earlier(articles[$0], articles[$1]) }
        let first = articles[ordered[0]]
        let centroid = ClusterSum(rows: indices, of: matrix, dense: &dense)
        guard indices.count > 1 else {
            // Most stories have one article: it is the central one, its outlet the only one.
            return Story(
                story: id ?? storyID(first.id), title: Headline.shown(first.title), articles: [first.id], outlets: [first.source],
                independentSources: ownReporting[indices[0]] ? [first.source] : [],
                firstPublished: first.published?.description, lastPublished: first.published?.description,
                keywords: keywords(centroid, of: indices, articles: articles, headlines: headlines))
        }
        centroid.scatter(into: &dense)
        let closeness = indices.map { matrix.dot(row: $0, dense: dense) }
        centroid.clear(&dense)
        let central = indices.indices.max { a, b in
            closeness[a] != closeness[b] ? closeness[a] < closeness[b] : articles[indices[a]].id > articles[indices[b]].id
        }.map { indices[$0] }!
        var outletCounts: [String: Int] = [:]
        for i in indices { outletCounts[articles[i].source, default: 0] += 1 }
        let independent = Set(indices.filter { ownReporting[$0] }.map { articles[$0].source })
        return Story(
            story: id ?? storyID(first.id),
            title: Headline.shown(articles[central].title),
            articles: ordered.map { articles[$0].id },
            outlets: outletCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key),
            independentSources: independent.sorted(),
            firstPublished: first.published?.description,
            lastPublished: ordered.last.flatMap { articles[$0].published?.description },
            keywords: keywords(centroid, of: indices, articles: articles, headlines: headlines))
    }

    /// The 8 heaviest terms of a centroid that the story's headlines write, each as they most
    /// often write it. Terms no headline writes (a stem such as «رءيس») are passed over for the
    /// next ones, among the 24 heaviest.
    static func keywords(_ centroid: ClusterSum, of indices: [Int], articles: [Article], headlines: HeadlineWords) -> [String] {
        var top = Array(zip(centroid.columns, centroid.values))
        SparseSimilarity.keepBest(&top, 24)
        top.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        // Each rank's surfaces with their counts: a few per rank, so a list searched with `==`
        // (canonical equivalence, as a dictionary's keys) costs less than hashing every surface.
        var written = [[(surface: String, count: Int)]](repeating: [], count: top.count)
        for i in indices {
            for word in headlines.words(of: i) {
                guard let rank = top.firstIndex(where: { $0.0 == headlines.column(of: word) }) else { continue }
                let surface = headlines.written(word, in: articles[i].title)
                if let k = written[rank].firstIndex(where: { $0.surface == surface }) {
                    written[rank][k].count += 1
                } else {
                    written[rank].append((surface, 1))
                }
            }
        }
        let surfaces = written.compactMap { $0.max { $0.count != $1.count ? $0.count < $1.count : $0.surface > $1.surface }?.surface }
        return Array(surfaces.prefix(8))
    }

    /// Headline words as the vectors stem them, stop words included.
    static let keywordAnalyzer = Analyzer(stopWords: StopWords([]))
}

/// `s-` and 10 hex digits of the hash of an article id: the id of a story that starts with it.
public func storyID(_ articleID: String) -> String {
    let hex = String(TermHash.of(articleID.unicodeScalars) & 0xFF_FFFF_FFFF, radix: 16)
    return "s-" + String(repeating: "0", count: 10 - hex.count) + hex
}
