/// The bytes as a string if they are well-formed UTF-8, nil if they are not. They are checked by
/// ``isASCIIIfWellFormedUTF8(_:)`` and copied without the standard library checking them again:
/// its check (`String(validating:as:)`, one call per JSON string) was a fifth of reading the
/// shared corpora, and looked its encoding's metadata up at run time on every call.
func validatedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let isASCII = isASCIIIfWellFormedUTF8(bytes) else { return nil }
    return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
}

/// Whether `bytes`, if they are well-formed UTF-8, are all ASCII; nil if they are ill-formed.
///
/// Eight bytes at a time while they hold only one- and two-byte sequences (ASCII, and the Arabic,
/// Latin, Greek and Cyrillic letters: nearly all of the corpora's text), where the check is one
/// of bit masks: no lead byte of a longer sequence, no overlong lead (C0, C1), and every
/// continuation byte right after a two-byte lead, which the next word continues when a word ends
/// with one. A word with a longer sequence is checked one sequence at a time.
func isASCIIIfWellFormedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard let base = bytes.baseAddress else { return true }
    let high: UInt64 = 0x8080_8080_8080_8080
    var nonASCII: UInt64 = 0
    // The high bit of the first byte when the word before ended with a two-byte lead.
    var pendingContinuation: UInt64 = 0
    var i = 0
    while i + 8 <= bytes.count {
        let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
        // Each byte's bits 7, 6 and 5, moved to bit 7.
        let bit7 = word & high, bit6 = (word << 1) & high, bit5 = (word << 2) & high
        nonASCII |= bit7
        let lead = bit7 & bit6 & ~bit5
        let continuation = bit7 & ~bit6
        // A two-byte lead whose payload bits 1-4 are all zero (C0, C1) starts an overlong sequence.
        let payload = word & 0x1E1E_1E1E_1E1E_1E1E
        let overlong = lead & ~((payload &+ 0x7F7F_7F7F_7F7F_7F7F) & high)
        if bit7 & bit6 & bit5 | overlong == 0 {
            guard continuation == lead << 8 | pendingContinuation else { return nil }
            pendingContinuation = (lead >> 56) & 0x80
            i += 8
            continue
        }
        // From the sequence that starts at or before this word, one sequence at a time.
        if pendingContinuation != 0 { i -= 1 }
        pendingContinuation = 0
        let end = i + 8
        while i < end {
            let length = wellFormedUTF8Length(bytes, at: i)
            guard length > 0 else { return nil }
            i += length
        }
    }
    if pendingContinuation != 0 { i -= 1 }
    while i < bytes.count {
        let length = wellFormedUTF8Length(bytes, at: i)
        guard length > 0 else { return nil }
        if length > 1 { nonASCII = high }
        i += length
    }
    return nonASCII == 0
}

/// Length of the well-formed UTF-8 sequence starting at `bytes[i]`, or 0 if none starts there.
func wellFormedUTF8Length<C: RandomAccessCollection>(_ bytes: C, at i: C.Index) -> Int where C.Element == UInt8 {
    let c = bytes[i]
    if c < 0x80 { return 1 }
    let need: Int
    var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
    switch c {
    case 0xC2...0xDF: need = 1
    case 0xE0: need = 2; lo = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: need = 2
    case 0xED: need = 2; hi = 0x9F
    case 0xF0: need = 3; lo = 0x90
    case 0xF1...0xF3: need = 3
    case 0xF4: need = 3; hi = 0x8F
    default: return 0
    }
    guard bytes.distance(from: i, to: bytes.endIndex) > need else { return 0 }
    var k = bytes.index(after: i)
    guard bytes[k] >= lo && bytes[k] <= hi else { return 0 }
    for _ in 1..<need {
        k = bytes.index(after: k)
        guard bytes[k] >= 0x80 && bytes[k] <= 0xBF else { return 0 }
    }
    return need + 1
}

/// Offset of the first byte that makes `bytes` ill-formed UTF-8, or `nil` if it is well formed.
func firstInvalidUTF8<C: RandomAccessCollection>(_ bytes: C) -> Int? where C.Element == UInt8 {
    var i = bytes.startIndex
    var offset = 0
    while i != bytes.endIndex {
        let n = wellFormedUTF8Length(bytes, at: i)
        if n == 0 { return offset }
        i = bytes.index(i, offsetBy: n)
        offset += n
    }
    return nil
}

/// The bytes as text, with every byte that is not part of well-formed UTF-8 written as `\xNN`,
/// so that a rejected record keeps all of its content in a readable form.
func escapedText<C: RandomAccessCollection>(_ bytes: C) -> String where C.Element == UInt8 {
    if let s = String(validating: bytes, as: UTF8.self) { return s }
    var out = ""
    var i = bytes.startIndex
    while i != bytes.endIndex {
        let n = wellFormedUTF8Length(bytes, at: i)
        if n == 0 {
            let b = bytes[i]
            out += "\\x" + (b < 0x10 ? "0" : "") + String(b, radix: 16, uppercase: true)
            i = bytes.index(after: i)
        } else {
            let next = bytes.index(i, offsetBy: n)
            out += String(decoding: bytes[i..<next], as: UTF8.self)
            i = next
        }
    }
    return out
}
