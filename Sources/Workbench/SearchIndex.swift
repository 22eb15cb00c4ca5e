import ArabicText
import Dispatch
import Foundation
import Ingest
import Statements
import Store
import Synchronization

/// What search, speakers and statements scan, read from the store once for each state of it
/// (``StoryStore/state()`` changes with every update) and kept with its key views, so a request scans memory instead of reading and normalizing the whole store.
/// Once read, the index answers at once: when the store has changed since, the new state is read
/// beside the requests, which the index of the state before answers until it is ready.
final class SearchIndex: Sendable {
    /// The index of one state of the store.
    struct Contents: Sendable {
        /// The state it was read at.
        let state: Int
        /// Every statement, newest first, with the key view of its words and its article's day.
        let statements: [(stored: StoredStatement, key: KeyText, day: CalendarDay?)]
        /// The places in `statements` of each speaker's statements, in order.
        let statementsOfSpeaker: [String: [Int]]
        /// Every speaker name with its statements, its key view and the words of it.
        let speakers: [(speaker: String, statements: Int, key: KeyText, words: Set<Substring>)]
        /// Each speaker name that is one with others across stories (the store's canonical names):
        /// all of them, the name they are one under included.
        let sameNames: [String: [String]]
        /// Every story's headline with its key view, the most recently reported first.
        let headlines: [(story: String, title: String, lastPublished: String?, key: KeyText)]
    }

    let store: StoryStore
    let keys = KeyNormalizer()
    let cached = Mutex<Contents?>(nil)
    /// Whether a newer state is being read.
    let reading = Mutex(false)

    init(store: StoryStore) { self.store = store }

    /// The places in `statements` of the statements of `speakers` (nil: every statement), newest first.
    static func places(of speakers: [String]?, in contents: Contents) -> [Int] {
        guard let speakers else { return Array(contents.statements.indices) }
        return speakers.flatMap { contents.statementsOfSpeaker[$0] ?? [] }.sorted()
    }

    /// The index read last; the first call reads it. When the store has changed since, the new
    /// state is read in the background, once at a time.
    func contents() throws -> Contents {
        let state = try store.state()
        guard let contents = cached.withLock({ $0 }) else { return try read(at: state) }
        if contents.state != state, startsReading() {
            DispatchQueue.global().async {
                _ = try? self.read(at: state)
                self.reading.withLock { $0 = false }
            }
        }
        return contents
    }

    /// Whether no newer state was being read; if so, one is from now on.
    func startsReading() -> Bool {
        reading.withLock { reading in
            guard !reading else { return false }
            reading = true
            return true
        }
    }

    /// Whether the index read last is the one of `state`.
    func isCurrent(at state: Int) -> Bool { cached.withLock { $0?.state == state } }

    /// Reads the index of the store (at `state`, or a later one if it changed meanwhile) and keeps it.
    func read(at state: Int) throws -> Contents {
        let statements = try store.statements().map {
            (stored: $0, key: KeyText(keys.key($0.statement.content)), day: $0.published.flatMap(Published.init(parsing:))?.calendarDay)
        }
        let stored = try store.speakers()
        let speakers = stored.map { speaker in
            let key = keys.key(speaker.name)
            return (speaker: speaker.name, statements: speaker.statements, key: KeyText(key), words: Set(key.split(separator: " ")))
        }
        let headlines = try store.headlines().map { (story: $0.story, title: $0.title, lastPublished: $0.lastPublished, key: KeyText(keys.key($0.title))) }
        var sameNames: [String: [String]] = [:]
        for speaker in stored where speaker.canonical != speaker.name { sameNames[speaker.canonical, default: [speaker.canonical]].append(speaker.name) }
        for names in sameNames.values { for name in names { sameNames[name] = names } }
        var statementsOfSpeaker: [String: [Int]] = [:]
        for (i, entry) in statements.enumerated() { statementsOfSpeaker[entry.stored.statement.speaker, default: []].append(i) }
        let contents = Contents(
            state: state, statements: statements, statementsOfSpeaker: statementsOfSpeaker, speakers: speakers, sameNames: sameNames,
            headlines: headlines)
        cached.withLock { $0 = contents }
        return contents
    }
}

/// A key view as UTF-8 bytes, searched byte for byte (a match of whole scalars: UTF-8 never
/// matches inside a scalar), much faster than `String.contains` with its grapheme semantics.
struct KeyText: Sendable {
    let bytes: [UInt8]

    init(_ key: String) { bytes = Array(key.utf8) }

    /// Whether `other` occurs in this text.
    func contains(_ other: KeyText) -> Bool {
        let length = other.bytes.count
        guard length > 0 else { return true }
        guard length <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            other.bytes.withUnsafeBufferPointer { needle in
                let first = needle[0]
                for start in 0...(haystack.count - length) where haystack[start] == first {
                    if memcmp(haystack.baseAddress! + start, needle.baseAddress!, length) == 0 { return true }
                }
                return false
            }
        }
    }
}
