/// A record (or a whole file) that could not be read, kept aside with everything needed to fix it.
public struct Reject: Sendable, Hashable, Codable {
    /// The file, as given or as found under a given folder.
    public var file: String
    /// 1-based line where the record starts; 0 when the problem concerns the whole file.
    public var line: Int
    /// What is wrong, in words, e.g. `malformed JSON at column 41: expected ',' or '}' in object`.
    public var reason: String
    /// The record as read; bytes that are not valid UTF-8 are written as `\xNN`.
    public var raw: String

    /// A reject at `location`.
    public init(at location: SourceLocation, reason: String, raw: String) {
        file = location.file
        line = location.line
        self.reason = reason
        self.raw = raw
    }

    /// `file:line: reason`, the form compilers use, for stderr.
    public var message: String { "\(SourceLocation(file: file, line: line)): \(reason)" }
}
