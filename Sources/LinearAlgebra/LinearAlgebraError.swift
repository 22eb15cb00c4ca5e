/// Errors reported by the LAPACK routines behind ``svd(_:)`` and ``qr(_:)``.
public enum LinearAlgebraError: Error, Equatable, Sendable {
    /// LAPACK rejected argument number `n` (its `info` was `-n`): a bug in the caller or the wrapper.
    case illegalArgument(Int32)
    /// The iteration did not converge (LAPACK `info > 0`).
    case didNotConverge(Int32)
    /// A dimension does not fit LAPACK's and BLAS's 32-bit integers.
    case dimensionTooLarge(Int)
}

/// Converts a dimension to the 32-bit integer BLAS and LAPACK take, failing loudly instead of wrapping.
func int32(_ value: Int) throws(LinearAlgebraError) -> Int32 {
    guard let v = Int32(exactly: value) else { throw .dimensionTooLarge(value) }
    return v
}
