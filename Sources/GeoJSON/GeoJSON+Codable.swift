// MARK: - Codable, for embedders that use Foundation's coders. The checks are those of GeoJSONReader: a value that
// decodes is valid GeoJSON; a GeoPriceError thrown while decoding says where.

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !array.isAtEnd { elements.append(try array.decode(JSONValue.self)) }
            self = .array(elements)
            return
        }
        if let keyed = try? decoder.container(keyedBy: _AnyKey.self) {
            var object = JSONObject()
            for key in keyed.allKeys { object[key.stringValue] = try keyed.decode(JSONValue.self, forKey: key) }
            self = .object(object)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? single.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let flag):
            var single = encoder.singleValueContainer()
            try single.encode(flag)
        case .number(let number):
            var single = encoder.singleValueContainer()
            try single.encode(number)
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .array(let elements):
            var array = encoder.unkeyedContainer()
            for element in elements { try array.encode(element) }
        case .object(let object):
            var keyed = encoder.container(keyedBy: _AnyKey.self)
            for member in object.members { try keyed.encode(member.value, forKey: _AnyKey(stringValue: member.key)) }
        }
    }
}

struct _AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension GeoJSONDocument: Codable {
    public init(from decoder: any Decoder) throws {
        self = try GeoJSONReader().document(from: JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws { try jsonValue.encode(to: encoder) }
}

extension Geometry: Codable {
    public init(from decoder: any Decoder) throws {
        guard case .geometry(let geometry) = try GeoJSONDocument(from: decoder) else {
            throw GeoPriceError(.invalidGeoJSON, "expected a geometry object")
        }
        self = geometry
    }

    public func encode(to encoder: any Encoder) throws { try jsonValue.encode(to: encoder) }
}

extension Feature: Codable {
    public init(from decoder: any Decoder) throws {
        guard case .feature(let feature) = try GeoJSONDocument(from: decoder) else {
            throw GeoPriceError(.invalidGeoJSON, "expected a Feature object")
        }
        self = feature
    }

    public func encode(to encoder: any Encoder) throws { try jsonValue.encode(to: encoder) }
}

extension FeatureCollection: Codable {
    public init(from decoder: any Decoder) throws {
        guard case .featureCollection(let collection) = try GeoJSONDocument(from: decoder) else {
            throw GeoPriceError(.invalidGeoJSON, "expected a FeatureCollection object")
        }
        self = collection
    }

    public func encode(to encoder: any Encoder) throws { try jsonValue.encode(to: encoder) }
}
