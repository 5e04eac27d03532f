
/// The AOIs of a streamed input, each on its own so that one bad AOI does not stop the others: the features of a
/// FeatureCollection (or a single geometry or Feature), or NDJSON with one geometry, Feature or FeatureCollection
/// per line.
enum NDJSONInput {
    enum Unit: Sendable {
        /// An AOI and the CRS its coordinates are in.
        case success(AOI, crs: String?)
        /// A rejected AOI, or a line that could not be read, with the AOI's id when it is known.
        case failure(GeoPriceError, id: JSONValue?)
    }

    /// The units of a whole input whose first line is input line `firstLine`.
    static func units(_ bytes: [UInt8], firstLine: Int = 1) -> [Unit] {
        let reader = GeoJSONReader()
        if let (value, end) = try? reader.json.readFirst(bytes), end == bytes.count {
            return units(of: value, reader: reader, line: nil)
        }
        var result: [Unit] = []
        var lineNumber = firstLine - 1
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard !isBlank(Array(line)) else { continue }
            do throws(GeoPriceError) {
                result += units(of: try reader.json.read(line), reader: reader, line: lineNumber)
            } catch {
                result.append(.failure(onLine(error, lineNumber), id: nil))
            }
        }
        return result
    }

    /// The AOIs of one NDJSON line (none for a blank one); a line over the byte limit is its own `limit_exceeded`.
    static func units(of line: NDJSONLines.Line) -> [Unit] {
        switch line {
        case .tooLong(let number, let bytes):
            let limit = InputLimits.standard.maxBytes
            return [.failure(onLine(InputLimits.exceeded("maxBytes", limit, bytes, what: "bytes of the line (at least)", path: "$"), number), id: nil)]
        case .text(let text, let number):
            guard !isBlank(text) else { return [] }
            let reader = GeoJSONReader()
            if let feature = reader.plainFeature(text) {
                do throws(GeoPriceError) {
                    return try GeoJSONDocument.feature(feature).areasOfInterest().map { .success($0, crs: nil) }
                } catch {
                    return [.failure(onLine(error, number), id: feature.id?.jsonValue)]
                }
            }
            do throws(GeoPriceError) {
                return units(of: try reader.json.read(text), reader: reader, line: number)
            } catch {
                return [.failure(onLine(error, number), id: nil)]
            }
        }
    }

    /// Whether a line holds only white space.
    static func isBlank(_ line: [UInt8]) -> Bool { !line.contains { ![0x20, 0x09, 0x0D].contains($0) } }

    /// Whether a line starts a JSON text that goes on over the next lines (a pretty-printed document): it fails to
    /// read only because it ends too soon. A line that is whole, or wrong in itself, is NDJSON (that line's error).
    static func startsADocument(_ line: [UInt8]) -> Bool {
        do {
            _ = try JSONReader().read(line)
            return false
        } catch {
            return error.message.hasPrefix("unexpected end of input")
        }
    }

    /// The error with the input line it belongs to, in its details and its message.
    static func onLine(_ error: GeoPriceError, _ line: Int?) -> GeoPriceError {
        guard let line else { return error }
        var located = error
        located.details["line"] = .number(Double(line))
        located.message += " (input line \(line))"
        return located
    }

    private static func units(of value: JSONValue, reader: GeoJSONReader, line: Int?) -> [Unit] {
        let crs: String?
        do throws(GeoPriceError) {
            crs = try CRSName.named(by: value.objectValue?["crs"], path: JSONPath.root.appending("crs"))
        } catch {
            return [.failure(onLine(error, line), id: value.objectValue?["id"])]
        }
        if let object = value.objectValue, object["type"] == "FeatureCollection", let features = object["features"]?.arrayValue {
            // Each AOI is held to the per-AOI limits; a line's AOIs together to the request's vertex limit, as one
            // request (past it, the whole line is refused).
            let limits = InputLimits.standard
            var vertices = 0
            let units = features.enumerated().compactMap { index, featureValue -> Unit? in
                let id = featureValue.objectValue?["id"]
                do throws(GeoPriceError) {
                    let feature = try reader.feature(from: featureValue, at: .feature(index), crs: crs)
                    guard let aoi = try AOI(feature: feature, index: index, path: .feature(index)) else { return nil }
                    vertices += try limits.check(aoi)
                    return .success(aoi, crs: crs)
                } catch {
                    return .failure(onLine(error, line), id: id ?? .number(Double(index)))
                }
            }
            do throws(GeoPriceError) {
                try limits.check(verticesInRequest: vertices)
            } catch {
                return [.failure(onLine(error, line), id: nil)]
            }
            return units
        }
        do throws(GeoPriceError) {
            let document = try reader.document(from: value)
            return try document.areasOfInterest().map { .success($0, crs: crs) }
        } catch {
            return [.failure(onLine(error, line), id: value.objectValue?["id"])]
        }
    }
}

extension NDJSONLines.Line {
    /// Whether the line holds only white space (an over-long line never does).
    var isBlank: Bool {
        if case .text(let text, _) = self { NDJSONInput.isBlank(text) } else { false }
    }
}
