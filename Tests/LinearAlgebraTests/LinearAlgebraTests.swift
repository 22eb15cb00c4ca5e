import Testing

@testable import LinearAlgebra

private func close(_ a: [Float], _ b: [Float], tolerance: Float = 1e-4) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
}

@Test func gemmMultipliesTwoByThreeByThreeByTwo() {
    let a = Matrix(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
    let b = Matrix(rows: 3, columns: 2, storage: [7, 8, 9, 10, 11, 12])
    #expect(product(a, b).storage == [58, 64, 139, 154])
}

@Test func gemmWithTransposedOperandGivesGramMatrix() {
    let a = Matrix(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
    #expect(product(a, a, transposeB: true).storage == [14, 32, 32, 77])
    #expect(product(a, transposeA: true, a).storage == [17, 22, 27, 22, 29, 36, 27, 36, 45])
}

@Test func gemmAccumulatesWithAlphaAndBeta() {
    let a = Matrix.identity(2)
    let b = Matrix(rows: 2, columns: 2, storage: [1, 2, 3, 4])
    var c = Matrix(rows: 2, columns: 2, repeating: 1)
    gemm(a, b, alpha: 2, beta: 3, into: &c)
    #expect(c.storage == [5, 7, 9, 11])
}

@Test func svdFindsKnownSingularValues() throws {
    // A 3×2 matrix whose singular values are 3 and 2 (diag(3, 2) with a zero row).
    let a = Matrix(rows: 3, columns: 2, storage: [0, 2, 3, 0, 0, 0])
    let d = try svd(a)
    #expect(close(d.s, [3, 2]))
    // U · diag(s) · Vᵀ reconstructs A.
    var us = d.u
    for i in 0..<us.rows { for j in 0..<us.columns { us[i, j] *= d.s[j] } }
    #expect(close(product(us, d.vt).storage, a.storage))
}

@Test func truncatedSVDKeepsLeadingTriplets() throws {
    let a = Matrix(rows: 3, columns: 3, storage: [4, 0, 0, 0, 1, 0, 0, 0, 2])
    let t = try svd(a).truncated(to: 2)
    #expect(close(t.s, [4, 2]))
    #expect(t.u.columns == 2 && t.vt.rows == 2)
}

@Test func qrReconstructsAndHasOrthonormalQ() throws {
    // The classic 4×3 Householder example.
    let a = Matrix(rows: 4, columns: 3, storage: [12, -51, 4, 6, 167, -68, -4, 24, -41, 1, 1, 0])
    let f = try qr(a)
    #expect(close(product(f.q, f.r).storage, a.storage, tolerance: 1e-3))
    #expect(close(product(f.q, transposeA: true, f.q).storage, Matrix.identity(3).storage))
    for i in 1..<3 { for j in 0..<i { #expect(f.r[i, j] == 0) } }
    #expect(abs(abs(f.r[0, 0]) - Float(197).squareRoot()) < 1e-3)  // ‖first column‖
}

@Test func openBLASReportsConfigurationAndCore() {
    #expect(BLAS.configuration.contains("OpenBLAS"))
    #expect(!BLAS.coreName.isEmpty)
    #expect(BLAS.threadCount >= 1)
}

@Test func symmetricEigenOfATwoByTwo() throws {
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, −1)/√2 and (1, 1)/√2.
    let (values, vectors) = try symmetricEigen(Matrix(rows: 2, columns: 2, storage: [2, 1, 1, 2]))
    #expect(abs(values[0] - 1) < 1e-5 && abs(values[1] - 3) < 1e-5)
    #expect(abs(abs(vectors[0, 1]) - 0.70710678) < 1e-5 && abs(vectors[0, 1] - vectors[1, 1]) < 1e-5)
}

@Test func rowBlockProductMultipliesRowsInPlace() {
    // a rows 1..<3 = [[3, 4], [5, 6]], b rows 0..<2 = [[1, 0], [1, 1]] → [[3, 7], [5, 11]].
    let a = Matrix(rows: 3, columns: 2, storage: [1, 2, 3, 4, 5, 6])
    let b = Matrix(rows: 2, columns: 2, storage: [1, 0, 1, 1])
    var c: [Float] = []
    rowBlockProduct(a, rows: 1..<3, b, rows: 0..<2, into: &c)
    #expect(c == [3, 7, 5, 11])
}
