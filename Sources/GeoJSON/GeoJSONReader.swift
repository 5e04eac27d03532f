/// Reads GeoJSON (RFC 7946) text or values into ``GeoJSONDocument``s, validating as it goes.
///
/// What it rejects, each with the JSON path and the ring and vertex index where it applies:
/// - text that is not JSON (`invalid_json`);
/// - wrong types or shapes, e.g. a Polygon whose coordinates lack a level of nesting, a ring that is not closed or
///   has fewer than 4 positions, a position with fewer than 2 or more than 3 numbers (`invalid_geojson`);
/// - NaN or infinite coordinates, and, in lon/lat files, latitudes beyond ±90° or longitudes beyond ±360°
///   (`invalid_coordinate`). Longitudes beyond ±180° are kept: they are one way to write an antimeridian AOI.
public struct GeoJSONReader: Sendable {
    /// The JSON reader underneath.
    public var json: JSONReader

    /// Creates a reader.
    public init(json: JSONReader = JSONReader()) { self.json = json }

    /// Creates a reader held to input limits (bytes and depth here; the rest when AOIs are taken).
    public init(limits: InputLimits) { json = JSONReader(options: .init(limits)) }

    /// Reads a GeoJSON text.
    /// - Throws: ``GeoPriceError`` with code `invalid_json`, `invalid_geojson` or `invalid_coordinate`.
    @inlinable
    public func read(_ bytes: some Collection<UInt8>) throws(GeoPriceError) -> GeoJSONDocument {
        // Inlinable so that the copy into an array is made for the caller's collection type (a slice of a file's
        // lines, say), not byte by byte through generic witnesses.
        try read(Array(bytes))
    }

    /// Reads a GeoJSON text held in an array.
    /// - Throws: ``GeoPriceError`` with code `invalid_json`, `invalid_geojson` or `invalid_coordinate`.
    public func read(_ array: [UInt8]) throws(GeoPriceError) -> GeoJSONDocument {
        try json.checkSize(of: array.count)
        // However few its features: a collection of one 2,000,000-vertex feature is typed straight from its bytes too.
        if array.count >= Self.parallelThreshold, let split = json.featureRanges(array),
            split.members.contains(where: { $0.key == "type" && $0.value == "FeatureCollection" })
        {
            return try readInParallel(array, members: split.members, ranges: split.ranges)
        }
        if let document = plainDocument(array) { return document }
        return try document(from: json.read(array))
    }

    /// A text that is one Feature of the common plain shape, or a bare Polygon or MultiPolygon written `type` first,
    /// typed straight from its bytes, whatever its size: a 2,000,000-vertex AOI is then 64 MB of positions, not a
    /// JSON value tree twelve times its text. `nil` for anything else.
    private func plainDocument(_ array: [UInt8]) -> GeoJSONDocument? {
        let fast = _FastFeatureReader(checkLonLatRange: true)
        let maxDepth = json.options.maxDepth
        if let geometry = fast.wholeGeometry(in: array, maxDepth: maxDepth) { return .geometry(geometry) }
        let small = array.count < Self.parallelThreshold
        return fast.wholeFeature(in: array, maxDepth: maxDepth, foreignMembers: small).map(GeoJSONDocument.feature)
    }

    /// A text that is one Feature of the common plain shape (no `crs`, no `bbox`, a Polygon or MultiPolygon),
    /// typed straight from its bytes; `nil` for anything else, which ``read(_:)-([UInt8])`` reads the ordinary way
    /// with the same result.
    package func plainFeature(_ array: [UInt8]) -> Feature? {
        _FastFeatureReader(checkLonLatRange: true).wholeFeature(in: array, maxDepth: json.options.maxDepth)
    }

    /// Texts at least this large (bytes) are read on all cores when they are FeatureCollections.
    public static let parallelThreshold = 1 << 20

    /// A large FeatureCollection: its features parsed and decoded on all cores, each with the path and errors it would
    /// have in a sequential read; the first error in file order rejects the document, syntax errors first.
    private func readInParallel(_ bytes: [UInt8], members: [(key: String, value: JSONValue)], ranges: [Range<Int>])
        throws(GeoPriceError) -> GeoJSONDocument
    {
        var shell = JSONObject(uniqueMembers: members)
        shell["features"] = .array([])
        guard case .featureCollection(var collection) = try document(from: .object(shell)) else {
            throw _GeoJSONDecoding.invalid("expected a FeatureCollection", .root)
        }
        let crs = try CRSName.named(by: shell["crs"], path: JSONPath.root.appending("crs"))
        let reader = self
        let fast = _FastFeatureReader(checkLonLatRange: crs.map(CRSName.isLonLatWGS84) ?? true)
        // Typed straight from the bytes where the fast reader can; the rest parsed as JSON values first.
        let quick: [Feature?] = concurrentMap(count: ranges.count, chunkSize: 256) { chunk in
            fast.features(in: bytes, ranges: ranges[chunk], depth: 2, maxDepth: reader.json.options.maxDepth)
        }.flatMap { $0 }
        if !quick.contains(where: { $0 == nil }) {
            collection.features = quick.compactMap { $0 }
            return .featureCollection(collection)
        }
        let values = concurrentMap(count: ranges.count) { index -> Result<JSONValue, GeoPriceError>? in
            guard quick[index] == nil else { return nil }
            return Result { () throws(GeoPriceError) in try reader.json.element(bytes, range: ranges[index], index: index) }
        }
        var elements: [JSONValue?] = []
        elements.reserveCapacity(values.count)
        for value in values { elements.append(try value?.get()) }
        let parsed = elements
        let features = concurrentMap(count: parsed.count) { index -> Result<Feature, GeoPriceError> in
            if let feature = quick[index] { return .success(feature) }
            return Result { () throws(GeoPriceError) in try reader.feature(from: parsed[index]!, at: .feature(index), crs: crs) }
        }
        collection.features.reserveCapacity(features.count)
        for feature in features { collection.features.append(try feature.get()) }
        return .featureCollection(collection)
    }

    /// Reads a GeoJSON text held in a string.
    public func read(_ text: String) throws(GeoPriceError) -> GeoJSONDocument {
        try read(Array(text.utf8))
    }

    /// Interprets one feature of a collection on its own, so that a stream can answer the good ones around a bad one.
    /// - Parameters:
    ///   - crs: the collection's top-level `crs` member, if any.
    public func feature(from value: JSONValue, at path: JSONPath, crs: String?) throws(GeoPriceError) -> Feature {
        let decoding = _GeoJSONDecoding(checkLonLatRange: crs.map(CRSName.isLonLatWGS84) ?? true)
        let object = try _GeoJSONDecoding.object(value, path: path, what: "a Feature object")
        let type = try decoding.typeName(object, path: path)
        guard type == "Feature" else { throw _GeoJSONDecoding.invalid("expected a Feature, found a \(type)", path.appending("type")) }
        return try decoding.feature(object, path: path)
    }

    /// Interprets an already parsed JSON value as a GeoJSON document.
    public func document(from value: JSONValue, at path: JSONPath = .root) throws(GeoPriceError) -> GeoJSONDocument {
        let object = try _GeoJSONDecoding.object(value, path: path, what: "a GeoJSON object")
        let crs = try CRSName.named(by: object["crs"], path: path.appending("crs"))
        let decoding = _GeoJSONDecoding(checkLonLatRange: crs.map(CRSName.isLonLatWGS84) ?? true)
        switch try decoding.typeName(object, path: path) {
        case "Feature": return .feature(try decoding.feature(object, path: path))
        case "FeatureCollection": return .featureCollection(try decoding.featureCollection(object, path: path))
        default: return .geometry(try decoding.geometry(object, path: path))
        }
    }
}

/// A document's top-level `crs` member, and the names that mean "lon/lat on WGS84".
public enum CRSName {
    /// The CRS a top-level `crs` member names: the string `geoprice reproject` writes (`"EPSG:32632"`), or the
    /// GeoJSON 2008 object GDAL and QGIS write (`{"type": "name", "properties": {"name":
    /// "urn:ogc:def:crs:EPSG::3857"}}`); `nil` when the member is absent or `null` (lon/lat on WGS84).
    /// - Throws: ``GeoPriceError`` `unknown_crs` for any other value (a number, a `link` object, an object without a
    ///   name): a `crs` member is never ignored, since reading metres as degrees gives a silently wrong area.
    public static func named(by member: JSONValue?, path: JSONPath) throws(GeoPriceError) -> String? {
        switch member {
        case nil, .null?: return nil
        case .string(let name)?: return name
        case .object(let object)?:
            if object["type"] == "name", let name = object["properties"]?.objectValue?["name"]?.stringValue { return name }
        default: break
        }
        throw GeoPriceError(
            .unknownCRS,
            "the crs member must be a CRS name (\"EPSG:32632\") or {\"type\": \"name\", \"properties\": {\"name\": …}}, found \(ErrorText.excerpt(of: member!))",
            path: path.description, details: ["reason": "unreadable crs member"])
    }

    /// Whether the name means lon/lat degrees on WGS84 (`EPSG:4326`, `OGC:CRS84`, `WGS84`, the OGC URNs of both,
    /// with or without a version): GeoJSON's coordinates are then read as they stand, longitude first.
    public static func isLonLatWGS84(_ name: String) -> Bool {
        let normalized = name.uppercased().replacingOccurrences(of: " ", with: "")
        if ["EPSG:4326", "OGC:CRS84", "CRS84", "WGS84"].contains(normalized) { return true }
        let parts = normalized.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 7, parts[0] == "URN", parts[1] == "OGC", parts[2] == "DEF", parts[3] == "CRS" else { return false }
        return (parts[4] == "EPSG" && parts[6] == "4326") || (parts[4] == "OGC" && parts[6] == "CRS84")
    }
}

/// The checks and conversions behind ``GeoJSONReader``; each function gets the path of the value it reads.
struct _GeoJSONDecoding {
    let checkLonLatRange: Bool

    static let geometryTypes: Set<String> = [
        "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection",
    ]

    static func invalid(_ message: String, _ path: JSONPath, _ details: JSONObject = JSONObject()) -> GeoPriceError {
        GeoPriceError(.invalidGeoJSON, message, path: path.description, details: details)
    }

    static func object(_ value: JSONValue, path: JSONPath, what: String) throws(GeoPriceError) -> JSONObject {
        guard case .object(let object) = value else { throw invalid("expected \(what), found \(value.typeName)", path) }
        return object
    }

    static func array(_ value: JSONValue, path: JSONPath, what: String) throws(GeoPriceError) -> [JSONValue] {
        guard case .array(let array) = value else { throw invalid("expected \(what), found \(value.typeName)", path) }
        return array
    }

    func typeName(_ object: JSONObject, path: JSONPath) throws(GeoPriceError) -> String {
        guard let type = object["type"] else { throw Self.invalid("missing member 'type'", path) }
        guard case .string(let name) = type else {
            throw Self.invalid("member 'type' must be a string, found \(type.typeName)", path.appending("type"))
        }
        guard Self.geometryTypes.contains(name) || name == "Feature" || name == "FeatureCollection" else {
            throw Self.invalid("unknown GeoJSON type '\(name)'", path.appending("type"))
        }
        return name
    }

    // MARK: - Features

    func featureCollection(_ object: JSONObject, path: JSONPath) throws(GeoPriceError) -> FeatureCollection {
        guard let featuresValue = object["features"] else { throw Self.invalid("missing member 'features'", path) }
        let featuresPath = path.appending("features")
        let values = try Self.array(featuresValue, path: featuresPath, what: "an array of features")
        var features: [Feature] = []
        features.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            let featurePath = featuresPath.appending(index)
            let featureObject = try Self.object(value, path: featurePath, what: "a Feature object")
            let type = try typeName(featureObject, path: featurePath)
            guard type == "Feature" else {
                throw Self.invalid("expected a Feature in 'features', found a \(type)", featurePath.appending("type"))
            }
            features.append(try feature(featureObject, path: featurePath))
        }
        return FeatureCollection(
            features: features, bbox: try bbox(object, path: path),
            foreignMembers: try foreignMembers(object, path: path, known: ["type", "features", "bbox"]))
    }

    func feature(_ object: JSONObject, path: JSONPath) throws(GeoPriceError) -> Feature {
        var id: FeatureID?
        switch object["id"] {
        case nil: id = nil
        case .string(let text)?: id = .string(text)
        case .number(let number)? where number.isFinite: id = .number(number)
        case let other?: throw Self.invalid("'id' must be a string or a number, found \(other.typeName)", path.appending("id"))
        }
        var geometry: Geometry?
        switch object["geometry"] {
        case nil, .null?: geometry = nil
        case let value?:
            let geometryPath = path.appending("geometry")
            let geometryObject = try Self.object(value, path: geometryPath, what: "a geometry object or null")
            geometry = try self.geometry(geometryObject, path: geometryPath)
        }
        var properties: JSONObject?
        switch object["properties"] {
        case nil, .null?: properties = nil
        case .object(let members)?:
            try Self.rejectNonFinite(.object(members), path: path.appending("properties"))
            properties = members
        case let other?: throw Self.invalid("'properties' must be an object or null, found \(other.typeName)", path.appending("properties"))
        }
        return Feature(
            id: id, geometry: geometry, properties: properties, bbox: try bbox(object, path: path),
            foreignMembers: try foreignMembers(object, path: path, known: ["type", "id", "geometry", "properties", "bbox"]))
    }

    // MARK: - Geometries

    func geometry(_ object: JSONObject, path: JSONPath) throws(GeoPriceError) -> Geometry {
        let type = try typeName(object, path: path)
        guard Self.geometryTypes.contains(type) else {
            throw Self.invalid("expected a geometry, found a \(type)", path.appending("type"))
        }
        let shape: Geometry.Shape
        if type == "GeometryCollection" {
            guard let membersValue = object["geometries"] else { throw Self.invalid("missing member 'geometries'", path) }
            let membersPath = path.appending("geometries")
            var geometries: [Geometry] = []
            for (index, value) in try Self.array(membersValue, path: membersPath, what: "an array of geometries").enumerated() {
                let memberPath = membersPath.appending(index)
                geometries.append(try geometry(Self.object(value, path: memberPath, what: "a geometry object"), path: memberPath))
            }
            shape = .geometryCollection(geometries)
        } else {
            guard let coordinates = object["coordinates"] else { throw Self.invalid("missing member 'coordinates'", path) }
            shape = try self.shape(type, coordinates, path: path.appending("coordinates"))
        }
        let known: Set<String> = ["type", "coordinates", "geometries", "bbox"]
        return Geometry(shape, bbox: try bbox(object, path: path), foreignMembers: try foreignMembers(object, path: path, known: known))
    }

    private func shape(_ type: String, _ coordinates: JSONValue, path: JSONPath) throws(GeoPriceError) -> Geometry.Shape {
        switch type {
        case "Point": return .point(try position(coordinates, path: path, details: [:]))
        case "MultiPoint": return .multiPoint(try positions(coordinates, path: path, details: [:]))
        case "LineString": return .lineString(try positions(coordinates, path: path, details: [:]))
        case "MultiLineString":
            let lines = try Self.array(coordinates, path: path, what: "an array of LineString coordinates")
            var result: [[Position]] = []
            for (index, line) in lines.enumerated() {
                result.append(try positions(line, path: path.appending(index), details: ["line": .number(Double(index))]))
            }
            return .multiLineString(result)
        case "Polygon":
            try requireNesting(coordinates, depth: 3, type: type, path: path)
            return .polygon(try polygon(coordinates, path: path, details: [:]))
        default:
            try requireNesting(coordinates, depth: 4, type: type, path: path)
            let parts = try Self.array(coordinates, path: path, what: "an array of Polygon coordinates")
            var polygons: [Polygon] = []
            polygons.reserveCapacity(parts.count)
            for (index, part) in parts.enumerated() {
                polygons.append(try polygon(part, path: path.appending(index), details: ["part": .number(Double(index))]))
            }
            return .multiPolygon(polygons)
        }
    }

    /// Rejects areal coordinates nested one level too shallow, the commonest hand-written GeoJSON mistake
    /// (a list of positions where a list of rings belongs).
    private func requireNesting(_ coordinates: JSONValue, depth expected: Int, type: String, path: JSONPath) throws(GeoPriceError) {
        var depth = 0
        var value = coordinates
        while case .array(let elements) = value, let first = elements.first {
            depth += 1
            value = first
        }
        guard case .number = value, depth < expected else { return }
        let shape = expected == 3 ? "an array of rings (each an array of positions)" : "an array of polygons (each an array of rings)"
        let found = depth == expected - 1 ? (expected == 3 ? "an array of positions" : "an array of rings") : "arrays nested \(depth) deep"
        throw Self.invalid(
            "\(type) coordinates lack a level of nesting: expected \(shape), found \(found)", path,
            ["expectedDepth": .number(Double(expected)), "foundDepth": .number(Double(depth))])
    }

    private func polygon(_ value: JSONValue, path: JSONPath, details: JSONObject) throws(GeoPriceError) -> Polygon {
        let ringValues = try Self.array(value, path: path, what: "an array of linear rings")
        var rings: [[Position]] = []
        rings.reserveCapacity(ringValues.count)
        for (index, ringValue) in ringValues.enumerated() {
            var ringDetails = details
            ringDetails["ring"] = .number(Double(index))
            let ringPath = path.appending(index)
            let ring = try positions(ringValue, path: ringPath, details: ringDetails)
            guard ring.count >= 4 else {
                ringDetails["positions"] = .number(Double(ring.count))
                throw Self.invalid("linear ring \(index) has \(ring.count) positions; a ring needs at least 4 (closed)", ringPath, ringDetails)
            }
            guard ring[0].coincides(with: ring[ring.count - 1]) else {
                ringDetails["vertex"] = .number(Double(ring.count - 1))
                throw Self.invalid(
                    "linear ring \(index) is not closed: its last position differs from its first", ringPath.appending(ring.count - 1),
                    ringDetails)
            }
            rings.append(ring)
        }
        return Polygon(rings: rings)
    }

    private func positions(_ value: JSONValue, path: JSONPath, details: JSONObject) throws(GeoPriceError) -> [Position] {
        let values = try Self.array(value, path: path, what: "an array of positions")
        var result: [Position] = []
        result.reserveCapacity(values.count)
        for (index, element) in values.enumerated() {
            result.append(try position(element, path: path, index: index, details: details))
        }
        return result
    }

    /// The `index`th position of a list, whose path and details (with `vertex`) are only built for an error.
    private func position(_ value: JSONValue, path listPath: JSONPath, index: Int, details listDetails: JSONObject) throws(GeoPriceError)
        -> Position
    {
        if case .array(let numbers) = value, numbers.count == 2 || numbers.count == 3,
            case .number(let x) = numbers[0], case .number(let y) = numbers[1], x.isFinite, y.isFinite,
            !checkLonLatRange || (abs(y) <= 90 && abs(x) <= 360)
        {
            if numbers.count == 2 { return Position(x, y) }
            if case .number(let z) = numbers[2], z.isFinite { return Position(x, y, z) }
        }
        var details = listDetails
        details["vertex"] = .number(Double(index))
        return try position(value, path: listPath.appending(index), details: details)
    }

    private func position(_ value: JSONValue, path: JSONPath, details: JSONObject) throws(GeoPriceError) -> Position {
        guard case .array(let numbers) = value else {
            throw Self.invalid("expected a position (an array of 2 or 3 numbers), found \(value.typeName)", path, details)
        }
        guard numbers.count == 2 || numbers.count == 3 else {
            throw Self.invalid("a position has 2 or 3 numbers, found \(numbers.count)", path, details)
        }
        var coordinate: [Double] = []
        for (index, number) in numbers.enumerated() {
            guard case .number(let x) = number else {
                throw Self.invalid("a position holds numbers, found \(number.typeName)", path.appending(index), details)
            }
            guard x.isFinite else {
                throw GeoPriceError(.invalidCoordinate, "coordinate \(x) is not a finite number", path: path.description, details: details)
            }
            coordinate.append(x)
        }
        let position = Position(coordinate[0], coordinate[1], numbers.count == 3 ? coordinate[2] : nil)
        if checkLonLatRange {
            var rangeDetails = details
            if abs(position.latitude) > 90 {
                rangeDetails["latitude"] = .number(position.latitude)
                throw GeoPriceError(
                    .invalidCoordinate, "latitude \(position.latitude) is beyond ±90°", path: path.description, details: rangeDetails)
            }
            if abs(position.longitude) > 360 {
                rangeDetails["longitude"] = .number(position.longitude)
                throw GeoPriceError(
                    .invalidCoordinate, "longitude \(position.longitude) is beyond ±360°", path: path.description, details: rangeDetails)
            }
        }
        return position
    }

    // MARK: - Other members

    private func bbox(_ object: JSONObject, path: JSONPath) throws(GeoPriceError) -> [Double]? {
        guard let value = object["bbox"] else { return nil }
        let bboxPath = path.appending("bbox")
        let elements = try Self.array(value, path: bboxPath, what: "a bbox array")
        var numbers: [Double] = []
        for (index, element) in elements.enumerated() {
            guard case .number(let number) = element, number.isFinite else {
                throw Self.invalid("bbox holds finite numbers, found \(element.typeName)", bboxPath.appending(index))
            }
            numbers.append(number)
        }
        guard numbers.count == 4 || numbers.count == 6 else {
            throw Self.invalid("bbox has 4 or 6 numbers, found \(numbers.count)", bboxPath)
        }
        return numbers
    }

    private func foreignMembers(_ object: JSONObject, path: JSONPath, known: Set<String>) throws(GeoPriceError) -> JSONObject {
        var foreign: [(key: String, value: JSONValue)] = []
        for member in object.members where !known.contains(member.key) {
            // Coordinates are read in the document's one CRS: a crs member below the top level would be ignored.
            if member.key == "crs", path.description != "$" {
                throw GeoPriceError(
                    .unknownCRS, "a crs member is read at the top level of the document only", path: path.appending("crs").description,
                    details: ["reason": "nested crs member"])
            }
            try Self.rejectNonFinite(member.value, path: path.appending(member.key))
            foreign.append(member)
        }
        return JSONObject(uniqueMembers: foreign)
    }

    /// NaN and Infinity are read so that coordinates can be rejected where they stand; anywhere else they are
    /// simply not JSON.
    static func rejectNonFinite(_ value: JSONValue, path: JSONPath) throws(GeoPriceError) {
        switch value {
        case .number(let number) where !number.isFinite:
            throw GeoPriceError(.invalidJSON, "\(number) is not a JSON number", path: path.description)
        case .array(let elements):
            for (index, element) in elements.enumerated() { try rejectNonFinite(element, path: path.appending(index)) }
        case .object(let object):
            for member in object.members { try rejectNonFinite(member.value, path: path.appending(member.key)) }
        default: break
        }
    }
}
