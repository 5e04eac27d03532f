/// A GeoJSON geometry object (RFC 7946 §3.1): its shape, and the `bbox` and foreign members it was written with.
public struct Geometry: Sendable, Hashable {
    /// The geometry types of RFC 7946 with their coordinates.
    public enum Shape: Sendable, Hashable {
        case point(Position)
        case multiPoint([Position])
        case lineString([Position])
        case multiLineString([[Position]])
        case polygon(Polygon)
        case multiPolygon([Polygon])
        case geometryCollection([Geometry])
    }

    /// The type and coordinates.
    public var shape: Shape
    /// The bounding box as written (`[w, s, e, n]` or with altitudes), if any.
    public var bbox: [Double]?
    /// Members other than `type`, `coordinates`, `geometries` and `bbox`, kept so that writing loses nothing.
    public var foreignMembers: JSONObject

    /// Creates a geometry.
    public init(_ shape: Shape, bbox: [Double]? = nil, foreignMembers: JSONObject = JSONObject()) {
        self.shape = shape
        self.bbox = bbox
        self.foreignMembers = foreignMembers
    }

    /// The RFC 7946 type name (`Polygon`, `MultiPolygon`, …).
    public var typeName: String { shape.typeName }

    /// The polygons of an areal geometry (one for a Polygon, each part of a MultiPolygon), or `nil`.
    public var polygons: [Polygon]? {
        switch shape {
        case .polygon(let polygon): [polygon]
        case .multiPolygon(let polygons): polygons
        default: nil
        }
    }
}

extension Geometry.Shape {
    /// The RFC 7946 type name.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }
}
