extension String {
    /// Without white space (Unicode's `White_Space`: spaces, tabs, line breaks, no-break and
    /// ideographic spaces) at either end.
    @inlinable
    package var trimmed: String {
        // Most fields and lines have none: the string is then returned as it is. (Written for
        // `StringProtocol`, the check made reading the shared corpora 4 % slower.)
        guard let first = unicodeScalars.first, let last = unicodeScalars.last, isWhiteSpace(first) || isWhiteSpace(last) else { return self }
        return self[...].trimmed
    }
}

extension Substring {
    /// Without white space (Unicode's `White_Space`) at either end, as a string of its own.
    @inlinable
    package var trimmed: String {
        guard let start = unicodeScalars.firstIndex(where: { !isWhiteSpace($0) }),
            let end = unicodeScalars.lastIndex(where: { !isWhiteSpace($0) })
        else { return "" }
        return String(unicodeScalars[start...end])
    }
}

/// Whether `u` is white space (Unicode's `White_Space`), answered without the property lookup for
/// ASCII and the Arabic block: every field of every record is trimmed, and the lookup was 5 % of
/// reading the shared corpora.
@inlinable @inline(__always)
package func isWhiteSpace(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x09...0x0D, 0x20: return true
    case 0..<0x80, 0x600..<0x700: return false
    default: return u.properties.isWhitespace
    }
}
