import COpenBLAS

/// A thin singular value decomposition `a = u · diag(s) · vt`, singular values in descending order.
public struct SVD: Sendable, Equatable {
    /// Left singular vectors as columns, `m × k`.
    public var u: Matrix
    /// Singular values, descending, `k` of them.
    public var s: [Float]
    /// Right singular vectors as rows, `k × n`.
    public var vt: Matrix

    /// The leading `rank` singular triplets: the best rank-`rank` approximation (Eckart–Young).
    public func truncated(to rank: Int) -> SVD {
        let r = min(rank, s.count)
        var u2 = Matrix(rows: u.rows, columns: r)
        for i in 0..<u.rows {
            for j in 0..<r { u2[i, j] = u[i, j] }
        }
        let vt2 = Matrix(rows: r, columns: vt.columns, storage: Array(vt.storage.prefix(r * vt.columns)))
        return SVD(u: u2, s: Array(s.prefix(r)), vt: vt2)
    }
}

/// A thin QR decomposition `a = q · r` with orthonormal columns in `q`.
public struct QR: Sendable, Equatable {
    /// `m × k` with orthonormal columns, `k = min(m, n)`.
    public var q: Matrix
    /// `k × n`, upper triangular.
    public var r: Matrix
}

/// Thin SVD by divide and conquer (`LAPACKE_sgesdd`, `jobz = 'S'`).
/// - Complexity: O(m·n·min(m, n)).
public func svd(_ a: Matrix) throws(LinearAlgebraError) -> SVD {
    let m = a.rows, n = a.columns, k = min(m, n)
    var work = a.storage
    var s = [Float](repeating: 0, count: k)
    var u = Matrix(rows: m, columns: k)
    var vt = Matrix(rows: k, columns: n)
    guard k > 0 else { return SVD(u: u, s: s, vt: vt) }
    let (m32, n32, k32) = (try int32(m), try int32(n), try int32(k))
    let info = LAPACKE_sgesdd(
        LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "S")), m32, n32,
        &work, n32, &s, &u.storage, k32, &vt.storage, n32)
    try check(info)
    return SVD(u: u, s: s, vt: vt)
}

/// Thin QR by Householder reflections (`LAPACKE_sgeqrf`, then `LAPACKE_sorgqr` to form `q`).
/// - Complexity: O(m·n²) for m ≥ n.
public func qr(_ a: Matrix) throws(LinearAlgebraError) -> QR {
    let m = a.rows, n = a.columns, k = min(m, n)
    guard k > 0 else { return QR(q: Matrix(rows: m, columns: 0), r: Matrix(rows: 0, columns: n)) }
    let (m32, n32, k32) = (try int32(m), try int32(n), try int32(k))
    var factored = a.storage
    var tau = [Float](repeating: 0, count: k)
    try check(LAPACKE_sgeqrf(LAPACK_ROW_MAJOR, m32, n32, &factored, n32, &tau))

    var r = Matrix(rows: k, columns: n)
    for i in 0..<k {
        for j in i..<n { r[i, j] = factored[i * n + j] }
    }
    // sorgqr wants the first k columns of the factored matrix as an m × k array.
    var q = Matrix(rows: m, columns: k)
    for i in 0..<m {
        for j in 0..<k { q[i, j] = factored[i * n + j] }
    }
    try check(LAPACKE_sorgqr(LAPACK_ROW_MAJOR, m32, k32, k32, &q.storage, k32, &tau))
    return QR(q: q, r: r)
}

private func check(_ info: Int32) throws(LinearAlgebraError) {
    if info < 0 { throw .illegalArgument(-info) }
    if info > 0 { throw .didNotConverge(info) }
}

/// Eigenvalues (ascending) and eigenvectors (as columns) of a symmetric matrix
/// (`LAPACKE_ssyevd`, divide and conquer; only the upper triangle is read).
/// - Complexity: O(n³).
public func symmetricEigen(_ a: Matrix) throws(LinearAlgebraError) -> (values: [Float], vectors: Matrix) {
    precondition(a.rows == a.columns, "symmetricEigen needs a square matrix")
    let n = a.rows
    var vectors = a
    var values = [Float](repeating: 0, count: n)
    guard n > 0 else { return (values, vectors) }
    let n32 = try int32(n)
    try check(LAPACKE_ssyevd(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")), n32, &vectors.storage, n32, &values))
    return (values, vectors)
}
