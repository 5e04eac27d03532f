/// A polygon in some plane (lon/lat degrees, or metres of a projected CRS): rings of points, exterior first, each
/// closed (last point equal to the first).
///
/// Points are `SIMD2<Double>` (x, y), laid out as interleaved doubles, so a ring is also the coordinate buffer that
/// GEOS and PROJ read without conversion.
public struct PlanarPolygon: Sendable, Hashable {
    /// The rings, exterior first.
    public var rings: [[SIMD2<Double>]]

    /// Creates a polygon from its rings.
    public init(rings: [[SIMD2<Double>]]) { self.rings = rings }

    /// The area by the shoelace formula: |exterior| − Σ |holes|, in squared units of the plane.
    /// Identical to `GEOSArea_r` on the same coordinates.
    public var area: Double {
        guard let exterior = rings.first else { return 0 }
        return rings.dropFirst().reduce(abs(Self.signedArea(exterior))) { $0 - abs(Self.signedArea($1)) }
    }

    /// Whether a ring encloses no area at all: every point lies on one line (or on one point). A self-intersecting
    /// ring whose lobes cancel (a bowtie) is not degenerate: its signed area is zero, but it is invalid instead.
    public static func isDegenerate(_ ring: [SIMD2<Double>]) -> Bool {
        guard let origin = ring.first else { return true }
        var spread = 0.0
        var swept = 0.0
        var previous = SIMD2<Double>(0, 0)
        for point in ring.dropFirst() {
            let relative = point - origin
            spread = max(spread, abs(relative.x), abs(relative.y))
            swept += abs(previous.x * relative.y - relative.x * previous.y)
            previous = relative
        }
        // Collinear points give crossings of rounding size only: below 1e-12 of the ring's extent squared.
        return swept <= 1e-12 * spread * spread
    }

    /// The shoelace area of a closed ring, positive when counter-clockwise. Coordinates are taken relative to the
    /// first point so that large eastings and northings lose no precision.
    public static func signedArea(_ ring: some Collection<SIMD2<Double>>) -> Double {
        guard ring.count > 3, let origin = ring.first else { return 0 }
        var sum = 0.0
        var previous = SIMD2<Double>(0, 0)
        for point in ring.dropFirst() {
            let relative = point - origin
            sum += previous.x * relative.y - relative.x * previous.y
            previous = relative
        }
        return sum / 2
    }
}

extension Array where Element == PlanarPolygon {
    /// The summed area of the parts.
    public var area: Double { reduce(0) { $0 + $1.area } }
}
