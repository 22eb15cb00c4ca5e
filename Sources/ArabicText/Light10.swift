/// The light10 stemmer (Larkey, Ballesteros & Connell) exactly as Lucene's `ArabicStemmer`
/// implements it, on key-view words:
///
/// - Prefixes, tried in this order, only the first that matches is removed: ال وال بال كال فال لل و.
///   The one-letter و needs a word of at least 4 letters, the others leave at least 2.
/// - Suffixes, tried once each in this order, every one that matches is removed: ها ان ات ون ين يه
///   ية ه ة ي, each only if at least 2 letters remain. (After the key view ة is already ه, so the
///   ية and ة entries never fire; يه and ه do their work.)
///
/// Only the ends of a word are touched: no infixes, verb prefixes or broken plurals.
public enum Light10 {
    static let prefixes: [[Unicode.Scalar]] = ["ال", "وال", "بال", "كال", "فال", "لل", "و"].map { Array($0.unicodeScalars) }
    static let suffixes: [[Unicode.Scalar]] = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"].map { Array($0.unicodeScalars) }

    /// The stem of a key-view word.
    public static func stem(_ key: String) -> String {
        Array(key.unicodeScalars).withUnsafeBufferPointer { String(scalars: $0[stemRange($0)]) }
    }

    /// The part of `word` that is its stem (stemming only ever removes letters at the ends).
    @inline(__always)
    static func stemRange(_ word: UnsafeBufferPointer<Unicode.Scalar>) -> Range<Int> {
        var start = 0
        var end = word.count
        for prefix in prefixes {
            let length = end - start
            if prefix.count == 1 ? length < 4 : length < prefix.count + 2 { continue }
            if matches(prefix, word, at: start) {
                start += prefix.count
                break
            }
        }
        for suffix in suffixes {
            let length = end - start
            if length >= suffix.count + 2, matches(suffix, word, at: end - suffix.count) {
                end -= suffix.count
            }
        }
        return start..<end
    }

    @inline(__always)
    private static func matches(_ affix: [Unicode.Scalar], _ word: UnsafeBufferPointer<Unicode.Scalar>, at position: Int) -> Bool {
        for i in 0..<affix.count where word[position + i] != affix[i] { return false }
        return true
    }
}
