import GeoJSON
import GeometryEngine
import Projection

/// The plane one AOI's coverage is computed in, remembering where each input vertex came from so that the result
/// gives back input vertices bit for bit and projects back only the vertices the overlay made.
struct _GnomonicFrame {
    let projection: Gnomonic
    private(set) var origins: [SIMD2<Double>: SIMD2<Double>] = [:]

    init(center: SIMD2<Double>) { projection = Gnomonic(center: SIMD2(Antimeridian.normalized(center.x), center.y)) }

    init(projection: Gnomonic) { self.projection = projection }

    /// Lon/lat polygons (longitudes continuous) in the plane.
    mutating func project(_ polygons: [PlanarPolygon], path: JSONPath) throws(GeoPriceError) -> [PlanarPolygon] {
        var result: [PlanarPolygon] = []
        result.reserveCapacity(polygons.count)
        for polygon in polygons {
            var rings: [[SIMD2<Double>]] = []
            for ring in polygon.rings {
                var points: [SIMD2<Double>] = []
                points.reserveCapacity(ring.count)
                for (index, point) in ring.enumerated() {
                    if index == ring.count - 1, index > 0, point == ring[0] {
                        points.append(points[0])
                        continue
                    }
                    guard let projected = projection.forward(point) else {
                        throw GeoPriceError(
                            .tooLarge, "a shape reaches a quarter of the Earth or more from the AOI's centre", path: path.description,
                            details: ["longitude": .number(point.x), "latitude": .number(point.y)])
                    }
                    origins[projected] = point
                    points.append(projected)
                }
                rings.append(points)
            }
            result.append(PlanarPolygon(rings: rings))
        }
        return result
    }

    /// Captures' footprints and cloud masks in the plane, projected on all cores when there are many.
    mutating func project(_ captures: [Capture]) throws(GeoPriceError) -> (footprints: [[PlanarPolygon]], clouds: [[PlanarPolygon]]) {
        let projection = projection
        // Few captures (an order's AOIs are already spread over the cores) make one chunk, projected on this thread.
        let results = concurrentMap(count: captures.count, chunkSize: captures.count < 1_024 ? max(captures.count, 1) : 256) { chunk in
            Result { () throws(GeoPriceError) -> ([[PlanarPolygon]], [[PlanarPolygon]], [SIMD2<Double>: SIMD2<Double>]) in
                var frame = _GnomonicFrame(projection: projection)
                var footprints: [[PlanarPolygon]] = []
                var clouds: [[PlanarPolygon]] = []
                for capture in captures[chunk] {
                    footprints.append(try frame.project(Antimeridian.unwrapped(capture.footprint, path: capture.path), path: capture.path))
                    clouds.append(try frame.project(Antimeridian.unwrapped(capture.clouds, path: capture.path), path: capture.path))
                }
                return (footprints, clouds, frame.origins)
            }
        }
        var footprints: [[PlanarPolygon]] = []
        var clouds: [[PlanarPolygon]] = []
        for result in results {
            let (chunkFootprints, chunkClouds, chunkOrigins) = try result.get()
            footprints += chunkFootprints
            clouds += chunkClouds
            origins.merge(chunkOrigins) { first, _ in first }
        }
        return (footprints, clouds)
    }

    /// Polygons of the plane back in lon/lat, longitudes continuous with the AOI's. Input vertices come back bit for
    /// bit; the vertices the overlay made are projected back (each once, on all cores when there are many).
    mutating func lonLat(_ polygons: [PlanarPolygon]) -> [PlanarPolygon] {
        var fresh: Set<SIMD2<Double>> = []
        for polygon in polygons {
            for ring in polygon.rings {
                for point in ring where origins[point] == nil { fresh.insert(point) }
            }
        }
        let points = Array(fresh)
        let projection = projection
        let back: [SIMD2<Double>]
        if points.count >= 2_048 {
            back = concurrentMap(count: points.count, chunkSize: 1_024) { chunk in points[chunk].map(projection.inverse) }.flatMap { $0 }
        } else {
            back = points.map(projection.inverse)
        }
        for (point, lonLat) in zip(points, back) { origins[point] = lonLat }
        return polygons.map { polygon in
            PlanarPolygon(rings: polygon.rings.map { ring in ring.map { origins[$0]! } })
        }
    }
}
