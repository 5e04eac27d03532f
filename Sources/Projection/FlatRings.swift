import GeoJSON
import GeometryEngine

/// The vertices of polygons in one flat buffer, as PROJ transforms them in a single call, with the ring layout to
/// rebuild the polygons and to name a vertex (part, ring, index) in an error.
public struct FlatRings: Sendable, Hashable {
    /// Every position of every ring (closing positions included), part after part, ring after ring.
    public var points: [SIMD2<Double>]
    /// For each part, the range of `points` each ring occupies.
    public var layout: [[Range<Int>]]

    /// The vertices of GeoJSON polygons.
    public init(_ polygons: [Polygon]) {
        points = []
        points.reserveCapacity(polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } })
        layout = []
        for polygon in polygons {
            var ranges: [Range<Int>] = []
            for ring in polygon.rings {
                let start = points.count
                for position in ring { points.append(SIMD2(position.longitude, position.latitude)) }
                ranges.append(start..<points.count)
            }
            layout.append(ranges)
        }
    }

    /// The polygons, rebuilt from the points.
    public var polygons: [PlanarPolygon] {
        layout.map { ranges in PlanarPolygon(rings: ranges.map { Array(points[$0]) }) }
    }

    /// The planar area of the polygons (|exterior| − Σ|holes|, parts added), without rebuilding them.
    public var planarArea: Double {
        layout.reduce(0) { total, ranges in
            guard let exterior = ranges.first else { return total }
            return ranges.dropFirst().reduce(total + abs(PlanarPolygon.signedArea(points[exterior]))) { $0 - abs(PlanarPolygon.signedArea(points[$1])) }
        }
    }

    /// Where a flat index lies: its part, ring and vertex index.
    public func location(of flatIndex: Int) -> (part: Int, ring: Int, vertex: Int) {
        for (part, ranges) in layout.enumerated() {
            for (ring, range) in ranges.enumerated() where range.contains(flatIndex) {
                return (part, ring, flatIndex - range.lowerBound)
            }
        }
        return (0, 0, flatIndex)
    }

    /// The JSON path of a flat index's position inside an AOI's geometry at `path`.
    public func path(of flatIndex: Int, in aoi: AOI) -> JSONPath {
        let (part, ring, vertex) = location(of: flatIndex)
        let coordinates = aoi.path.appending("coordinates")
        return aoi.isMultiPolygon ? coordinates.appending(part, ring, vertex) : coordinates.appending(ring, vertex)
    }
}
