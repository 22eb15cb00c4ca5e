/// Hashtags written as words: the mark dropped, a tag's underscores made spaces
/// («#الرسوم_الجمركية» → «الرسوم الجمركية»). Speakers (#باسم_مغنية) and report headlines use it.
package func hashtagsAsWords(_ text: String) -> String {
    guard text.unicodeScalars.contains("#") else { return text }
    var out = String.UnicodeScalarView()
    var inTag = false
    for u in text.unicodeScalars {
        if u == "#" {
            inTag = true
            continue
        }
        if inTag, u == " " || u == "\n" { inTag = false }
        out.append(inTag && u == "_" ? " " : u)
    }
    return String(out)
}
