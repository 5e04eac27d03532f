import CPROJ
import Foundation

/// Karney's ellipsoidal gnomonic projection (Algorithms for geodesics, 2013, §8) about a centre on WGS84: geodesics
/// through the centre are straight lines, and every other geodesic near it is straight to within a hair (on a sphere,
/// exactly). Overlaying polygons in this plane gives the overlay whose edges are geodesics, as DESIGN.md's coverage
/// asks. PROJ 9.1's `gnom` is spherical only, so this is built on `geodesic.h`:
/// forward from `geod_geninverse`'s azimuth, reduced length m12 and geodesic scale M12 (ρ = m12 / M12);
/// inverse by Newton's method on the distance along the geodesic from the centre.
public struct Gnomonic: Sendable, Hashable {
    /// The centre, lon/lat degrees.
    public let center: SIMD2<Double>

    /// A projection about a lon/lat centre.
    public init(center: SIMD2<Double>) { self.center = center }

    /// A lon/lat point in the plane (metres), or `nil` when it lies a quarter of the Earth or more away from the
    /// centre (M12 ≤ 0), where the projection does not reach.
    public func forward(_ point: SIMD2<Double>) -> SIMD2<Double>? {
        var geodesic = Geodesic.wgs84
        var azimuth1 = 0.0, m12 = 0.0, M12 = 0.0
        // Only what the projection needs: asking for the area (S12) or the far end's quantities costs more.
        _ = geod_geninverse(&geodesic, center.y, center.x, point.y, point.x, nil, &azimuth1, nil, &m12, &M12, nil, nil)
        guard M12 > 0 else { return nil }
        let rho = m12 / M12
        let radians = azimuth1 * .pi / 180
        return SIMD2(rho * sin(radians), rho * cos(radians))
    }

    /// The lon/lat point (longitude continuous with the centre's) of a point in the plane.
    public func inverse(_ point: SIMD2<Double>) -> SIMD2<Double> {
        var geodesic = Geodesic.wgs84
        let a = geodesic.a
        let azimuth = atan2(point.x, point.y) * 180 / .pi
        var rho = (point * point).sum().squareRoot()
        let little = rho <= a
        if !little { rho = 1 / rho }
        var line = geod_geodesicline()
        let caps = GEOD_LATITUDE.rawValue | GEOD_LONGITUDE.rawValue | GEOD_AZIMUTH.rawValue | GEOD_DISTANCE_IN.rawValue
            | GEOD_REDUCEDLENGTH.rawValue | GEOD_GEODESICSCALE.rawValue
        geod_lineinit(&line, &geodesic, center.y, center.x, azimuth, UInt32(caps))
        var distance = a * atan((point * point).sum().squareRoot() / a)
        var latitude = center.y
        var longitude = center.x
        for iteration in 0..<20 {
            var azimuth2 = 0.0, m12 = 0.0, M12 = 0.0, M21 = 0.0
            _ = geod_genposition(&line, UInt32(GEOD_LONG_UNROLL.rawValue), distance, &latitude, &longitude, &azimuth2, nil, &m12, &M12, &M21, nil)
            // Solve ρ(s) = ρ with dρ/ds = 1/M², or for far points 1/ρ(s) = 1/ρ with d(1/ρ)/ds = −1/m².
            let step = little ? (m12 - rho * M12) * M12 : (rho * m12 - M12) * m12
            distance -= step
            if abs(step) < 1e-10 * a || iteration == 19 {
                _ = geod_genposition(&line, UInt32(GEOD_LONG_UNROLL.rawValue), distance, &latitude, &longitude, nil, nil, nil, nil, nil, nil)
                break
            }
        }
        return SIMD2(longitude, latitude)
    }
}
