/// Writes ``JSONValue``s as JSON text: compact (one line, for `--json` and NDJSON) or indented.
///
/// Doubles are written in their shortest form that reads back to the same double, so coordinates keep full
/// precision; integral values below 2^53 are written without a fraction. Non-finite numbers, which JSON cannot
/// hold, are written as `null`.
public struct JSONWriter: Sendable {
    /// Whether to break lines and indent by two spaces.
    public var pretty: Bool

    /// Creates a writer.
    public init(pretty: Bool = false) { self.pretty = pretty }

    /// The JSON text of a value.
    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The UTF-8 JSON text of a value.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, into: &output, indent: 0)
        return output
    }

    /// Appends the UTF-8 JSON text of a value.
    public func write(_ value: JSONValue, into output: inout [UInt8], indent: Int = 0) {
        switch value {
        case .null: output += "null".utf8
        case .bool(let flag): output += (flag ? "true" : "false").utf8
        case .number(let number): output += Self.numberText(number).utf8
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]".utf8
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(into: &output, indent: indent + 1)
                write(element, into: &output, indent: indent + 1)
            }
            newline(into: &output, indent: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else {
                output += "{}".utf8
                return
            }
            output.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(into: &output, indent: indent + 1)
                Self.writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(member.value, into: &output, indent: indent + 1)
            }
            newline(into: &output, indent: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(into output: inout [UInt8], indent: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output += repeatElement(UInt8(ascii: " "), count: 2 * indent)
    }

    /// A number in its shortest round-trip form (integral values below 2^53 without a fraction; `null` if not finite).
    public static func numberText(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            return number == 0 && number.sign == .minus ? "-0" : String(Int64(number))
        }
        return number.description
    }

    /// Appends a string in double quotes with JSON escapes.
    public static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.contains(where: needsEscape) else {
                output.append(contentsOf: bytes)
                return
            }
            for byte in bytes { appendEscaped(byte, to: &output) }
        }
        if written == nil {
            for byte in text.utf8 { appendEscaped(byte, to: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }

    package static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }

    /// A byte of a string's text as JSON writes it: escaped when it must be, else as it is.
    package static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output += "\\\"".utf8
        case UInt8(ascii: "\\"): output += "\\\\".utf8
        case UInt8(ascii: "\n"): output += "\\n".utf8
        case UInt8(ascii: "\r"): output += "\\r".utf8
        case UInt8(ascii: "\t"): output += "\\t".utf8
        case 0..<0x20:
            let hex = String(byte, radix: 16)
            output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
        default: output.append(byte)
        }
    }
}

extension JSONWriter {
    /// A compact JSON array of `count` elements, written in chunks on the threads the current ``Parallelism`` grants
    /// (for answers of many thousand AOIs or features); the same text as writing `.array` of them.
    package static func compactArray(count: Int, chunkSize: Int, _ element: @Sendable (Int) -> JSONValue) -> [UInt8] {
        let chunks = concurrentMap(count: count, chunkSize: chunkSize) { range in
            var chunk: [UInt8] = []
            for index in range {
                if index > range.lowerBound { chunk.append(UInt8(ascii: ",")) }
                JSONWriter().write(element(index), into: &chunk)
            }
            return chunk
        }
        var output: [UInt8] = [UInt8(ascii: "[")]
        for (index, chunk) in chunks.enumerated() where !chunk.isEmpty {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output += chunk
        }
        output.append(UInt8(ascii: "]"))
        return output
    }
}
