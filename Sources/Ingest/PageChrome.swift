import ArabicText

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
        var end = bytes.endIndex
        var removed = 0
        // Walk back line by line over the bytes; only the last few lines are ever looked at.
        while end > bytes.startIndex {
            let lineStart = bytes[..<end].lastIndex(of: 0x0A).map(bytes.index(after:)) ?? bytes.startIndex
            let line = text[lineStart..<end]
            guard line.utf8.count <= 80 else { break }
            if line.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
                guard Boilerplate.isPageChrome(line) else { break }
                removed += 1
            }
            end = lineStart == bytes.startIndex ? lineStart : bytes.index(before: lineStart)
        }
        guard removed > 0 else { return (text, 0) }
        return (String(text[..<end]), removed)
    }
}
