import GeoJSON
import GeometryEngine

/// Operations stated in metres on the ground (ordering rules: minimum AOI width, inflation of small AOIs), done
/// with GEOS in the AOI's UTM zone and corrected by the zone's point scale factor at the AOI's centroid
/// (DESIGN.md, "Minimum width"); the feasibility rectangle's sides are geodesics instead (``rectangleSides()``).
public struct GroundMetric: Sendable {
    /// The AOI in lon/lat.
    public let aoi: AOI
    /// The zone the work is done in.
    public let zone: UTMZone
    /// The zone's point scale factor at the AOI's centroid.
    public let scale: Double
    /// Each part's vertices in the zone, metres.
    private let parts: [PlanarPolygon]

    /// Prepares polygons that need no validation (an overlay's result, say): its zone, the scale factor there and
    /// its vertices projected into it.
    /// - Throws: ``GeoPriceError`` `invalid_geometry` (ring around a pole), `projection_failed`.
    public init(_ aoi: AOI, norwaySvalbard: Bool = false) throws(GeoPriceError) {
        let unwrapped = try Antimeridian.unwrapped(aoi.polygons, path: aoi.path)
        let centroid = try Antimeridian.centroid(of: unwrapped, path: aoi.path)
        try self.init(
            Self.joinedAcrossSeam(aoi, unwrapped: unwrapped) ?? aoi, centroid: centroid,
            zone: UTMZone(containing: centroid, norwaySvalbard: norwaySvalbard), projected: nil)
    }

    /// Works on a prepared AOI, in the zone of its centroid (or `zone`), reusing its vertices already projected into
    /// that zone when the caller has them.
    /// - Throws: ``GeoPriceError`` `projection_failed`.
    ///
    /// An RFC 7946 split AOI is measured as the shape it stands for: its pieces on either side of ±180° are joined
    /// first (unwrapped, where they lie side by side), so that a piece cut off by the seam is not taken for a narrow
    /// part.
    public init(_ prepared: PreparedAOI, zone: UTMZone? = nil, projected: FlatRings? = nil) throws(GeoPriceError) {
        if let whole = try Self.joinedAcrossSeam(prepared.aoi, unwrapped: prepared.unwrapped) {
            try self.init(whole, centroid: prepared.centroid, zone: zone ?? prepared.utmZone(), projected: nil)
        } else {
            try self.init(prepared.aoi, centroid: prepared.centroid, zone: zone ?? prepared.utmZone(), projected: projected)
        }
    }

    /// An RFC 7946 split AOI's pieces joined where they meet across ±180° (its unwrapped parts unioned, longitudes
    /// possibly beyond 180°); `nil` for an AOI that is not split there.
    private static func joinedAcrossSeam(_ aoi: AOI, unwrapped: [PlanarPolygon]) throws(GeoPriceError) -> AOI? {
        guard Antimeridian.cutLength(of: aoi.polygons) > 0 else { return nil }
        let joined: [PlanarPolygon]
        do {
            joined = try Planar.union(unwrapped)
        } catch {
            throw GeoPriceError(error, step: "join the AOI's parts across ±180°", path: aoi.path.description)
        }
        var whole = aoi
        whole.polygons = joined.map { Polygon(rings: $0.rings.map { $0.map { Position($0.x, $0.y) } }) }
        whole.isMultiPolygon = joined.count > 1
        return whole
    }

    private init(_ aoi: AOI, centroid: SIMD2<Double>, zone: UTMZone, projected: FlatRings?) throws(GeoPriceError) {
        self.aoi = aoi
        self.zone = zone
        let transformer = CRSTransformer(from: CRSTransformer.lonLat, to: zone.crsName)
        scale = try transformer.pointScale(atLonLat: SIMD2(Antimeridian.normalized(centroid.x), centroid.y))
        if let projected {
            parts = projected.polygons
        } else {
            var flat = FlatRings(aoi.polygons)
            flat.points = try transformer.transform(flat.points)
            parts = flat.polygons
        }
    }

    /// The ground width (m) of each part's minimum rotated rectangle (`GEOSMinimumWidth_r`).
    public func minimumWidths() throws(GeoPriceError) -> [Double] {
        var widths: [Double] = []
        for part in parts {
            do {
                widths.append(try Planar.minimumWidth(of: [part]) / scale)
            } catch {
                throw GeoPriceError(error, step: "find the minimum width", path: aoi.path.description)
            }
        }
        return widths
    }

    /// The smallest part width (m): the one an ordering rule's minimum width is checked against.
    public func minimumWidth() throws(GeoPriceError) -> Double { try minimumWidths().min() ?? 0 }

    /// The ground width and length (m) of the minimum-width rectangle around the whole AOI, all its parts together
    /// (``Planar/minimumWidthRectangle(of:)`` in the zone): what a satellite's strips must span (feasibility). Each is
    /// the geodesic distance between the midpoints of two opposite sides, taken back to lon/lat, so that the zone's
    /// scale, which changes along a long AOI, does not enter.
    public func rectangleSides() throws(GeoPriceError) -> (width: Double, length: Double) {
        let rectangle: Planar.Rectangle
        do {
            rectangle = try Planar.minimumWidthRectangle(of: parts)
        } catch {
            throw GeoPriceError(error, step: "find the minimum-width rectangle", path: aoi.path.description)
        }
        let ends = try CRSTransformer(from: zone.crsName, to: CRSTransformer.lonLat).transform(
            [rectangle.widthEnds.0, rectangle.widthEnds.1, rectangle.lengthEnds.0, rectangle.lengthEnds.1])
        return (Geodesic.distance(from: ends[0], to: ends[1]), Geodesic.distance(from: ends[2], to: ends[3]))
    }

    /// The AOI grown by `metres` on the ground (shrunk when negative), in lon/lat, cut at ±180°.
    public func buffered(by metres: Double) throws(GeoPriceError) -> [Polygon] {
        let grown: [PlanarPolygon]
        do {
            grown = try Planar.buffer(parts, by: metres * scale)
        } catch {
            throw GeoPriceError(error, step: "buffer the AOI", path: aoi.path.description)
        }
        var lonLat: [PlanarPolygon] = []
        let back = CRSTransformer(from: zone.crsName, to: CRSTransformer.lonLat)
        for polygon in grown {
            var rings: [[SIMD2<Double>]] = []
            for ring in polygon.rings { rings.append(try back.transform(ring)) }
            lonLat.append(PlanarPolygon(rings: rings))
        }
        do {
            return try Antimeridian.split(lonLat).map { Polygon(rings: $0.rings.map { $0.map { Position($0.x, $0.y) } }) }
        } catch {
            throw GeoPriceError(.projectionFailed, "cannot cut the buffer at ±180°: \(error)", path: aoi.path.description)
        }
    }
}
