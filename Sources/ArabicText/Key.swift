/// The key view of Arabic text: the aggressive normalization used for matching, stop-word lookup,
/// gazetteers and TF-IDF (see ``KeyMapping`` for the rules). Lines are kept; runs of spaces become
/// one space and spaces at the ends of lines are dropped.
public struct KeyNormalizer: Sendable {
    /// How ؤ and ئ are treated.
    public var hamzaCarriers: HamzaCarriers

    /// A normalizer; hamza carriers are folded unless told otherwise.
    public init(hamzaCarriers: HamzaCarriers = .fold) {
        self.hamzaCarriers = hamzaCarriers
    }

    /// The key view of `text`.
    public func key<S: StringProtocol>(_ text: S) -> String {
        var builder = KeyBuilder(hamza: hamzaCarriers)
        builder.output.reserveCapacity(text.utf8.count / 2)
        for u in text.unicodeScalars { builder.append(u) }
        builder.finish()
        return String(scalars: builder.output)
    }
}

/// Appends the key view of scalars, one at a time, to a scalar buffer. Shared by ``KeyNormalizer``
/// (whole texts, with line and space handling) and the tokenizer (one word at a time).
struct KeyBuilder {
    let hamza: HamzaCarriers
    private let mapping: KeyMapping.ArabicBlock
    /// The key scalars so far.
    var output: [Unicode.Scalar] = []
    /// Whether the last letter appended was written as ى (alef maksura) before folding.
    private(set) var lastLetterWasAlefMaksura = false
    /// An Arabic number separator seen after a digit; what it becomes depends on what follows.
    private var pendingSeparator: NumberSeparator?

    private enum NumberSeparator { case decimal, thousands }

    init(hamza: HamzaCarriers) {
        self.hamza = hamza
        mapping = hamza == .fold ? KeyMapping.foldingHamza : KeyMapping.keepingHamza
    }

    /// Clears the buffer for the next word, keeping its capacity.
    mutating func reset() {
        output.removeAll(keepingCapacity: true)
        lastLetterWasAlefMaksura = false
        pendingSeparator = nil
    }

    /// Appends the key of `u`.
    @inline(__always)
    mutating func append(_ u: Unicode.Scalar) {
        switch mapping.map(u, hamza: hamza) {
        case .same: emit(u)
        case .scalar(let mapped):
            emit(mapped)
            if u.value == 0x0649 { lastLetterWasAlefMaksura = true }
        case .delete: break
        case .space: emit(" ")
        case .combiningHamza: composeHamza()
        case .decimalSeparator: separator(.decimal)
        case .thousandsSeparator: separator(.thousands)
        case .expansion(let index):
            for s in KeyMapping.expansion(index) { append(s) }
        }
    }

    /// Drops trailing spaces and a separator left at the end.
    mutating func finish() {
        flushSeparator(beforeDigit: false)
        while output.last == " " { output.removeLast() }
    }

    @inline(__always)
    private mutating func emit(_ u: Unicode.Scalar) {
        if pendingSeparator != nil { flushSeparator(beforeDigit: u.isASCIIDigit) }
        switch u {
        case " ":
            if let last = output.last, last != " ", last != "\n" { output.append(u) }
        case "\n":
            while output.last == " " { output.removeLast() }
            output.append(u)
        default:
            output.append(u)
            lastLetterWasAlefMaksura = false
        }
    }

    /// ا/و/ي + hamza above compose (NFC does the same): و+ٔ is ؤ, ي+ٔ is ئ; on an alef the hamza
    /// disappears with the alef fold; elsewhere it is a diacritic and is deleted.
    private mutating func composeHamza() {
        guard let last = output.last else { return }
        let composed: Unicode.Scalar? = last == "\u{0648}" ? "\u{0624}" : last == "\u{064A}" ? "\u{0626}" : nil
        guard let composed else { return }
        output[output.count - 1] = hamza == .fold ? "\u{0621}" : composed
    }

    /// ٫ between digits is a decimal point, ٬ between digits is dropped; elsewhere both are commas.
    private mutating func separator(_ kind: NumberSeparator) {
        if pendingSeparator == nil, output.last?.isASCIIDigit == true {
            pendingSeparator = kind
        } else {
            emit(",")
        }
    }

    private mutating func flushSeparator(beforeDigit: Bool) {
        guard let separator = pendingSeparator else { return }
        pendingSeparator = nil
        switch (separator, beforeDigit) {
        case (.decimal, true): output.append(".")
        case (.thousands, true): break
        case (_, false): output.append(",")
        }
    }
}

extension KeyMapping {
    static let foldingHamza = ArabicBlock(hamza: .fold)
    static let keepingHamza = ArabicBlock(hamza: .keep)
}

extension Unicode.Scalar {
    /// 0–9.
    @inline(__always) var isASCIIDigit: Bool { value &- 0x30 < 10 }
}
