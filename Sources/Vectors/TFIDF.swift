import ArabicText
import Foundation

/// One article as the vectors stage reads it.
public struct Document: Sendable {
    /// The headline.
    public let title: String
    /// The body, paragraphs separated by line breaks.
    public let text: String
    /// The outlet, whose learned boilerplate is removed from the body.
    public let source: String

    /// A document.
    public init(title: String, text: String, source: String) {
        self.title = title
        self.text = text
        self.source = source
    }
}

/// How articles become TF-IDF vectors. The defaults were tuned on the gold-dev days and are used
/// for every corpus.
public struct VectorOptions: Sendable, Equatable {
    /// How much a term of the headline counts, against 1 for the tail of the body.
    public var titleWeight: Float = 2
    /// How many paragraphs of the body count as the lead.
    public var leadParagraphs = 2
    /// How much a term of the lead counts.
    public var leadWeight: Float = 2
    /// Terms in fewer documents are dropped (they cannot make two articles similar).
    public var minimumDocumentFrequency = 2
    /// Terms in more than this share of the documents are dropped (they make everything similar).
    public var maximumDocumentShare = 0.5

    /// The defaults.
    public init() {}
}

/// TF-IDF vectors of articles: weighted term counts (headline and lead weighted up, boilerplate
/// lines left out), sublinear tf `1 + ln(tf)`, smoothed idf, rows L2-normalized.
public enum TFIDF {
    /// Fits a vocabulary on `documents` and returns it with their vectors.
    public static func fit(_ documents: [Document], boilerplate: Boilerplate, options: VectorOptions = VectorOptions()) -> (Vocabulary, SparseMatrix) {
        var counts = TermCounts(documents, boilerplate: boilerplate, options: options)
        let documentFrequency = counts.documentFrequencies()
        let maximum = Int32(max(Double(options.minimumDocumentFrequency), options.maximumDocumentShare * Double(documents.count)))
        let kept = documentFrequency.filter { $0.value >= options.minimumDocumentFrequency && $0.value <= maximum }
            .map { (term: counts.names[$0.key]!, df: $0.value) }
            .sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
        let vocabulary = Vocabulary(terms: kept.map(\.term), documentFrequencies: kept.map(\.df), documentCount: documents.count)
        return (vocabulary, counts.takeMatrix(vocabulary))
    }

    /// Vectors of `documents` in an existing vocabulary (terms it does not know are left out).
    public static func transform(_ documents: [Document], vocabulary: Vocabulary, boilerplate: Boilerplate, options: VectorOptions = VectorOptions()) -> SparseMatrix {
        var counts = TermCounts(documents, boilerplate: boilerplate, options: options)
        return counts.takeMatrix(vocabulary)
    }
}

/// Weighted term counts of documents, keyed by ``TermHash``, in blocks of consecutive documents:
/// in a block, document `i` has the entries `offsets[i]..<offsets[i + 1]` of `hashes` and
/// `weights`, one per distinct term, in hash order.
struct TermCounts {
    struct Block {
        var offsets: [Int] = [0]
        var hashes: [UInt64] = []
        var weights: [Float] = []
    }

    /// The blocks, in document order (kept as computed: merging them would hold the counts twice).
    var blocks: [Block]
    /// The text of every term seen.
    var names: [UInt64: String] = [:]

    /// Counts the terms of every document, in parallel over blocks of documents.
    init(_ documents: [Document], boilerplate: Boilerplate, options: VectorOptions) {
        let blockSize = 512
        let results = parallelMap(count: (documents.count + blockSize - 1) / blockSize) { block in
            let range = (block * blockSize)..<min(documents.count, (block + 1) * blockSize)
            return TermCounts.count(documents[range], boilerplate: boilerplate, options: options)
        }
        blocks = results.map(\.block)
        for result in results {
            for (hash, name) in result.names where names[hash] == nil { names[hash] = name }
        }
    }

    /// In how many documents each term appears.
    func documentFrequencies() -> [UInt64: Int32] {
        var frequency: [UInt64: Int32] = [:]
        frequency.reserveCapacity(names.count)
        for block in blocks {
            for hash in block.hashes { frequency[hash, default: 0] += 1 }
        }
        return frequency
    }

    private static func count(_ documents: ArraySlice<Document>, boilerplate: Boilerplate, options: VectorOptions) -> (block: Block, names: [UInt64: String]) {
        let analyzer = Analyzer()
        var block = Block()
        var names: [UInt64: String] = [:]
        var counts: [UInt64: Float] = [:]
        func add(_ text: some StringProtocol, weight: Float) {
            analyzer.forEachTermScalars(in: text) { _, term in
                let hash = TermHash.of(term)
                counts[hash, default: 0] += weight
                if names[hash] == nil { names[hash] = String(scalars: term) }
            }
        }
        var words: [UInt64] = []
        var lineTerms: [UInt64] = []
        for document in documents {
            counts.removeAll(keepingCapacity: true)
            add(document.title, weight: options.titleWeight)
            // Each body line is tokenized once: its word hashes judge it as boilerplate, its terms
            // count only if it is not.
            var filter = boilerplate.lineFilter(source: document.source)
            var paragraph = 0
            for line in Boilerplate.lines(of: document.text) {
                words.removeAll(keepingCapacity: true)
                lineTerms.removeAll(keepingCapacity: true)
                analyzer.forEachToken(in: line) { wordHash, term in
                    words.append(wordHash)
                    guard let term else { return }
                    let hash = TermHash.of(term)
                    lineTerms.append(hash)
                    if names[hash] == nil { names[hash] = String(scalars: term) }
                }
                guard filter.reason(words: words, line: line) == nil, !words.isEmpty else { continue }
                let weight = paragraph < options.leadParagraphs ? options.leadWeight : 1
                for hash in lineTerms { counts[hash, default: 0] += weight }
                paragraph += 1
            }
            // In hash order: a dictionary's iteration order differs between instances, and the
            // row must come out bit for bit the same on every run.
            for (hash, weight) in counts.sorted(by: { $0.key < $1.key }) {
                block.hashes.append(hash)
                block.weights.append(weight)
            }
            block.offsets.append(block.hashes.count)
        }
        return (block, names)
    }

    /// The L2-normalized TF-IDF rows in `vocabulary`'s columns; each block's counts are released
    /// as soon as its rows are built.
    mutating func takeMatrix(_ vocabulary: Vocabulary) -> SparseMatrix {
        var rowStarts = [0]
        var columns: [Int32] = []
        var values: [Float] = []
        var row: [(column: Int32, value: Float)] = []
        for b in blocks.indices {
            let block = blocks[b]
            blocks[b] = Block()
            for i in 0..<(block.offsets.count - 1) {
                row.removeAll(keepingCapacity: true)
                for k in block.offsets[i]..<block.offsets[i + 1] {
                    guard let column = vocabulary.columnOfHash[block.hashes[k]] else { continue }
                    row.append((column, (1 + log(block.weights[k])) * vocabulary.idf[Int(column)]))
                }
                row.sort { $0.column < $1.column }
                let norm = row.reduce(Float(0)) { $0 + $1.value * $1.value }
                let scale = norm > 0 ? 1 / norm.squareRoot() : 0
                for entry in row {
                    columns.append(entry.column)
                    values.append(entry.value * scale)
                }
                rowStarts.append(columns.count)
            }
        }
        return SparseMatrix(columnCount: vocabulary.terms.count, rowStarts: rowStarts, columns: columns, values: values)
    }
}
