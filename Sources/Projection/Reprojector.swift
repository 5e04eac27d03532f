import GeoJSON
import GeometryEngine

/// Moves whole geometries between two CRSs: every GeoJSON type, holes and parts included, all vertices of a
/// geometry in one `proj_trans_generic` call, x = easting/longitude first.
///
/// From lon/lat, rings are unwrapped first (an antimeridian ring stays one ring). With `densifyMetres`, edges get
/// vertices before the transform so that no piece is longer than that many metres: along each edge's geodesic
/// when the source is geographic, along the straight edge when it is projected. Into lon/lat, polygons are cut at ±180° as RFC 7946 asks. Vertices outside the
/// area of use of the projected side are counted in ``Result/verticesOutsideAreaOfUse``, not silently trusted.
/// A `Sendable` value: PROJ objects are built once per thread and CRS pair underneath.
public struct Reprojector: Sendable, Hashable {
    /// A transformed geometry and what was noticed on the way.
    public struct Result: Sendable, Hashable {
        /// The geometry in the target CRS.
        public var geometry: Geometry
        /// Vertices (after densification) outside the projected CRS's area of use.
        public var verticesOutsideAreaOfUse: Int
    }

    /// The source CRS.
    public let source: String
    /// The target CRS.
    public let target: String
    /// The longest edge piece, in metres on the ground, before transforming; `nil` for no densification.
    public var densifyMetres: Double?

    /// A reprojector; CRSs are checked on first use (or by ``validate()``).
    public init(from source: String = CRSTransformer.lonLat, to target: String, densifyMetres: Double? = nil) {
        self.source = source
        self.target = target
        self.densifyMetres = densifyMetres
    }

    var transformer: CRSTransformer { CRSTransformer(from: source, to: target) }

    /// Checks both CRSs.
    /// - Throws: ``GeoPriceError`` `unknown_crs`.
    public func validate() throws(GeoPriceError) { try transformer.validate() }

    /// Whether the source CRS is geographic (degrees).
    public func sourceIsGeographic() throws(GeoPriceError) -> Bool {
        try CRSTransformer(from: target, to: source).targetMetresPerUnit() == nil
    }

    /// Whether the target CRS is geographic (degrees).
    public func targetIsGeographic() throws(GeoPriceError) -> Bool { try transformer.targetMetresPerUnit() == nil }

    /// Transforms a geometry found at `path` (for errors).
    /// - Throws: ``GeoPriceError`` `unknown_crs`, `projection_failed` naming the vertex, `invalid_geometry` for a
    ///   ring around a pole.
    public func transform(_ geometry: Geometry, at path: JSONPath = .root) throws(GeoPriceError) -> Result {
        var work = try _ReprojectionWork(reprojector: self)
        let transformed = try work.transform(geometry, at: path)
        return Result(geometry: transformed, verticesOutsideAreaOfUse: work.outside)
    }

    /// Transforms every feature of a document (a bare geometry or a Feature becomes a one-feature collection),
    /// keeping ids and properties; the result names its CRS in a top-level `crs` member unless it is lon/lat WGS84.
    /// - Returns: the collection and the count of vertices outside the area of use.
    public func transform(_ document: GeoJSONDocument) throws(GeoPriceError) -> (FeatureCollection, verticesOutsideAreaOfUse: Int) {
        var work = try _ReprojectionWork(reprojector: self)
        var collection: FeatureCollection
        switch document {
        case .geometry(let geometry):
            var members = geometry.foreignMembers
            members["crs"] = nil
            collection = FeatureCollection(features: [Feature(geometry: try work.transform(Geometry(geometry.shape), at: .root))])
            collection.features[0].foreignMembers = members
        case .feature(var feature):
            if let geometry = feature.geometry { feature.geometry = try work.transform(geometry, at: JSONPath.root.appending("geometry")) }
            feature.bbox = nil
            feature.foreignMembers["crs"] = nil
            collection = FeatureCollection(features: [feature])
        case .featureCollection(var input) where densifyMetres != nil:
            // Densified vertices count against the request's limit as they are made: one pass, in order.
            try work.transform(&input.features, numberedFrom: 0)
            input.bbox = nil
            collection = input
        case .featureCollection(var input):
            let features = input.features
            let reprojector = self
            let chunks = concurrentMap(count: features.count, chunkSize: 256) { range in
                Swift.Result { () throws(GeoPriceError) -> (features: [Feature], outside: Int) in
                    var chunkWork = try _ReprojectionWork(reprojector: reprojector)
                    var chunk = Array(features[range])
                    try chunkWork.transform(&chunk, numberedFrom: range.lowerBound)
                    return (chunk, chunkWork.outside)
                }
            }
            input.features = []
            input.features.reserveCapacity(features.count)
            for chunk in chunks {
                let (transformed, outside) = try chunk.get()
                input.features += transformed
                work.outside += outside
            }
            input.bbox = nil
            collection = input
        }
        collection.foreignMembers["crs"] = CRSName.isLonLatWGS84(target) ? nil : .string(target)
        return (collection, work.outside)
    }
}

/// One reprojection pass: what it knows about the two CRSs, and the vertices it found outside the area of use.
struct _ReprojectionWork {
    let reprojector: Reprojector
    let sourceGeographic: Bool
    let targetGeographic: Bool
    let sourceMetresPerUnit: Double
    var outside = 0
    /// Vertices made by densification so far, held to the request's vertex limit.
    var densified = 0

    init(reprojector: Reprojector) throws(GeoPriceError) {
        self.reprojector = reprojector
        sourceGeographic = try reprojector.sourceIsGeographic()
        targetGeographic = try reprojector.targetIsGeographic()
        sourceMetresPerUnit = try CRSTransformer(from: reprojector.target, to: reprojector.source).targetMetresPerUnit() ?? 1
    }

    /// Transforms the geometries of features in place, dropping their bounding boxes; the first is the collection's
    /// feature `first` (for error paths).
    mutating func transform(_ features: inout [Feature], numberedFrom first: Int) throws(GeoPriceError) {
        for index in features.indices {
            try WorkDeadline.check()
            guard let geometry = features[index].geometry else { continue }
            let path = JSONPath.root.appending("features").appending(first + index).appending("geometry")
            features[index].geometry = try transform(geometry, at: path)
            features[index].bbox = nil
        }
    }

    mutating func transform(_ geometry: Geometry, at path: JSONPath) throws(GeoPriceError) -> Geometry {
        let coordinates = path.appending("coordinates")
        var shape: Geometry.Shape
        switch geometry.shape {
        case .point(let position):
            shape = .point(try transform([position], densify: false, at: coordinates, isPoint: true)[0])
        case .multiPoint(let positions):
            shape = .multiPoint(try transform(positions, densify: false, at: coordinates))
        case .lineString(let positions):
            shape = .lineString(try transform(positions, densify: true, at: coordinates))
        case .multiLineString(let lines):
            var result: [[Position]] = []
            for (index, line) in lines.enumerated() { result.append(try transform(line, densify: true, at: coordinates.appending(index))) }
            shape = .multiLineString(result)
        case .polygon(let polygon):
            let parts = try transform([polygon], at: path, multi: false)
            shape = parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(parts)
        case .multiPolygon(let polygons):
            shape = .multiPolygon(try transform(polygons, at: path, multi: true))
        case .geometryCollection(let members):
            var result: [Geometry] = []
            for (index, member) in members.enumerated() {
                result.append(try transform(member, at: path.appending("geometries").appending(index)))
            }
            shape = .geometryCollection(result)
        }
        var members = geometry.foreignMembers
        members["crs"] = nil
        return Geometry(shape, bbox: nil, foreignMembers: members)
    }

    private mutating func transform(_ polygons: [Polygon], at path: JSONPath, multi: Bool) throws(GeoPriceError) -> [Polygon] {
        let rings: [PlanarPolygon] = sourceGeographic
            ? try Antimeridian.continuousParts(polygons, path: path)
            : polygons.map { PlanarPolygon(rings: $0.rings.map { $0.map { SIMD2($0.longitude, $0.latitude) } }) }
        var transformed: [PlanarPolygon] = []
        let coordinates = path.appending("coordinates")
        for (partIndex, part) in rings.enumerated() {
            var result: [[SIMD2<Double>]] = []
            for (ringIndex, ring) in part.rings.enumerated() {
                let ringPath = multi ? coordinates.appending(partIndex, ringIndex) : coordinates.appending(ringIndex)
                result.append(try transform(points: ring, densify: true, at: ringPath))
            }
            transformed.append(PlanarPolygon(rings: result))
        }
        if targetGeographic {
            do {
                transformed = try Antimeridian.split(transformed)
            } catch {
                throw GeoPriceError(.projectionFailed, "cannot cut the result at ±180°: \(error)", path: path.description)
            }
        }
        return transformed.map { Polygon(rings: $0.rings.map { $0.map { Position($0.x, $0.y) } }) }
    }

    private mutating func transform(_ positions: [Position], densify: Bool, at path: JSONPath, isPoint: Bool = false) throws(GeoPriceError)
        -> [Position]
    {
        let points = try transform(points: positions.map { SIMD2($0.longitude, $0.latitude) }, densify: densify, at: path, isPoint: isPoint)
        guard points.count == positions.count else { return points.map { Position($0.x, $0.y) } }
        return zip(points, positions).map { Position($0.x, $0.y, $1.altitude) }
    }

    private mutating func transform(points input: [SIMD2<Double>], densify: Bool, at path: JSONPath, isPoint: Bool = false)
        throws(GeoPriceError) -> [SIMD2<Double>]
    {
        var points = input
        var origins = Array(input.indices)
        if densify, let metres = reprojector.densifyMetres {
            do {
                (points, origins) = sourceGeographic
                    ? try Densify.geodesic(points, maxSegmentMetres: metres)
                    : try Densify.linear(points, maxSegment: metres / sourceMetresPerUnit)
            } catch {
                var located = error
                located.path = path.description
                throw located
            }
            densified += points.count
            try InputLimits.standard.check(verticesInRequest: densified)
        }
        if sourceGeographic, !targetGeographic, let area = try areaOfUse(target: true) {
            outside += points.count(where: { !area.contains($0) })
        }
        let output: [SIMD2<Double>]
        do {
            output = try reprojector.transformer.transform(points)
        } catch {
            guard error.code == .projectionFailed, let index = error.details["point"]?.numberValue else { throw error }
            var located = error
            let vertex = origins[Int(index)]
            located.path = (isPoint ? path : path.appending(vertex)).description
            located.details["vertex"] = .number(Double(vertex))
            located.details["point"] = nil
            throw located
        }
        if targetGeographic, !sourceGeographic, let area = try areaOfUse(target: false) {
            outside += output.count(where: { !area.contains($0) })
        }
        return output
    }

    private func areaOfUse(target: Bool) throws(GeoPriceError) -> AreaOfUse? {
        let transformation = try PROJContext.current.transformation(from: reprojector.source, to: reprojector.target)
        return target ? transformation.targetAreaOfUse : transformation.sourceAreaOfUse
    }
}
