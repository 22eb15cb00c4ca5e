#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

// Swift compares and hashes `String`s under canonical equivalence, which for Arabic means
// normalization work on every comparison, prefix test and hash. Text in the key view is already
// normalized (one spelling per word, no marks), so its bytes decide, and these helpers compare
// them directly.

extension String {
    /// Whether the UTF-8 bytes begin with those of `prefix`: for key-view text, `hasPrefix`
    /// without its normalization work.
    @inlinable
    package func hasBytePrefix(_ prefix: String) -> Bool {
        let (n, m) = (utf8.count, prefix.utf8.count)
        return n >= m && Self.bytesEqual(self, 0, prefix, 0, m)
    }

    /// Whether the UTF-8 bytes end with those of `suffix`: for key-view text, `hasSuffix`
    /// without its normalization work.
    @inlinable
    package func hasByteSuffix(_ suffix: String) -> Bool {
        let (n, m) = (utf8.count, suffix.utf8.count)
        return n >= m && Self.bytesEqual(self, n - m, suffix, 0, m)
    }

    /// Whether the two strings have the same UTF-8 bytes.
    @inlinable
    package func hasSameBytes(as other: String) -> Bool {
        let n = utf8.count
        return n == other.utf8.count && Self.bytesEqual(self, 0, other, 0, n)
    }

    /// Whether `count` bytes of `a` from `i` equal those of `b` from `j`.
    @usableFromInline
    static func bytesEqual(_ a: String, _ i: Int, _ b: String, _ j: Int, _ count: Int) -> Bool {
        if count == 0 { return true }
        let equal = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in memcmp(pa.baseAddress! + i, pb.baseAddress! + j, count) == 0 }
        }
        if let equal = equal ?? nil { return equal }
        return a.utf8.dropFirst(i).prefix(count).elementsEqual(b.utf8.dropFirst(j).prefix(count))
    }
}

/// A word compared and hashed by its UTF-8 bytes (see ``Swift/String/hasSameBytes(as:)``): the
/// lexicons' words and the tokens' keys are both key-view text.
package struct Word: Hashable, Sendable {
    /// The word.
    package let text: String

    /// The word `text`.
    @inlinable
    package init(text: String) { self.text = text }

    @inlinable
    package static func == (a: Word, b: Word) -> Bool { a.text.hasSameBytes(as: b.text) }

    @inlinable
    package func hash(into hasher: inout Hasher) {
        if let hashed = text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) { return hashed }
        for byte in text.utf8 { hasher.combine(byte) }
    }
}

/// A set of key-view words looked up by bytes (see ``Word``).
package struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var words: Set<Word>

    /// The words of `sequence`.
    package init<S: Sequence>(_ sequence: S) where S.Element == String { words = Set(sequence.map(Word.init)) }

    package init(arrayLiteral elements: String...) { self.init(elements) }

    /// Whether `word` is in the set.
    package func contains(_ word: String) -> Bool { words.contains(Word(text: word)) }

    /// Adds `word`; whether it was not there yet.
    @discardableResult
    package mutating func insert(_ word: String) -> Bool { words.insert(Word(text: word)).inserted }
}

/// A map from key-view words, looked up by bytes (see ``Word``).
package struct WordMap<Value: Sendable>: Sendable {
    private let values: [Word: Value]

    /// The pairs of `dictionary`.
    package init(_ dictionary: [String: Value]) {
        values = Dictionary(dictionary.map { (Word(text: $0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The value of `word`, if any.
    package subscript(_ word: String) -> Value? { values[Word(text: word)] }
}
