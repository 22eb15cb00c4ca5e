/// The Unicode scalars of valid UTF-8 bytes, decoded without index validation: the hot loops
/// (tokens, terms, line fingerprints) read text through this instead of
/// `Substring.UnicodeScalarView`, whose indexing iterator validates every step.
package struct UTF8Scalars: Sequence {
    /// The bytes; they must be valid UTF-8, as the storage of every Swift string is.
    let bytes: UnsafeBufferPointer<UInt8>

    /// The scalars of `bytes`, which must be valid UTF-8.
    package init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Reads the scalars one by one.
    package struct Iterator: IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The offset of the next scalar's first byte.
        package internal(set) var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The next scalar.
        @inline(__always)
        package mutating func next() -> Unicode.Scalar? {
            guard position < bytes.count else { return nil }
            let lead = UInt32(bytes[position])
            let value: UInt32
            switch lead {
            case ..<0x80:
                position += 1
                return Unicode.Scalar(UInt8(lead))
            case ..<0xE0:
                value = (lead & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F)
                position += 2
            case ..<0xF0:
                value = (lead & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6 | UInt32(bytes[position + 2] & 0x3F)
                position += 3
            default:
                value =
                    (lead & 0x07) << 18 | UInt32(bytes[position + 1] & 0x3F) << 12
                    | UInt32(bytes[position + 2] & 0x3F) << 6 | UInt32(bytes[position + 3] & 0x3F)
                position += 4
            }
            return unsafeBitCast(value, to: Unicode.Scalar.self)
        }
    }

    /// An iterator from the first byte.
    package func makeIterator() -> Iterator { Iterator(bytes: bytes) }

    /// Calls `body` with the scalars of `text`.
    @inline(__always)
    static func of<R>(_ text: Substring, _ body: (UTF8Scalars) -> R) -> R {
        var text = text
        return text.withUTF8 { body(UTF8Scalars(bytes: $0)) }
    }
}
