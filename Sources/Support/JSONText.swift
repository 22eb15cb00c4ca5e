/// Appends `value` as a CSV field (RFC 4180) to `out`: quoted when it holds a comma, a quote or a
/// line break.
package func appendCSVField(_ value: String, to out: inout [UInt8]) {
    var value = value
    value.withUTF8 { bytes in
        // Bytes, not characters: grapheme breaking of Arabic text is slow, and the four marks are ASCII.
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for byte in bytes {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }
}

/// `s` as a JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
package func quoteJSON(_ s: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 2)
    appendQuotedJSON(s, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// Appends the UTF-8 bytes of `s` as a JSON string literal (``quoteJSON(_:)``) to `out`: a line
/// built field by field this way makes no string per field. Runs of bytes that need no escape
/// are copied whole; U+2028 and U+2029 are escaped, as JavaScript reads them as line breaks.
package func appendQuotedJSON(_ s: String, to out: inout [UInt8]) {
    var s = s
    out.append(0x22)
    s.withUTF8 { bytes in
        var run = 0  // the first byte not yet copied
        func escape(_ i: Int, _ length: Int, _ replacement: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            run = i + length
        }
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x22: escape(i, 1, "\\\"")
            case 0x5C: escape(i, 1, "\\\\")
            case 0x0A: escape(i, 1, "\\n")
            case 0x0D: escape(i, 1, "\\r")
            case 0x09: escape(i, 1, "\\t")
            case 0..<0x20:
                escape(i, 1, "\\u00")
                out.append(contentsOf: [hexDigits[Int(bytes[i] >> 4)], hexDigits[Int(bytes[i] & 0xF)]])
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                escape(i, 3, bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                i += 2
            default: break
            }
            i += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }
    out.append(0x22)
}

/// Lowercase hexadecimal digits, as JSON escapes write them.
private let hexDigits = Array("0123456789abcdef".utf8)
