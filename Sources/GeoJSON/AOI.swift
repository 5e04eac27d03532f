/// An area of interest: one Polygon or MultiPolygon to measure, cover or price, with where it came from.
public struct AOI: Sendable, Hashable {
    /// The feature's `id`, if it had one.
    public var id: FeatureID?
    /// The feature's index in its collection (0 for a bare geometry or a single feature).
    public var index: Int
    /// The polygons: one for a Polygon, the parts of a MultiPolygon.
    public var polygons: [Polygon]
    /// Whether the geometry was written as a MultiPolygon.
    public var isMultiPolygon: Bool
    /// The JSON path of the geometry, for errors.
    public var path: JSONPath
    /// The feature's properties, if any.
    public var properties: JSONObject?

    /// Creates an AOI.
    public init(
        id: FeatureID? = nil, index: Int = 0, polygons: [Polygon], isMultiPolygon: Bool = false,
        path: JSONPath = .root, properties: JSONObject? = nil
    ) {
        self.id = id
        self.index = index
        self.polygons = polygons
        self.isMultiPolygon = isMultiPolygon
        self.path = path
        self.properties = properties
    }

    /// Its name: the feature id, else its index.
    public var name: String { id?.description ?? String(index) }

    /// Its name as a JSON value: the id as written, else the index.
    public var nameJSON: JSONValue { id?.jsonValue ?? .number(Double(index)) }

    /// Vertices without each ring's closing position, over all rings and parts.
    public var vertexCount: Int { polygons.reduce(0) { $0 + $1.vertexCount } }

    /// The AOI as a GeoJSON geometry.
    public var geometry: Geometry {
        isMultiPolygon || polygons.count != 1 ? Geometry(.multiPolygon(polygons)) : Geometry(.polygon(polygons[0]))
    }
}

extension GeoJSONDocument {
    /// The AOIs of the document, as DESIGN.md defines them: a bare geometry is one AOI; in a Feature or
    /// FeatureCollection every feature with a Polygon or MultiPolygon is an AOI, except features whose
    /// `properties.role` is `capture` or `cloud`.
    /// - Parameters:
    ///   - feature: picks the one AOI whose id (or, without id, index) is this text.
    ///   - limits: the vertices, parts and holes allowed (``InputLimits``).
    /// - Throws: ``GeoPriceError`` `unsupported_geometry` for a feature with another geometry type or none,
    ///   `empty_geometry` for an AOI without rings or a document without AOIs, `invalid_geojson` when `feature`
    ///   names no AOI, `limit_exceeded`.
    public func areasOfInterest(feature wanted: String? = nil, limits: InputLimits = .standard) throws(GeoPriceError) -> [AOI] {
        var aois: [AOI] = []
        switch self {
        case .geometry(let geometry):
            aois.append(try AOI(geometry: geometry, id: nil, index: 0, path: .root, properties: nil))
        case .feature(let feature):
            if let aoi = try AOI(feature: feature, index: 0, path: .root) { aois.append(aoi) }
        case .featureCollection(let collection) where wanted == nil:
            return try Self.areasOfInterest(collection.features, limits: limits)
        case .featureCollection(let collection):
            for (index, feature) in collection.features.enumerated() where (feature.id?.description ?? String(index)) == wanted {
                if let aoi = try AOI(feature: feature, index: index, path: JSONPath.feature(index)) { aois.append(aoi) }
            }
        }
        if let wanted {
            aois = aois.filter { $0.name == wanted }
            guard !aois.isEmpty else {
                throw GeoPriceError(.invalidGeoJSON, "no AOI has the id '\(wanted)'", path: "$", details: ["feature": .string(wanted)])
            }
        }
        guard !aois.isEmpty else { throw Self.noAOI }
        try limits.check(aois)
        return aois
    }

    /// The AOIs of a collection's features, each checked against `limits` while at hand, in chunks on all cores;
    /// the first error in file order is thrown.
    private static func areasOfInterest(_ features: [Feature], limits: InputLimits) throws(GeoPriceError) -> [AOI] {
        let chunks = concurrentMap(count: features.count, chunkSize: 4_096) { range in
            Result { () throws(GeoPriceError) -> (aois: [AOI], vertices: Int) in
                var aois: [AOI] = []
                aois.reserveCapacity(range.count)
                var vertices = 0
                for index in range {
                    guard let aoi = try AOI(feature: features[index], index: index, path: JSONPath.feature(index)) else { continue }
                    vertices += try limits.check(aoi)
                    aois.append(aoi)
                }
                return (aois, vertices)
            }
        }
        var aois: [AOI] = []
        aois.reserveCapacity(features.count)
        var vertices = 0
        for chunk in chunks {
            let (chunkAOIs, chunkVertices) = try chunk.get()
            aois += chunkAOIs
            vertices += chunkVertices
        }
        guard !aois.isEmpty else { throw noAOI }
        try limits.check(verticesInRequest: vertices)
        return aois
    }

    private static var noAOI: GeoPriceError { GeoPriceError(.emptyGeometry, "the input holds no AOI (no Polygon or MultiPolygon)", path: "$") }

    /// Roles whose features are never AOIs.
    public static let nonAOIRoles: Set<String> = ["capture", "cloud"]
}

extension AOI {
    /// The AOI of one feature at `path` (its index in its collection given), or `nil` for a `capture` or `cloud`
    /// feature.
    /// - Throws: ``GeoPriceError`` `unsupported_geometry`, `empty_geometry`.
    public init?(feature: Feature, index: Int, path: JSONPath) throws(GeoPriceError) {
        if let role = feature.role, GeoJSONDocument.nonAOIRoles.contains(role) { return nil }
        guard let geometry = feature.geometry else {
            throw GeoPriceError(
                .unsupportedGeometry, "feature \(feature.id?.description ?? String(index)) has no geometry; an AOI is a Polygon or MultiPolygon",
                path: path.appending("geometry").description)
        }
        try self.init(geometry: geometry, id: feature.id, index: index, path: path.appending("geometry"), properties: feature.properties)
    }

    /// The AOI of a geometry at `path`.
    /// - Throws: ``GeoPriceError`` `unsupported_geometry` for a geometry that is not areal, `empty_geometry`.
    public init(geometry: Geometry, id: FeatureID?, index: Int, path: JSONPath, properties: JSONObject?) throws(GeoPriceError) {
        guard let polygons = geometry.polygons else {
            throw GeoPriceError(
                .unsupportedGeometry, "a \(geometry.typeName) is not an area; an AOI is a Polygon or MultiPolygon",
                path: path.description, details: ["type": .string(geometry.typeName)])
        }
        let coordinatesPath = path.appending("coordinates")
        guard !polygons.isEmpty else {
            throw GeoPriceError(.emptyGeometry, "the \(geometry.typeName) has no coordinates", path: coordinatesPath.description)
        }
        let isMulti: Bool
        if case .multiPolygon = geometry.shape { isMulti = true } else { isMulti = false }
        for (part, polygon) in polygons.enumerated() where polygon.rings.isEmpty {
            throw GeoPriceError(
                .emptyGeometry, isMulti ? "part \(part) of the MultiPolygon has no rings" : "the Polygon has no rings",
                path: (isMulti ? coordinatesPath.appending(part) : coordinatesPath).description)
        }
        self.init(id: id, index: index, polygons: polygons, isMultiPolygon: isMulti, path: path, properties: properties)
    }
}
