/// A parsed JSON value. Numbers keep their text so that an id like `12345` stays `"12345"`.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members in document order (objects here are small; a linear lookup is the fastest).
    case object([(key: String, value: JSONValue)])

    /// The member named `key` of an object; `nil` for a missing key or a non-object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        case .array: "array"
        case .object: "object"
        }
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)), (.number(let x), .number(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        default: false
        }
    }
}

/// Why a JSON text could not be parsed, and where (0-based byte offset into the text).
public struct JSONSyntaxError: Error, Sendable, Equatable {
    /// What is wrong, in words.
    public var message: String
    /// 0-based byte offset of the problem.
    public var offset: Int
}

/// A strict RFC 8259 parser over UTF-8 bytes: one value, optional surrounding white space.
///
/// Invalid UTF-8 inside a string, a lone surrogate escape, a control character in a string, a
/// trailing comma or trailing garbage are errors. Nesting is limited to 512 levels.
public enum JSONParser {
    /// Parses `bytes` as one JSON document.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        try parseDocument(bytes, recordingElementOffsets: false).value
    }

    /// Parses one JSON document and also returns, when it is an array, the byte offset at which
    /// each element starts (so that a reader can name the line of each record).
    static func parseDocument(
        _ bytes: UnsafeBufferPointer<UInt8>, recordingElementOffsets: Bool = true
    ) throws(JSONSyntaxError) -> (value: JSONValue, elementOffsets: [Int]) {
        var p = Cursor(bytes: bytes)
        p.recordsTopLevelOffsets = recordingElementOffsets
        p.skipWhitespace()
        let value = try p.value(depth: 0)
        p.skipWhitespace()
        guard p.i == bytes.count else { throw p.error("unexpected text after the JSON value") }
        return (value, p.topLevelOffsets)
    }
}

private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    var scratch: [UInt8] = []
    var recordsTopLevelOffsets = false
    var topLevelOffsets: [Int] = []

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message: message, offset: i) }

    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < 512 else { throw error("nesting deeper than 512 levels") }
        guard i < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected character \(describe(bytes[i])), expected a value")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw error("unexpected end of input in '\(word)'") }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] {
            i += k
            throw error("invalid literal, expected '\(word)'")
        }
        i += n
    }

    mutating func number() throws(JSONSyntaxError) -> String {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw error("invalid number") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { while i < bytes.count && isDigit(bytes[i]) { i += 1 } }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw error("invalid number: digits expected after '.'") }
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count && (bytes[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw error("invalid number: digits expected in exponent") }
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        i += 1  // opening quote
        let start = i
        skipPlainBytes()
        if i < bytes.count && bytes[i] == UInt8(ascii: "\"") {
            // No escapes: decode the bytes in place.
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
            guard let s = validatedString(slice) else {
                throw JSONSyntaxError(message: "invalid UTF-8 in string", offset: start + (firstInvalidUTF8(slice) ?? 0))
            }
            i += 1
            return s
        }
        // With escapes: copy runs of plain bytes in bulk, decode escapes one by one.
        scratch.removeAll(keepingCapacity: true)
        var runStart = start
        while true {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            guard i < bytes.count else { throw JSONSyntaxError(message: "unterminated string", offset: start - 1) }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                guard let s = scratch.withUnsafeBufferPointer(validatedString) else {
                    throw JSONSyntaxError(message: "invalid UTF-8 in string", offset: start + (firstInvalidUTF8(scratch) ?? 0))
                }
                return s
            }
            if c < 0x20 { throw error("control character \(describe(c)) in string (must be escaped)") }
            try escape()
            runStart = i
            skipPlainBytes()
        }
    }

    /// Advances `i` to the next '"', '\\' or control byte (or the end), 8 bytes at a time where possible.
    @inline(__always)
    mutating func skipPlainBytes() {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while i + 8 <= bytes.count && !hasSpecialByte(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
            i += 8
        }
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { return }
            i += 1
        }
    }

    mutating func escape() throws(JSONSyntaxError) {
        guard i + 1 < bytes.count else { throw error("unterminated escape") }
        let e = bytes[i + 1]
        i += 2
        switch e {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw error("lone high surrogate \\u\(String(scalar, radix: 16, uppercase: true))")
                }
                i += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw error("lone low surrogate \\u\(String(scalar, radix: 16, uppercase: true))")
            }
            scratch.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
        default:
            i -= 1
            throw error("invalid escape \\\(Character(Unicode.Scalar(e)))")
        }
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = bytes[i + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x37)
            case 0x61...0x66: d = UInt32(c - 0x57)
            default: throw error("invalid hex digit in \\u escape")
            }
            v = v << 4 | d
        }
        i += 4
        return v
    }

    mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
            i += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            if depth == 0 && recordsTopLevelOffsets { topLevelOffsets.append(i) }
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input in array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']' in array, found \(describe(bytes[i]))")
        }
    }

    mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input in object") }
            guard bytes[i] == UInt8(ascii: "\"") else {
                throw error("expected a quoted member name, found \(describe(bytes[i]))")
            }
            let key = try string()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after member name") }
            i += 1
            skipWhitespace()
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input in object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("expected ',' or '}' in object, found \(describe(bytes[i]))")
        }
    }
}

/// True when one of the 8 bytes in `word` may be '"' (0x22), '\\' (0x5C) or below 0x20
/// (SWAR test; it can report a byte that is none of these, never miss one that is).
@inline(__always) private func hasSpecialByte(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let zeroQuote = (quote &- ones) & ~quote
    let zeroBackslash = (backslash &- ones) & ~backslash
    let control = (word &- ones &* 0x20) & ~word
    return (zeroQuote | zeroBackslash | control) & highs != 0
}

@inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

private func describe(_ c: UInt8) -> String {
    c >= 0x21 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x" + String(c, radix: 16, uppercase: true)
}
