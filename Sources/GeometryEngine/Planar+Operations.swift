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

    /// The minimum width (`GEOSMinimumWidth_r`), in the plane's units.
    public static func minimumWidth(of polygons: [PlanarPolygon]) throws(GEOSFailure) -> Double {
        let segment = try minimumWidthSegment(of: polygons)
        return ((segment.1 - segment.0) * (segment.1 - segment.0)).sum().squareRoot()
    }

    /// The minimum-width rectangle around polygons: its sides and the midpoints of each pair of opposite sides.
    public struct Rectangle: Sendable {
        /// The shorter side: the minimum width.
        public var width: Double
        /// The longer side: the extent across the width's direction.
        public var length: Double
        /// The midpoints of the two long sides, `width` apart.
        public var widthEnds: (SIMD2<Double>, SIMD2<Double>)
        /// The midpoints of the two short sides, `length` apart.
        public var lengthEnds: (SIMD2<Double>, SIMD2<Double>)
    }

    /// The minimum-width rectangle around polygons, all parts together. Measured from `GEOSMinimumWidth_r` rather
    /// than taken from `GEOSMinimumRotatedRectangle_r`, which from GEOS 3.12 returns the minimum-*area* rectangle
    /// instead, so that it does not depend on the GEOS version. Degenerate input (collinear points) gives a zero width
    /// and the points' extent as the length.
    public static func minimumWidthRectangle(of polygons: [PlanarPolygon]) throws(GEOSFailure) -> Rectangle {
        let (from, to) = try minimumWidthSegment(of: polygons)
        let points = polygons.flatMap { $0.rings.flatMap { $0 } }
        guard let first = points.first else { return Rectangle(width: 0, length: 0, widthEnds: (.zero, .zero), lengthEnds: (.zero, .zero)) }
        let segment = to - from
        let width = (segment * segment).sum().squareRoot()
        let along: SIMD2<Double>
        if width > 0 {
            along = SIMD2(-segment.y, segment.x) / width
        } else {
            let farthest = points.max { (($0 - first) * ($0 - first)).sum() < (($1 - first) * ($1 - first)).sum() }!
            let reach = ((farthest - first) * (farthest - first)).sum().squareRoot()
            guard reach > 0 else { return Rectangle(width: 0, length: 0, widthEnds: (first, first), lengthEnds: (first, first)) }
            along = (farthest - first) / reach
        }
        let across = SIMD2(along.y, -along.x)
        var alongRange = (low: Double.infinity, high: -Double.infinity)
        var acrossRange = (low: Double.infinity, high: -Double.infinity)
        for point in points {
            let a = (point * along).sum(), c = (point * across).sum()
            alongRange = (min(alongRange.low, a), max(alongRange.high, a))
            acrossRange = (min(acrossRange.low, c), max(acrossRange.high, c))
        }
        let middleAlong = (alongRange.low + alongRange.high) / 2, middleAcross = (acrossRange.low + acrossRange.high) / 2
        func point(along a: Double, across c: Double) -> SIMD2<Double> { a * along + c * across }
        return Rectangle(
            width: width, length: alongRange.high - alongRange.low,
            widthEnds: (point(along: middleAlong, across: acrossRange.low), point(along: middleAlong, across: acrossRange.high)),
            lengthEnds: (point(along: alongRange.low, across: middleAcross), point(along: alongRange.high, across: middleAcross)))
    }

    /// The two ends of the minimum width's segment (`GEOSMinimumWidth_r`).
    private static func minimumWidthSegment(of polygons: [PlanarPolygon]) throws(GEOSFailure) -> (SIMD2<Double>, SIMD2<Double>) {
        let context = GEOSContext.current
        let geometry = try context.makeGeometry(polygons)
        guard let line = GEOSMinimumWidth_r(context.handle, geometry.pointer) else { throw context.failure("GEOSMinimumWidth_r") }
        let segment = GEOSGeometry(taking: line, context: context)
        let ends = try context.points(of: segment.pointer)
        guard let first = ends.first, let last = ends.last else { return (.zero, .zero) }
        return (first, last)
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
