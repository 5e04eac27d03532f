import GeoJSON
import TestSupport
import Testing

@Suite("JSON reader")
struct JSONReaderTests {
    let reader = JSONReader()

    @Test("numbers read exactly as the shortest round-trip form says", arguments: [
        "0", "-0.0", "1", "-17", "3.141592653589793", "0.1", "1e-7", "2.5E+3", "179.99999999999997", "-16.867889136392794",
        "4550447.461492821", "123456789012345678901234", "1e308", "4.9e-324", "0.30000000000000004", "9007199254740993",
    ])
    func numbers(literal: String) throws {
        let value = try reader.read(Array(literal.utf8))
        #expect(value == .number(Double(literal)!))
    }

    @Test("16 to 19 significant digits round to the nearest double, midpoints to even", arguments: [
        "9007199254740993", "9007199254740995", "4503599627370496.5", "4503599627370497.5", "-2251799813685248.25",
        "0.9007199254740993", "1.7976931348623157", "12345678901234567.89", "9999999999999999999", "0.0000000000000000001",
        "89.999999999999999999", "-179.99999999999999", "36.418360666824896", "6.2015062774267955",
    ])
    func longDecimals(literal: String) throws {
        #expect(try reader.read(Array(literal.utf8)) == .number(Double(literal)!))
    }

    @Test("seeded long decimals read as strtod reads them")
    func randomLongDecimals() throws {
        var generator = SeededGenerator(seed: 2026_11_24)
        for _ in 0..<100_000 {
            let digits = Int.random(in: 16...19, using: &generator)
            let nineteenDigits = UInt64.random(in: 1_000_000_000_000_000_000...9_999_999_999_999_999_999, using: &generator)
            var text = String(String(nineteenDigits).prefix(digits))
            let point = Int.random(in: 0...digits, using: &generator)
            if point < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            if text.hasPrefix(".") { text = "0" + text }
            do {
                #expect(try reader.read(Array(text.utf8)) == .number(Double(text)!), "\(text)")
            } catch {
                Issue.record("\(text): \(error)")
            }
        }
    }

    @Test("seeded random doubles survive writing and reading bit for bit")
    func randomRoundTrip() throws {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<20_000 {
            let number = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            let text = JSONWriter().string(.number(number))
            #expect(try reader.read(Array(text.utf8)) == .number(number), "\(text)")
        }
    }

    @Test("strings with escapes and non-ASCII text")
    func strings() throws {
        let value = try reader.read(Array(#"{"a":"x\"y\\z\/\n\u00e9\ud83d\ude00","b":"Zürich"}"#.utf8))
        #expect(value == ["a": "x\"y\\z/\né😀", "b": "Zürich"])
    }

    @Test("strings are written with JSON escapes where needed, as they are otherwise")
    func writtenStrings() {
        #expect(JSONWriter().string(.string("a\u{01}\"b\\\n\t\r\u{1F}")) == #""a\u0001\"b\\\n\t\r\u001f""#)
        #expect(JSONWriter().string(.string("Zürich 😀 plain")) == "\"Zürich 😀 plain\"")
        #expect(JSONWriter().string(.string("")) == "\"\"")
    }

    @Test("the stream writer writes what JSONWriter writes, escapes, numbers and nested values included")
    func streamWriter() {
        let tricky = "q\"b\\n\n\u{02}é×"
        let expected: JSONValue = [
            "a": .string(tricky), "n": 1.5, "i": -3, "t": true, "z": .null, "list": [1, "x", ["k": "v"]],
            "rows": [["k\"ey": .string(tricky)], [:]], "s": ["one", "two"],
        ]
        let writer = JSONStreamWriter(capacity: 4)
        writer.beginObject()
        writer.member("a", tricky)
        writer.member("n", 1.5)
        writer.member("i", -3)
        writer.member("t", true)
        writer.member("z", .null)
        writer.member("list", [1, "x", ["k": "v"]])
        writer.key("rows")
        writer.beginArray()
        writer.element()
        writer.beginObject()
        writer.member(named: "k\"ey", .string(tricky))
        writer.endObject()
        writer.element()
        writer.beginObject()
        writer.endObject()
        writer.endArray()
        writer.key("s")
        writer.beginArray()
        writer.string("one", asElement: true)
        writer.value("two", asElement: true)
        writer.endArray()
        writer.endObject()
        #expect(writer.string == JSONWriter().string(expected))
        #expect(writer.bytes == Array(JSONWriter().string(expected).utf8))
    }

    @Test("every byte that needs an escape is found wherever it stands in a long string", arguments: ["\"", "\\", "\n", "\u{1F}", "\u{00}", "é", "!", "~"])
    func escapesAnywhere(special: String) {
        for position in 0...24 {
            var text = "abcdefghijklmnopqrstuvwx"
            text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
            let writer = JSONStreamWriter()
            writer.string(text)
            #expect(writer.string == JSONWriter().string(.string(text)), "\(position)")
        }
    }

    @Test("objects keep member order; writing reads back the same value")
    func orderAndRoundTrip() throws {
        let text = #"{"z":1,"a":[true,false,null],"m":{"k":"v"}}"#
        let value = try reader.read(Array(text.utf8))
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(JSONWriter().string(value) == text)
    }

    @Test("NaN and Infinity tokens are read as non-finite numbers")
    func nonFiniteTokens() throws {
        let value = try reader.read(Array("[NaN, Infinity, -Infinity]".utf8))
        let numbers = value.arrayValue!.map { $0.numberValue! }
        #expect(numbers[0].isNaN)
        #expect(numbers[1] == .infinity)
        #expect(numbers[2] == -.infinity)
    }

    @Test("a fault names its path, line and column", arguments: [
        (#"{"features":[{"a":1},{"b":tru}]}"#, "$.features[1].b", 1, 27),
        ("{\n  \"x\": [1, 2,\n  ]\n}", "$.x[2]", 3, 3),
        (#"{"a":1,"a":2}"#, "$", 1, 8),
        (#"{"a":01}"#, "$.a", 1, 6),
        (#"[1 2]"#, "$[0]", 1, 4),
        (#"{"a":"x"#, "$.a", 1, 6),
        ("", "$", 1, 1),
    ] as [(String, String, Int, Int)])
    func locatedFaults(text: String, path: String, line: Int, column: Int) {
        #expect {
            try reader.read(Array(text.utf8))
        } throws: { error in
            guard let error = error as? GeoPriceError else { return false }
            return error.code == .invalidJSON && error.path == path
                && error.details["line"] == .number(Double(line)) && error.details["column"] == .number(Double(column))
        }
    }

    @Test("nesting deeper than the limit is refused, not a stack overflow")
    func depthLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: GeoPriceError.self) { try reader.read(Array(deep.utf8)) }
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect((try? reader.read(Array(fine.utf8))) != nil)
    }

    @Test("invalid UTF-8 and control characters in strings are refused")
    func badStrings() {
        #expect(throws: GeoPriceError.self) { try reader.read([0x22, 0xFF, 0x22]) }
        #expect(throws: GeoPriceError.self) { try reader.read(Array("\"a\u{01}b\"".utf8)) }
        #expect(throws: GeoPriceError.self) { try reader.read(Array(#""\ud800""#.utf8)) }
    }
}
