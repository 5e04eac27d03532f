/// Reads JSON text (RFC 8259) into ``JSONValue``s, strictly, with located errors.
///
/// Stricter than most readers where ambiguity could move a price: a repeated key in one object is rejected, and so is
/// nesting deeper than ``Options/maxDepth``. Looser in one place, so that the error can say where: the tokens `NaN`,
/// `Infinity` and `-Infinity` (which Python's `json` writes) are read as non-finite numbers, for the GeoJSON layer to
/// reject as `invalid_coordinate` at their path.
public struct JSONReader: Sendable {
    /// Reader settings.
    public struct Options: Sendable, Hashable {
        /// The deepest nesting of arrays and objects accepted (beyond: `limit_exceeded`, never a stack overflow).
        public var maxDepth: Int
        /// The largest text accepted, in bytes (beyond: `limit_exceeded`).
        public var maxBytes: Int
        /// Creates options; the defaults are ``InputLimits/standard``'s.
        public init(maxDepth: Int = InputLimits.standard.maxDepth, maxBytes: Int = InputLimits.standard.maxBytes) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
        }

        /// The options of a set of input limits.
        public init(_ limits: InputLimits) { self.init(maxDepth: limits.maxDepth, maxBytes: limits.maxBytes) }
    }

    /// The settings in force.
    public var options: Options

    /// Creates a reader.
    public init(options: Options = Options()) { self.options = options }

    /// Reads a document that holds exactly one JSON value.
    /// - Throws: ``GeoPriceError`` `invalid_json` with the path, line and column of the fault.
    public func read(_ bytes: some Collection<UInt8>) throws(GeoPriceError) -> JSONValue {
        let (value, end) = try readFirst(bytes)
        if end != bytes.count {
            let message = "unexpected content after the JSON value"
            throw Self.error(message, at: end, in: Array(bytes), path: .root)
        }
        return value
    }

    /// Reads the first JSON value of a text and returns it with the byte offset where the rest (after white space)
    /// begins; the offset equals the byte count when nothing follows.
    public func readFirst(_ bytes: some Collection<UInt8>) throws(GeoPriceError) -> (JSONValue, Int) {
        try checkSize(of: bytes.count)
        let array = Array(bytes)
        let result: Result<(JSONValue, Int), GeoPriceError> = array.withUnsafeBufferPointer { buffer in
            var parser = _JSONParser(buffer: buffer, maxDepth: options.maxDepth)
            do throws(_JSONParseError) {
                parser.skipByteOrderMark()
                let value = try parser.parseValue()
                parser.skipWhitespace()
                return .success((value, parser.position))
            } catch {
                return .failure(Self.error(error.message, at: error.offset, in: array, path: JSONPath(components: error.path), code: error.code))
            }
        }
        return try result.get()
    }

    /// Refuses a text over ``Options/maxBytes`` before any of it is read.
    /// - Throws: ``GeoPriceError`` `limit_exceeded` (`maxBytes`).
    public func checkSize(of byteCount: Int) throws(GeoPriceError) {
        guard byteCount <= options.maxBytes else {
            throw InputLimits.exceeded("maxBytes", options.maxBytes, byteCount, what: "bytes of the input", path: "$")
        }
    }

    static func error(_ message: String, at offset: Int, in bytes: [UInt8], path: JSONPath, code: GeoPriceError.Code = .invalidJSON) -> GeoPriceError {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        var details: JSONObject = ["offset": .number(Double(offset)), "line": .number(Double(line)), "column": .number(Double(column))]
        if code == .limitExceeded {
            details["limit"] = "maxDepth"
        }
        return GeoPriceError(code, "\(message) at line \(line), column \(column)", path: path.description, details: details)
    }
}

struct _JSONParseError: Error {
    var message: String
    var offset: Int
    var path: [JSONPath.Component]
    var code: GeoPriceError.Code = .invalidJSON
}

/// The recursive-descent parser behind ``JSONReader``; `path` follows the value being read so errors can name it.
struct _JSONParser {
    let buffer: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var position = 0
    var depth = 0
    var path: [JSONPath.Component] = []

    init(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.buffer = buffer
        self.maxDepth = maxDepth
    }

    func fail(_ message: String, at offset: Int? = nil) -> _JSONParseError {
        _JSONParseError(message: message, offset: offset ?? position, path: path)
    }

    mutating func skipByteOrderMark() {
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }

    mutating func skipWhitespace() {
        while position < buffer.count {
            switch buffer[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(_JSONParseError) -> JSONValue {
        skipWhitespace()
        guard position < buffer.count else { throw fail("unexpected end of input, expected a value") }
        switch buffer[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "N"): try expectLiteral("NaN"); return .number(.nan)
        case UInt8(ascii: "I"): try expectLiteral("Infinity"); return .number(.infinity)
        case UInt8(ascii: "-") where position + 1 < buffer.count && buffer[position + 1] == UInt8(ascii: "I"):
            position += 1
            try expectLiteral("Infinity")
            return .number(-.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail("unexpected character \(describe(buffer[position])), expected a value")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(_JSONParseError) {
        let start = position
        let count = literal.utf8CodeUnitCount
        guard position + count <= buffer.count else { throw fail("invalid literal, expected '\(literal)'", at: start) }
        let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for index in 0..<count where buffer[position + index] != bytes[index] {
            throw fail("invalid literal, expected '\(literal)'", at: start)
        }
        position += count
    }

    mutating func enterContainer() throws(_JSONParseError) {
        depth += 1
        if depth > maxDepth {
            var error = fail("nesting deeper than the limit maxDepth = \(maxDepth)")
            error.code = .limitExceeded
            throw error
        }
    }

    /// Whether `key` is already a member: a scan of the few members most objects have, a hash set (filled on first
    /// need) past them, so that an object of many keys is checked in linear time.
    static func isRepeated(_ key: String, in members: [(key: String, value: JSONValue)], seen: inout Set<String>) -> Bool {
        let scanned = 16
        if members.count < scanned { return members.contains { $0.key == key } }
        if seen.isEmpty { seen = Set(members.lazy.map(\.key)) }
        return !seen.insert(key).inserted
    }

    mutating func parseObject() throws(_JSONParseError) -> JSONValue {
        try enterContainer()
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        var seenKeys: Set<String> = []
        skipWhitespace()
        if position < buffer.count, buffer[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(JSONObject(uniqueMembers: members))
        }
        while true {
            skipWhitespace()
            guard position < buffer.count else { throw fail("unexpected end of input in an object") }
            guard buffer[position] == UInt8(ascii: "\"") else {
                throw fail("expected a member name in double quotes, found \(describe(buffer[position]))")
            }
            let keyOffset = position
            let key = try parseString()
            if Self.isRepeated(key, in: members, seen: &seenKeys) {
                throw fail("duplicate key '\(key)' in one object", at: keyOffset)
            }
            skipWhitespace()
            guard position < buffer.count, buffer[position] == UInt8(ascii: ":") else {
                throw fail("expected ':' after member name '\(key)'")
            }
            position += 1
            path.append(.key(key))
            let value = try parseValue()
            path.removeLast()
            members.append((key, value))
            skipWhitespace()
            guard position < buffer.count else { throw fail("unexpected end of input in an object") }
            switch buffer[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return .object(JSONObject(uniqueMembers: members))
            default: throw fail("expected ',' or '}' in an object, found \(describe(buffer[position]))")
            }
        }
    }

    mutating func parseArray() throws(_JSONParseError) -> JSONValue {
        try enterContainer()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < buffer.count, buffer[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        path.append(.index(0))
        while true {
            path[path.count - 1] = .index(elements.count)
            elements.append(try parseValue())
            skipWhitespace()
            guard position < buffer.count else { throw fail("unexpected end of input in an array") }
            switch buffer[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                path.removeLast()
                return .array(elements)
            default: throw fail("expected ',' or ']' in an array, found \(describe(buffer[position]))")
            }
        }
    }

    // MARK: - Numbers

    /// Powers of ten that a double holds exactly (Clinger's fast path).
    static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    mutating func parseNumber() throws(_JSONParseError) -> Double {
        let start = position
        var negative = false
        if buffer[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0
        var intDigits = 0
        while position < buffer.count, let digit = digitValue(buffer[position]) {
            if intDigits == 1 && mantissa == 0 && significantDigits == 0 {
                throw fail("a number may not have a leading zero", at: start)
            }
            accumulate(digit, into: &mantissa, significant: &significantDigits, exponent: &decimalExponent)
            intDigits += 1
            position += 1
        }
        guard intDigits > 0 else { throw fail("invalid number: expected a digit", at: start) }
        if position < buffer.count, buffer[position] == UInt8(ascii: ".") {
            position += 1
            var fractionDigits = 0
            while position < buffer.count, let digit = digitValue(buffer[position]) {
                accumulate(digit, into: &mantissa, significant: &significantDigits, exponent: &decimalExponent)
                decimalExponent -= 1
                fractionDigits += 1
                position += 1
            }
            guard fractionDigits > 0 else { throw fail("invalid number: expected a digit after '.'", at: start) }
        }
        if position < buffer.count, buffer[position] == UInt8(ascii: "e") || buffer[position] == UInt8(ascii: "E") {
            position += 1
            var exponentNegative = false
            if position < buffer.count, buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-") {
                exponentNegative = buffer[position] == UInt8(ascii: "-")
                position += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while position < buffer.count, let digit = digitValue(buffer[position]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                exponentDigits += 1
                position += 1
            }
            guard exponentDigits > 0 else { throw fail("invalid number: expected a digit in the exponent", at: start) }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        if significantDigits <= 19, mantissa <= 1 << 53, abs(decimalExponent) <= 22 {
            let magnitude = Double(mantissa)
            let scaled = decimalExponent >= 0
                ? magnitude * Self.exactPowersOfTen[decimalExponent]
                : magnitude / Self.exactPowersOfTen[-decimalExponent]
            return negative ? -scaled : scaled
        }
        if significantDigits <= 19, decimalExponent <= 0, let magnitude = _DecimalToDouble.value(mantissa: mantissa, decimals: -decimalExponent) {
            return negative ? -magnitude : magnitude
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
        guard let value = Double(text) else { throw fail("invalid number '\(text)'", at: start) }
        return value
    }

    /// Adds a digit to the mantissa; past 19 significant digits the fast path is off and the text is re-read exactly.
    private func accumulate(_ digit: UInt8, into mantissa: inout UInt64, significant: inout Int, exponent: inout Int) {
        if significant == 0 && digit == 0 { return }
        significant += 1
        if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(digit) }
    }

    private func digitValue(_ byte: UInt8) -> UInt8? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : nil
    }

    // MARK: - Strings

    mutating func parseString() throws(_JSONParseError) -> String {
        let start = position
        position += 1
        let contentStart = position
        var bitsSeen: UInt8 = 0
        while position < buffer.count {
            let byte = buffer[position]
            bitsSeen |= byte
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: buffer[contentStart..<position])
                position += 1
                if bitsSeen < 0x80 { return String(decoding: slice, as: UTF8.self) }  // all ASCII: valid as it is
                guard let string = String(validating: slice, as: UTF8.self) else {
                    throw fail("invalid UTF-8 in a string", at: start)
                }
                return string
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: contentStart, stringStart: start) }
            if byte < 0x20 { throw fail("unescaped control character in a string") }
            position += 1
        }
        throw fail("unterminated string", at: start)
    }

    private mutating func parseEscapedString(from contentStart: Int, stringStart: Int) throws(_JSONParseError) -> String {
        var bytes = Array(UnsafeBufferPointer(rebasing: buffer[contentStart..<position]))
        while position < buffer.count {
            let byte = buffer[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let string = String(validating: bytes, as: UTF8.self) else {
                    throw fail("invalid UTF-8 in a string", at: stringStart)
                }
                return string
            case UInt8(ascii: "\\"):
                position += 1
                guard position < buffer.count else { break }
                let escape = buffer[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"): bytes.append(contentsOf: try parseUnicodeEscape())
                default: throw fail("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: position - 2)
                }
            default:
                if byte < 0x20 { throw fail("unescaped control character in a string") }
                bytes.append(byte)
                position += 1
            }
        }
        throw fail("unterminated string", at: stringStart)
    }

    private mutating func parseHex4() throws(_JSONParseError) -> UInt32 {
        guard position + 4 <= buffer.count else { throw fail("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = buffer[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid hex digit in a \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private mutating func parseUnicodeEscape() throws(_JSONParseError) -> [UInt8] {
        let escapeStart = position - 2
        var scalarValue = try parseHex4()
        if (0xD800..<0xDC00).contains(scalarValue) {
            guard position + 1 < buffer.count, buffer[position] == UInt8(ascii: "\\"), buffer[position + 1] == UInt8(ascii: "u")
            else { throw fail("unpaired surrogate in a \\u escape", at: escapeStart) }
            position += 2
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw fail("unpaired surrogate in a \\u escape", at: escapeStart) }
            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw fail("unpaired surrogate in a \\u escape", at: escapeStart) }
        return Array(String(Character(scalar)).utf8)
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
