/// A word compared and hashed by its UTF-8 bytes. Swift compares `String`s under canonical
/// equivalence, which for Arabic means normalization work on every hash and comparison; the
/// lexicon's words and the tokens' keys are both key-view text, already normalized, so their
/// bytes decide.
struct Word: Hashable {
    let text: String

    static func == (a: Word, b: Word) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// A set of key-view words looked up by bytes (see ``Word``).
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let words: Set<Word>

    /// The words of `sequence`.
    init<S: Sequence>(_ sequence: S) where S.Element == String { words = Set(sequence.map(Word.init)) }

    init(arrayLiteral elements: String...) { self.init(elements) }

    /// Whether `word` is in the set.
    func contains(_ word: String) -> Bool { words.contains(Word(text: word)) }
}

/// A map from key-view words, looked up by bytes (see ``Word``).
struct WordMap<Value: Sendable>: Sendable {
    private let values: [Word: Value]

    /// The pairs of `dictionary`.
    init(_ dictionary: [String: Value]) {
        values = Dictionary(dictionary.map { (Word(text: $0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The value of `word`, if any.
    subscript(_ word: String) -> Value? { values[Word(text: word)] }
}
