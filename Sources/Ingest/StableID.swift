/// Ids for records that carry none: a 64-bit FNV-1a hash of the URL (`u-…`) or, without a URL, of
/// the source, title and text (`c-…`). The same record always gets the same id, on every machine
/// and in every run.
public enum StableID {
    /// The id for an article with this URL, or with this content when `url` is nil or empty.
    public static func derive(url: String?, source: String, title: String, text: String) -> String {
        if let url, !url.isEmpty { return "u-" + hex(fnv1a([url])) }
        return "c-" + hex(fnv1a([source, title, text]))
    }

    /// FNV-1a over the UTF-8 bytes of `parts`, each followed by a 0x1F separator.
    static func fnv1a(_ parts: [String]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                h ^= UInt64(byte)
                h = h &* 0x100_0000_01b3
            }
            h ^= 0x1F
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    private static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
