import ArabicText
import Foundation
import Support

/// One article as the vectors stage reads it.
public struct Document: Sendable {
    /// The headline.
    public let title: String
    /// The body, paragraphs separated by line breaks.
    public let text: String
    /// The outlet, whose learned boilerplate is removed from the body.
    public let source: String
    /// The fingerprints of the body's lines (``Boilerplate/lineFingerprints(of:)``), when already
    /// computed; otherwise lines are fingerprinted as they are judged.
    public let lineFingerprints: ArraySlice<Boilerplate.LineFingerprint>?

    /// A document; `lineFingerprints`, when given, are those of `text`'s lines.
    public init(title: String, text: String, source: String, lineFingerprints: ArraySlice<Boilerplate.LineFingerprint>? = nil) {
        self.title = title
        self.text = text
        self.source = source
        self.lineFingerprints = lineFingerprints
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
        let vocabulary = Self.vocabulary(counts.documentFrequencies(), documentCount: documents.count, options: options)
        return (vocabulary, counts.takeMatrix(vocabulary))
    }

    /// Every term of `documents` with the number of documents it appears in, counted as ``fit``
    /// counts them, in the vocabulary's order (by their UTF-8 bytes); a store adds these up day by
    /// day to keep its vocabulary current.
    public static func documentFrequencies(_ documents: [Document], boilerplate: Boilerplate, options: VectorOptions = VectorOptions()) -> [(
        term: String, df: Int32
    )] {
        inVocabularyOrder(TermCounts(documents, boilerplate: boilerplate, options: options).documentFrequencies())
    }

    /// The vocabulary of terms counted over `documentCount` documents: terms below the minimum
    /// document frequency or above the maximum share are left out, the rest sorted by their bytes.
    public static func vocabulary(_ frequencies: [(term: String, df: Int32)], documentCount: Int, options: VectorOptions = VectorOptions()) -> Vocabulary {
        let maximum = Int32(max(Double(options.minimumDocumentFrequency), options.maximumDocumentShare * Double(documentCount)))
        let kept = inVocabularyOrder(frequencies.filter { $0.df >= options.minimumDocumentFrequency && $0.df <= maximum })
        return Vocabulary(terms: kept.map(\.term), documentFrequencies: kept.map(\.df), documentCount: documentCount)
    }

    /// Terms sorted by their UTF-8 bytes: by the first eight bytes as one integer, then by all
    /// bytes where those tie (integer comparisons instead of a memcmp for most of the million
    /// comparisons).
    static func inVocabularyOrder(_ frequencies: [(term: String, df: Int32)]) -> [(term: String, df: Int32)] {
        frequencies
            .map { (prefix: bytePrefix($0.term), term: $0.term, df: $0.df) }
            .sorted { $0.prefix != $1.prefix ? $0.prefix < $1.prefix : precedesByBytes($0.term, $1.term) }
            .map { ($0.term, $0.df) }
    }

    /// Vectors of `documents` in an existing vocabulary (terms it does not know are left out).
    public static func transform(_ documents: [Document], vocabulary: Vocabulary, boilerplate: Boilerplate, options: VectorOptions = VectorOptions())
        -> SparseMatrix
    {
        var counts = TermCounts(documents, boilerplate: boilerplate, options: options)
        return counts.takeMatrix(vocabulary)
    }
}

/// The first eight UTF-8 bytes of `s` as a big-endian integer, zeros after a shorter string: two
/// strings whose prefixes differ order as their bytes do (``precedesByBytes(_:_:)``).
func bytePrefix(_ s: String) -> UInt64 {
    var s = s
    return s.withUTF8 { bytes in
        var prefix: UInt64 = 0
        for k in 0..<8 { prefix = prefix << 8 | UInt64(k < bytes.count ? bytes[k] : 0) }
        return prefix
    }
}

/// Whether `a`'s UTF-8 bytes order before `b`'s (`memcmp`, then the shorter first): the
/// vocabulary's order, without the generic `lexicographicallyPrecedes` over two UTF-8 views.
func precedesByBytes(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let common = min(x.count, y.count)
            let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
            return order != 0 ? order < 0 : x.count < y.count
        }
    }
}

/// Weighted term counts of documents, in chunks of consecutive documents: in a chunk, document
/// `i` has the entries `offsets[i]..<offsets[i + 1]` of `terms` and `weights`, one per distinct
/// term, in order of first appearance. Term ids are those of the ``TermTable`` of the worker that
/// counted the chunk.
struct TermCounts {
    struct Chunk {
        /// The worker whose table the ids are in.
        var worker = 0
        var offsets: [Int] = [0]
        var terms: [Int32] = []
        var weights: [Float] = []
    }

    /// What a worker keeps once counting is done.
    struct Worker {
        /// Its terms: hash and text by id.
        var table: TermTable
        /// In how many of its documents each term id appears.
        var documentFrequency: [Int32]
    }

    /// The chunks, in document order (kept as counted: merging them would hold the counts twice).
    var chunks: [Chunk]
    var workers: [Worker]

    /// Documents per chunk: small enough that the cores finish within a few milliseconds of each
    /// other (blocks of an eighth of the documents left one core idle for a tenth of a second).
    static let chunkSize = 512

    /// Counts the terms of every document, in parallel over chunks of documents. Each core's
    /// worker keeps one table and one memo of every token key it meets (stop word, stem, term)
    /// across its chunks, so a word is analysed once per core, not once per block.
    init(_ documents: [Document], boilerplate: Boilerplate, options: VectorOptions) {
        let size = Self.chunkSize
        let (chunks, states) = parallelMap(count: (documents.count + size - 1) / size, workers: { WorkerState(worker: $0) }) { state, chunk in
            // The state in parts: the tokenizer holds the table while `add` changes the others.
            TermCounts.count(
                documents[(chunk * size)..<min(documents.count, (chunk + 1) * size)], worker: state.worker, table: &state.table,
                documentFrequency: &state.documentFrequency, weights: &state.weights, boilerplate: boilerplate, options: options)
        }
        self.chunks = chunks
        // Words met only in lines left out have ids but are in no document.
        workers = states.map { state in
            Worker(
                table: state.table.terms,
                documentFrequency: state.documentFrequency + repeatElement(0, count: state.table.count - state.documentFrequency.count))
        }
    }

    /// Every term with the number of documents it appears in (words met only in boilerplate
    /// lines are in none and are not listed), in no particular order.
    func documentFrequencies() -> [(term: String, df: Int32)] {
        var index = HashIndex()
        var terms: [(term: String, df: Int32)] = []
        for worker in workers {
            for (id, hash) in worker.table.hashes.enumerated() where worker.documentFrequency[id] > 0 {
                if let i = index[hash] {
                    terms[Int(i)].df += worker.documentFrequency[id]
                } else {
                    index[hash] = Int32(terms.count)
                    terms.append((worker.table.names[id], worker.documentFrequency[id]))
                }
            }
        }
        return terms
    }

    /// What a worker carries from chunk to chunk.
    private struct WorkerState {
        let worker: Int
        var table = TermTable()
        var documentFrequency: [Int32] = []
        /// The weight of each term id in the document being counted (0 outside it).
        var weights: [Float] = []

        init(worker: Int) { self.worker = worker }
    }

    /// Counts a chunk on a worker's table, frequencies and weight buffer.
    private static func count(
        _ documents: ArraySlice<Document>, worker: Int, table: inout TermTable, documentFrequency: inout [Int32], weights: inout [Float],
        boilerplate: Boilerplate, options: VectorOptions
    ) -> Chunk {
        let analyzer = Analyzer()
        var chunk = Chunk(worker: worker)
        var touched: [Int32] = []
        func add(_ term: Int32, _ weight: Float) {
            let id = Int(term)
            if id >= weights.count {
                weights.append(contentsOf: repeatElement(0, count: id + 1 - weights.count))
                documentFrequency.append(contentsOf: repeatElement(0, count: id + 1 - documentFrequency.count))
            }
            if weights[id] == 0 { touched.append(term) }
            weights[id] += weight
        }
        var words: [UInt64] = []
        var lineTerms: [Int32] = []
        for document in documents {
            // The headline's terms are collected, then added: a closure that called `add` would
            // make its captures checked for exclusive access at run time, on every token.
            lineTerms.removeAll(keepingCapacity: true)
            analyzer.forEachTermID(in: document.title[...], table: &table) { _, term in
                if let term { lineTerms.append(term) }
            }
            for term in lineTerms { add(term, options.titleWeight) }
            // Each body line is tokenized once: its word hashes judge it as boilerplate, its terms
            // count only if it is not.
            var filter = boilerplate.lineFilter(source: document.source)
            var paragraph = 0
            for (index, line) in Boilerplate.lines(of: document.text).enumerated() {
                words.removeAll(keepingCapacity: true)
                lineTerms.removeAll(keepingCapacity: true)
                analyzer.forEachTermID(in: line, table: &table) { wordHash, term in
                    words.append(wordHash)
                    if let term { lineTerms.append(term) }
                }
                guard filter.reason(words: words, line: line, fingerprint: document.lineFingerprints.map { $0[$0.startIndex + index].hash }) == nil,
                    !words.isEmpty
                else { continue }
                let weight = paragraph < options.leadParagraphs ? options.leadWeight : 1
                for term in lineTerms { add(term, weight) }
                paragraph += 1
            }
            for term in touched {
                chunk.terms.append(term)
                chunk.weights.append(weights[Int(term)])
                documentFrequency[Int(term)] += 1
                weights[Int(term)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            chunk.offsets.append(chunk.terms.count)
        }
        return chunk
    }

    /// The L2-normalized TF-IDF rows in `vocabulary`'s columns, built in parallel chunk by chunk
    /// straight into the matrix; each chunk's counts are released as soon as its rows are built.
    mutating func takeMatrix(_ vocabulary: Vocabulary) -> SparseMatrix {
        let pending = Shared(chunks)
        chunks = []
        defer { pending.release() }
        // Each worker's column of each of its term ids (-1: not in the vocabulary).
        let columnsOfTerms = parallelMap(count: workers.count) { [workers] w in
            workers[w].table.hashes.map { vocabulary.column(ofTermHash: $0) ?? -1 }
        }
        workers = []
        // The length of each chunk's rows, so that every chunk knows where its rows go.
        let lengths = parallelMap(count: pending.count) { c -> [Int] in
            let chunk = pending[c]
            let columnOfTerm = columnsOfTerms[chunk.worker]
            return (0..<(chunk.offsets.count - 1)).map { i in
                (chunk.offsets[i]..<chunk.offsets[i + 1]).reduce(0) { columnOfTerm[Int(chunk.terms[$1])] >= 0 ? $0 + 1 : $0 }
            }
        }
        var rowStarts = [0]
        var firstRowOfChunk: [Int] = []
        for chunk in lengths {
            firstRowOfChunk.append(rowStarts.count - 1)
            for length in chunk { rowStarts.append(rowStarts[rowStarts.count - 1] + length) }
        }
        let starts = rowStarts, firstRows = firstRowOfChunk
        let entryCount = starts[starts.count - 1]
        let (columns, values) = fillInParallel(count: entryCount, parts: pending.count) { c, output in
            let chunk = pending[c]
            let columnOfTerm = columnsOfTerms[chunk.worker]
            // Each entry is its column (high half) and its value's bits (low half): a row's columns
            // are distinct, so sorting the integers sorts the row by column, without a closure.
            var row: [UInt64] = []
            for i in 0..<(chunk.offsets.count - 1) {
                row.removeAll(keepingCapacity: true)
                for k in chunk.offsets[i]..<chunk.offsets[i + 1] {
                    let column = columnOfTerm[Int(chunk.terms[k])]
                    guard column >= 0 else { continue }
                    let value = (1 + log(chunk.weights[k])) * vocabulary.idf[Int(column)]
                    row.append(UInt64(column) << 32 | UInt64(value.bitPattern))
                }
                row.withUnsafeMutableBufferPointer { Self.sortAscending($0) }
                var norm: Float = 0
                for entry in row { norm += Self.value(entry) * Self.value(entry) }
                let scale = norm > 0 ? 1 / norm.squareRoot() : 0
                let start = starts[firstRows[c] + i]
                for (offset, entry) in row.enumerated() {
                    output.indices[start + offset] = Int32(entry >> 32)
                    output.values[start + offset] = Self.value(entry) * scale
                }
            }
            pending[c] = Chunk()
        }
        return SparseMatrix(columnCount: vocabulary.terms.count, rowStarts: starts, columns: columns, values: values)
    }

    /// Sorts `values` ascending: a quicksort (median of three, the smaller side first), insertion
    /// sort below 24 values. Rows of about a hundred entries sorted a quarter faster than with the
    /// standard library's merge sort, which is stable and calls its comparison through a closure.
    static func sortAscending(_ values: UnsafeMutableBufferPointer<UInt64>) {
        guard var base = values.baseAddress else { return }
        var count = values.count
        while count > 24 {
            var (x, y, z) = (base[0], base[count / 2], base[count - 1])
            if x > y { swap(&x, &y) }
            if y > z { swap(&y, &z) }
            if x > y { swap(&x, &y) }
            let pivot = y
            // Hoare's partition: `base[..<split]` is at most the pivot, the rest at least.
            var i = 0, j = count - 1
            while true {
                while base[i] < pivot { i += 1 }
                while base[j] > pivot { j -= 1 }
                if i >= j { break }
                (base[i], base[j]) = (base[j], base[i])
                i += 1
                j -= 1
            }
            let split = j + 1
            if split < count - split {
                sortAscending(UnsafeMutableBufferPointer(start: base, count: split))
                base += split
                count -= split
            } else {
                sortAscending(UnsafeMutableBufferPointer(start: base + split, count: count - split))
                count = split
            }
        }
        for i in stride(from: 1, to: count, by: 1) {
            let value = base[i]
            var j = i
            while j > 0 && base[j - 1] > value {
                base[j] = base[j - 1]
                j -= 1
            }
            base[j] = value
        }
    }

    /// The value of a packed row entry of ``takeMatrix(_:)``.
    @inline(__always)
    private static func value(_ entry: UInt64) -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: entry)) }

    /// The chunks as the parallel loops of ``takeMatrix(_:)`` share them: each iteration reads and
    /// releases only its own chunk.
    private final class Shared: @unchecked Sendable {
        private let chunks: UnsafeMutableBufferPointer<Chunk>
        var count: Int { chunks.count }

        init(_ chunks: [Chunk]) {
            self.chunks = .allocate(capacity: chunks.count)
            _ = self.chunks.initialize(from: chunks)
        }

        subscript(c: Int) -> Chunk {
            get { chunks[c] }
            set { chunks[c] = newValue }
        }

        func release() {
            chunks.deinitialize()
            chunks.deallocate()
        }
    }
}
