import Testing

@testable import Ingest

private func check(_ bytes: [UInt8]) -> Bool? {
    bytes.withUnsafeBufferPointer { isASCIIIfWellFormedUTF8($0) }
}

@Test func arabicTextIsWellFormedAndNotASCII() {
    #expect(check(Array("قال الرئيس الفرنسي إيمانويل ماكرون، الأحد".utf8)) == false)
}

@Test func asciiTextIsWellFormedAndASCII() {
    #expect(check(Array("sn-f3d93e28ca1a http://www.alweeam.com.sa/3485".utf8)) == true)
    #expect(check([]) == true)
}

@Test func longerSequencesAmongArabicLettersAreWellFormed() {
    // “ ” (three bytes) and an emoji (four) between two-byte letters, across word boundaries.
    #expect(check(Array("حجزت “1056” قارورة 😀 مياه معدنية".utf8)) == false)
}

@Test(
    arguments: [
        // A two-byte lead as the last byte of the first 8-byte word, its continuation missing.
        [0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0xD8, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41],
        // A continuation byte that opens a word.
        [0x80, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41],
        // Overlong two-byte sequences (C0, C1 leads).
        [0x41, 0xC0, 0x80, 0x41, 0x41, 0x41, 0x41, 0x41],
        [0x41, 0x41, 0x41, 0xC1, 0xBF, 0x41, 0x41, 0x41],
        // A UTF-16 surrogate written in UTF-8, after an Arabic letter.
        [0xD8, 0xA7, 0xED, 0xA0, 0x80, 0x41, 0x41, 0x41],
        // A lead byte that no sequence has, and a sequence cut short at the end.
        [0xD8, 0xA7, 0xFF, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41],
        [0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0xD8, 0xA7, 0xE2, 0x80],
    ] as [[UInt8]])
func illFormedBytesAreFound(_ bytes: [UInt8]) {
    #expect(check(bytes) == nil)
}

@Test func agreesWithTheStandardLibraryOnRandomBytes() {
    // Pieces that well-formed text is made of, and pieces that break it.
    let pieces: [[UInt8]] = [
        [0x20], [0x61], [0xD8, 0xA7], [0xD9, 0x84], [0xE2, 0x80, 0x9C], [0xF0, 0x9F, 0x98, 0x80],
        [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xD8], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xC2, 0x80], [0xDF, 0xBF], [0xE2, 0x80], [0xF0, 0x9F],
    ]
    var generator = SplitMix64(state: 20_261_129)
    var disagreements: [[UInt8]] = []
    for trial in 0..<20_000 {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0..<30, using: &generator) {
            bytes += trial % 2 == 0 ? pieces[Int.random(in: 0..<6, using: &generator)] : pieces.randomElement(using: &generator)!
        }
        if trial % 5 == 0, !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
        let expected = String(validating: bytes, as: UTF8.self).map { $0.utf8.allSatisfy { $0 < 0x80 } }
        if check(bytes) != expected { disagreements.append(bytes) }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
}

@Test func validatedStringsHoldTheBytes() {
    let bytes = Array("قال “بوتين” 😀 abc".utf8)
    #expect(bytes.withUnsafeBufferPointer(validatedString) == "قال “بوتين” 😀 abc")
    #expect(([0x41, 0xFF] as [UInt8]).withUnsafeBufferPointer(validatedString) == nil)
}
