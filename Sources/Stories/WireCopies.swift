import ArabicText
import Ingest
import Vectors

/// Near-identical articles: agency copy reprinted by several outlets, or one outlet filing the
/// same text twice. Among candidate pairs at least `candidateSimilarity` similar, the bodies
/// (title and text) are compared as sets of word trigrams of the key view; a Jaccard overlap of at
/// least `minimumOverlap` makes a copy. Copies form groups; every article of a group but the
/// first published (ties: the lower id) is a `duplicate_of` that one.
public enum WireCopies {
    /// Pairs less similar than this are not compared.
    public static let candidateSimilarity: Float = 0.5
    /// The shingle overlap that makes two texts copies.
    public static let minimumOverlap = 0.6

    /// For each article, the index of the article it copies, or nil.
    public static func detect(_ articles: [Article], pairs: [SimilarPair]) -> [Int?] {
        let candidates = pairs.filter { $0.similarity >= candidateSimilarity }
        let involved = Set(candidates.flatMap { [Int($0.first), Int($0.second)] }).sorted()
        let shingleSets = parallelMap(count: involved.count) { k in shingles(articles[involved[k]]) }
        var shinglesOf: [Int: Set<UInt64>] = [:]
        for (k, i) in involved.enumerated() { shinglesOf[i] = shingleSets[k] }
        var parent = Array(articles.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        for pair in candidates {
            let a = shinglesOf[Int(pair.first)]!, b = shinglesOf[Int(pair.second)]!
            guard !a.isEmpty, !b.isEmpty else { continue }
            let common = a.count < b.count ? a.filter(b.contains).count : b.filter(a.contains).count
            if Double(common) / Double(a.count + b.count - common) >= minimumOverlap {
                let (x, y) = (root(Int(pair.first)), root(Int(pair.second)))
                if x != y { parent[max(x, y)] = min(x, y) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in involved { groups[root(i), default: []].append(i) }
        var original = [Int?](repeating: nil, count: articles.count)
        for (_, members) in groups where members.count > 1 {
            let first = members.min { earlier(articles[$0], articles[$1]) }!
            for i in members where i != first { original[i] = first }
        }
        return original
    }

    /// Whether `a` was published before `b` (undated last; ties broken by id).
    static func earlier(_ a: Article, _ b: Article) -> Bool {
        let ta = a.published?.epochSeconds ?? .max, tb = b.published?.epochSeconds ?? .max
        return ta != tb ? ta < tb : a.id < b.id
    }

    /// Every word counts in a copy, stop words included.
    static let allWords = Analyzer(stopWords: StopWords([]))

    /// Hashes of the key-word trigrams of an article's title and text.
    static func shingles(_ article: Article) -> Set<UInt64> {
        var words: [UInt64] = []
        for text in [article.title, article.text] {
            allWords.forEachTermScalars(in: text[...]) { _, term in words.append(TermHash.of(term)) }
        }
        guard words.count >= 3 else { return Set(words) }
        var trigrams = Set<UInt64>(minimumCapacity: words.count)
        for i in 0...(words.count - 3) {
            let pair: UInt64 = words[i] &* 31 &+ words[i + 1]
            trigrams.insert(pair &* 31 &+ words[i + 2])
        }
        return trigrams
    }
}
