import ArabicText
import Support

/// Page chrome that scrapers leave at the end of an article: "related articles", "back to top",
/// share and print buttons. Ingest removes such lines from the end of every text, so that the
/// article text holds the article and nothing after it.
///
/// Only trailing lines are removed, and only when the whole line is a site label
/// (``Boilerplate/isPageChrome(_:)``). Boilerplate inside the body and lines learned per outlet
/// belong to the text stage.
enum PageChrome {
    /// Removes site labels from the end of `text`; returns the text and how many lines went.
    static func stripTrailing(_ text: String) -> (text: String, removed: Int) {
        let bytes = text.utf8
        var end = bytes.count
        var removed = 0
        // Walk back line by line; only the last few lines are ever looked at, and only their last
        // 81 bytes are read to find where they start (a longer line ends the walk).
        while end > 0, let lineStart = start(ofLineEndingAt: end, in: text, within: 80) {
            let line = text[bytes.index(bytes.startIndex, offsetBy: lineStart)..<bytes.index(bytes.startIndex, offsetBy: end)]
            if line.unicodeScalars.contains(where: { !isWhiteSpace($0) }) {
                guard Boilerplate.isPageChrome(line) else { break }
                removed += 1
            }
            end = max(0, lineStart - 1)
        }
        guard removed > 0 else { return (text, 0) }
        return (String(text[..<bytes.index(bytes.startIndex, offsetBy: end)]), removed)
    }

    /// The byte offset where the line that ends at byte `end` starts (after a newline, or 0), if
    /// the line is at most `limit` bytes long; nil if it is longer.
    private static func start(ofLineEndingAt end: Int, in text: String, within limit: Int) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var start = end
            while start > 0, bytes[start - 1] != 0x0A {
                guard end - start < limit else { return nil }
                start -= 1
            }
            return start
        }
    }
}
