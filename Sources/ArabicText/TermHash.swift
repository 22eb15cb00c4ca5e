/// A 64-bit FNV-1a hash of a run of key-view scalars. Lookups of Arabic words by `String` pay for
/// Unicode normalization on every hash and comparison; key-view text is already normalized, so
/// hashing its scalars is exact and several times faster.
package enum TermHash {
    /// The hash of `scalars` (inlinable, so that callers in other modules get it specialized).
    @inlinable
    package static func of<C: Collection<Unicode.Scalar>>(_ scalars: C) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for u in scalars {
            hash = (hash ^ UInt64(u.value)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

extension String {
    /// A string of the given scalars, encoded straight to UTF-8 (building a `String` through
    /// `UnicodeScalarView.append` is several times slower on the hot path). Inlinable: called
    /// unspecialized from another module, it cost ten times as much.
    @inlinable
    package init<C: Collection<Unicode.Scalar>>(scalars: C) {
        var length = 0
        for u in scalars { length += UTF8.width(u) }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            for u in scalars {
                UTF8.encode(u) { byte in
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }
}
