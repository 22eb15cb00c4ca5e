import Support
import Testing

@testable import Ingest

private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { b throws(JSONSyntaxError) in try JSONParser.parse(b) }
}

@Test func parsesArabicStringsWithEscapes() throws {
    let v = try parse(#"{"title": "قال \"بوتين\"\n\u0627\u0644\u0643\u0631\u0645\u0644\u064a\u0646", "n": 12345, "ok": true, "x": null}"#)
    #expect(v["title"] == .string("قال \"بوتين\"\nالكرملين"))
    #expect(v["n"] == .number("12345"))
    #expect(v["ok"] == .bool(true))
    #expect(v["x"] == .null)
}

@Test func decodesSurrogatePairs() throws {
    #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
}

@Test(arguments: [
    (#"{"a": 1,}"#, "expected a quoted member name"),
    (#"{"a" 1}"#, "expected ':'"),
    (#"{"a": "x"} trailing"#, "unexpected text after"),
    (#""\ud800""#, "lone high surrogate"),
    ("\"tab\there\"", "control character"),
    (#"{"a": tru}"#, "invalid literal"),
    (#"[1, 2"#, "unexpected end of input"),
])
func reportsWhatIsWrong(_ text: String, _ message: String) {
    #expect {
        _ = try parse(text)
    } throws: { error in
        (error as? JSONSyntaxError)?.message.contains(message) == true
    }
}

@Test func pointsAtInvalidUTF8InsideAString() {
    var bytes = Array(#"{"title": "ab"#.utf8)
    bytes += [0xFF]
    bytes += Array(#"cd"}"#.utf8)
    #expect {
        _ = try bytes.withUnsafeBufferPointer { b throws(JSONSyntaxError) in try JSONParser.parse(b) }
    } throws: { error in
        let e = error as? JSONSyntaxError
        return e?.message == "invalid UTF-8 in string" && e?.offset == 13
    }
}

@Test func quotingEscapesWhatJSONRequiresAndReadsBack() throws {
    let text = "قال \"بوتين\"\n\\ سطر\u{2028}\u{1}"
    #expect(quoteJSON(text) == #""قال \"بوتين\"\n\\ سطر\u2028\u0001""#)
    #expect(try parse(quoteJSON(text)) == .string(text))
    var line = Array("[".utf8)
    appendQuotedJSON("الكرملين", to: &line)
    #expect(String(decoding: line, as: UTF8.self) == #"["الكرملين""#)
}

@Test func quotingEscapesTabsReturnsAndBothJavaScriptLineBreaksButNotOtherPunctuation() {
    #expect(quoteJSON("أ\tب\rج\u{2029}د — «هـ»…") == #""أ\tب\rج\u2029د — «هـ»…""#)
}
