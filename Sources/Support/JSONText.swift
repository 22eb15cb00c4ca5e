/// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
package func csvField(_ value: String) -> String {
    // Bytes, not characters: grapheme breaking of Arabic text is slow, and the four marks are ASCII.
    guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
    var bytes: [UInt8] = [0x22]
    bytes.reserveCapacity(value.utf8.count + 8)
    for byte in value.utf8 {
        bytes.append(byte)
        if byte == 0x22 { bytes.append(0x22) }
    }
    bytes.append(0x22)
    return String(decoding: bytes, as: UTF8.self)
}

/// A CSV record of `fields`.
package func csvRecord(_ fields: [String]) -> String { fields.map(csvField).joined(separator: ",") }

/// `s` as a JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
package func quoteJSON(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count + 2)
    appendQuotedJSON(s, to: &out)
    return out
}

/// Appends `s` as a JSON string literal (``quoteJSON(_:)``) to `out`: a line built field by field
/// this way makes no string per field.
package func appendQuotedJSON(_ s: String, to out: inout String) {
    // Most text needs no escape: one pass over the contiguous bytes decides.
    var s = s
    let plain = s.withUTF8 { bytes in !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 } }
    out += "\""
    out += plain ? s : escapedJSON(s)
    out += "\""
}

/// The inside of the JSON string literal of `s`, escaped.
private func escapedJSON(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        default:
            if u.value < 0x20 {
                let h = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out
}
