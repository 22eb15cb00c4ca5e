import ArabicText
import Ingest
import Store
import Synchronization

/// What search, speakers and statements scan, read from the store once for each state of it
/// (the store's count of articles with a story changes with every update) and kept with its
/// key views, so a request scans memory instead of reading and normalizing the whole store.
final class SearchIndex: Sendable {
    /// The index of one state of the store.
    struct Contents: Sendable {
        /// The state it was read at.
        let state: Int
        /// Every statement, newest first, with the key view of its words and its article's day.
        let statements: [(stored: StoredStatement, key: String, day: CalendarDay?)]
        /// Every speaker name with its statements and the words of its key view.
        let speakers: [(speaker: String, statements: Int, words: Set<Substring>)]
        /// Every story's headline with its key view, the most recently reported first.
        let headlines: [(story: String, title: String, lastPublished: String?, key: String)]
    }

    let store: StoryStore
    let keys = KeyNormalizer()
    let cached = Mutex<Contents?>(nil)

    init(store: StoryStore) { self.store = store }

    /// The index of the store as it is now, read again if the store changed since.
    func contents() throws -> Contents {
        let state = try store.state()
        if let contents = cached.withLock({ $0 }), contents.state == state { return contents }
        let statements = try store.statements().map {
            (stored: $0, key: keys.key($0.statement.content), day: $0.published.flatMap(Published.init(parsing:))?.calendarDay)
        }
        let speakers = try store.speakers().map { (speaker: $0.speaker, statements: $0.statements, words: Set(keys.key($0.speaker).split(separator: " "))) }
        let headlines = try store.headlines().map { (story: $0.story, title: $0.title, lastPublished: $0.lastPublished, key: keys.key($0.title)) }
        let contents = Contents(state: state, statements: statements, speakers: speakers, headlines: headlines)
        cached.withLock { $0 = contents }
        return contents
    }
}
