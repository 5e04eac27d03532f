import CGEOS

/// Planar operations through GEOS on coordinates as given (degrees or metres alike), on the calling thread's
/// GEOS context.
public enum Planar {
    /// Why GEOS finds a geometry invalid, and where.
    public struct Invalidity: Sendable, Hashable {
        /// GEOS' reason, e.g. `Self-intersection`.
        public var reason: String
        /// The point GEOS names, in the geometry's coordinates.
        public var location: SIMD2<Double>?
    }

    /// GEOS' validity verdict (`GEOSisValidDetail_r`) on polygons taken together as one (Multi)Polygon:
    /// `nil` when valid, else the reason and location.
    public static func invalidity(of polygons: [PlanarPolygon]) throws(GEOSFailure) -> Invalidity? {
        if polygons.count == 1, polygons[0].rings.count == 1, PlanarPolygon.isStrictlyConvex(polygons[0].rings[0]) { return nil }
        let context = GEOSContext.current
        return try context.validityDetail(of: context.makeGeometry(polygons)).map { Invalidity(reason: $0.reason, location: $0.location) }
    }

    /// The area-weighted centroid (`GEOSGetCentroid_r`) of polygons taken together.
    public static func centroid(of polygons: [PlanarPolygon]) throws(GEOSFailure) -> SIMD2<Double> {
        let context = GEOSContext.current
        let geometry = try context.makeGeometry(polygons)
        guard let centroid = GEOSGetCentroid_r(context.handle, geometry.pointer) else { throw context.failure("GEOSGetCentroid_r") }
        let point = GEOSGeometry(taking: centroid, context: context)
        return try context.pointCoordinates(point.pointer)
    }

    /// Which of the rectangles share interior with the polygons (DE-9IM `T********`), tested against the
    /// polygons prepared once (`GEOSPrepare_r`, `GEOSPreparedRelatePattern_r` is not in GEOS 3.11, so the prepared
    /// `intersects` filters and `GEOSRelatePattern_r` decides).
    /// - Parameter rectangles: each as (minimum corner, maximum corner).
    public static func interiorsIntersect(_ polygons: [PlanarPolygon], rectangles: [(SIMD2<Double>, SIMD2<Double>)]) throws(GEOSFailure) -> [Bool] {
        let context = GEOSContext.current
        let geometry = try context.makeGeometry(polygons)
        guard let prepared = GEOSPrepare_r(context.handle, geometry.pointer) else { throw context.failure("GEOSPrepare_r") }
        defer { GEOSPreparedGeom_destroy_r(context.handle, prepared) }
        return try rectangles.map { (minimum, maximum) throws(GEOSFailure) -> Bool in
            // GEOSGeom_createRectangle_r (GEOS 3.11).
            guard let box = GEOSGeom_createRectangle_r(context.handle, minimum.x, minimum.y, maximum.x, maximum.y) else {
                throw context.failure("GEOSGeom_createRectangle_r")
            }
            let rectangle = GEOSGeometry(taking: box, context: context)
            switch GEOSPreparedIntersects_r(context.handle, prepared, rectangle.pointer) {
            case 0: return false
            case 1: break
            default: throw context.failure("GEOSPreparedIntersects_r")
            }
            switch GEOSRelatePattern_r(context.handle, geometry.pointer, rectangle.pointer, "T********") {
            case 0: return false
            case 1: return true
            default: throw context.failure("GEOSRelatePattern_r")
            }
        }
    }
}
