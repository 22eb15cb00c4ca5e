import CZlib

/// Reads a file line by line, decompressing gzip transparently (zlib's `gzread` passes a plain
/// file through unchanged), so `.jsonl` and `.jsonl.gz` share one reader.
///
/// Lines are handed out as byte buffers without the `\n` (and without a `\r` before it); line
/// numbers are 1-based. A UTF-8 byte-order mark at the start of the file is dropped.
struct LineReader: ~Copyable {
    private let file: gzFile
    private var buffer: [UInt8] = []
    private var start = 0
    private var end = 0
    private var eof = false
    private var first = true
    /// Lines longer than this are skipped, never held whole.
    private let maxLineBytes: Int
    /// Bytes of the overlong line being skipped, nil when none is.
    private var skipped: Int?
    /// 1-based number of the line most recently returned.
    private(set) var lineNumber = 0

    /// Opens `path`; throws a message naming the system error when the file cannot be opened.
    /// Lines of more than `maxLineBytes` bytes are not delivered but reported to `tooLong`.
    init(path: String, maxLineBytes: Int = .max) throws(IngestFileError) {
        guard let f = gzopen(path, "rb") else { throw IngestFileError.cannotOpen(reason: systemErrorText()) }
        _ = gzbuffer(f, 1 << 17)
        file = f
        self.maxLineBytes = maxLineBytes
        buffer = [UInt8](repeating: 0, count: 1 << 20)
    }

    deinit { gzclose(file) }

    /// Calls `body` with each line in order, and `tooLong` with the number and length of each line
    /// over the limit (read through, never held). Returns normally at end of file; throws when the
    /// compressed data is corrupt or reading fails (lines before that have been delivered).
    mutating func forEachLine(
        _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void, tooLong: (_ line: Int, _ bytes: Int) -> Void = { _, _ in }
    ) throws(IngestFileError) {
        while true {
            // Find the next newline in the filled part of the buffer.
            let newline: Int? = buffer.withUnsafeBufferPointer { b in
                guard start < end, let hit = memchr(b.baseAddress! + start, 0x0A, end - start) else { return nil }
                return b.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            if let nl = newline {
                if let bytes = skipped {
                    lineNumber += 1
                    tooLong(lineNumber, bytes + nl - start)
                    skipped = nil
                } else if nl - start > maxLineBytes {
                    lineNumber += 1
                    tooLong(lineNumber, nl - start)
                } else {
                    deliver(upTo: nl, body)
                }
                start = nl + 1
                continue
            }
            // No newline yet: a line past the limit is counted and dropped as it is read.
            if skipped != nil || end - start > maxLineBytes {
                skipped = (skipped ?? 0) + end - start
                start = end
            }
            if eof {
                if let bytes = skipped {
                    lineNumber += 1
                    tooLong(lineNumber, bytes)
                    skipped = nil
                } else if start < end {
                    deliver(upTo: end, body)
                }
                start = end
                return
            }
            try refill()
        }
    }

    private mutating func deliver(upTo stop: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        lineNumber += 1
        var lo = start, hi = stop
        buffer.withUnsafeBufferPointer { b in
            if first {
                first = false
                if hi - lo >= 3 && b[lo] == 0xEF && b[lo + 1] == 0xBB && b[lo + 2] == 0xBF { lo += 3 }
            }
            if hi > lo && b[hi - 1] == 0x0D { hi -= 1 }
            body(UnsafeBufferPointer(rebasing: b[lo..<hi]), lineNumber)
        }
    }

    /// Moves the unread tail to the front, grows the buffer for long lines, and reads more.
    private mutating func refill() throws(IngestFileError) {
        if start > 0 {
            let tail = end - start
            buffer.withUnsafeMutableBufferPointer { b in
                UnsafeMutableRawPointer(b.baseAddress!).copyMemory(
                    from: b.baseAddress! + start, byteCount: tail)
            }
            start = 0
            end = tail
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let capacity = buffer.count - end
        let n = buffer.withUnsafeMutableBufferPointer { b in
            gzread(file, b.baseAddress! + end, UInt32(min(capacity, Int(Int32.max))))
        }
        if n < 0 {
            var code: Int32 = 0
            let message = String(cString: gzerror(file, &code))
            throw IngestFileError.corrupt(afterLine: lineNumber, reason: message)
        }
        if n == 0 {
            eof = true
            // gzread returns 0 with an error set on a truncated gzip stream.
            var code: Int32 = 0
            let message = gzerror(file, &code)
            if code != Z_OK && code != Z_STREAM_END {
                throw IngestFileError.corrupt(afterLine: lineNumber, reason: String(cString: message!))
            }
        }
        end += Int(n)
    }
}

/// Reads a whole file (decompressing gzip transparently) into memory; throws when it inflates to
/// more than `limit` bytes (read through, never held).
func readWholeFile(_ path: String, limit: Int = .max) throws(IngestFileError) -> [UInt8] {
    var reader = try LineReader(path: path, maxLineBytes: limit)
    var bytes: [UInt8] = []
    var firstLine = true
    var overLimit = false
    try reader.forEachLine(
        { line, _ in
            guard !overLimit else { return }
            if !firstLine { bytes.append(0x0A) }
            firstLine = false
            bytes.append(contentsOf: line)
            if bytes.count > limit {
                overLimit = true
                bytes = []
            }
        },
        tooLong: { _, _ in
            overLimit = true
            bytes = []
        })
    if overLimit { throw IngestFileError.tooLarge(limit: limit) }
    return bytes
}

/// A problem with a whole file (as opposed to one record in it).
enum IngestFileError: Error {
    case cannotOpen(reason: String)
    case corrupt(afterLine: Int, reason: String)
    /// A file that is one record, over the limit once inflated.
    case tooLarge(limit: Int)

    var reason: String {
        switch self {
        case .cannotOpen(let reason): "cannot open file: \(reason)"
        case .corrupt(let line, let reason): "cannot read past line \(line): \(reason)"
        case .tooLarge(let limit): "record larger than the limit of \(limit) bytes (--max-record-bytes); not read"
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

func systemErrorText() -> String { String(cString: strerror(errno)) }
