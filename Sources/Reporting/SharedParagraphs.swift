import ArabicText

/// Paragraphs two outlets of a story share (an agency's paragraph printed by both), found by
/// their shingles: five consecutive index terms (key view, stop words dropped, stemmed), so that a
/// changed word or a dropped clause still matches.
enum SharedParagraphs {
    /// Terms a paragraph must hold to be compared (shorter ones are headings and captions).
    static let minimumTerms = 12
    /// Terms per shingle.
    static let shingleTerms = 5
    /// The share of a paragraph's shingles another outlet's articles must hold for the paragraph
    /// to be theirs too.
    static let minimumShare = 0.6

    /// The shingle hashes of each paragraph of `text` long enough to compare.
    static func paragraphs(of text: String) -> [Set<UInt64>] {
        let analyzer = Analyzer()
        return text.split(separator: "\n").compactMap { paragraph in
            var terms: [UInt64] = []
            analyzer.forEachTermScalars(in: paragraph) { _, term in terms.append(TermHash.of(term)) }
            guard terms.count >= minimumTerms else { return nil }
            return Set(
                (0...(terms.count - shingleTerms)).map { start in
                    terms[start..<(start + shingleTerms)].reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ $1) &* 0x0000_0100_0000_01B3 }
                })
        }
    }

    /// For each outlet, how many of its paragraphs each other outlet also printed: outlet → other
    /// outlet → paragraphs, from each outlet's articles' texts.
    static func counts(_ textsOfOutlet: [String: [String]]) -> [String: [String: Int]] {
        let paragraphs = textsOfOutlet.mapValues { $0.flatMap(Self.paragraphs(of:)) }
        let shingles = paragraphs.mapValues { $0.reduce(into: Set<UInt64>()) { $0.formUnion($1) } }
        var counts: [String: [String: Int]] = [:]
        for (outlet, own) in paragraphs {
            for (other, theirs) in shingles where other != outlet {
                let shared = own.filter { Double($0.intersection(theirs).count) >= minimumShare * Double($0.count) }.count
                if shared > 0 { counts[outlet, default: [:]][other] = shared }
            }
        }
        return counts
    }
}
