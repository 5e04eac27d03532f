import GeoJSON
import GeometryEngine
import Projection

/// Computes what captures cover of AOIs, exactly on the ellipsoid: the overlay runs in an AOI-centred ellipsoidal
/// gnomonic plane, where geodesic edges are straight, and the result's vertices go back to lon/lat (the input
/// vertices exactly, new ones by the inverse projection) to be measured geodesically. Covered + remainder equals the
/// AOI's geodesic area to ~1e-10.
///
/// Build one per set of captures (their index is built once) and share it: it is a `Sendable` value, and
/// ``cover(_:)-(AOI)`` can run from many threads at once.
public struct CoverageCalculator: Sendable {
    /// The captures, in acquisition order.
    public let captures: [Capture]
    /// The fulfilment threshold, percent (default 85).
    public var thresholdPercent: Double
    /// Whether answers give each capture's overlap and gain (the arrangement that finds gains costs about ten times
    /// the covered/remainder overlay); without them, answers list the captures that share interior with each AOI.
    public var includesCaptureShares: Bool
    private let index: EnvelopeTree
    /// How far (degrees of latitude) any capture's geodesic edges can reach beyond its vertices' box.
    private let captureOvershoot: Double

    /// Prepares captures: validates them (in parallel, as the current ``Parallelism`` grants), puts them in
    /// acquisition order and indexes their lon/lat envelopes.
    /// - Throws: ``GeoPriceError`` `invalid_geometry` or `zero_area` for a bad footprint or cloud mask.
    public init(captures: [Capture], thresholdPercent: Double = 85, includesCaptureShares: Bool = false) throws(GeoPriceError) {
        let ordered = captures.sorted(by: Capture.acquisitionOrder)
        // Each footprint validated and unwrapped on all cores; the first error in acquisition order is the answer.
        let prepared = concurrentMap(count: ordered.count, chunkSize: 256) { chunk in
            chunk.map { index in
                Result { () throws(GeoPriceError) -> Envelope in
                    let capture = ordered[index]
                    let unwrapped = try AOIValidation.validate(
                        AOI(polygons: capture.footprint, isMultiPolygon: capture.footprint.count > 1, path: capture.path))
                    return Envelope(of: unwrapped.flatMap { $0.rings[0] })
                }
            }
        }
        var envelopes: [Envelope] = []
        envelopes.reserveCapacity(ordered.count)
        for chunk in prepared {
            for result in chunk { envelopes.append(try result.get()) }
        }
        self.captures = ordered
        self.thresholdPercent = thresholdPercent
        self.includesCaptureShares = includesCaptureShares
        index = EnvelopeTree(envelopes)
        captureOvershoot = envelopes.reduce(0) { max($0, GeodesicBow.latitudeOvershoot(ofVerticesIn: $1)) }
    }

    /// The coverage of one AOI (lon/lat, valid).
    /// - Throws: ``GeoPriceError`` `invalid_geometry`, `too_large` (a capture or AOI reaching a quarter of the Earth
    ///   from the AOI's centre).
    public func cover(_ aoi: AOI) throws(GeoPriceError) -> AOICoverage {
        try cover(PreparedAOI(aoi))
    }

    /// The coverage of one prepared AOI.
    /// - Throws: ``GeoPriceError`` `invalid_geometry`, `too_large` (a capture or AOI reaching a quarter of the Earth
    ///   from the AOI's centre).
    public func cover(_ prepared: PreparedAOI) throws(GeoPriceError) -> AOICoverage {
        let aoi = prepared.aoi
        let unwrapped = prepared.unwrapped
        let centroid = prepared.centroid
        var plane = _GnomonicFrame(center: centroid)
        let aoiPlane = try plane.project(unwrapped, path: aoi.path)
        let candidates = nearbyCaptures(of: unwrapped)
        let (footprints, clouds) = try plane.project(candidates.map { captures[$0] })
        let overlay: PlanarCoverage
        do {
            overlay = candidates.count >= Self.tilingThreshold
                ? try _TiledOverlay.coverage(of: aoiPlane, by: footprints, clouds: clouds, withGains: includesCaptureShares)
                : try Planar.coverage(of: aoiPlane, by: footprints, clouds: clouds, withGains: includesCaptureShares)
        } catch {
            throw GeoPriceError(error, step: "overlay the captures", path: aoi.path.description)
        }
        let requested = prepared.areaKm2
        let covered = plane.lonLat(overlay.covered)
        let remainder = plane.lonLat(overlay.remainder)
        var shares: [AOICoverage.CaptureShare] = []
        for (position, captureIndex) in candidates.enumerated() {
            let capture = captures[captureIndex]
            if includesCaptureShares {
                guard !overlay.overlaps[position].isEmpty else { continue }
                shares.append(AOICoverage.CaptureShare(
                    id: capture.id, acquired: capture.acquired,
                    overlapKm2: Geodesic.area(of: plane.lonLat(overlay.overlaps[position])) / 1e6,
                    gainKm2: Geodesic.area(of: plane.lonLat(overlay.gains[position])) / 1e6))
            } else if overlay.meets[position] {
                shares.append(AOICoverage.CaptureShare(id: capture.id, acquired: capture.acquired, overlapKm2: nil, gainKm2: nil))
            }
        }
        let coveredKm2 = Geodesic.area(of: covered) / 1e6
        return AOICoverage(
            aoi: aoi, requestedKm2: requested, coveredKm2: coveredKm2, remainderKm2: Geodesic.area(of: remainder) / 1e6,
            covered: try Self.geoJSON(covered, path: aoi.path), remainder: try Self.geoJSON(remainder, path: aoi.path),
            captures: shares, thresholdPercent: thresholdPercent)
    }

    /// From this many candidate captures on, one AOI's overlay is cut into vertical strips overlaid on all cores.
    static let tilingThreshold = 1_000

    /// The coverage of every AOI of an order, on the threads `parallelism` grants (by default the current grant,
    /// ``Parallelism``); the first error (in input order) rejects the order.
    public func cover(_ aois: [AOI], parallelism: Parallelism? = nil) throws(GeoPriceError) -> OrderCoverage {
        let results = coverEach(aois, parallelism: parallelism)
        var groups: [AOICoverage] = []
        for result in results { groups.append(try result.get()) }
        return OrderCoverage(groups: groups)
    }

    /// Each AOI's coverage or error, in input order, on the threads `parallelism` grants (by default the current
    /// grant, ``Parallelism``).
    public func coverEach(_ aois: [AOI], parallelism: Parallelism? = nil) -> [Result<AOICoverage, GeoPriceError>] {
        (parallelism ?? .current).granting {
            concurrentMap(count: aois.count) { index in Result { () throws(GeoPriceError) in try cover(aois[index]) } }
        }
    }

    /// ``coverEach(_:parallelism:)`` for async callers: the work runs off Swift concurrency's cooperative pool.
    public func coverEach(_ aois: [AOI], parallelism: Parallelism? = nil) async -> [Result<AOICoverage, GeoPriceError>] {
        await (parallelism ?? .current).runOffCooperativePool { coverEach(aois) }
    }

    /// The indices (acquisition order) of captures whose envelope meets the AOI's, both grown in latitude by as much
    /// as geodesic edges can bow beyond their vertices (``GeodesicBow``); the overlay drops the false friends. The AOI
    /// is also looked for one turn east and west, for captures written on the other side of ±180°.
    private func nearbyCaptures(of unwrapped: [PlanarPolygon]) -> [Int] {
        let envelope = Envelope(of: unwrapped.flatMap { $0.rings[0] })
        let overshoot = GeodesicBow.latitudeOvershoot(ofVerticesIn: envelope) + captureOvershoot
        let grown = envelope.expanded(by: SIMD2(0, overshoot))
        var found = Set<Int>()
        for turn in [-360.0, 0, 360] {
            found.formUnion(index.query(Envelope(min: grown.min + SIMD2(turn, 0), max: grown.max + SIMD2(turn, 0))))
        }
        return found.sorted()
    }

    private static func geoJSON(_ polygons: [PlanarPolygon], path: JSONPath) throws(GeoPriceError) -> [Polygon] {
        do {
            return try Antimeridian.split(polygons).map { Polygon(rings: $0.rings.map { $0.map { Position($0.x, $0.y) } }) }
        } catch {
            throw GeoPriceError(.projectionFailed, "cannot cut the coverage at ±180°: \(error)", path: path.description)
        }
    }
}
