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
    /// The stem of a key-view word.
    public static func stem(_ key: String) -> String {
        Array(key.unicodeScalars).withUnsafeBufferPointer { String(scalars: $0[stemRange($0)]) }
    }

    /// The part of `word` that is its stem (stemming only ever removes letters at the ends).
    /// Written out letter by letter, in the order the lists above give: it runs for every word of
    /// a wire-copy comparison, and looping over lists of affixes cost more than the comparisons.
    /// The letters are read as the `UInt32`s they are stored as: inlined into the wire-copy
    /// scanner, `Unicode.Scalar.value` was called out of line for every letter compared.
    @inline(__always)
    static func stemRange(_ word: UnsafeBufferPointer<Unicode.Scalar>) -> Range<Int> {
        word.withMemoryRebound(to: UInt32.self) { stemRange(letters: $0) }
    }

    @inline(__always)
    private static func stemRange(letters word: UnsafeBufferPointer<UInt32>) -> Range<Int> {
        let (alef, beh, teh, tehMarbuta, feh, kaf) = (Letter.alef, Letter.beh, Letter.teh, Letter.tehMarbuta, Letter.feh, Letter.kaf)
        let (lam, noon, heh, waw, yeh) = (Letter.lam, Letter.noon, Letter.heh, Letter.waw, Letter.yeh)
        var start = 0
        var end = word.count
        @inline(__always) func at(_ i: Int) -> UInt32 { word[i] }
        // The first prefix that fits: ال, then وال بال كال فال, then لل, then و. Only وال and و
        // share a first letter, and وال comes first.
        if end >= 4 {
            switch at(0) {
            case alef where at(1) == lam: start = 2
            case waw: start = end >= 5 && at(1) == alef && at(2) == lam ? 3 : 1
            case beh, kaf, feh: if end >= 5 && at(1) == alef && at(2) == lam { start = 3 }
            case lam where at(1) == lam: start = 2
            default: break
            }
        }
        // Every suffix that fits, each tried once, in order.
        @inline(__always) func strip(_ a: UInt32, _ b: UInt32) {
            if end - start >= 4, at(end - 2) == a, at(end - 1) == b { end -= 2 }
        }
        @inline(__always) func strip(_ a: UInt32) {
            if end - start >= 3, at(end - 1) == a { end -= 1 }
        }
        strip(heh, alef)
        strip(alef, noon)
        strip(alef, teh)
        strip(waw, noon)
        strip(yeh, noon)
        strip(yeh, heh)
        strip(yeh, tehMarbuta)
        strip(heh)
        strip(tehMarbuta)
        strip(yeh)
        return start..<end
    }

    /// The letters of the affixes.
    private enum Letter {
        static let alef: UInt32 = 0x0627, beh: UInt32 = 0x0628, tehMarbuta: UInt32 = 0x0629, teh: UInt32 = 0x062A
        static let feh: UInt32 = 0x0641, kaf: UInt32 = 0x0643, lam: UInt32 = 0x0644, noon: UInt32 = 0x0646
        static let heh: UInt32 = 0x0647, waw: UInt32 = 0x0648, yeh: UInt32 = 0x064A
    }
}
