/// Dense ids for the terms one worker meets, with a memo of every token key it has analysed:
/// a word seen before costs one hash probe instead of a stop-word lookup, a stem and a term hash.
/// Ids are given in order of first appearance, so the same text always gets the same ids.
public struct TermTable {
    /// The ``TermHash`` of each term, by id.
    public private(set) var hashes: [UInt64] = []
    /// Each term as text, by id.
    public private(set) var names: [String] = []
    /// Term hash → id.
    private var idOfTerm = HashIndex()
    /// Key hash (with the alef-maksura bit) → id, or ``stopWord``.
    private var idOfKey = HashIndex()

    private static let stopWord: Int32 = -1

    /// An empty table.
    public init() {}

    /// The number of terms.
    public var count: Int { hashes.count }

    /// The terms alone, without the memo that assigns ids: what is kept of a table once its
    /// documents are counted (the memo holds every distinct token key and is the larger part).
    public var terms: TermTable {
        var kept = TermTable()
        kept.hashes = hashes
        kept.names = names
        return kept
    }

    /// The id of the term of a token whose key is `key`, nil for a stop word.
    @inline(__always)
    mutating func id(ofKey key: UnsafeBufferPointer<Unicode.Scalar>, kind: TokenKind, endsWithAlefMaksura: Bool, analyzer: Analyzer) -> Int32? {
        let keyHash = TermHash.of(key) ^ (endsWithAlefMaksura ? 1 : 0)
        if let known = idOfKey[keyHash] { return known == TermTable.stopWord ? nil : known }
        guard !analyzer.stopWords.contains(key, endsWithAlefMaksura: endsWithAlefMaksura) else {
            idOfKey[keyHash] = TermTable.stopWord
            return nil
        }
        let term = analyzer.term(kind, key)
        let termHash = TermHash.of(term)
        let id: Int32
        if let existing = idOfTerm[termHash] {
            id = existing
        } else {
            id = Int32(hashes.count)
            idOfTerm[termHash] = id
            hashes.append(termHash)
            names.append(String(scalars: term))
        }
        idOfKey[keyHash] = id
        return id
    }
}

/// An open-addressing map from 64-bit hashes (already well mixed: FNV-1a, ``TermHash``) to
/// `Int32`, without the per-lookup SipHash of `Dictionary`. Entries are never removed.
public struct HashIndex: Sendable, Equatable {
    @usableFromInline var keys = [UInt64](repeating: 0, count: 1024)
    @usableFromInline var values = [Int32](repeating: 0, count: 1024)
    private var used = 0

    /// An empty index.
    public init() {}

    /// The value stored for `hash`; setting nil is not allowed. Lookups are inlinable: other
    /// modules probe it per term.
    public subscript(hash: UInt64) -> Int32? {
        @inlinable @inline(__always) get {
            let key = hash == 0 ? 1 : hash
            // Raw buffers: the probe runs once per token, and the array's subscript was not inlined.
            return keys.withUnsafeBufferPointer { keys in
                let mask = keys.count - 1
                var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
                while true {
                    let stored = keys[slot]
                    if stored == key { return values.withUnsafeBufferPointer { $0[slot] } }
                    if stored == 0 { return nil }
                    slot = (slot + 1) & mask
                }
            }
        }
        set {
            guard let newValue else { preconditionFailure("HashIndex never removes") }
            if (used + 1) * 2 > keys.count { grow() }
            let key = hash == 0 ? 1 : hash
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            if keys[slot] == 0 { used += 1 }
            keys[slot] = key
            values[slot] = newValue
        }
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
