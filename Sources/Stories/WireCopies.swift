import ArabicText
import Ingest
import Support
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
        // Beside the clustering passes: spread over every core, the copies slowed average-link
        // by a third.
        let shingleSets = parallelMapLeavingOneCore(count: involved.count) { k in shingles(articles[involved[k]]) }
        var shinglesOf = [Int32](repeating: -1, count: articles.count)
        for (k, i) in involved.enumerated() { shinglesOf[i] = Int32(k) }
        var parent = Array(articles.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        for pair in candidates {
            let a = shingleSets[Int(shinglesOf[Int(pair.first)])], b = shingleSets[Int(shinglesOf[Int(pair.second)])]
            guard !a.isEmpty, !b.isEmpty else { continue }
            let common = commonCount(a, b)
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

    /// The word trigrams (of stems) of an article's title and text, as 32-bit hashes, sorted,
    /// each once: half the memory of 64-bit hashes, and merged faster than sets are probed.
    static func shingles(_ article: Article) -> [UInt32] {
        var words: [UInt64] = []
        for text in [article.title, article.text] {
            allWords.forEachTermScalars(in: text[...]) { _, term in words.append(TermHash.of(term)) }
        }
        // The high half of a multiplicative mix: every bit of the trigram's hash counts.
        func shingle(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) }
        var trigrams: [UInt32]
        if words.count < 3 {
            trigrams = words.map(shingle)
        } else {
            trigrams = (0...(words.count - 3)).map { i in shingle((words[i] &* 31 &+ words[i + 1]) &* 31 &+ words[i + 2]) }
        }
        radixSort(&trigrams)
        trigrams.removeAdjacentRepeats()
        return trigrams
    }

    /// Sorts `values` ascending: a radix sort, a byte at a time from the lowest (four counting
    /// passes), where the standard library's merge sort compared its way through hundreds of
    /// hashes per article.
    static func radixSort(_ values: inout [UInt32]) {
        guard values.count > 1 else { return }
        var spare = [UInt32](repeating: 0, count: values.count)
        values.withUnsafeMutableBufferPointer { values in
            spare.withUnsafeMutableBufferPointer { spare in
                var (from, to) = (values, spare)
                var counts = [Int](repeating: 0, count: 256)
                counts.withUnsafeMutableBufferPointer { counts in
                    for shift in stride(from: UInt32(0), to: 32, by: 8) {
                        for k in 0..<256 { counts[k] = 0 }
                        for value in from { counts[Int((value >> shift) & 0xFF)] += 1 }
                        var start = 0
                        for k in 0..<256 { (counts[k], start) = (start, start + counts[k]) }
                        for value in from {
                            let digit = Int((value >> shift) & 0xFF)
                            to[counts[digit]] = value
                            counts[digit] += 1
                        }
                        swap(&from, &to)
                    }
                }
                // Four passes: the sorted values are back in `values`.
            }
        }
    }

    /// How many values two sorted lists without repeats share.
    static func commonCount(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var i = 0, j = 0, common = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return common
    }
}
