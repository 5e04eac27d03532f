import GeoJSON
import GeometryEngine

/// The three ways an AOI may cross ±180° (DESIGN.md): RFC 7946 split MultiPolygons, rings with longitudes beyond
/// ±180°, and rings whose consecutive longitudes jump by more than 180°. Geodesic figures need nothing of this
/// (edges are taken the short way); planar work in lon/lat (validity, centroid) needs longitudes made continuous.
public enum Antimeridian {
    /// The polygons with longitudes made continuous: within each polygon, every edge spans at most 180° of longitude
    /// (its holes moved by whole turns next to its exterior); each part is moved by whole turns so that its
    /// longitudes lie nearest to the first part's. An RFC 7946 split AOI becomes its parts side by side across ±180°.
    /// - Throws: ``GeoPriceError`` `invalid_geometry` for a ring that winds around a pole (it cannot be closed
    ///   in longitude).
    public static func unwrapped(_ polygons: [Polygon], path: JSONPath) throws(GeoPriceError) -> [PlanarPolygon] {
        aligned(try continuousParts(polygons, path: path))
    }

    /// Parts (each continuous) moved by whole turns so that their longitudes lie nearest to the first part's.
    public static func aligned(_ continuous: [PlanarPolygon]) -> [PlanarPolygon] {
        var parts = continuous
        guard let first = parts.first else { return parts }
        let reference = meanLongitude(first.rings[0])
        for index in parts.indices.dropFirst() {
            let offset = turns(from: meanLongitude(parts[index].rings[0]), to: reference)
            if offset != 0 { parts[index].rings = parts[index].rings.map { shifted($0, by: offset) } }
        }
        return parts
    }

    /// The polygons as planar lon/lat polygons, each polygon's rings continuous but parts left where they are: the
    /// form whose planar validity means the AOI is valid (split parts touch along ±180° once moved side by side).
    /// - Throws: ``GeoPriceError`` `invalid_geometry` for a ring that winds around a pole.
    public static func continuousParts(_ polygons: [Polygon], path: JSONPath) throws(GeoPriceError) -> [PlanarPolygon] {
        var parts: [PlanarPolygon] = []
        parts.reserveCapacity(polygons.count)
        for (partIndex, polygon) in polygons.enumerated() {
            var rings: [[SIMD2<Double>]] = []
            rings.reserveCapacity(polygon.rings.count)
            for (ringIndex, ring) in polygon.rings.enumerated() {
                var points = continuous(ring)
                if points[0].x != points[points.count - 1].x {
                    let coordinates = path.appending("coordinates")
                    let ringPath = polygons.count > 1 ? coordinates.appending(partIndex, ringIndex) : coordinates.appending(ringIndex)
                    var details: JSONObject = ["ring": .number(Double(ringIndex)), "reason": "encircles a pole"]
                    if polygons.count > 1 { details["part"] = .number(Double(partIndex)) }
                    throw GeoPriceError(
                        .invalidGeometry, "ring \(ringIndex) winds around a pole; an AOI must not contain a pole",
                        path: ringPath.description, details: details)
                }
                if let exterior = rings.first {
                    points = shifted(points, by: turns(from: meanLongitude(points), to: meanLongitude(exterior)))
                }
                rings.append(points)
            }
            parts.append(PlanarPolygon(rings: rings))
        }
        return parts
    }

    /// The length (m) of the cut along ±180° in an RFC 7946 split AOI: where an edge on +180° and an edge on −180°
    /// cover the same latitudes, that stretch is a seam between parts, counted once on each side.
    public static func cutLength(of polygons: [Polygon]) -> Double {
        let (east, west) = edgesOnAntimeridian(polygons)
        var length = 0.0
        for eastSpan in east {
            for westSpan in west {
                let low = max(eastSpan.lowerBound, westSpan.lowerBound)
                let high = min(eastSpan.upperBound, westSpan.upperBound)
                if high > low { length += Geodesic.distance(from: SIMD2(180, low), to: SIMD2(180, high)) }
            }
        }
        return length
    }

    /// The area-weighted planar centroid (GEOS, degrees) of an unwrapped AOI: DESIGN.md's point for the UTM zone
    /// and for the AOI-centred frames; its longitude may lie beyond ±180°.
    /// - Throws: ``GeoPriceError`` `invalid_geometry` if GEOS fails.
    public static func centroid(of unwrapped: [PlanarPolygon], path: JSONPath) throws(GeoPriceError) -> SIMD2<Double> {
        do {
            return try Planar.centroid(of: unwrapped)
        } catch {
            throw GeoPriceError(error, step: "find the centroid", path: path.description)
        }
    }

    /// How far (degrees) a longitude may lie from ±180° and still be on the cut, and by how much two cut edges'
    /// latitudes may differ and still be one seam: real data carries float noise there (Natural Earth's Russia has
    /// vertices at 180.00000000000006 and seams whose ends differ by 1.6e-13°); 1e-9° is about 0.1 mm.
    public static let seamTolerance = 1e-9

    /// Whether a longitude lies on ±180° within ``seamTolerance``.
    public static func isOnSeam(_ longitude: Double) -> Bool { abs(abs(longitude) - 180) <= seamTolerance }

    /// Whether an RFC 7946 split is malformed: edges lie on +180° and −180°, but some edge on one side shares no
    /// stretch of latitude with any edge on the other, so the part it bounds meets nothing across the cut. Seams
    /// need not match end to end: an L-shaped split (one side's seam −20..−10, the other's −15..−10) is one shape.
    public static func hasMismatchedCut(_ polygons: [Polygon]) -> Bool {
        let (east, west) = edgesOnAntimeridian(polygons)
        guard !east.isEmpty, !west.isEmpty else { return false }
        func meets(_ span: ClosedRange<Double>, _ others: [ClosedRange<Double>]) -> Bool {
            others.contains { min($0.upperBound, span.upperBound) - max($0.lowerBound, span.lowerBound) > seamTolerance }
        }
        return !east.allSatisfy({ meets($0, west) }) || !west.allSatisfy({ meets($0, east) })
    }

    /// The latitude spans of the edges lying on +180° and on −180° (both ends within ``seamTolerance`` of one).
    private static func edgesOnAntimeridian(_ polygons: [Polygon]) -> (east: [ClosedRange<Double>], west: [ClosedRange<Double>]) {
        var east: [ClosedRange<Double>] = []
        var west: [ClosedRange<Double>] = []
        for polygon in polygons {
            for ring in polygon.rings {
                for (start, end) in zip(ring, ring.dropFirst())
                where isOnSeam(start.longitude) && isOnSeam(end.longitude) && (start.longitude > 0) == (end.longitude > 0) {
                    let span = min(start.latitude, end.latitude)...max(start.latitude, end.latitude)
                    if start.longitude > 0 { east.append(span) } else { west.append(span) }
                }
            }
        }
        return (east, west)
    }

    /// A longitude brought into [−180, 180).
    public static func normalized(_ longitude: Double) -> Double {
        let wrapped = (longitude + 180).truncatingRemainder(dividingBy: 360)
        return (wrapped < 0 ? wrapped + 360 : wrapped) - 180
    }

    /// Makes a ring's longitudes continuous in place: no step between consecutive points exceeds 180°.
    public static func makeContinuous(_ points: inout [SIMD2<Double>]) {
        var offset = 0.0
        var previous = points.first?.x ?? 0
        for index in points.indices {
            let longitude = points[index].x
            let step = longitude - previous
            if step > 180 { offset -= 360 } else if step < -180 { offset += 360 }
            previous = longitude
            points[index].x = longitude + offset
        }
    }

    // MARK: - Helpers

    /// A ring's points with longitudes on the seam snapped to ±180° (so that split parts placed side by side meet
    /// instead of overlapping by float noise), then made continuous.
    private static func continuous(_ ring: [Position]) -> [SIMD2<Double>] {
        var points = ring.map { SIMD2(isOnSeam($0.longitude) ? ($0.longitude > 0 ? 180 : -180) : $0.longitude, $0.latitude) }
        makeContinuous(&points)
        return points
    }

    private static func meanLongitude(_ ring: [SIMD2<Double>]) -> Double {
        ring.dropLast().reduce(0) { $0 + $1.x } / Double(max(ring.count - 1, 1))
    }

    private static func turns(from longitude: Double, to reference: Double) -> Double {
        ((reference - longitude) / 360).rounded() * 360
    }

    private static func shifted(_ ring: [SIMD2<Double>], by offset: Double) -> [SIMD2<Double>] {
        offset == 0 ? ring : ring.map { SIMD2($0.x + offset, $0.y) }
    }
}
