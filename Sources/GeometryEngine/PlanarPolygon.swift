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

    /// Whether a closed ring is strictly convex and winds once, each turn's sign beyond doubt (a cross product
    /// far above its rounding error); such a ring is simple, so a polygon made of it alone is valid. `false` when
    /// unsure (collinear or repeated points, near-straight turns): the caller then asks GEOS.
    public static func isStrictlyConvex(_ ring: [SIMD2<Double>]) -> Bool {
        let count = ring.count - 1
        guard count >= 3, ring[0] == ring[count] else { return false }
        var turnSign = 0.0
        var xSignChanges = 0
        var ySignChanges = 0
        var previousEdge = ring[count] - ring[count - 1]
        // The sign changes are counted around the cycle, from the last edge that moves along each axis.
        let edges = (0..<count).reversed().lazy.map { ring[$0 + 1] - ring[$0] }
        guard var previousX = edges.first(where: { $0.x != 0 })?.x.sign, var previousY = edges.first(where: { $0.y != 0 })?.y.sign else {
            return false
        }
        for index in 0..<count {
            let edge = ring[index + 1] - ring[index]
            let left = previousEdge.x * edge.y
            let right = previousEdge.y * edge.x
            let cross = left - right
            guard abs(cross) > 1e-9 * (abs(left) + abs(right)) else { return false }
            if turnSign == 0 { turnSign = cross.sign == .minus ? -1 : 1 }
            guard (cross < 0) == (turnSign < 0) else { return false }
            if edge.x != 0 {
                if edge.x.sign != previousX { xSignChanges += 1 }
                previousX = edge.x.sign
            }
            if edge.y != 0 {
                if edge.y.sign != previousY { ySignChanges += 1 }
                previousY = edge.y.sign
            }
            previousEdge = edge
        }
        return xSignChanges <= 2 && ySignChanges <= 2
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
