import CGEOS

extension Planar {
    /// What ``makeValid(_:)`` did.
    public struct Repair: Sendable, Hashable {
        /// The valid polygons (areal parts only).
        public var polygons: [PlanarPolygon]
        /// Whether the input was already valid (and is returned unchanged).
        public var wasValid: Bool
        /// GEOS' reason for the invalidity that was repaired, if any.
        public var reason: String?
    }

    /// Makes polygons valid with GEOS' `MakeValid` (structure method, collapsed parts dropped:
    /// `GEOSMakeValidWithParams_r`, GEOS 3.10), keeping only the areal parts. A bowtie becomes its two triangles.
    public static func makeValid(_ polygons: [PlanarPolygon]) throws(GEOSFailure) -> Repair {
        guard let problem = try invalidity(of: polygons) else { return Repair(polygons: polygons, wasValid: true) }
        let context = GEOSContext.current
        let geometry = try context.makeGeometry(polygons)
        guard let parameters = GEOSMakeValidParams_create_r(context.handle) else { throw context.failure("GEOSMakeValidParams_create_r") }
        defer { GEOSMakeValidParams_destroy_r(context.handle, parameters) }
        GEOSMakeValidParams_setMethod_r(context.handle, parameters, GEOS_MAKE_VALID_STRUCTURE)
        GEOSMakeValidParams_setKeepCollapsed_r(context.handle, parameters, 0)
        guard let valid = GEOSMakeValidWithParams_r(context.handle, geometry.pointer, parameters) else {
            throw context.failure("GEOSMakeValidWithParams_r")
        }
        let result = GEOSGeometry(taking: valid, context: context)
        return Repair(polygons: try context.polygons(of: result.pointer), wasValid: false, reason: problem.reason)
    }

    /// The width of the minimum rotated rectangle (`GEOSMinimumWidth_r`), in the plane's units.
    public static func minimumWidth(of polygons: [PlanarPolygon]) throws(GEOSFailure) -> Double {
        let context = GEOSContext.current
        let geometry = try context.makeGeometry(polygons)
        guard let line = GEOSMinimumWidth_r(context.handle, geometry.pointer) else { throw context.failure("GEOSMinimumWidth_r") }
        let segment = GEOSGeometry(taking: line, context: context)
        var length = 0.0
        guard GEOSLength_r(context.handle, segment.pointer, &length) != 0 else { throw context.failure("GEOSLength_r") }
        return length
    }

    /// The sides of the minimum rotated rectangle (`GEOSMinimumRotatedRectangle_r`, which GEOS 3.11 builds on the
    /// minimum width, so `width` is ``minimumWidth(of:)``), in the plane's units: `width` the shorter, `length` the
    /// longer. Degenerate input (a segment, a point) gives a zero width.
    public static func minimumRectangleSides(of polygons: [PlanarPolygon]) throws(GEOSFailure) -> (width: Double, length: Double) {
        let context = GEOSContext.current
        let geometry = try context.makeGeometry(polygons)
        guard let made = GEOSMinimumRotatedRectangle_r(context.handle, geometry.pointer) else {
            throw context.failure("GEOSMinimumRotatedRectangle_r")
        }
        let rectangle = GEOSGeometry(taking: made, context: context)
        guard Int(GEOSGeomTypeId_r(context.handle, rectangle.pointer)) == Int(GEOS_POLYGON.rawValue) else {
            var length = 0.0
            guard GEOSLength_r(context.handle, rectangle.pointer, &length) != 0 else { throw context.failure("GEOSLength_r") }
            return (0, length)
        }
        let corners = try context.polygons(of: rectangle.pointer).first?.rings.first ?? []
        guard corners.count >= 3 else { return (0, 0) }
        let first = ((corners[1] - corners[0]) * (corners[1] - corners[0])).sum().squareRoot()
        let second = ((corners[2] - corners[1]) * (corners[2] - corners[1])).sum().squareRoot()
        return (min(first, second), max(first, second))
    }

    /// The polygons grown (or, for a negative distance, shrunk) by a distance in the plane's units
    /// (`GEOSBuffer_r`, 16 segments per quarter circle).
    public static func buffer(_ polygons: [PlanarPolygon], by distance: Double) throws(GEOSFailure) -> [PlanarPolygon] {
        let context = GEOSContext.current
        let geometry = try context.makeGeometry(polygons)
        guard let buffered = GEOSBuffer_r(context.handle, geometry.pointer, distance, 16) else { throw context.failure("GEOSBuffer_r") }
        let result = GEOSGeometry(taking: buffered, context: context)
        return try context.polygons(of: result.pointer)
    }

    /// The parts of polygons that lie within a rectangle (`GEOSClipByRect_r`), for cutting at ±180°.
    public static func clip(_ polygons: [PlanarPolygon], to minimum: SIMD2<Double>, _ maximum: SIMD2<Double>) throws(GEOSFailure) -> [PlanarPolygon] {
        let context = GEOSContext.current
        let geometry = try context.makeGeometry(polygons)
        guard let clipped = GEOSClipByRect_r(context.handle, geometry.pointer, minimum.x, minimum.y, maximum.x, maximum.y) else {
            throw context.failure("GEOSClipByRect_r")
        }
        let result = GEOSGeometry(taking: clipped, context: context)
        return try context.polygons(of: result.pointer)
    }
}
