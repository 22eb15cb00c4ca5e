import Support

/// The article fields Isnad reads, with the other names that exports and scrapers use for them.
enum ArticleField: Int, CaseIterable {
    case id, source, url, title, published, text

    /// Accepted names, canonical first; matched without regard to case.
    var names: [String] {
        switch self {
        case .id: ["id", "article_id", "doc_id", "guid", "_id"]
        case .source: ["source", "outlet", "site", "publisher", "source_name", "domain"]
        case .url: ["url", "link", "permalink", "canonical_url"]
        case .title: ["title", "headline", "heading"]
        case .published: ["published", "date", "datetime", "published_at", "publication_date", "pubdate", "time"]
        case .text: ["text", "content", "body", "article", "article_text", "full_text"]
        }
    }

    /// Every accepted name (lower-case) to its field and rank (0 = canonical name).
    static let byName: [String: (field: ArticleField, rank: Int)] = {
        var map: [String: (ArticleField, Int)] = [:]
        for field in allCases {
            for (rank, name) in field.names.enumerated() { map[name] = (field, rank) }
        }
        return map
    }()
}

/// Values supplied from outside the records: the `--source`, `--published` and
/// `--max-record-bytes` options.
public struct RecordDefaults: Sendable, Equatable {
    /// The outlet for records that name none.
    public var source: String?
    /// The publication time for records that give none.
    public var published: Published?
    /// A record (a line of JSONL, a `.txt` or `.html` page, a sidecar) longer than this, in bytes
    /// after inflating, is rejected unread: memory stays bounded by a few times this whatever the
    /// input holds. No real article comes near the default (32 MiB).
    public var maxRecordBytes: Int

    /// The largest record read by default.
    public static let defaultMaxRecordBytes = 32 << 20

    /// Defaults from the command line.
    public init(source: String? = nil, published: Published? = nil, maxRecordBytes: Int = RecordDefaults.defaultMaxRecordBytes) {
        self.source = source
        self.published = published
        self.maxRecordBytes = maxRecordBytes
    }
}

/// Picks the article fields out of an object's members (the canonical name wins over an alias)
/// and validates them.
///
/// - Returns: the article, or the reason it is rejected.
func makeArticle(
    members: [(key: String, value: JSONValue)], origin: SourceLocation, defaults: RecordDefaults
) -> Result<(article: Article, chromeLines: Int), RecordProblem> {
    var chosen = [JSONValue?](repeating: nil, count: ArticleField.allCases.count)
    var ranks = [Int](repeating: .max, count: ArticleField.allCases.count)
    for (key, value) in members {
        guard let (field, rank) = ArticleField.byName[key] ?? ArticleField.byName[key.lowercased()] else { continue }
        if rank < ranks[field.rawValue] {
            chosen[field.rawValue] = value
            ranks[field.rawValue] = rank
        }
    }
    func string(_ field: ArticleField) -> Result<String?, RecordProblem> {
        let key = field.names[0]
        switch chosen[field.rawValue] {
        case nil, .null?: return .success(nil)
        case .string(let s)?: return .success(s)
        case .number(let n)? where field == .id: return .success(n)
        case let value?:
            let written = field.names[ranks[field.rawValue]]
            let name = written == key ? "'\(key)'" : "'\(written)' (read as '\(key)')"
            return .failure(RecordProblem("field \(name) is a JSON \(value.typeName), expected a string"))
        }
    }
    do {
        let title = try string(.title).get().map(\.trimmed) ?? ""
        let rawText = try string(.text).get() ?? ""
        let (text, chrome) = PageChrome.stripTrailing(rawText)
        guard !title.isEmpty || !text.allSatisfy(\.isWhitespace) else {
            return .failure(RecordProblem("record has neither title nor text"))
        }
        let source =
            try string(.source).get().map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
            ?? defaults.source ?? "unknown"
        let url = try string(.url).get().map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        var published = defaults.published
        if let written = try string(.published).get().map(\.trimmed), !written.isEmpty {
            guard let p = Published(parsing: written) else {
                return .failure(
                    RecordProblem("unparseable date '\(written)' in field '\(ArticleField.published.names[ranks[ArticleField.published.rawValue]])'"))
            }
            published = p
        }
        var id = try string(.id).get().map(\.trimmed) ?? ""
        if id.isEmpty { id = StableID.derive(url: url, source: source, title: title, text: text) }
        let article = Article(id: id, source: source, url: url, title: title, published: published, text: text, origin: origin)
        return .success((article, chrome))
    } catch {
        return .failure(error)
    }
}

/// Why one record is rejected.
struct RecordProblem: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
