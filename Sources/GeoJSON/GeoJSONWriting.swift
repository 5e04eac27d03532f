// MARK: - GeoJSON types as JSON values, for writing (member order: type, id, geometry/coordinates, properties, bbox,
// then foreign members as read)

extension Position {
    /// `[x, y]` or `[x, y, altitude]`.
    public var jsonValue: JSONValue {
        if let altitude { return .array([.number(longitude), .number(latitude), .number(altitude)]) }
        return .array([.number(longitude), .number(latitude)])
    }
}

extension Polygon {
    /// The Polygon's `coordinates` value.
    public var coordinatesJSON: JSONValue { .array(rings.map { .array($0.map(\.jsonValue)) }) }
}

extension Geometry {
    /// The geometry as a GeoJSON object.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["type": .string(typeName)]
        switch shape {
        case .point(let position): object["coordinates"] = position.jsonValue
        case .multiPoint(let positions), .lineString(let positions): object["coordinates"] = .array(positions.map(\.jsonValue))
        case .multiLineString(let lines): object["coordinates"] = .array(lines.map { .array($0.map(\.jsonValue)) })
        case .polygon(let polygon): object["coordinates"] = polygon.coordinatesJSON
        case .multiPolygon(let polygons): object["coordinates"] = .array(polygons.map(\.coordinatesJSON))
        case .geometryCollection(let geometries): object["geometries"] = .array(geometries.map(\.jsonValue))
        }
        return .object(object.appendingCommonMembers(bbox: bbox, foreign: foreignMembers))
    }
}

extension Feature {
    /// The feature as a GeoJSON object.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["type": "Feature"]
        if let id { object["id"] = id.jsonValue }
        object["geometry"] = geometry?.jsonValue ?? .null
        object["properties"] = properties.map(JSONValue.object) ?? .null
        return .object(object.appendingCommonMembers(bbox: bbox, foreign: foreignMembers))
    }
}

extension FeatureCollection {
    /// The collection as a GeoJSON object.
    public var jsonValue: JSONValue {
        let object: JSONObject = ["type": "FeatureCollection", "features": .array(features.map(\.jsonValue))]
        return .object(object.appendingCommonMembers(bbox: bbox, foreign: foreignMembers))
    }
}

extension FeatureCollection {
    /// ``jsonValue`` as compact JSON text, the features written in chunks on the threads the current
    /// ``Parallelism`` grants.
    public var compactJSONBytes: [UInt8] {
        var shell = self
        shell.features = []
        // The shell's text is this head, "[]", then the members after `features`.
        let head = Array(#"{"type":"FeatureCollection","features":"#.utf8)
        let tail = JSONWriter().bytes(shell.jsonValue).dropFirst(head.count + 2)
        let features = features
        return head + JSONWriter.compactArray(count: features.count, chunkSize: 512) { features[$0].jsonValue } + tail
    }
}

extension GeoJSONDocument {
    /// The document as a JSON value.
    public var jsonValue: JSONValue {
        switch self {
        case .geometry(let geometry): geometry.jsonValue
        case .feature(let feature): feature.jsonValue
        case .featureCollection(let collection): collection.jsonValue
        }
    }
}

extension JSONObject {
    fileprivate func appendingCommonMembers(bbox: [Double]?, foreign: JSONObject) -> JSONObject {
        var object = self
        if let bbox { object["bbox"] = .array(bbox.map(JSONValue.number)) }
        for member in foreign.members { object[member.key] = member.value }
        return object
    }
}
