/// One CSV record: its fields, the line on which it starts, and its raw text.
package struct CSVRecord {
    var fields: [String]
    var line: Int
    var raw: String
}

/// A CSV record that could not be parsed.
package struct CSVProblem: Error {
    var line: Int
    var reason: String
    var raw: String
}

/// Splits RFC 4180 CSV (quoted fields may hold the delimiter, `""` quotes and line breaks; CRLF or
/// LF line ends) into records. Blank lines are not records. A field is decoded as UTF-8; a record
/// with invalid UTF-8 or an unterminated quote is returned as a problem, and parsing goes on.
///
/// - Parameter delimiter: `,` for `.csv`, tab for `.tsv`.
package func parseCSV(_ bytes: [UInt8], delimiter: UInt8) -> [Result<CSVRecord, CSVProblem>] {
    var out: [Result<CSVRecord, CSVProblem>] = []
    var i = 0
    var line = 1
    let n = bytes.count
    if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
    let quote = UInt8(ascii: "\"")
    while i < n {
        // Skip blank lines.
        if bytes[i] == 0x0A { line += 1; i += 1; continue }
        if bytes[i] == 0x0D && (i + 1 == n || bytes[i + 1] == 0x0A) { i += 1; continue }
        let recordStart = i, recordLine = line
        var fieldBytes: [[UInt8]] = []
        var field: [UInt8] = []
        var problem: String?
        recordLoop: while true {
            if i < n && bytes[i] == quote {
                // Quoted field.
                let quoteLine = line
                i += 1
                var closed = false
                while i < n {
                    let c = bytes[i]
                    if c == quote {
                        if i + 1 < n && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    if c == 0x0A { line += 1 }
                    field.append(c)
                    i += 1
                }
                if !closed {
                    problem = "unterminated quoted field (the quote opens on line \(quoteLine))"
                    break recordLoop
                }
                // After a closing quote: delimiter, end of line, or end of file.
                if i < n && bytes[i] != delimiter && bytes[i] != 0x0A && bytes[i] != 0x0D {
                    problem = "text after the closing quote of field \(fieldBytes.count + 1)"
                    while i < n && bytes[i] != 0x0A { i += 1 }
                    break recordLoop
                }
            } else {
                while i < n && bytes[i] != delimiter && bytes[i] != 0x0A {
                    if bytes[i] == 0x0D && (i + 1 == n || bytes[i + 1] == 0x0A) { break }
                    field.append(bytes[i])
                    i += 1
                }
            }
            fieldBytes.append(field)
            field = []
            if i < n && bytes[i] == delimiter { i += 1; continue }
            if i < n && bytes[i] == 0x0D { i += 1 }
            if i < n && bytes[i] == 0x0A { i += 1; line += 1 }
            break
        }
        var rawEnd = i
        while rawEnd > recordStart && (bytes[rawEnd - 1] == 0x0A || bytes[rawEnd - 1] == 0x0D) { rawEnd -= 1 }
        let raw = escapedText(bytes[recordStart..<rawEnd])
        if let problem {
            if i < n && bytes[i] == 0x0A { i += 1; line += 1 }
            out.append(.failure(CSVProblem(line: recordLine, reason: problem, raw: raw)))
            continue
        }
        var fields: [String] = []
        fields.reserveCapacity(fieldBytes.count)
        var invalid = false
        for (k, f) in fieldBytes.enumerated() {
            guard let s = f.withUnsafeBufferPointer(validatedString) else {
                out.append(.failure(CSVProblem(line: recordLine, reason: "invalid UTF-8 in field \(k + 1)", raw: raw)))
                invalid = true
                break
            }
            fields.append(s)
        }
        if !invalid { out.append(.success(CSVRecord(fields: fields, line: recordLine, raw: raw))) }
    }
    return out
}
