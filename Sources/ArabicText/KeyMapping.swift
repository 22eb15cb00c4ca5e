import Foundation

/// How the key view treats hamza written on a waw or yeh seat (ؤ ئ).
public enum HamzaCarriers: Sendable {
    /// Keeps ؤ and ئ (Lucene's behaviour).
    case keep
    /// Folds ؤ and ئ to ء, so that the Egyptian مسئول and the Levantine مسؤول meet; the default
    /// for clustering.
    case fold
}

/// The key view's mapping of one Unicode scalar, the rules of `normalization-map.tsv` in order:
/// presentation forms are compatibility-decomposed, controls deleted or turned into spaces,
/// diacritics and tatweel deleted, alef variants, alef maksura, teh marbuta and Persian/Urdu
/// letters folded, digits made ASCII, Arabic punctuation made ASCII and Latin lower-cased.
///
/// Every output scalar is a fixed point of the mapping, which is what makes `key(key(x)) == key(x)`.
enum KeyMapping {
    /// What one scalar becomes in the key view.
    enum Output {
        /// The scalar itself, unchanged.
        case same
        /// Another single scalar.
        case scalar(Unicode.Scalar)
        /// Nothing: a control, a diacritic, tatweel.
        case delete
        /// A word break (a typographic space, ZWSP, ZWNJ, a tab).
        case space
        /// Hamza above or below a seat that is already written: composes with a preceding و or ي.
        case combiningHamza
        /// An Arabic decimal or thousands separator: kept as `.` or dropped between digits.
        case decimalSeparator, thousandsSeparator
        /// A presentation form: the scalars of its compatibility decomposition (``expansion(_:)``
        /// of this index), each mapped again.
        case expansion(Int)
    }

    /// The mapping of U+0600–06FF, looked up instead of computed: the Arabic block is most of
    /// every text.
    struct ArabicBlock {
        private let table: [Output]
        /// For U+0000–06FF, the scalar value of the key when it is one scalar other than a space
        /// or a line break (`.same` or `.scalar`); 0 when the rules must decide.
        let plain: [UInt32]
        /// For U+0600–067F (UTF-8 lead bytes D8 and D9), the key of an Arabic letter whose key is
        /// one plain scalar (``plain``); 0 for every other scalar. A word's letters after its first
        /// are taken with this table straight from the bytes (``KeyBuilder/appendArabicLetters(_:)``).
        let arabicLetters: [UInt32]

        init(hamza: HamzaCarriers) {
            table = (0x0600...0x06FF).map { KeyMapping.compute(Unicode.Scalar(UInt32($0))!, hamza: hamza) }
            let arabic = table
            plain = (0..<0x0700).map { (v: UInt32) -> UInt32 in
                let u = Unicode.Scalar(v)!
                let output = v >= 0x0600 ? arabic[Int(v - 0x0600)] : KeyMapping.compute(u, hamza: hamza)
                switch output {
                case .same: return v == 0x20 || v == 0x0A ? 0 : v
                case .scalar(let mapped): return mapped == " " || mapped == "\n" ? 0 : mapped.value
                default: return 0
                }
            }
            let plain = plain
            arabicLetters = (0x0600..<0x0680).map { v in ScalarClass.of(Unicode.Scalar(UInt32(v))!) == .arabicLetter ? plain[v] : 0 }
        }

        /// Maps `u`: a table lookup in the Arabic block and for ASCII letters, the rules elsewhere.
        @inline(__always)
        func map(_ u: Unicode.Scalar, hamza: HamzaCarriers) -> Output {
            let offset = u.value &- 0x0600
            if offset < 0x100 { return table[Int(offset)] }
            if u.value < 0x80, u.value >= 0x20, u.value != 0x7F {
                return u.value &- 0x41 < 26 ? .scalar(Unicode.Scalar(u.value + 0x20)!) : .same
            }
            return KeyMapping.compute(u, hamza: hamza)
        }
    }

    /// Maps `u` by the rules.
    static func compute(_ u: Unicode.Scalar, hamza: HamzaCarriers) -> Output {
        let v = u.value
        if v < 0x80 {
            switch v {
            case 0x41...0x5A: return .scalar(Unicode.Scalar(v + 0x20)!)
            case 0x09, 0x0B, 0x0C: return .space
            case 0x0D: return .delete
            case 0x00...0x08, 0x0E...0x1F, 0x7F: return .delete
            default: return .same
            }
        }
        switch v {
        // Step 1: presentation forms (Arabic Presentation Forms-A and -B).
        case 0xFB50...0xFDFF, 0xFE70...0xFEFE: return presentationForm(v)
        // Step 2: invisible controls deleted; zero-width and typographic spaces become a space.
        case 0x200B, 0x200C, 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x0085:
            return .space
        case 0x200D, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x2060...0x2064,
            0x00AD, 0x034F, 0x180E, 0x0080...0x0084, 0x0086...0x009F:
            return .delete
        // Step 3: tatweel, harakat, dagger alef, other combining marks, Quranic signs.
        case 0x0640, 0x064B...0x0652, 0x0653, 0x0656...0x065F, 0x0670, 0x0610...0x061A,
            0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8, 0x06EA...0x06ED:
            return .delete
        case 0x0654, 0x0655: return .combiningHamza
        // Step 4: alef variants.
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675: return .scalar("\u{0627}")
        // Step 5: alef maksura.
        case 0x0649: return .scalar("\u{064A}")
        // Step 6: teh marbuta.
        case 0x0629, 0x06C3: return .scalar("\u{0647}")
        // Step 7: Persian, Urdu and Maghrebi letters.
        case 0x06CC, 0x06CD, 0x06CE, 0x06D0...0x06D3: return .scalar("\u{064A}")
        case 0x06A9...0x06B4: return .scalar("\u{0643}")
        case 0x06BE, 0x06C0, 0x06C1, 0x06C2, 0x06D5, 0x06FF: return .scalar("\u{0647}")
        case 0x06A1...0x06A6: return .scalar("\u{0641}")
        case 0x06A7, 0x06A8: return .scalar("\u{0642}")
        case 0x067B, 0x067E, 0x0680: return .scalar("\u{0628}")
        case 0x0683, 0x0684, 0x0686, 0x0687: return .scalar("\u{062C}")
        case 0x0698: return .scalar("\u{0632}")
        // Step 8 (optional): hamza on a waw or yeh seat.
        case 0x0624, 0x0626: return hamza == .fold ? .scalar("\u{0621}") : .same
        // Step 9: digits and number signs.
        case 0x0660...0x0669: return .scalar(Unicode.Scalar(v - 0x0660 + 0x30)!)
        case 0x06F0...0x06F9: return .scalar(Unicode.Scalar(v - 0x06F0 + 0x30)!)
        case 0x066B: return .decimalSeparator
        case 0x066C: return .thousandsSeparator
        case 0x066A: return .scalar("%")
        // Step 10: Arabic comma, semicolon and question mark.
        case 0x060C: return .scalar(",")
        case 0x061B: return .scalar(";")
        case 0x061F: return .scalar("?")
        // Step 11: Latin lower case beyond ASCII (Latin-1, Latin Extended, Greek, Cyrillic).
        case 0x00C0...0x052F:
            // A letter whose lower case is several scalars (İ → i + dot above) keeps the first.
            guard u.properties.changesWhenLowercased, let lower = u.properties.lowercaseMapping.unicodeScalars.first else { return .same }
            return .scalar(lower)
        default: return .same
        }
    }

    /// The compatibility decomposition of a presentation form (U+FDFC RIAL SIGN is written ريال,
    /// not NFKC's Farsi-yeh ریال); unassigned code points are kept.
    private static func presentationForm(_ v: UInt32) -> Output {
        let index = Int(v < 0xFE70 ? v - 0xFB50 : v - 0xFE70 + 0x2B0)
        return presentationForms[index].isEmpty ? .same : .expansion(index)
    }

    /// The scalars a presentation form expands to.
    static func expansion(_ index: Int) -> [Unicode.Scalar] { presentationForms[index] }

    /// NFKC of every scalar in U+FB50–FDFF followed by U+FE70–FEFE, computed once with Foundation.
    private static let presentationForms: [[Unicode.Scalar]] = {
        let ranges: [ClosedRange<UInt32>] = [0xFB50...0xFDFF, 0xFE70...0xFEFE]
        return ranges.flatMap { range in
            range.map { v -> [Unicode.Scalar] in
                if v == 0xFDFC { return Array("ريال".unicodeScalars) }
                guard let u = Unicode.Scalar(v), u.properties.generalCategory != .unassigned else { return [] }
                let decomposed = String(Character(u)).precomposedStringWithCompatibilityMapping.unicodeScalars
                return decomposed.count == 1 && decomposed.first == u ? [] : Array(decomposed)
            }
        }
    }()
}
