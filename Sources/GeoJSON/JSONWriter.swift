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
        var output = ""
        write(value, into: &output, indent: 0)
        return output
    }

    /// Appends the JSON text of a value.
    public func write(_ value: JSONValue, into output: inout String, indent: Int = 0) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): Self.writeNumber(number, into: &output)
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                newline(into: &output, indent: indent + 1)
                write(element, into: &output, indent: indent + 1)
            }
            newline(into: &output, indent: indent)
            output += "]"
        case .object(let object):
            if object.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            for (index, member) in object.members.enumerated() {
                if index > 0 { output += "," }
                newline(into: &output, indent: indent + 1)
                Self.writeString(member.key, into: &output)
                output += pretty ? ": " : ":"
                write(member.value, into: &output, indent: indent + 1)
            }
            newline(into: &output, indent: indent)
            output += "}"
        }
    }

    private func newline(into output: inout String, indent: Int) {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    /// Appends a number in its shortest round-trip form.
    public static func writeNumber(_ number: Double, into output: inout String) {
        guard number.isFinite else {
            output += "null"
            return
        }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            output += String(Int64(number))
            if number == 0 && number.sign == .minus { output = String(output.dropLast()) + "-0" }
            return
        }
        output += number.description
    }

    /// Appends a string in double quotes with JSON escapes.
    public static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
