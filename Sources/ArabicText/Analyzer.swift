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
        forEachTermScalars(in: text) { kind, term in body(kind, String(scalars: term)) }
    }

    /// As ``forEachTerm(in:_:)``, with each term as its scalars (valid only during the call):
    /// the hot path of the vectors stage, which keys terms by ``TermHash`` and builds no strings.
    public func forEachTermScalars<S: StringProtocol>(in text: S, _ body: (TokenKind, ArraySlice<Unicode.Scalar>) -> Void) {
        Tokenizer.scan(text.unicodeScalars, hamza: hamzaCarriers) { kind, _, key in
            let scalars = key.output
            if stopWords.contains(scalars[...], endsWithAlefMaksura: key.lastLetterWasAlefMaksura) { return }
            let term = kind == .arabic ? Light10.stemRange(scalars, 0..<scalars.count) : 0..<scalars.count
            body(kind, scalars[term])
        }
    }

    /// Every token of a line with the hash boilerplate detection compares words by
    /// (``Boilerplate/LineFilter``) and its term, nil for a stop word: one pass of the tokenizer
    /// serves both.
    public func forEachToken<S: StringProtocol>(in line: S, _ body: (_ wordHash: UInt64, _ term: ArraySlice<Unicode.Scalar>?) -> Void) {
        Tokenizer.scan(line.unicodeScalars, hamza: hamzaCarriers) { kind, _, key in
            let scalars = key.output
            let wordHash = Boilerplate.wordHash(scalars)
            if stopWords.contains(scalars[...], endsWithAlefMaksura: key.lastLetterWasAlefMaksura) { return body(wordHash, nil) }
            body(wordHash, scalars[kind == .arabic ? Light10.stemRange(scalars, 0..<scalars.count) : 0..<scalars.count])
        }
    }

    /// The terms of `text`, in order.
    public func terms(of text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { _, term in terms.append(term) }
        return terms
    }
}
