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
