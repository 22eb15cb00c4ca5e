/// Where a record came from: the file and the 1-based line on which it starts.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The path as given by the user (or found under a folder the user gave).
    public var file: String
    /// The 1-based line on which the record starts; 0 when the problem concerns the whole file.
    public var line: Int

    /// A location in `file` at `line`.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`, as compilers print it.
    public var description: String { line > 0 ? "\(file):\(line)" : file }
}

/// One news article as every later stage sees it: validated, with a stable id and a parsed time.
public struct Article: Sendable, Hashable {
    /// Stable id: the record's own id, or one derived from its URL or content (see ``StableID``).
    public var id: String
    /// The outlet (domain or corpus key); `"unknown"` when the input names none.
    public var source: String
    /// The article's URL, when known.
    public var url: String?
    /// The headline; may be empty when the article has text.
    public var title: String
    /// The publication time as written; `nil` when the input gives none.
    public var published: Published?
    /// The body, paragraphs separated by `\n`; may be empty when the article has a title.
    public var text: String
    /// Where the record was read.
    public var origin: SourceLocation

    /// An article with every field given.
    public init(
        id: String, source: String, url: String?, title: String, published: Published?, text: String,
        origin: SourceLocation
    ) {
        self.id = id
        self.source = source
        self.url = url
        self.title = title
        self.published = published
        self.text = text
        self.origin = origin
    }
}
