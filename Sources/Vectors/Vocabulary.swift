import ArabicText
import Foundation
import Support

/// The terms of a TF-IDF space with their document frequencies and smoothed idf
/// (`ln((1 + n) / (1 + df)) + 1`). It can be saved and loaded, so that a daily run weighs its
/// terms the same way as the corpus it was fitted on.
public struct Vocabulary: Sendable, Equatable {
    /// Each term as text (a light10 stem, or a key for non-Arabic tokens), by column.
    public let terms: [String]
    /// In how many documents of the fitting corpus each term appears.
    public let documentFrequencies: [Int32]
    /// How many documents the vocabulary was fitted on.
    public let documentCount: Int
    /// The idf of each term.
    public let idf: [Float]
    /// The column of each term, by ``TermHash``.
    let columnOfHash: HashIndex

    /// A vocabulary of the given terms.
    public init(terms: [String], documentFrequencies: [Int32], documentCount: Int) {
        precondition(terms.count == documentFrequencies.count)
        self.terms = terms
        self.documentFrequencies = documentFrequencies
        self.documentCount = documentCount
        let n = Float(documentCount)
        idf = documentFrequencies.map { log((1 + n) / (1 + Float($0))) + 1 }
        var columns = HashIndex()
        for (column, term) in terms.enumerated() { columns[TermHash.of(term.unicodeScalars)] = Int32(column) }
        columnOfHash = columns
    }

    /// The column of a term, if it is in the vocabulary.
    public func column(of term: String) -> Int? { columnOfHash[TermHash.of(term.unicodeScalars)].map(Int.init) }

    /// The column of the term whose ``TermHash`` is `hash`, if it is in the vocabulary.
    package func column(ofTermHash hash: UInt64) -> Int32? { columnOfHash[hash] }

    /// Writes the vocabulary as TSV: a header line `# isnad vocabulary\tDOCUMENTS`, then one
    /// `term\tdocument frequency` line per column.
    public func save(to path: String) throws {
        var text = "# isnad vocabulary\t\(documentCount)\n"
        for (term, df) in zip(terms, documentFrequencies) { text += "\(term)\t\(df)\n" }
        try writeAtomically(text, to: path)
    }

    /// Reads a vocabulary written by ``save(to:)``.
    public init(contentsOf path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw VocabularyError.unreadable(path: path) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst(), header.hasPrefix("# isnad vocabulary\t"),
            let count = Int(header.split(separator: "\t").last ?? "")
        else {
            throw VocabularyError.notAVocabulary(path: path)
        }
        var terms: [String] = []
        var frequencies: [Int32] = []
        for (offset, line) in lines.enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, let df = Int32(fields[1]), df > 0 else {
                throw VocabularyError.badLine(path: path, line: offset + 2)
            }
            terms.append(String(fields[0]))
            frequencies.append(df)
        }
        self.init(terms: terms, documentFrequencies: frequencies, documentCount: count)
    }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool {
        a.terms == b.terms && a.documentFrequencies == b.documentFrequencies && a.documentCount == b.documentCount
    }
}

/// A vocabulary file that cannot be read.
public enum VocabularyError: Error, Equatable, CustomStringConvertible {
    /// The file is missing or not UTF-8.
    case unreadable(path: String)
    /// The first line is not `# isnad vocabulary<TAB>DOCUMENTS`.
    case notAVocabulary(path: String)
    /// A line (1-based) is not `term<TAB>document frequency`.
    case badLine(path: String, line: Int)

    /// `path[:line]: what is wrong`.
    public var description: String {
        switch self {
        case .unreadable(let path): "\(path): cannot be read as a UTF-8 file"
        case .notAVocabulary(let path): "\(path):1: not an isnad vocabulary (the first line must be '# isnad vocabulary<TAB>DOCUMENTS')"
        case .badLine(let path, let line): "\(path):\(line): expected 'term<TAB>document frequency'"
        }
    }
}
