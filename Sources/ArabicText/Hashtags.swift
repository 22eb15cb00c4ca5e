/// Hashtags written as words: the mark dropped, underscores made spaces, no space doubled
/// («#الرسوم_الجمركية» → «الرسوم الجمركية»). Arabic news writes «_» only inside hashtags, also where a
/// phrase has lost the tag's mark (مجلس التنمية_الاقتصادية). Speakers (#باسم_مغنية) and report
/// headlines use it.
package func hashtagsAsWords(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "#" || $0 == "_" }) else { return text }
    var out = String.UnicodeScalarView()
    for u in text.unicodeScalars where u != "#" {
        let scalar: Unicode.Scalar = u == "_" ? " " : u
        if scalar == " ", out.last == " " { continue }
        out.append(scalar)
    }
    return String(out)
}
