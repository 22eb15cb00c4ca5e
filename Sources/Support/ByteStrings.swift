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

/// Words looked up by their UTF-8 bytes in an open-addressing table (FNV-1a over the bytes, linear
/// probing, at most half full), each word numbered in the order first given. The lexicons are read
/// many times per token, and the timeline numbers every word of every statement; Swift's
/// `Set<String>` hashed each probe with SipHash after a normalization check, and this table reads
/// the bytes once.
package struct ByteTable: Sendable {
    /// Every word's bytes, one after another.
    private var bytes: [UInt8] = []
    /// Where each word's bytes start in ``bytes``, and one past the last word's end.
    private var starts: [Int32] = [0]
    /// The word number in each slot, or -1.
    private var slots: [Int32] = Array(repeating: -1, count: 16)

    /// An empty table.
    package init() {}

    /// The table of `words`; a word given twice keeps its first number.
    package init(_ words: [String]) {
        for word in words { insert(word) }
    }

    /// The number of words.
    package var count: Int { starts.count - 1 }

    /// The word numbered `i`.
    package func word(_ i: Int) -> String { String(decoding: bytes[Int(starts[i])..<Int(starts[i + 1])], as: UTF8.self) }

    /// Calls `body` with the bytes of the word numbered `i` (valid during the call only).
    package func withBytes<R>(of i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[Int(starts[i])..<Int(starts[i + 1])])) }
    }

    /// The number of `word`, if the table holds it.
    @inlinable
    package func index(of word: String) -> Int? {
        if let found = word.utf8.withContiguousStorageIfAvailable({ index(of: UnsafeRawBufferPointer($0)) }) { return found }
        return Array(word.utf8).withUnsafeBytes { index(of: $0) }
    }

    /// The number of the word whose bytes are `key`, if the table holds it.
    package func index(of key: UnsafeRawBufferPointer) -> Int? {
        let slot = self.slot(of: key)
        return slots[slot] < 0 ? nil : Int(slots[slot])
    }

    /// The number of `word`, given the next number if the table did not hold it.
    @discardableResult
    package mutating func insert(_ word: String) -> Int {
        if let i = word.utf8.withContiguousStorageIfAvailable({ insert(UnsafeRawBufferPointer($0)) }) { return i }
        return Array(word.utf8).withUnsafeBytes { insert($0) }
    }

    /// The number of the word whose bytes are `key`, given the next number if the table did not
    /// hold it.
    @discardableResult
    package mutating func insert(_ key: UnsafeRawBufferPointer) -> Int {
        let slot = self.slot(of: key)
        if slots[slot] >= 0 { return Int(slots[slot]) }
        let i = count
        bytes.append(contentsOf: key)
        starts.append(Int32(bytes.count))
        slots[slot] = Int32(i)
        if 2 * count > slots.count { rehash(capacity: 2 * slots.count) }
        return i
    }

    /// The slot that holds `key`, or the empty slot where it would go.
    private func slot(of key: UnsafeRawBufferPointer) -> Int {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        return bytes.withUnsafeBytes { stored in
            starts.withUnsafeBufferPointer { starts in
                slots.withUnsafeBufferPointer { slots in
                    while true {
                        let i = Int(slots[slot])
                        if i < 0 { return slot }
                        let (start, end) = (Int(starts[i]), Int(starts[i + 1]))
                        if end - start == key.count, key.count == 0 || memcmp(stored.baseAddress! + start, key.baseAddress!, key.count) == 0 { return slot }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Every word placed again in a table of `capacity` slots.
    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        let mask = capacity - 1
        bytes.withUnsafeBytes { stored in
            for i in 0..<count {
                let word = UnsafeRawBufferPointer(rebasing: stored[Int(starts[i])..<Int(starts[i + 1])])
                var slot = Self.hash(word) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(i)
            }
        }
    }

    /// FNV-1a of the bytes, folded so that the low bits, which pick the slot, see every byte.
    static func hash(_ key: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}

/// A set of key-view words looked up by bytes (see ``ByteTable``).
package struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let table: ByteTable

    /// The words of `sequence`.
    package init<S: Sequence>(_ sequence: S) where S.Element == String { table = ByteTable(Array(sequence)) }

    package init(arrayLiteral elements: String...) { self.init(elements) }

    /// Whether `word` is in the set.
    @inlinable
    package func contains(_ word: String) -> Bool { table.index(of: word) != nil }
}

/// A map from key-view words, looked up by bytes (see ``ByteTable``).
package struct WordMap<Value: Sendable>: Sendable {
    private let table: ByteTable
    private let values: [Value]

    /// The pairs of `dictionary`.
    package init(_ dictionary: [String: Value]) {
        table = ByteTable(Array(dictionary.keys))
        values = Array(dictionary.values)
    }

    /// The value of `word`, if any.
    @inlinable
    package subscript(_ word: String) -> Value? { table.index(of: word).map { values[$0] } }
}
