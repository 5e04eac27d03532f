import CPROJ
import Foundation
import GeoJSON
import GeometryEngine

/// Transforms coordinates from one CRS to another: any CRS PROJ knows, named as `EPSG:n`, a PROJ string, WKT or
/// PROJJSON, always in x = easting/longitude, y = northing/latitude order.
///
/// A value type that is safe to share: each thread builds the PROJ objects it needs once (per CRS pair) and reuses
/// them, as pyproj's `Transformer` is meant to be used.
public struct CRSTransformer: Sendable, Hashable {
    /// The source CRS as given.
    public let source: String
    /// The target CRS as given.
    public let target: String

    /// The WGS84 lon/lat CRS, in longitude, latitude order.
    public static let lonLat = "EPSG:4326"

    /// A transformer between two CRSs; checked on first use.
    public init(from source: String, to target: String) {
        self.source = source
        self.target = target
    }

    /// Checks that PROJ knows both CRSs and a way between them.
    /// - Throws: ``GeoPriceError`` `unknown_crs`.
    public func validate() throws(GeoPriceError) {
        _ = try PROJContext.current.transformation(from: source, to: target)
    }

    /// Metres per axis unit of the target CRS (1 for metres, 0.3048 for feet), or `nil` when it is geographic.
    public func targetMetresPerUnit() throws(GeoPriceError) -> Double? {
        try PROJContext.current.transformation(from: source, to: target).targetMetresPerUnit
    }

    /// The target CRS's area of use (degrees), when PROJ knows one.
    func targetAreaOfUse() throws(GeoPriceError) -> AreaOfUse? {
        try PROJContext.current.transformation(from: source, to: target).targetAreaOfUse
    }

    /// The point scale factor of the target CRS's map projection at a lon/lat point (`proj_factors`): how much the
    /// projection stretches ground distances there (0.9996 on a UTM zone's central meridian).
    /// - Throws: ``GeoPriceError`` `unknown_crs`, or `projection_failed` where PROJ cannot tell (a target that is not
    ///   a projected CRS, a point outside the projection's domain).
    public func pointScale(atLonLat point: SIMD2<Double>) throws(GeoPriceError) -> Double {
        guard let scale = try PROJContext.current.transformation(from: source, to: target).pointScale(atLonLat: point) else {
            throw GeoPriceError(
                .projectionFailed, "PROJ cannot tell the point scale of \(target) at (\(point.x), \(point.y))",
                details: ["crs": .string(target), "x": .number(point.x), "y": .number(point.y)])
        }
        return scale
    }

    /// Transforms points in one batch (`proj_trans_generic`).
    /// - Returns: the transformed points.
    /// - Throws: ``GeoPriceError`` `unknown_crs`, or `projection_failed` naming the first point that failed (its index
    ///   in `details.point`).
    public func transform(_ points: [SIMD2<Double>], inverse: Bool = false) throws(GeoPriceError) -> [SIMD2<Double>] {
        let transformation = try PROJContext.current.transformation(from: source, to: target)
        var output = points
        if let failed = transformation.transform(&output, direction: inverse ? PJ_INV : PJ_FWD) {
            let point = points[failed]
            throw GeoPriceError(
                .projectionFailed,
                "PROJ cannot transform (\(point.x), \(point.y)) from \(inverse ? target : source) to \(inverse ? source : target)",
                details: ["point": .number(Double(failed)), "x": .number(point.x), "y": .number(point.y)])
        }
        return output
    }
}
