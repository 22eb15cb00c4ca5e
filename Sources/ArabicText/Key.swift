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
        var builder = KeyBuilder(hamza: hamzaCarriers, capacity: text.utf8.count / 2)
        for u in text.unicodeScalars { builder.append(u) }
        builder.finish()
        return String(scalars: builder.scalars)
    }
}

/// Appends the key view of scalars, one at a time, to a scalar buffer it owns. Shared by
/// ``KeyNormalizer`` (whole texts, with line and space handling) and the tokenizer (one word at a
/// time). The buffer is raw memory rather than an `Array`: on the tokenizer's hot path an array
/// pays a uniqueness and capacity check on every append and a `replaceSubrange` on every reset.
struct KeyBuilder: ~Copyable {
    let hamza: HamzaCarriers
    private let mapping: KeyMapping.ArabicBlock
    private var storage: UnsafeMutablePointer<Unicode.Scalar>
    private var capacity: Int
    /// The number of key scalars so far.
    private(set) var count = 0
    /// Whether the last letter appended was written as ى (alef maksura) before folding.
    private(set) var lastLetterWasAlefMaksura = false
    /// An Arabic number separator seen after a digit; what it becomes depends on what follows.
    private var pendingSeparator: NumberSeparator?

    private enum NumberSeparator { case decimal, thousands }

    init(hamza: HamzaCarriers, capacity: Int = 32) {
        self.hamza = hamza
        mapping = hamza == .fold ? KeyMapping.foldingHamza : KeyMapping.keepingHamza
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// The key scalars so far, valid until the builder next changes.
    var scalars: UnsafeBufferPointer<Unicode.Scalar> { UnsafeBufferPointer(start: storage, count: count) }

    /// Clears the buffer for the next word, keeping its capacity.
    @inline(__always)
    mutating func reset() {
        count = 0
        lastLetterWasAlefMaksura = false
        pendingSeparator = nil
    }

    /// Appends the key of `u`. Most scalars of a text (U+0000–06FF, mapped to one scalar that is
    /// not a space) take a table lookup and a store; the rest go through the rules.
    @inline(__always)
    mutating func append(_ u: Unicode.Scalar) {
        if u.value < 0x700, pendingSeparator == nil {
            let plain = mapping.plain[Int(u.value)]
            if plain != 0 {
                push(unsafeBitCast(plain, to: Unicode.Scalar.self))
                lastLetterWasAlefMaksura = u.value == 0x0649
                return
            }
        }
        appendByRules(u)
    }

    /// Appends the letters that follow in `text` while each is an Arabic letter whose key is one
    /// plain scalar, as ``append(_:)`` would append them one by one, and returns how many it took:
    /// the tokenizer's loop inside an Arabic word, reading two UTF-8 bytes per letter.
    @inline(__always)
    mutating func appendArabicLetters(_ text: inout UTF8Scalars.Iterator) -> Int {
        guard pendingSeparator == nil else { return 0 }
        var taken = 0
        var lastOffset = 0
        mapping.arabicLetters.withUnsafeBufferPointer { letters in
            let bytes = text.bytes
            var position = text.position
            while position + 1 < bytes.count {
                let lead = bytes[position]
                guard lead & 0xFE == 0xD8 else { break }
                let offset = Int(lead & 0x01) << 6 | Int(bytes[position + 1] & 0x3F)
                let key = letters[offset]
                guard key != 0 else { break }
                push(unsafeBitCast(key, to: Unicode.Scalar.self))
                lastOffset = offset
                position += 2
                taken += 1
            }
            text.position = position
        }
        if taken > 0 { lastLetterWasAlefMaksura = lastOffset == 0x0649 - 0x0600 }
        return taken
    }

    /// ``append(_:)`` for every scalar, by the mapping's rules (out of line: not on the hot path).
    @inline(never)
    private mutating func appendByRules(_ u: Unicode.Scalar) {
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
            for s in KeyMapping.expansion(index) { appendByRules(s) }
        }
    }

    /// Drops trailing spaces and a separator left at the end.
    mutating func finish() {
        flushSeparator(beforeDigit: false)
        while last == " " { count -= 1 }
    }

    private var last: Unicode.Scalar? { count > 0 ? storage[count - 1] : nil }

    @inline(__always)
    private mutating func push(_ u: Unicode.Scalar) {
        if count == capacity { grow() }
        storage[count] = u
        count += 1
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Unicode.Scalar>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }

    @inline(__always)
    private mutating func emit(_ u: Unicode.Scalar) {
        if pendingSeparator != nil { flushSeparator(beforeDigit: u.isASCIIDigit) }
        switch u {
        case " ":
            if let last, last != " ", last != "\n" { push(u) }
        case "\n":
            while last == " " { count -= 1 }
            push(u)
        default:
            push(u)
            lastLetterWasAlefMaksura = false
        }
    }

    /// ا/و/ي + hamza above compose (NFC does the same): و+ٔ is ؤ, ي+ٔ is ئ; on an alef the hamza
    /// disappears with the alef fold; elsewhere it is a diacritic and is deleted.
    private mutating func composeHamza() {
        guard let last else { return }
        let composed: Unicode.Scalar? = last == "\u{0648}" ? "\u{0624}" : last == "\u{064A}" ? "\u{0626}" : nil
        guard let composed else { return }
        storage[count - 1] = hamza == .fold ? "\u{0621}" : composed
    }

    /// ٫ between digits is a decimal point, ٬ between digits is dropped; elsewhere both are commas.
    private mutating func separator(_ kind: NumberSeparator) {
        if pendingSeparator == nil, last?.isASCIIDigit == true {
            pendingSeparator = kind
        } else {
            emit(",")
        }
    }

    private mutating func flushSeparator(beforeDigit: Bool) {
        guard let separator = pendingSeparator else { return }
        pendingSeparator = nil
        switch (separator, beforeDigit) {
        case (.decimal, true): push(".")
        case (.thousands, true): break
        case (_, false): push(",")
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
