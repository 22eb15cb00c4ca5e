import Support

/// A sentence of a display view: its paragraph and its range of display scalar offsets.
public struct Sentence: Sendable, Equatable, Codable {
    /// Which paragraph (0-based) the sentence is in.
    public let paragraph: Int
    /// Display scalar offsets of the sentence, without surrounding spaces.
    public let range: Range<Int>
}

/// Splits display text into paragraphs and sentences, the way Arabic news is written:
///
/// - A paragraph is a line; blank lines are not paragraphs.
/// - A sentence ends at . ! ? ؟ ۔ ؞ ؝ (runs of them count as one) followed by a space or the end
///   of the paragraph; closing quotes and brackets right after the mark stay with the sentence.
/// - Never at ، ؛ or :, never inside «…», “…”, "…" or (…) when the quote closes within the
///   paragraph, never after a listed abbreviation (د. ص.ب. إلخ.) or a single letter, never between
///   digits (2.5, 20.02.2020).
public enum SentenceSplitter {
    /// The paragraphs of `display`, as ranges of display offsets.
    public static func paragraphs(of display: DisplayText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (i, u) in display.scalars.enumerated() where u == "\n" {
            if i > start { result.append(start..<i) }
            start = i + 1
        }
        if display.count > start { result.append(start..<display.count) }
        return result
    }

    /// The sentences of `display`, in order.
    public static func sentences(of display: DisplayText) -> [Sentence] {
        var result: [Sentence] = []
        for (index, paragraph) in paragraphs(of: display).enumerated() {
            for range in sentenceRanges(display.scalars, paragraph) {
                result.append(Sentence(paragraph: index, range: range))
            }
        }
        return result
    }

    /// Sentence ranges inside one paragraph.
    static func sentenceRanges(_ s: [Unicode.Scalar], _ paragraph: Range<Int>) -> [Range<Int>] {
        let quoted = quotedRegions(s, paragraph)
        var ranges: [Range<Int>] = []
        var start = paragraph.lowerBound
        var i = paragraph.lowerBound
        var quoteIndex = 0
        while i < paragraph.upperBound {
            while quoteIndex < quoted.count, quoted[quoteIndex].upperBound <= i { quoteIndex += 1 }
            if quoteIndex < quoted.count, quoted[quoteIndex].contains(i) {
                i = quoted[quoteIndex].upperBound
                continue
            }
            guard isTerminal(s[i]) else { i += 1; continue }
            var end = i + 1
            while end < paragraph.upperBound, isTerminal(s[end]) { end += 1 }
            while end < paragraph.upperBound, isCloser(s[end]) { end += 1 }
            let atEnd = end == paragraph.upperBound
            if atEnd || s[end] == " ", !(s[i] == "." && end - i == 1 && isAbbreviationDot(s, at: i, from: start)) {
                appendTrimmed(&ranges, s, start..<end)
                start = end
            }
            i = end
        }
        appendTrimmed(&ranges, s, start..<paragraph.upperBound)
        return ranges
    }

    private static func appendTrimmed(_ ranges: inout [Range<Int>], _ s: [Unicode.Scalar], _ range: Range<Int>) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, s[lower] == " " { lower += 1 }
        while upper > lower, s[upper - 1] == " " { upper -= 1 }
        if lower < upper { ranges.append(lower..<upper) }
    }

    static func isTerminal(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case ".", "!", "?", "\u{061F}", "\u{06D4}", "\u{061E}", "\u{061D}": true;
        default: false
        }
    }

    static func isCloser(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "»", "”", "\"", "'", "’", ")", "]", "›", "\u{FD3F}": true;
        default: false
        }
    }

    /// A full stop that is not a sentence end: after an abbreviation or a single letter, or
    /// between digits.
    private static func isAbbreviationDot(_ s: [Unicode.Scalar], at i: Int, from sentenceStart: Int) -> Bool {
        if i > 0, s[i - 1].isDigitOfAnySystem, i + 1 < s.count, s[i + 1].isDigitOfAnySystem { return true }
        // The word before the dot, dots inside it included (ص.ب, ق.م).
        var wordStart = i
        while wordStart > sentenceStart, s[wordStart - 1] != " ", !isOpener(s[wordStart - 1]) { wordStart -= 1 }
        let word = KeyNormalizer().key(String(scalars: s[wordStart..<i]))
        if word.unicodeScalars.count == 1, word.unicodeScalars.first!.value >= 0x0600 { return true }
        // لورا إيه. كولانجيلو: a Latin initial written out, inside a name; not an acronym's last
        // letter (بي بي سي.، سي إن إن.) and not before و or ف, which open the next sentence.
        if letterNames.contains(word), i + 2 < s.count, s[i + 2] != "و", s[i + 2] != "ف" {
            var previousEnd = wordStart - 1
            while previousEnd > sentenceStart, s[previousEnd] == " " { previousEnd -= 1 }
            var previousStart = previousEnd
            while previousStart > sentenceStart, s[previousStart - 1] != " " { previousStart -= 1 }
            let previous = previousEnd > sentenceStart ? KeyNormalizer().key(String(scalars: s[previousStart...previousEnd])) : ""
            if !letterNames.contains(previous), !letterNames.contains(String(previous.unicodeScalars.dropFirst())) { return true }
        }
        return abbreviations.contains(word)
    }

    /// The Latin letters as Arabic writes their names (إيه، بي، جيه، دبليو…), in key form: initials
    /// inside foreign names (لورا إيه. كولانجيلو).
    package static let letterNames: Set<String> = Set(
        "إيه بي سي دي إي إف جي إتش آي جيه كيه إل إم كيو آر إس تي يو دبليو إكس واي زد".split(separator: " ").map { KeyNormalizer().key($0) })

    private static func isOpener(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "«", "“", "(", "[", "‹", "\u{FD3E}", "\"": true;
        default: false
        }
    }

    /// Abbreviations after which a full stop does not end a sentence, in key form (written for
    /// this project from common Arabic press usage; single letters are handled by rule).
    static let abbreviations: Set<String> = Set(
        """
        هـ ق.م ص.ب ش.م.م ش.م.ع ج.م.ع ا.د أ.د ا.ش.ا ت.ب ج.ب س.ت م.ب إلخ الخ جم سم كلم كغ كم مم ملم كج مج
        """.split(separator: " ").map { KeyNormalizer().key($0) })

    /// The quoted regions of a paragraph: ranges from an opening quote or bracket to its closer.
    /// Quotes pair by alternation within a family («» either way round, “” either way round, ");
    /// brackets nest. A quote with no partner in the paragraph is an ordinary character.
    static func quotedRegions(_ s: [Unicode.Scalar], _ paragraph: Range<Int>) -> [Range<Int>] {
        var regions: [Range<Int>] = []
        var openQuote: (family: Int, at: Int)?
        var bracketStack: [Int] = []
        for i in paragraph {
            let family: Int? =
                switch s[i] {
                case "«", "»": 0
                case "“", "”", "„": 1
                case "\"": 2
                default: nil
                }
            if let family {
                if let open = openQuote {
                    if open.family == family {
                        regions.append(open.at..<(i + 1))
                        openQuote = nil
                    }
                } else if !(family == 2 && QuoteMarks.closesByShape(s, at: i, within: paragraph)) {
                    // (a straight quote after a word and before a space or stop closes: with none
                    // open, it is an orphan and opens nothing: «…المتبادلة". وتدفع…»)
                    openQuote = (family, i)
                }
                continue
            }
            guard openQuote == nil else { continue }
            if s[i] == "(" || s[i] == "\u{FD3E}" {
                bracketStack.append(i)
            } else if s[i] == ")" || s[i] == "\u{FD3F}", let open = bracketStack.popLast() {
                if bracketStack.isEmpty { regions.append(open..<(i + 1)) }
            }
        }
        return mergeNested(regions)
    }

    /// Sorts regions and drops those inside another.
    private static func mergeNested(_ regions: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for region in regions.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, last.upperBound >= region.upperBound { continue }
            result.append(region)
        }
        return result
    }
}

extension Unicode.Scalar {
    /// 0–9, Arabic-Indic or extended Arabic-Indic digits.
    var isDigitOfAnySystem: Bool {
        isASCIIDigit || (0x0660...0x0669).contains(value) || (0x06F0...0x06F9).contains(value)
    }
}

/// Straight quotation marks have no direction of their own; their neighbours give it.
package enum QuoteMarks {
    /// Whether the straight quote at `i` closes by its shape: right after a letter, digit or
    /// punctuation, and before white space, punctuation or the end of `range`.
    package static func closesByShape(_ s: [Unicode.Scalar], at i: Int, within range: Range<Int>) -> Bool {
        guard i > range.lowerBound, !isWhiteSpace(s[i - 1]) else { return false }
        guard i + 1 < range.upperBound else { return true }
        let after = s[i + 1]
        switch after.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return isWhiteSpace(after)
        }
    }
}
