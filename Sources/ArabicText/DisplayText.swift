import Foundation

/// The display view of a text: what quotes, speakers and reports show. Invisible controls are
/// removed, every kind of space becomes one U+0020 (runs collapse, spaces at line ends go), line
/// breaks are kept, and the text is in NFC. Quotes, punctuation, diacritics and letters are intact.
///
/// Every display scalar knows the range of original scalars it came from, so a span found in the
/// display view (a quote, a speaker) maps back to the original text exactly. Offsets count Unicode
/// scalars (code points), as Python's `str` indexes do.
public struct DisplayText: Sendable, Equatable {
    /// The display text.
    public let text: String
    /// The display text's scalars, for O(1) slicing by offset.
    public let scalars: [Unicode.Scalar]
    /// For each display scalar, the start and end of the original scalars it stands for.
    private let originalStarts: [Int32]
    private let originalEnds: [Int32]

    /// Cleans `original` into its display view.
    public init(_ original: String) {
        var builder = Builder()
        builder.output.reserveCapacity(original.utf8.count / 2)
        var chunk: [Unicode.Scalar] = []
        var chunkStart = 0
        var offset = 0
        for u in original.unicodeScalars {
            // A chunk is a base scalar and the combining marks after it: the unit NFC works on.
            if !Builder.isBase(u), u.properties.canonicalCombiningClass != .notReordered, !chunk.isEmpty, !Builder.isRemoved(u) {
                chunk.append(u)
            } else {
                builder.appendChunk(chunk, from: chunkStart, to: offset)
                chunk.removeAll(keepingCapacity: true)
                chunk.append(u)
                chunkStart = offset
            }
            offset += 1
        }
        builder.appendChunk(chunk, from: chunkStart, to: offset)
        builder.trimTrailingSpace()
        scalars = builder.output
        text = String(scalars: builder.output)
        originalStarts = builder.starts
        originalEnds = builder.ends
    }

    /// The number of display scalars.
    public var count: Int { scalars.count }

    /// The display text of a range of display scalar offsets.
    public subscript(range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }

    /// The range of original scalar offsets that a non-empty range of display offsets came from.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        precondition(!range.isEmpty && range.upperBound <= count, "display range out of bounds")
        return Int(originalStarts[range.lowerBound])..<Int(originalEnds[range.upperBound - 1])
    }

    /// Accumulates display scalars and their original ranges.
    private struct Builder {
        var output: [Unicode.Scalar] = []
        var starts: [Int32] = []
        var ends: [Int32] = []

        /// Scalars the display view deletes: format controls (bidi marks, zero-width joiners,
        /// soft hyphen, BOM) and C0/C1 controls other than tab and line breaks.
        static func isRemoved(_ u: Unicode.Scalar) -> Bool {
            switch u.value {
            case 0x200D, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x2060...0x2064,
                0x00AD, 0x034F, 0x180E, 0x0000...0x0008, 0x000E...0x001F, 0x007F, 0x0080...0x0084, 0x0086...0x009F:
                true
            default: false
            }
        }

        /// Scalars that never combine, answered without the property lookup: ASCII, Latin-1 and
        /// Latin Extended (combining marks begin at U+0300) and the Arabic letters.
        static func isBase(_ u: Unicode.Scalar) -> Bool { u.value < 0x0300 || (0x0621...0x064A).contains(u.value) }

        /// Spaces of every width, zero-width spaces, ZWNJ and tabs: shown as one U+0020.
        static func isSpace(_ u: Unicode.Scalar) -> Bool {
            switch u.value {
            case 0x20, 0x09, 0x0B, 0x0C, 0x00A0, 0x1680, 0x2000...0x200C, 0x202F, 0x205F, 0x3000: true
            default: false
            }
        }

        static func isLineBreak(_ u: Unicode.Scalar) -> Bool {
            switch u.value {
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
            default: false
            }
        }

        mutating func appendChunk(_ chunk: [Unicode.Scalar], from start: Int, to end: Int) {
            guard let base = chunk.first else { return }
            defer { previousWasCarriageReturn = chunk.count == 1 && base == "\r" }
            let standsAlone = chunk.count == 1 || Builder.isSpace(base) || Builder.isLineBreak(base) || Builder.isRemoved(base)
            guard standsAlone else {
                for u in Builder.nfc(chunk) { append(u, from: start, to: end) }
                return
            }
            if Builder.isSpace(base) {
                appendSpace(from: start, to: end)
            } else if Builder.isLineBreak(base) {
                appendLineBreak(base, from: start, to: end)
            } else if !Builder.isRemoved(base) {
                if Builder.mayChangeUnderNFC(base) {
                    for u in Builder.nfc(chunk) { append(u, from: start, to: end) }
                } else {
                    append(base, from: start, to: end)
                }
            }
            // Marks with no letter to sit on (after a space or a line break) are kept as they are.
            for mark in chunk.dropFirst() { append(mark, from: start, to: end) }
        }

        private mutating func append(_ u: Unicode.Scalar, from start: Int, to end: Int) {
            output.append(u)
            starts.append(Int32(start))
            ends.append(Int32(end))
        }

        private mutating func appendSpace(from start: Int, to end: Int) {
            guard let last = output.last, last != "\n" else { return }
            if last == " " {
                ends[ends.count - 1] = Int32(end)
            } else {
                append(" ", from: start, to: end)
            }
        }

        /// Whether the previous chunk was a CR, so that an LF right after it joins its line break.
        private var previousWasCarriageReturn = false

        /// CR LF, a lone CR and the Unicode line separators all become one "\n".
        private mutating func appendLineBreak(_ u: Unicode.Scalar, from start: Int, to end: Int) {
            if u == "\n", previousWasCarriageReturn, output.last == "\n" {
                ends[ends.count - 1] = Int32(end)
                return
            }
            trimTrailingSpace()
            append("\n", from: start, to: end)
        }

        mutating func trimTrailingSpace() {
            guard output.last == " " else { return }
            output.removeLast()
            starts.removeLast()
            ends.removeLast()
        }

        /// Scalars whose NFC form is themselves when they stand alone: ASCII, Latin-1, Arabic,
        /// punctuation and symbols that have no canonical decomposition.
        private static func mayChangeUnderNFC(_ u: Unicode.Scalar) -> Bool {
            switch u.value {
            case 0x0000...0x02FF, 0x0600...0x06FF, 0x0750...0x077F, 0x2000...0x2125, 0x2127...0x2129,
                0x212C...0x2FFF, 0xFB50...0xFEFF:
                false
            default: true
            }
        }

        /// NFC of a base and its marks. Arabic marks on an Arabic letter only need canonical
        /// reordering, done here; anything that may compose goes through Foundation.
        private static func nfc(_ chunk: [Unicode.Scalar]) -> [Unicode.Scalar] {
            let composes = chunk.dropFirst().contains { (0x0653...0x0655).contains($0.value) }
            if !composes, (0x0600...0x06FF).contains(chunk[0].value), chunk.count > 1 {
                let marks = chunk.dropFirst().enumerated().sorted {
                    let (a, b) = ($0.element.properties.canonicalCombiningClass, $1.element.properties.canonicalCombiningClass)
                    return a == b ? $0.offset < $1.offset : a.rawValue < b.rawValue
                }
                return [chunk[0]] + marks.map(\.element)
            }
            var string = String.UnicodeScalarView()
            string.append(contentsOf: chunk)
            return Array(String(string).precomposedStringWithCanonicalMapping.unicodeScalars)
        }
    }
}
