import GeoJSON
import GeometryEngine

/// The figures of one AOI (DESIGN.md, "Figures and their one definition").
public struct AreaFigures: Sendable, Hashable {
    /// Geodesic area on WGS84, km²: the billing area.
    public var areaKm2: Double
    /// Geodesic perimeter, km, holes included, the cut of a split AOI excluded.
    public var perimeterKm: Double
    /// The zone of the AOI's (longitude-unwrapped) centroid.
    public var utmZone: UTMZone
    /// Planar area after projecting the vertices into `utmZone`, km²; `nil` when the zone cannot project the AOI
    /// (see ``warnings``).
    public var utmAreaKm2: Double?
    /// Every UTM zone the AOI shares interior with.
    public var utmZones: [UTMZone]
    /// The extra CRS asked for, if any.
    public var crs: String?
    /// Planar area after projecting the vertices into `crs`, km².
    public var crsAreaKm2: Double?
    /// Vertices without closing positions.
    public var vertexCount: Int
    /// The smallest part's ground minimum width, metres (see ``GroundMetric``), when measured.
    public var minWidthM: Double?
    /// What `repair` changed, when the AOI was repaired first.
    public var repair: AOIRepair?
    /// What was left out and why (UTM figures the zone cannot project).
    public var warnings: [String] = []

    /// (UTM area − geodesic area) / geodesic area.
    public var utmRelativeDifference: Double? { utmAreaKm2.map { ($0 - areaKm2) / areaKm2 } }
}

/// Measures AOIs: validation, geodesic area and perimeter, UTM zone and projected areas.
///
/// A `Sendable` value: share one across tasks; PROJ and GEOS state is per thread underneath.
public struct AreaMeasurer: Sendable {
    /// A CRS to report the planar area in as well (`EPSG:n`, a PROJ string, WKT), or `nil`.
    public var crs: String?
    /// Whether the MGRS Norway and Svalbard zone exceptions apply to the zone choice.
    public var norwaySvalbardZones: Bool
    /// Whether to measure the ground minimum width (`minWidthM`).
    public var measuresMinimumWidth: Bool
    /// Whether to make an invalid AOI valid (GEOS make-valid) instead of rejecting it; the figures then say what changed.
    public var repair: Bool

    /// Creates a measurer.
    public init(crs: String? = nil, norwaySvalbardZones: Bool = false, measuresMinimumWidth: Bool = true, repair: Bool = false) {
        self.crs = crs
        self.norwaySvalbardZones = norwaySvalbardZones
        self.measuresMinimumWidth = measuresMinimumWidth
        self.repair = repair
    }

    /// Validates (or with ``repair``, repairs) and measures an AOI given in lon/lat.
    /// - Throws: ``GeoPriceError``: `invalid_geometry`, `zero_area`, `unknown_crs`, `projection_failed`.
    public func measure(_ input: AOI) throws(GeoPriceError) -> AreaFigures {
        guard repair else { return try measure(PreparedAOI(input)) }
        let report = try AOIRepair(repairing: input)
        var figures = try measure(PreparedAOI(report.aoi))
        figures.repair = report
        return figures
    }

    /// Measures a prepared AOI (``repair`` does not apply: it is already valid).
    /// - Throws: ``GeoPriceError`` `unknown_crs`, `projection_failed` (the extra CRS only).
    public func measure(_ prepared: PreparedAOI) throws(GeoPriceError) -> AreaFigures {
        let aoi = prepared.aoi
        let unwrapped = prepared.unwrapped
        let zone = prepared.utmZone(norwaySvalbard: norwaySvalbardZones)
        let flat = FlatRings(aoi.polygons)
        var crsArea: Double?
        if let crs { crsArea = try Self.planarArea(Self.withinLongitudes(prepared, flat), of: aoi, in: crs, withinAreaOfUse: true) }
        // The UTM figures are auxiliary: where the zone's projection cannot take the AOI (a strip 180° wide), the
        // geodesic figures are answered without them, with a warning.
        var warnings: [String] = []
        var utmArea: Double?
        var minimumWidth: Double?
        do {
            let (projected, metresPerUnit) = try Self.projected(flat, of: aoi, into: zone.crsName, withinAreaOfUse: false)
            utmArea = projected.planarArea * metresPerUnit * metresPerUnit
            if measuresMinimumWidth { minimumWidth = try GroundMetric(prepared, zone: zone, projected: projected).minimumWidth() }
        } catch where error.code == .projectionFailed {
            warnings.append("the UTM figures are left out: \(zone.crsName) cannot project the AOI (\(error.message))")
        }
        return AreaFigures(
            areaKm2: prepared.areaKm2,
            perimeterKm: prepared.perimeterKm,
            utmZone: zone,
            utmAreaKm2: utmArea.map { $0 / 1e6 },
            utmZones: try Self.touchedZones(by: unwrapped, path: aoi.path),
            crs: crs,
            crsAreaKm2: crsArea.map { $0 / 1e6 },
            vertexCount: aoi.vertexCount,
            minWidthM: minimumWidth,
            repair: nil,
            warnings: warnings)
    }

    /// The vertices to project into a named CRS: as written, or, for an AOI across ±180°, its pieces cut there (as
    /// RFC 7946 splits it). A CRS whose x wraps at ±180° (EPSG:3857) would take a ring with longitudes beyond
    /// 180° for one around the world; each piece on its side projects as it should, and their areas add.
    static func withinLongitudes(_ prepared: PreparedAOI, _ flat: FlatRings) throws(GeoPriceError) -> FlatRings {
        let extent = Envelope(of: prepared.unwrapped.flatMap { $0.rings[0] })
        guard extent.min.x < -180 || extent.max.x > 180 else { return flat }
        do {
            return FlatRings(try Antimeridian.split(prepared.unwrapped).map { Polygon(rings: $0.rings.map { $0.map { Position($0.x, $0.y) } }) })
        } catch {
            throw GeoPriceError(.projectionFailed, "cannot cut the AOI at ±180°: \(error)", path: prepared.aoi.path.description)
        }
    }

    /// The zone of the centroid of the unwrapped lon/lat shape (GEOS, area-weighted, degrees).
    public static func utmZone(of unwrapped: [PlanarPolygon], norwaySvalbard: Bool, path: JSONPath) throws(GeoPriceError) -> UTMZone {
        UTMZone(containing: try Antimeridian.centroid(of: unwrapped, path: path), norwaySvalbard: norwaySvalbard)
    }

    /// The planar area (m²) of an AOI's vertices projected into a CRS, in the CRS's units converted to metres.
    /// - Parameters:
    ///   - withinAreaOfUse: whether every vertex must lie in the CRS's area of use, give or take 1° (a CRS asked for
    ///     by name: outside it a projection gives finite nonsense, EPSG:3857 puts a pole at y = 2.4e8 m). UTM zones
    ///     are used beyond their 6° by design, so the zone's own figures ask only for finite values.
    /// - Throws: ``GeoPriceError`` `unknown_crs` (also for a geographic CRS, whose planar area in degrees² is no
    ///   area, and for a CRS that is not 2-D), `projection_failed` naming the vertex.
    public static func planarArea(_ flat: FlatRings, of aoi: AOI, in crs: String, withinAreaOfUse: Bool) throws(GeoPriceError) -> Double {
        let (points, metresPerUnit) = try projected(flat, of: aoi, into: crs, withinAreaOfUse: withinAreaOfUse)
        return points.planarArea * metresPerUnit * metresPerUnit
    }

    /// An AOI's vertices projected into a CRS, in the CRS's units, and metres per unit.
    /// - Throws: as ``planarArea(_:of:in:withinAreaOfUse:)``.
    static func projected(_ flat: FlatRings, of aoi: AOI, into crs: String, withinAreaOfUse: Bool)
        throws(GeoPriceError) -> (points: FlatRings, metresPerUnit: Double)
    {
        let transformer = CRSTransformer(from: CRSTransformer.lonLat, to: crs)
        guard let metresPerUnit = try transformer.targetMetresPerUnit() else {
            throw GeoPriceError(
                .unknownCRS, "\(crs) is not a projected CRS: a planar area needs one in metres or feet",
                details: ["crs": .string(crs), "reason": "not projected"])
        }
        var projected = flat
        do throws(GeoPriceError) {
            if withinAreaOfUse, let area = try transformer.targetAreaOfUse(),
                let outside = flat.points.firstIndex(where: { !area.contains($0, margin: AreaOfUse.planarFigureMargin) })
            {
                let point = flat.points[outside]
                throw GeoPriceError(
                    .projectionFailed, "(\(point.x), \(point.y)) lies outside the area of use of \(crs)",
                    details: ["point": .number(Double(outside)), "x": .number(point.x), "y": .number(point.y), "reason": "outside the area of use"])
            }
            projected.points = try transformer.transform(flat.points)
        } catch {
            guard error.code == .projectionFailed, let index = error.details["point"]?.numberValue else { throw error }
            var located = error
            located.path = flat.path(of: Int(index), in: aoi).description
            let (part, ring, vertex) = flat.location(of: Int(index))
            located.details = ["crs": .string(crs), "ring": .number(Double(ring)), "vertex": .number(Double(vertex))]
            if let reason = error.details["reason"] { located.details["reason"] = reason }
            if aoi.isMultiPolygon { located.details["part"] = .number(Double(part)) }
            throw located
        }
        return (projected, metresPerUnit)
    }

    /// The UTM zones (standard grid) whose interior the unwrapped shape shares.
    public static func touchedZones(by unwrapped: [PlanarPolygon], path: JSONPath) throws(GeoPriceError) -> [UTMZone] {
        var minimum = SIMD2(Double.infinity, Double.infinity)
        var maximum = -minimum
        for part in unwrapped {
            for point in part.rings[0] {
                minimum = pointwiseMin(minimum, point)
                maximum = pointwiseMax(maximum, point)
            }
        }
        var candidates: [(UTMZone, SIMD2<Double>, SIMD2<Double>)] = []
        let firstColumn = Int(((minimum.x + 180) / 6).rounded(.down))
        let lastColumn = Int(((maximum.x + 180) / 6).rounded(.down))
        for column in firstColumn...max(firstColumn, lastColumn) {
            let west = Double(column) * 6 - 180
            let number = ((column % 60) + 60) % 60 + 1
            if maximum.y > 0 { candidates.append((UTMZone(checkedNumber: number, isNorth: true), SIMD2(west, 0), SIMD2(west + 6, 90))) }
            if minimum.y < 0 { candidates.append((UTMZone(checkedNumber: number, isNorth: false), SIMD2(west, -90), SIMD2(west + 6, 0))) }
        }
        // An AOI within one zone's column and hemisphere shares interior with that zone alone: no GEOS call.
        if candidates.count == 1 { return [candidates[0].0] }
        let touched: [Bool]
        do {
            touched = try Planar.interiorsIntersect(unwrapped, rectangles: candidates.map { ($0.1, $0.2) })
        } catch {
            throw GeoPriceError(error, step: "intersect the UTM grid", path: path.description)
        }
        return Set(zip(candidates, touched).filter(\.1).map(\.0.0)).sorted()
    }
}
