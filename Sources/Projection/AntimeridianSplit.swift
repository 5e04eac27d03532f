import CPROJ
import GeometryEngine

extension Antimeridian {
    /// Lon/lat polygons cut at ±180° into parts that each lie within [−180°, 180°], as RFC 7946 asks. Rings are
    /// first made continuous in longitude (so a ring that PROJ wrapped to ±180° is whole again), holes next to their
    /// exterior. The cut vertices are placed where each edge's geodesic meets the meridian, so
    /// the parts are the same geodesic polygon as the whole (the same area to rounding).
    public static func split(_ polygons: [PlanarPolygon]) throws -> [PlanarPolygon] {
        var result: [PlanarPolygon] = []
        for polygon in polygons {
            var polygon = continuous(polygon)
            let turns = ((polygon.rings[0].reduce(0) { $0 + $1.x } / Double(polygon.rings[0].count)) / 360).rounded() * 360
            if turns != 0 { polygon.rings = polygon.rings.map { $0.map { SIMD2($0.x - turns, $0.y) } } }
            let xs = polygon.rings.flatMap { $0.map(\.x) }
            guard let west = xs.min(), let east = xs.max(), west < -180 || east > 180 else {
                result.append(polygon)
                continue
            }
            polygon.rings = polygon.rings.map(withMeridianCrossings)
            let firstBand = Int(((west + 180) / 360).rounded(.down))
            let lastBand = Int(((east + 180) / 360).rounded(.down))
            for band in firstBand...lastBand {
                let offset = Double(band) * 360
                let pieces = try Planar.clip([polygon], to: SIMD2(offset - 180, -90), SIMD2(offset + 180, 90))
                result += pieces.map { PlanarPolygon(rings: $0.rings.map { $0.map { SIMD2($0.x - offset, $0.y) } }) }
            }
        }
        return result
    }

    private static func continuous(_ polygon: PlanarPolygon) -> PlanarPolygon {
        var rings = polygon.rings
        for index in rings.indices {
            makeContinuous(&rings[index])
            if index > 0 {
                let offset = ((rings[0][0].x - rings[index][0].x) / 360).rounded() * 360
                if offset != 0 { rings[index] = rings[index].map { SIMD2($0.x + offset, $0.y) } }
            }
        }
        return PlanarPolygon(rings: rings)
    }

    /// The ring with a vertex added wherever an edge crosses a meridian ±180° + k·360°, on the edge's geodesic.
    private static func withMeridianCrossings(_ ring: [SIMD2<Double>]) -> [SIMD2<Double>] {
        var result: [SIMD2<Double>] = []
        result.reserveCapacity(ring.count + 4)
        for (start, end) in zip(ring, ring.dropFirst()) {
            result.append(start)
            let low = min(start.x, end.x)
            let high = max(start.x, end.x)
            var meridian = ((low + 180) / 360).rounded(.up) * 360 - 180
            var crossings: [SIMD2<Double>] = []
            while meridian <= high {
                if meridian > low && meridian < high { crossings.append(geodesicCrossing(from: start, to: end, meridian: meridian)) }
                meridian += 360
            }
            result += start.x < end.x ? crossings : crossings.reversed()
        }
        result.append(ring[ring.count - 1])
        return result
    }

    /// Where the geodesic from `start` to `end` (continuous longitudes) meets a meridian: bisection on the distance
    /// along the geodesic line, to the last bit.
    private static func geodesicCrossing(from start: SIMD2<Double>, to end: SIMD2<Double>, meridian: Double) -> SIMD2<Double> {
        var geodesic = Geodesic.wgs84
        var distance = 0.0
        var azimuth = 0.0
        var backAzimuth = 0.0
        geod_inverse(&geodesic, start.y, start.x, end.y, end.x, &distance, &azimuth, &backAzimuth)
        var line = geod_geodesicline()
        geod_lineinit(&line, &geodesic, start.y, start.x, azimuth, UInt32(GEOD_LATITUDE.rawValue | GEOD_LONGITUDE.rawValue | GEOD_DISTANCE_IN.rawValue))
        func position(_ s: Double) -> SIMD2<Double> {
            var latitude = 0.0
            var longitude = 0.0
            var unused = 0.0
            _ = geod_genposition(&line, UInt32(GEOD_LONG_UNROLL.rawValue), s, &latitude, &longitude, &unused, nil, nil, nil, nil, nil)
            return SIMD2(longitude, latitude)
        }
        let eastward = end.x > start.x
        var low = 0.0
        var high = distance
        for _ in 0..<80 {
            let middle = (low + high) / 2
            if (position(middle).x < meridian) == eastward { low = middle } else { high = middle }
        }
        return SIMD2(meridian, position((low + high) / 2).y)
    }
}
