/// Text into index terms, in one pass and without building the intermediate views: the key view
/// of each token, stop words dropped, Arabic words stemmed with ``Light10``. This is what the
/// vectors are made of.
public struct Analyzer: Sendable {
    /// The stop words to drop.
    public var stopWords: StopWords
    /// How ؤ and ئ are treated.
    public var hamzaCarriers: HamzaCarriers

    /// An analyzer; by default the clustering stop list and folded hamza carriers.
    public init(stopWords: StopWords = .clustering, hamzaCarriers: HamzaCarriers = .fold) {
        self.stopWords = stopWords
        self.hamzaCarriers = hamzaCarriers
    }

    /// Calls `body` with the kind and the term of each token that is not a stop word, in order.
    /// Arabic terms are light10 stems of the key; other terms are the key.
    public func forEachTerm(in text: String, _ body: (TokenKind, String) -> Void) {
        forEachTermScalars(in: text[...]) { kind, term in body(kind, String(scalars: term)) }
    }

    /// As ``forEachTerm(in:_:)``, with each term as its scalars (valid only during the call), for
    /// callers that key terms by ``TermHash`` and build no strings (wire-copy shingles). Concrete in
    /// `Substring` so that the scanner is specialized here, not called through generic witnesses
    /// from other modules.
    public func forEachTermScalars(in text: Substring, _ body: (TokenKind, UnsafeBufferPointer<Unicode.Scalar>) -> Void) {
        UTF8Scalars.of(text) { scalars in scan(scalars, body) }
    }

    private func scan(_ text: UTF8Scalars, _ body: (TokenKind, UnsafeBufferPointer<Unicode.Scalar>) -> Void) {
        Tokenizer.scan(text, hamza: hamzaCarriers) { kind, _, key in
            if stopWords.contains(key.scalars, endsWithAlefMaksura: key.endsWithAlefMaksura) { return }
            body(kind, term(kind, key.scalars))
        }
    }

    /// The term of a token: the light10 stem of an Arabic key, any other key as it is.
    @inline(__always)
    func term(_ kind: TokenKind, _ key: UnsafeBufferPointer<Unicode.Scalar>) -> UnsafeBufferPointer<Unicode.Scalar> {
        kind == .arabic ? UnsafeBufferPointer(rebasing: key[Light10.stemRange(key)]) : key
    }

    /// Every token of a line with the hash boilerplate detection compares words by
    /// (``Boilerplate/LineFilter``) and the id of its term in `table`, nil for a stop word: one
    /// pass of the tokenizer serves both, and is the vectors stage's hot path.
    package func forEachTermID(in line: Substring, table: inout TermTable, _ body: (_ wordHash: UInt64, _ term: Int32?) -> Void) {
        table.beginLine()
        UTF8Scalars.of(line) { scalars in
            Tokenizer.scan(scalars, hamza: hamzaCarriers) { kind, _, key in
                table.queue(key: key.scalars, kind: kind, endsWithAlefMaksura: key.endsWithAlefMaksura, wordHash: Boilerplate.wordHash(key.scalars))
            }
        }
        table.takeQueued(analyzer: self, body)
    }

    /// Calls `body` with the ``TermHash`` of the term of every token of `text`, stop words
    /// included, and the token's range in `text`: how a story's keywords find the words its
    /// headlines write for a term, building a string only for the words they keep.
    package func forEachTermHash(in text: [Unicode.Scalar], _ body: (_ term: UInt64, _ token: Range<Int>) -> Void) {
        Tokenizer.scan(text, hamza: hamzaCarriers) { kind, range, key in
            body(TermHash.of(term(kind, key.scalars)), range)
        }
    }

    /// Calls `body` with the kind, key and scalar range in `text` of every token, stop words
    /// included: for counting chosen words over a whole corpus without building tokens.
    package func forEachKey(in text: Substring, _ body: (TokenKind, UnsafeBufferPointer<Unicode.Scalar>, Range<Int>) -> Void) {
        UTF8Scalars.of(text) { scalars in
            Tokenizer.scan(scalars, hamza: hamzaCarriers) { kind, range, key in body(kind, key.scalars, range) }
        }
    }

    /// The terms of `text`, in order.
    public func terms(of text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { _, term in terms.append(term) }
        return terms
    }
}
