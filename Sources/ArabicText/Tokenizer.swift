/// What a token is.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    /// A word in Arabic script (Arabic, Persian and Urdu letters, presentation forms).
    case arabic
    /// A word in Latin (or Greek, Cyrillic) letters, digits allowed after the first letter: `CNN`, `F16`.
    case latin
    /// Digits of either system, with decimal and thousands separators inside: `2.5`, `١٬٠٠٠`.
    case number
    /// `#` and the word after it, in any script, underscores included: `#إيقاف_فيسبوك`.
    case hashtag
    /// `@` and an account name (ASCII letters, digits, underscores), not inside an e-mail address.
    case mention
}

/// A word of a text: where it is (offsets of the scalars that were tokenized), how it is written,
/// and its key view.
public struct Token: Sendable, Equatable, Codable {
    /// What the token is.
    public let kind: TokenKind
    /// Scalar offsets in the tokenized text (for display tokens, the display view).
    public let range: Range<Int>
    /// The token as written.
    public let text: String
    /// The token's key view (see ``KeyNormalizer``).
    public let key: String
    /// Whether the token's last letter is written ى, which the key folds to ي: على (on) and علي
    /// (the name Ali) have the same key, and only this tells them apart.
    public let endsWithAlefMaksura: Bool
}

/// Splits text into tokens. Diacritics, tatweel, bidi marks and ZWJ never split a word (ZWNJ and
/// ZWSP do, as spaces); presentation-form letters are letters; an Arabic word and a Latin word
/// or a number written together are two tokens.
public enum Tokenizer {
    /// The tokens of a display view, with display offsets.
    public static func tokens(in display: DisplayText, hamzaCarriers: HamzaCarriers = .fold) -> [Token] {
        var tokens: [Token] = []
        scan(display.scalars, hamza: hamzaCarriers) { kind, range, key in
            tokens.append(
                Token(
                    kind: kind, range: range, text: display[range],
                    key: String(scalars: key.scalars),
                    endsWithAlefMaksura: key.endsWithAlefMaksura))
        }
        return tokens
    }

    /// The tokens of a text, with offsets into its Unicode scalars.
    public static func tokens(in text: String, hamzaCarriers: HamzaCarriers = .fold) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        scan(scalars, hamza: hamzaCarriers) { kind, range, key in
            tokens.append(
                Token(
                    kind: kind, range: range, text: String(scalars: scalars[range]),
                    key: String(scalars: key.scalars),
                    endsWithAlefMaksura: key.endsWithAlefMaksura))
        }
        return tokens
    }

    /// The scanner behind every tokenizer: calls `body` with each token's kind, its scalar range in
    /// `scalars` and its key.
    @inline(__always)
    static func scan<S: Sequence<Unicode.Scalar>>(
        _ scalars: S, hamza: HamzaCarriers, _ body: (TokenKind, Range<Int>, ScannedKey) -> Void
    ) where S.Iterator: TokenizerInput {
        var key = KeyBuilder(hamza: hamza)
        var kind: TokenKind?
        var start = 0
        // A scalar that continues the token only if the next one is of the right class: a number
        // separator before a digit, `#` before a word, `@` before an account name.
        var pending: (scalar: Unicode.Scalar, offset: Int)?
        var previousClass = ScalarClass.other
        var offset = 0
        let classes = ScalarClass.table

        func finish(at end: Int) {
            guard let current = kind else { return }
            key.finish()
            if key.count > 0 {
                body(current, start..<end, ScannedKey(scalars: key.scalars, endsWithAlefMaksura: key.lastLetterWasAlefMaksura))
            }
            key.reset()
            kind = nil
        }
        func begin(_ newKind: TokenKind, at position: Int) {
            kind = newKind
            start = position
        }

        var input = scalars.makeIterator()
        while let u = input.next() {
            defer { offset += 1 }
            let c = u.value < 0x700 ? classes[Int(u.value)] : ScalarClass.of(u)
            defer { previousClass = c }
            if let held = pending {
                pending = nil
                switch (held.scalar, c) {
                case ("#", .arabicLetter), ("#", .latinLetter), ("#", .digit), ("#", .underscore):
                    finish(at: held.offset)
                    begin(.hashtag, at: held.offset)
                    key.append("#")
                case ("@", _) where u.isASCII && (c == .latinLetter || c == .digit || c == .underscore):
                    finish(at: held.offset)
                    begin(.mention, at: held.offset)
                    key.append("@")
                case (_, .digit) where kind == .number && held.scalar != "#" && held.scalar != "@":
                    key.append(held.scalar)
                default:
                    finish(at: held.offset)
                }
            }
            switch c {
            case .arabicLetter:
                if kind != .arabic && kind != .hashtag {
                    finish(at: offset)
                    begin(.arabic, at: offset)
                }
            case .latinLetter:
                switch kind {
                case .latin, .hashtag: break
                case .mention: if !u.isASCII { finish(at: offset); begin(.latin, at: offset) }
                case .number: kind = .latin
                default: finish(at: offset); begin(.latin, at: offset)
                }
            case .digit:
                if kind == .arabic || kind == nil {
                    finish(at: offset)
                    begin(.number, at: offset)
                }
            case .joiner:
                if kind == nil { continue }
            case .underscore:
                if kind != .hashtag && kind != .mention { finish(at: offset); continue }
            case .numberSeparator:
                if kind == .number { pending = (u, offset); continue }
                finish(at: offset)
                continue
            case .hash:
                pending = (u, offset)
                continue
            case .at:
                if previousClass == .latinLetter || previousClass == .digit { finish(at: offset); continue }
                pending = (u, offset)
                continue
            case .other:
                finish(at: offset)
                continue
            }
            key.append(u)
            // Inside an Arabic word, the plain letters that follow go to the key in one loop.
            if kind == .arabic && c == .arabicLetter { offset += input.appendArabicLetters(to: &key) }
        }
        finish(at: pending?.offset ?? offset)
    }
}

/// What the tokenizer reads scalars from: an iterator that may hand the plain Arabic letters that
/// follow to the key builder in one step (UTF-8 bytes do; arrays of scalars go one by one).
protocol TokenizerInput: IteratorProtocol<Unicode.Scalar> {
    /// Appends the Arabic letters that come next and whose keys are plain scalars to `key`, as
    /// the tokenizer would one by one inside an Arabic word; returns how many.
    mutating func appendArabicLetters(to key: inout KeyBuilder) -> Int
}

extension UTF8Scalars.Iterator: TokenizerInput {
    @inline(__always)
    mutating func appendArabicLetters(to key: inout KeyBuilder) -> Int { key.appendArabicLetters(&self) }
}

extension IndexingIterator: TokenizerInput where Elements == [Unicode.Scalar] {
    @inline(__always)
    mutating func appendArabicLetters(to key: inout KeyBuilder) -> Int { 0 }
}

/// A token's key as the scanner hands it over: its scalars are valid only during the call.
struct ScannedKey {
    /// The key view of the token.
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    /// Whether the token's last letter is written ى (see ``Token/endsWithAlefMaksura``).
    let endsWithAlefMaksura: Bool
}

/// What a scalar does in a word.
enum ScalarClass: Equatable {
    case arabicLetter, latinLetter, digit
    /// Inside a word it continues the word and adds nothing to its key (diacritics, tatweel, bidi
    /// marks, ZWJ, soft hyphen); outside a word it is ignored.
    case joiner
    case numberSeparator, underscore, hash, at, other

    /// The classes of U+0000–06FF (ASCII, Latin, Greek, Cyrillic and the Arabic block: nearly
    /// every scalar of the texts), looked up on the hot path.
    static let table: [ScalarClass] = (0x0000...0x06FF).map { Unicode.Scalar(UInt32($0)).map(of) ?? .other }

    @inline(__always)
    static func of(_ u: Unicode.Scalar) -> ScalarClass {
        let v = u.value
        if v < 0x80 {
            switch v {
            case 0x61...0x7A, 0x41...0x5A: return .latinLetter
            case 0x30...0x39: return .digit
            case 0x2E, 0x2C: return .numberSeparator
            case 0x5F: return .underscore
            case 0x23: return .hash
            case 0x40: return .at
            default: return .other
            }
        }
        switch v {
        case 0x0621...0x063F, 0x0641...0x064A, 0x066E, 0x066F, 0x0671...0x06D3, 0x06D5, 0x06EE, 0x06EF,
            0x06FA...0x06FC, 0x06FF, 0x0750...0x077F, 0x08A0...0x08C9, 0xFB50...0xFD3D, 0xFD50...0xFDF9,
            0xFDFC, 0xFE70...0xFEFC:
            return .arabicLetter
        case 0x0660...0x0669, 0x06F0...0x06F9: return .digit
        case 0x066B, 0x066C: return .numberSeparator
        case 0x0640, 0x064B...0x065F, 0x0670, 0x0610...0x061A, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8,
            0x06EA...0x06ED, 0x200D, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF,
            0x2060, 0x00AD, 0x034F:
            return .joiner
        case 0x00C0...0x052F:
            if u.properties.generalCategory == .nonspacingMark { return .joiner }
            return u.properties.isAlphabetic && v != 0xD7 && v != 0xF7 ? .latinLetter : .other
        // Quotes, dashes and spaces of General Punctuation (none is a mark): no property lookup.
        case 0x2000...0x206F: return .other
        default:
            return u.properties.generalCategory == .nonspacingMark ? .joiner : .other
        }
    }
}
