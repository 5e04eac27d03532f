/// A feature's identifier: RFC 7946 allows a string or a number.
public enum FeatureID: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case number(Double)

    /// The identifier as text (`"aoi"`, `"7"`), as `--feature` matches it.
    public var description: String {
        switch self {
        case .string(let text): return text
        case .number(let number): return JSONWriter.numberText(number)
        }
    }

    /// The identifier as a JSON value.
    public var jsonValue: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .number(let number): .number(number)
        }
    }
}

/// A GeoJSON feature (RFC 7946 §3.2).
public struct Feature: Sendable, Hashable {
    /// The `id` member, if any.
    public var id: FeatureID?
    /// The geometry; `nil` for `"geometry": null`.
    public var geometry: Geometry?
    /// The `properties` member; `nil` for `"properties": null`.
    public var properties: JSONObject?
    /// The bounding box as written, if any.
    public var bbox: [Double]?
    /// Members other than `type`, `id`, `geometry`, `properties` and `bbox`.
    public var foreignMembers: JSONObject

    /// Creates a feature.
    public init(
        id: FeatureID? = nil, geometry: Geometry?, properties: JSONObject? = nil, bbox: [Double]? = nil,
        foreignMembers: JSONObject = JSONObject()
    ) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
        self.bbox = bbox
        self.foreignMembers = foreignMembers
    }

    /// `properties.role` when it is a string: `capture` and `cloud` features are never AOIs.
    public var role: String? { properties?["role"]?.stringValue }
}

/// A GeoJSON feature collection (RFC 7946 §3.3).
public struct FeatureCollection: Sendable, Hashable {
    /// The features, in file order.
    public var features: [Feature]
    /// The bounding box as written, if any.
    public var bbox: [Double]?
    /// Members other than `type`, `features` and `bbox` (`name`, `crs`, …).
    public var foreignMembers: JSONObject

    /// Creates a feature collection.
    public init(features: [Feature], bbox: [Double]? = nil, foreignMembers: JSONObject = JSONObject()) {
        self.features = features
        self.bbox = bbox
        self.foreignMembers = foreignMembers
    }
}

/// What a GeoJSON text holds at its top level: a bare geometry, a feature or a feature collection.
public enum GeoJSONDocument: Sendable, Hashable {
    case geometry(Geometry)
    case feature(Feature)
    case featureCollection(FeatureCollection)

    /// The CRS named by the top-level `crs` member (`"EPSG:32632"`, which `geoprice reproject` writes since RFC 7946
    /// has none, or a GeoJSON 2008 `{"type": "name", …}` object); `nil` means lon/lat on WGS84.
    /// - Throws: ``GeoPriceError`` `unknown_crs` for a member that names no CRS (see ``CRSName/named(by:path:)``);
    ///   ``GeoJSONReader`` already refuses those when it reads the text.
    public var crs: String? {
        get throws(GeoPriceError) {
            let members: JSONObject
            switch self {
            case .geometry(let geometry): members = geometry.foreignMembers
            case .feature(let feature): members = feature.foreignMembers
            case .featureCollection(let collection): members = collection.foreignMembers
            }
            return try CRSName.named(by: members["crs"], path: JSONPath.root.appending("crs"))
        }
    }
}
