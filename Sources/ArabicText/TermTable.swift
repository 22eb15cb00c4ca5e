import CPrefetch
import Support

/// Dense ids for the terms one worker meets, with a memo of every token key it has analysed:
/// a word seen before costs one hash probe instead of a stop-word lookup, a stem and a term hash.
/// Ids are given in order of first appearance, so the same text always gets the same ids.
package struct TermTable: Sendable {
    /// The ``TermHash`` of each term, by id.
    package private(set) var hashes: [UInt64] = []
    /// Each term as text, by id.
    package private(set) var names: [String] = []
    /// Term hash → id.
    private var idOfTerm = HashIndex()
    /// Key hash (with the alef-maksura bit) → id, or ``stopWord``.
    private var idOfKey = HashIndex()

    private static let stopWord: Int32 = -1

    /// An empty table.
    package init() { queueBuffers = queueOwner.buffers }

    /// The number of terms.
    package var count: Int { hashes.count }

    /// The terms alone, without the memo that assigns ids: what is kept of a table once its
    /// documents are counted (the memo holds every distinct token key and is the larger part).
    package var terms: TermTable {
        var kept = TermTable()
        kept.hashes = hashes
        kept.names = names
        return kept
    }

    /// A token of the line being analysed, waiting for its id.
    struct QueuedToken {
        let wordHash: UInt64
        let keyHash: UInt64
        /// Where its key ends in the queue's keys (it starts where the previous token's ends).
        let keyEnd: Int
        let kind: TokenKind
        let endsWithAlefMaksura: Bool
    }

    /// The tokens of the line being analysed and their keys. Appended to arrays, a token cost
    /// three calls (its count, its key, its entry), each checking that the array was not shared.
    /// The table keeps the queue's pointers beside the object that owns them, so that queueing
    /// a token reads no reference (each read of one was a retain and a release).
    private var queueOwner = LineQueue(QueueBuffers(tokenCapacity: 256, keyCapacity: 2_048))
    private var queueBuffers: QueueBuffers
    private var queuedCount = 0
    private var queuedKeyCount = 0

    /// Makes the queue this table's own before a line is queued: a copy of the table shares it
    /// until then (the queue is empty between lines, so nothing is copied).
    @inline(__always)
    mutating func beginLine() {
        if !isKnownUniquelyReferenced(&queueOwner) { replaceQueue(tokenCapacity: queueBuffers.tokenCapacity, keyCapacity: queueBuffers.keyCapacity) }
    }

    /// Queues a token of the line being analysed (after ``beginLine()``) and asks for its memo
    /// slot: the memo holds every key met and is megabytes large, so most of its probes missed
    /// the cache one after another; queued, a line's probes overlap.
    @inline(__always)
    mutating func queue(key: UnsafeBufferPointer<Unicode.Scalar>, kind: TokenKind, endsWithAlefMaksura: Bool, wordHash: UInt64) {
        let keyHash = TermHash.of(key) ^ (endsWithAlefMaksura ? 1 : 0)
        idOfKey.prefetch(keyHash)
        if queuedCount == queueBuffers.tokenCapacity || queuedKeyCount + key.count > queueBuffers.keyCapacity {
            replaceQueue(tokenCapacity: 2 * queueBuffers.tokenCapacity, keyCapacity: max(2 * queueBuffers.keyCapacity, queuedKeyCount + key.count))
        }
        if let start = key.baseAddress { (queueBuffers.keys + queuedKeyCount).initialize(from: start, count: key.count) }
        queuedKeyCount += key.count
        (queueBuffers.tokens + queuedCount).initialize(
            to: QueuedToken(wordHash: wordHash, keyHash: keyHash, keyEnd: queuedKeyCount, kind: kind, endsWithAlefMaksura: endsWithAlefMaksura))
        queuedCount += 1
    }

    /// A queue of the given capacities in place of the table's, with the line's tokens so far.
    @inline(never)
    private mutating func replaceQueue(tokenCapacity: Int, keyCapacity: Int) {
        let buffers = QueueBuffers(tokenCapacity: tokenCapacity, keyCapacity: keyCapacity)
        buffers.tokens.initialize(from: queueBuffers.tokens, count: queuedCount)
        buffers.keys.initialize(from: queueBuffers.keys, count: queuedKeyCount)
        queueOwner = LineQueue(buffers)
        queueBuffers = buffers
    }

    /// Calls `body` with the word hash and the term id (nil for a stop word) of each queued token,
    /// in order, and empties the queue.
    @inline(__always)
    mutating func takeQueued(analyzer: Analyzer, _ body: (_ wordHash: UInt64, _ term: Int32?) -> Void) {
        let buffers = queueBuffers
        var start = 0
        for t in 0..<queuedCount {
            let token = buffers.tokens[t]
            let key = UnsafeBufferPointer(start: buffers.keys + start, count: token.keyEnd - start)
            start = token.keyEnd
            body(token.wordHash, id(ofKey: key, hash: token.keyHash, kind: token.kind, endsWithAlefMaksura: token.endsWithAlefMaksura, analyzer: analyzer))
        }
        queuedCount = 0
        queuedKeyCount = 0
    }

    /// The id of the term of a token whose key is `key` and whose memo hash (its ``TermHash``,
    /// the alef-maksura bit mixed in) is `keyHash`; nil for a stop word.
    @inline(__always)
    private mutating func id(
        ofKey key: UnsafeBufferPointer<Unicode.Scalar>, hash keyHash: UInt64, kind: TokenKind, endsWithAlefMaksura: Bool, analyzer: Analyzer
    ) -> Int32? {
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

/// The buffers of ``TermTable``'s queue of tokens. A table writes to them only once it holds the
/// only reference to their owner (``TermTable/beginLine()``), so no two tables write to one queue.
private struct QueueBuffers: @unchecked Sendable {
    let tokens: UnsafeMutablePointer<TermTable.QueuedToken>
    let tokenCapacity: Int
    let keys: UnsafeMutablePointer<Unicode.Scalar>
    let keyCapacity: Int

    init(tokenCapacity: Int, keyCapacity: Int) {
        tokens = .allocate(capacity: tokenCapacity)
        self.tokenCapacity = tokenCapacity
        keys = .allocate(capacity: keyCapacity)
        self.keyCapacity = keyCapacity
    }
}

/// Owns a ``QueueBuffers`` and frees it with the last table that shares it.
private final class LineQueue: Sendable {
    let buffers: QueueBuffers

    init(_ buffers: QueueBuffers) { self.buffers = buffers }

    deinit {
        buffers.tokens.deallocate()
        buffers.keys.deallocate()
    }
}
