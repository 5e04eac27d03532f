import CPROJ
import GeoJSON

/// New vertices on long edges, so that a transform bends them as the shape would bend. The vertices a
/// densification needs are counted before any is made: past `maxPoints` it is refused, so a tiny step can neither
/// exhaust memory nor overflow a count.
public enum Densify {
    /// A lon/lat line or ring (longitudes continuous) with vertices added along each edge's geodesic on WGS84 so
    /// that no piece is longer than `maxSegmentMetres`. Returns the points and, for each, the index of the input
    /// vertex it came from (its edge's start), to name vertices in errors.
    /// - Throws: ``GeoPriceError`` `limit_exceeded` (`maxVerticesPerAOI`) when more than `maxPoints` points would
    ///   result, naming the count.
    public static func geodesic(_ points: [SIMD2<Double>], maxSegmentMetres: Double, maxPoints: Int = InputLimits.standard.maxVerticesPerAOI)
        throws(GeoPriceError) -> (points: [SIMD2<Double>], origins: [Int])
    {
        guard points.count > 1, maxSegmentMetres > 0 else { return (points, Array(points.indices)) }
        var geodesic = Geodesic.wgs84
        var edges: [(distance: Double, azimuth: Double)] = []
        edges.reserveCapacity(points.count - 1)
        for index in 0..<(points.count - 1) {
            let start = points[index]
            let end = points[index + 1]
            var distance = 0.0
            var azimuth = 0.0
            var backAzimuth = 0.0
            geod_inverse(&geodesic, start.y, start.x, end.y, end.x, &distance, &azimuth, &backAzimuth)
            edges.append((distance, azimuth))
        }
        let pieces = try counted(edges.map { $0.distance / maxSegmentMetres }, maxPoints: maxPoints, step: maxSegmentMetres)
        var result: [SIMD2<Double>] = []
        var origins: [Int] = []
        for (index, edge) in edges.enumerated() {
            let start = points[index]
            result.append(start)
            origins.append(index)
            guard pieces[index] > 1 else { continue }
            var line = geod_geodesicline()
            geod_lineinit(&line, &geodesic, start.y, start.x, edge.azimuth, UInt32(GEOD_LATITUDE.rawValue | GEOD_LONGITUDE.rawValue | GEOD_DISTANCE_IN.rawValue))
            for piece in 1..<pieces[index] {
                var latitude = 0.0
                var longitude = 0.0
                var unused = 0.0
                _ = geod_genposition(
                    &line, UInt32(GEOD_LONG_UNROLL.rawValue), edge.distance * Double(piece) / Double(pieces[index]), &latitude, &longitude,
                    &unused, nil, nil, nil, nil, nil)
                result.append(SIMD2(longitude, latitude))
                origins.append(index)
            }
        }
        result.append(points[points.count - 1])
        origins.append(points.count - 1)
        return (result, origins)
    }

    /// A planar line or ring with vertices added on each straight edge so that no piece is longer than
    /// `maxSegment` (in the plane's units).
    /// - Throws: ``GeoPriceError`` `limit_exceeded` as ``geodesic(_:maxSegmentMetres:maxPoints:)``.
    public static func linear(_ points: [SIMD2<Double>], maxSegment: Double, maxPoints: Int = InputLimits.standard.maxVerticesPerAOI)
        throws(GeoPriceError) -> (points: [SIMD2<Double>], origins: [Int])
    {
        guard points.count > 1, maxSegment > 0 else { return (points, Array(points.indices)) }
        let steps = (0..<(points.count - 1)).map { points[$0 + 1] - points[$0] }
        let pieces = try counted(steps.map { ($0 * $0).sum().squareRoot() / maxSegment }, maxPoints: maxPoints, step: maxSegment)
        var result: [SIMD2<Double>] = []
        var origins: [Int] = []
        for (index, step) in steps.enumerated() {
            let start = points[index]
            result.append(start)
            origins.append(index)
            guard pieces[index] > 1 else { continue }
            for piece in 1..<pieces[index] {
                result.append(start + step * (Double(piece) / Double(pieces[index])))
                origins.append(index)
            }
        }
        result.append(points[points.count - 1])
        origins.append(points.count - 1)
        return (result, origins)
    }

    /// Each edge's piece count (its length over the step, rounded up, at least 1), checked as a `Double` against
    /// the budget before any becomes an `Int`.
    private static func counted(_ ratios: [Double], maxPoints: Int, step: Double) throws(GeoPriceError) -> [Int] {
        var total = 1.0
        for ratio in ratios { total += max(1, ratio.rounded(.up)) }
        guard total.isFinite, total <= Double(maxPoints) else {
            let count = total.isFinite && total < 9e18 ? Int(total) : Int.max
            var error = InputLimits.exceeded(
                "maxVerticesPerAOI", maxPoints, count, what: "vertices after densifying to \(step) per piece")
            if count == Int.max { error.details["value"] = .string("\(total)") }
            throw error
        }
        return ratios.map { Int(max(1, $0.rounded(.up))) }
    }
}
