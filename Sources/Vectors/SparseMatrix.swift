import ArabicText
import Support

/// A sparse matrix of `Float` in compressed sparse row (CSR) form: row `i` holds the entries
/// `rowStarts[i]..<rowStarts[i + 1]` of `columns` and `values`, columns ascending.
public struct SparseMatrix: Sendable {
    /// The number of rows.
    public var rowCount: Int { rowStarts.count - 1 }
    /// The number of columns.
    public let columnCount: Int
    /// Where each row starts in `columns` and `values`; `rowCount + 1` entries.
    public let rowStarts: [Int]
    /// The column of each stored entry.
    public let columns: [Int32]
    /// The value of each stored entry.
    public let values: [Float]

    /// A matrix from its CSR arrays.
    public init(columnCount: Int, rowStarts: [Int], columns: [Int32], values: [Float]) {
        precondition(rowStarts.first == 0 && rowStarts.last == columns.count && columns.count == values.count)
        self.columnCount = columnCount
        self.rowStarts = rowStarts
        self.columns = columns
        self.values = values
    }

    /// The number of stored entries.
    public var nonZeroCount: Int { columns.count }

    /// The stored entries of row `i`.
    @inline(__always)
    public func row(_ i: Int) -> Range<Int> { rowStarts[i]..<rowStarts[i + 1] }

    /// The dot product of rows `i` and `j`.
    public func dot(_ i: Int, _ j: Int) -> Float {
        sparseDot(columns[row(i)], values[row(i)], columns[row(j)], values[row(j)])
    }

    /// The dot product of row `i` with a vector held densely, indexed by column.
    @inline(__always)
    public func dot(row i: Int, dense: [Float]) -> Float {
        var sum: Float = 0
        for k in row(i) { sum += dense[Int(columns[k])] * values[k] }
        return sum
    }

    /// The matrix by columns, with rows renumbered by their position in `order`: for column `c`,
    /// the entries `starts[c]..<starts[c + 1]` of `rows` (positions) and `values`, positions
    /// ascending.
    public func columns(inRowOrder order: [Int]) -> (starts: [Int], rows: [Int32], values: [Float]) {
        var starts = [Int](repeating: 0, count: columnCount + 1)
        for i in 0..<rowCount {
            for k in row(i) { starts[Int(columns[k]) + 1] += 1 }
        }
        for c in 0..<columnCount { starts[c + 1] += starts[c] }
        // The columns in two ranges of about as many entries, filled on two cores: each reads
        // every row and writes only its own columns (the writes are what cost).
        let total = starts[columnCount]
        let middle = starts.firstIndex { $0 >= total / 2 } ?? columnCount
        let ranges = [0..<middle, middle..<columnCount]
        let columnStarts = starts
        let (rows, entries) = fillInParallel(count: total, parts: ranges.count) { part, output in
            let range = ranges[part]
            var fill = Array(columnStarts[range])
            for (p, i) in order.enumerated() {
                for k in row(i) where range.contains(Int(columns[k])) {
                    let c = Int(columns[k]) - range.lowerBound
                    output.indices[fill[c]] = Int32(p)
                    output.values[fill[c]] = values[k]
                    fill[c] += 1
                }
            }
        }
        return (starts, rows, entries)
    }
}

/// Two arrays of `count` entries, an index and a value each (the columns and values of a CSR
/// matrix, or the rows and values of its postings), written by `parts` parallel loops:
/// `fill(part, output)` writes its own entries, and together the loops write every entry.
func fillInParallel(count: Int, parts: Int, _ fill: @Sendable (Int, ParallelOutput) -> Void) -> (indices: [Int32], values: [Float]) {
    var values: [Float] = []
    let indices = [Int32](unsafeUninitializedCapacity: count) { indexBuffer, indexCount in
        values = [Float](unsafeUninitializedCapacity: count) { valueBuffer, valueCount in
            let output = ParallelOutput(indices: indexBuffer, values: valueBuffer)
            _ = parallelMap(count: parts) { part -> Int in
                fill(part, output)
                return 0
            }
            valueCount = count
        }
        indexCount = count
    }
    return (indices, values)
}

/// The arrays ``fillInParallel(count:parts:_:)`` hands its loops, each of which writes only
/// its own entries.
struct ParallelOutput: @unchecked Sendable {
    let indices: UnsafeMutableBufferPointer<Int32>
    let values: UnsafeMutableBufferPointer<Float>
}

/// The dot product of two sparse vectors given as ascending columns and their values (a merge of
/// the two column lists).
@inlinable
package func sparseDot(_ aColumns: ArraySlice<Int32>, _ aValues: ArraySlice<Float>, _ bColumns: ArraySlice<Int32>, _ bValues: ArraySlice<Float>) -> Float {
    var a = aColumns.startIndex, b = bColumns.startIndex
    let offsetA = aValues.startIndex - a, offsetB = bValues.startIndex - b
    var sum: Float = 0
    while a < aColumns.endIndex, b < bColumns.endIndex {
        if aColumns[a] == bColumns[b] {
            sum += aValues[a + offsetA] * bValues[b + offsetB]
            a += 1
            b += 1
        } else if aColumns[a] < bColumns[b] {
            a += 1
        } else {
            b += 1
        }
    }
    return sum
}
