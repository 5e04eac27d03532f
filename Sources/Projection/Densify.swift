import CPROJ

/// New vertices on long edges, so that a transform bends them as the shape would bend.
public enum Densify {
    /// A lon/lat line or ring (longitudes continuous) with vertices added along each edge's geodesic on WGS84 so
    /// that no piece is longer than `maxSegmentMetres`. Returns the points and, for each, the index of the input
    /// vertex it came from (its edge's start), to name vertices in errors.
    public static func geodesic(_ points: [SIMD2<Double>], maxSegmentMetres: Double) -> (points: [SIMD2<Double>], origins: [Int]) {
        guard points.count > 1, maxSegmentMetres > 0 else { return (points, Array(points.indices)) }
        var geodesic = Geodesic.wgs84
        var result: [SIMD2<Double>] = []
        var origins: [Int] = []
        for index in 0..<(points.count - 1) {
            let start = points[index]
            let end = points[index + 1]
            result.append(start)
            origins.append(index)
            var distance = 0.0
            var azimuth = 0.0
            var backAzimuth = 0.0
            geod_inverse(&geodesic, start.y, start.x, end.y, end.x, &distance, &azimuth, &backAzimuth)
            let pieces = Int((distance / maxSegmentMetres).rounded(.up))
            guard pieces > 1 else { continue }
            var line = geod_geodesicline()
            geod_lineinit(&line, &geodesic, start.y, start.x, azimuth, UInt32(GEOD_LATITUDE.rawValue | GEOD_LONGITUDE.rawValue | GEOD_DISTANCE_IN.rawValue))
            for piece in 1..<pieces {
                var latitude = 0.0
                var longitude = 0.0
                var unused = 0.0
                _ = geod_genposition(
                    &line, UInt32(GEOD_LONG_UNROLL.rawValue), distance * Double(piece) / Double(pieces), &latitude, &longitude,
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
    public static func linear(_ points: [SIMD2<Double>], maxSegment: Double) -> (points: [SIMD2<Double>], origins: [Int]) {
        guard points.count > 1, maxSegment > 0 else { return (points, Array(points.indices)) }
        var result: [SIMD2<Double>] = []
        var origins: [Int] = []
        for index in 0..<(points.count - 1) {
            let start = points[index]
            let step = points[index + 1] - start
            let pieces = Int(((step * step).sum().squareRoot() / maxSegment).rounded(.up))
            result.append(start)
            origins.append(index)
            guard pieces > 1 else { continue }
            for piece in 1..<pieces {
                result.append(start + step * (Double(piece) / Double(pieces)))
                origins.append(index)
            }
        }
        result.append(points[points.count - 1])
        origins.append(points.count - 1)
        return (result, origins)
    }
}
