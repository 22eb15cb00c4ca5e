import COpenBLAS

/// The OpenBLAS library this process runs on: its build configuration, the CPU kernel it chose,
/// and its thread pool.
public enum BLAS {
    /// The build configuration, e.g. `OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64`.
    public static var configuration: String { String(cString: openblas_get_config()) }

    /// The CPU kernel family OpenBLAS selected at load time, e.g. `Zen` or `Haswell`.
    public static var coreName: String { String(cString: openblas_get_corename()) }

    /// The number of threads OpenBLAS uses for one call. Set it to 1 when the caller parallelizes itself.
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(clamping: max(1, newValue))) }
    }
}

/// Matrix product `c = alpha · op(a) · op(b) + beta · c` through `cblas_sgemm`.
///
/// `op(x)` is `x` or its transpose. `c` must already have the shape of the product.
/// - Complexity: 2·m·n·k floating-point operations.
public func gemm(
    _ a: Matrix, transposeA: Bool = false,
    _ b: Matrix, transposeB: Bool = false,
    alpha: Float = 1, beta: Float = 0,
    into c: inout Matrix
) {
    let m = transposeA ? a.columns : a.rows
    let k = transposeA ? a.rows : a.columns
    let kb = transposeB ? b.columns : b.rows
    let n = transposeB ? b.rows : b.columns
    precondition(k == kb, "inner dimensions differ: \(k) and \(kb)")
    precondition(c.rows == m && c.columns == n, "result is \(c.rows)×\(c.columns), product is \(m)×\(n)")
    guard m > 0, n > 0 else { return }
    precondition(Int32(exactly: m * max(k, n)) != nil, "matrix too large for 32-bit BLAS")
    a.storage.withUnsafeBufferPointer { pa in
        b.storage.withUnsafeBufferPointer { pb in
            c.storage.withUnsafeMutableBufferPointer { pc in
                cblas_sgemm(
                    CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k),
                    alpha, pa.baseAddress, Int32(max(1, a.columns)),
                    pb.baseAddress, Int32(max(1, b.columns)),
                    beta, pc.baseAddress, Int32(max(1, n)))
            }
        }
    }
}

/// The product `op(a) · op(b)` as a new matrix.
public func product(_ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false) -> Matrix {
    var c = Matrix(rows: transposeA ? a.columns : a.rows, columns: transposeB ? b.rows : b.columns)
    gemm(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
    return c
}

/// `c = a[aRows] · b[bRows]ᵀ` for two row-major matrices with the same number of columns, through
/// `cblas_sgemm` on the rows in place (no copies): the block kernel of dense similarity. `c` gets
/// `aRows.count × bRows.count` values, row-major.
public func rowBlockProduct(_ a: Matrix, rows aRows: Range<Int>, _ b: Matrix, rows bRows: Range<Int>, into c: inout [Float]) {
    precondition(a.columns == b.columns, "row lengths differ: \(a.columns) and \(b.columns)")
    precondition(aRows.upperBound <= a.rows && bRows.upperBound <= b.rows, "row range out of bounds")
    let m = aRows.count, n = bRows.count, k = a.columns
    if c.count < m * n { c = [Float](repeating: 0, count: m * n) }
    guard m > 0, n > 0, k > 0 else { return }
    a.storage.withUnsafeBufferPointer { pa in
        b.storage.withUnsafeBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k),
                    1, pa.baseAddress! + aRows.lowerBound * k, Int32(k),
                    pb.baseAddress! + bRows.lowerBound * k, Int32(k),
                    0, pc.baseAddress, Int32(n))
            }
        }
    }
}
