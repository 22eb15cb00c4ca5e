/// One value of a table's row, as the JSONL and CSV writers render it.
package enum Cell: Sendable {
    /// A string; JSON quotes it.
    case text(String)
    /// A string or `null` (CSV: empty).
    case optionalText(String?)
    /// An integer or `null` (CSV: empty).
    case integer(Int?)
    /// A number written with at most three decimals (`0.25`, `1.0`).
    case number(Double)
    /// `true` or `false`.
    case flag(Bool)
    /// A list of strings (CSV: joined with `;`).
    case list([String])
    /// A range of offsets, `[start,end]` or `null` (CSV: `start:end` or empty).
    case span(Range<Int>?)
    /// A list of objects, each with its keys in order (JSONL only).
    case objects([[(key: String, value: Cell)]])

    /// Appends the cell as JSON to `line`.
    package func appendJSON(to line: inout [UInt8]) {
        switch self {
        case .text(let value): appendQuotedJSON(value, to: &line)
        case .optionalText(let value): if let value { appendQuotedJSON(value, to: &line) } else { line += Cell.null }
        case .integer(let value): if let value { line += String(value).utf8 } else { line += Cell.null }
        case .number(let value): line += Cell.threeDecimals(value).utf8
        case .flag(let value): line += (value ? "true" : "false").utf8
        case .list(let items):
            line.append(0x5B)
            for (k, item) in items.enumerated() {
                if k > 0 { line.append(0x2C) }
                appendQuotedJSON(item, to: &line)
            }
            line.append(0x5D)
        case .span(let range):
            if let range { line += "[\(range.lowerBound),\(range.upperBound)]".utf8 } else { line += Cell.null }
        case .objects(let objects):
            line.append(0x5B)
            for (k, object) in objects.enumerated() {
                if k > 0 { line.append(0x2C) }
                Cell.appendObject(object, to: &line)
            }
            line.append(0x5D)
        }
    }

    /// The cell as JSON text.
    package var json: String {
        var bytes: [UInt8] = []
        appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the cell as one CSV field to `line`.
    package func appendCSV(to line: inout [UInt8]) {
        switch self {
        case .text(let value): appendCSVField(value, to: &line)
        case .optionalText(let value): if let value { appendCSVField(value, to: &line) }
        case .integer(let value): if let value { line += String(value).utf8 }
        case .number(let value): line += Cell.threeDecimals(value).utf8
        case .flag(let value): line += (value ? "true" : "false").utf8
        case .list(let items): appendCSVField(items.joined(separator: ";"), to: &line)
        case .span(let range): if let range { line += "\(range.lowerBound):\(range.upperBound)".utf8 }
        case .objects: preconditionFailure("a list of objects has no CSV form")
        }
    }

    /// Appends `{"key":value,…}` to `line`, keys in the order given.
    package static func appendObject(_ members: [(key: String, value: Cell)], to line: inout [UInt8]) {
        line.append(0x7B)
        for (k, member) in members.enumerated() {
            if k > 0 { line.append(0x2C) }
            appendQuotedJSON(member.key, to: &line)
            line.append(0x3A)
            member.value.appendJSON(to: &line)
        }
        line.append(0x7D)
    }

    static let null = Array("null".utf8)

    /// `value` rounded to three decimals, as Swift prints a `Double` (`0.5`, `1.0`).
    static func threeDecimals(_ value: Double) -> String { String(Double((value * 1000).rounded()) / 1000) }
}

/// One column of a table: its name, JSON type and meaning (as `schema.json` and the schema
/// documentation give them), and how a row's value is found.
package struct Column<Row>: Sendable {
    /// The snake_case name.
    package let name: String
    /// Its JSON type (`string`, `string|null`, `[string]`, `int`, …).
    package let type: String
    /// What it means, in one line.
    package let meaning: String
    /// The row's value.
    package let value: @Sendable (Row) -> Cell
    /// The name as a JSON string literal, as each line writes it.
    package let quotedName: [UInt8]

    /// A column.
    package init(_ name: String, _ type: String, _ meaning: String, _ value: @escaping @Sendable (Row) -> Cell) {
        (self.name, self.type, self.meaning, self.value) = (name, type, meaning, value)
        quotedName = Array(quoteJSON(name).utf8)
    }
}

/// A table written as `NAME.jsonl` and `NAME.csv`: one JSON line per row with `columns` in order,
/// and one CSV record per record of a row (a row may stand for several CSV records, as a timeline
/// entry does for its reports) with `csvColumns` in order. The one description of a table: its
/// writers, `schema.json` and the schema documentation all come from it.
package struct Table<Row, Record>: Sendable {
    /// The file name without extension.
    package let name: String
    /// One sentence on what a row is.
    package let summary: String
    /// The JSONL columns, in order.
    package let columns: [Column<Row>]
    /// The CSV columns, in order.
    package let csvColumns: [Column<Record>]
    /// The CSV records of a row.
    package let records: @Sendable (Row) -> [Record]

    /// A table whose CSV form has other columns or several records per row.
    package init(_ name: String, summary: String, columns: [Column<Row>], csvColumns: [Column<Record>], records: @escaping @Sendable (Row) -> [Record]) {
        (self.name, self.summary, self.columns, self.csvColumns, self.records) = (name, summary, columns, csvColumns, records)
    }

    /// Appends the row as one JSON line, without its line break, to `line`.
    @inlinable
    package func appendJSONLine(_ row: Row, to line: inout [UInt8]) {
        line.append(0x7B)
        for k in columns.indices {
            if k > 0 { line.append(0x2C) }
            line += columns[k].quotedName
            line.append(0x3A)
            columns[k].value(row).appendJSON(to: &line)
        }
        line.append(0x7D)
    }

    /// The row as one JSON line.
    package func jsonLine(_ row: Row) -> String {
        var line: [UInt8] = []
        appendJSONLine(row, to: &line)
        return String(decoding: line, as: UTF8.self)
    }

    /// Appends the row's CSV records, one per line, without the last line break, to `lines`.
    @inlinable
    package func appendCSVLines(_ row: Row, to lines: inout [UInt8]) {
        for (r, record) in records(row).enumerated() {
            if r > 0 { lines.append(0x0A) }
            for k in csvColumns.indices {
                if k > 0 { lines.append(0x2C) }
                csvColumns[k].value(record).appendCSV(to: &lines)
            }
        }
    }

    /// The row's CSV records, one per line.
    package func csvLines(_ row: Row) -> String {
        var lines: [UInt8] = []
        appendCSVLines(row, to: &lines)
        return String(decoding: lines, as: UTF8.self)
    }

    /// The CSV header.
    package var csvHeader: String {
        var line: [UInt8] = []
        for (k, column) in csvColumns.enumerated() {
            if k > 0 { line.append(0x2C) }
            appendCSVField(column.name, to: &line)
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// Every column once, as documented: the JSONL columns, then those only the CSV form has.
    package var documentedColumns: [DocumentedColumn] {
        let jsonNames = Set(columns.map(\.name)), csvNames = Set(csvColumns.map(\.name))
        let json = columns.map { DocumentedColumn(name: $0.name, type: $0.type, meaning: $0.meaning, inJSON: true, inCSV: csvNames.contains($0.name)) }
        let csvOnly = csvColumns.filter { !jsonNames.contains($0.name) }.map {
            DocumentedColumn(name: $0.name, type: $0.type, meaning: $0.meaning, inJSON: false, inCSV: true)
        }
        return json + csvOnly
    }

    /// Writes `NAME.jsonl` and `NAME.csv` into `folder`, each atomically, lines made on all cores.
    @inlinable
    package func write(_ rows: [Row], into folder: String) throws where Row: Sendable {
        try writeLinesAtomically(rows, to: folder + "/\(name).jsonl", appendLine: appendJSONLine)
        try writeLinesAtomically(rows, header: csvHeader, to: folder + "/\(name).csv", appendLine: appendCSVLines)
    }
}

extension Table where Record == Row {
    /// A table whose CSV records are its rows, with the same columns.
    package init(_ name: String, summary: String, columns: [Column<Row>]) {
        self.init(name, summary: summary, columns: columns, csvColumns: columns, records: { [$0] })
    }
}

/// A column as the schema documentation gives it.
package struct DocumentedColumn: Sendable, Equatable {
    /// The name.
    package let name: String
    /// The JSON type.
    package let type: String
    /// The meaning.
    package let meaning: String
    /// Whether the JSONL form has it.
    package let inJSON: Bool
    /// Whether the CSV form has it.
    package let inCSV: Bool
}
