// MARK: - Large FeatureCollections, read on all cores

extension JSONReader {
    /// For a FeatureCollection text: its members other than `features` (parsed) and the byte range of each element of
    /// its top-level `features` array, found by a structural scan that builds nothing. `nil` when the text is not
    /// such an object or the scan meets anything odd: the caller then reads it the ordinary way, which also gives the
    /// precise error.
    func featureRanges(_ bytes: [UInt8]) -> (members: [(key: String, value: JSONValue)], ranges: [Range<Int>])? {
        bytes.withUnsafeBufferPointer { buffer -> ([(key: String, value: JSONValue)], [Range<Int>])? in
            var parser = _JSONParser(buffer: buffer, maxDepth: options.maxDepth)
            parser.skipByteOrderMark()
            parser.skipWhitespace()
            guard parser.consume(UInt8(ascii: "{")) else { return nil }
            var members: [(key: String, value: JSONValue)] = []
            var seenKeys: Set<String> = []
            var ranges: [Range<Int>]?
            repeat {
                parser.skipWhitespace()
                guard parser.peek == UInt8(ascii: "\""), let key = try? parser.parseString(),
                    !_JSONParser.isRepeated(key, in: members, seen: &seenKeys)
                else {
                    return nil
                }
                parser.skipWhitespace()
                guard parser.consume(UInt8(ascii: ":")) else { return nil }
                parser.skipWhitespace()
                // A geometry's or Feature's own members: not a FeatureCollection, given up before its coordinates
                // are parsed into values for nothing.
                if ["coordinates", "geometry", "geometries"].contains(key) { return nil }
                if key == "features" {
                    guard ranges == nil, let found = parser.elementRanges() else { return nil }
                    ranges = found
                    members.append((key, .null))
                } else {
                    parser.depth = 1
                    guard let value = try? parser.parseValue(), key != "type" || value == "FeatureCollection" else { return nil }
                    members.append((key, value))
                }
                parser.skipWhitespace()
            } while parser.consume(UInt8(ascii: ","))
            guard parser.consume(UInt8(ascii: "}")), let ranges else { return nil }
            parser.skipWhitespace()
            return parser.position == buffer.count ? (members, ranges) : nil
        }
    }

    /// One element of a collection's `features`, parsed from its byte range with the path and depth it has in the
    /// whole document (so errors read as they would in a sequential read).
    func element(_ bytes: [UInt8], range: Range<Int>, index: Int) throws(GeoPriceError) -> JSONValue {
        let result: Result<JSONValue, GeoPriceError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = _JSONParser(buffer: UnsafeBufferPointer(rebasing: buffer[..<range.upperBound]), maxDepth: options.maxDepth)
            parser.position = range.lowerBound
            parser.depth = 2
            parser.path = [.key("features"), .index(index)]
            do throws(_JSONParseError) {
                let value = try parser.parseValue()
                parser.skipWhitespace()
                guard parser.position == range.upperBound else { throw parser.fail("unexpected content in a feature") }
                return .success(value)
            } catch {
                return .failure(Self.error(error.message, at: error.offset, in: bytes, path: JSONPath(components: error.path), code: error.code))
            }
        }
        return try result.get()
    }
}

extension _JSONParser {
    var peek: UInt8? { position < buffer.count ? buffer[position] : nil }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard position < buffer.count, buffer[position] == byte else { return false }
        position += 1
        return true
    }

    /// The byte ranges of an array's elements, skipping over them (strings and brackets only are followed), or `nil`.
    mutating func elementRanges() -> [Range<Int>]? {
        guard consume(UInt8(ascii: "[")) else { return nil }
        var ranges: [Range<Int>] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return ranges }
        repeat {
            skipWhitespace()
            let start = position
            guard skipValue() else { return nil }
            ranges.append(start..<position)
            skipWhitespace()
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "]")) ? ranges : nil
    }

    /// Moves past one value, following strings (and their escapes) and bracket nesting; `false` on malformed text.
    mutating func skipValue() -> Bool {
        var depth = 0
        while position < buffer.count {
            let byte = buffer[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                while position < buffer.count, buffer[position] != UInt8(ascii: "\"") {
                    position += buffer[position] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard position < buffer.count else { return false }
                position += 1
                if depth == 0 { return true }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                guard depth <= maxDepth else { return false }
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return true }
                depth -= 1
                position += 1
                if depth == 0 { return true }
            case UInt8(ascii: ","):
                if depth == 0 { return true }
                position += 1
            default:
                position += 1
            }
        }
        return depth == 0
    }
}
