import GeoJSON
import GeometryEngine

/// An AOI made ready once, right after reading (DESIGN.md, "One pipeline"): in lon/lat with its `crs` applied,
/// validated, unwrapped across ±180°, with its centroid and geodesic area and perimeter. Measuring, ground metrics,
/// coverage and pricing take it, so that nothing downstream validates, unwraps or measures the same AOI again.
public struct PreparedAOI: Sendable, Hashable {
    /// The AOI in lon/lat on WGS84.
    public let aoi: AOI
    /// Its parts with longitudes made continuous and moved side by side (``Antimeridian/unwrapped(_:path:)``).
    public let unwrapped: [PlanarPolygon]
    /// The area-weighted planar centroid of ``unwrapped`` (degrees; its longitude may lie beyond ±180°).
    public let centroid: SIMD2<Double>
    /// Geodesic area on WGS84, km²: the billing area.
    public let areaKm2: Double
    /// Geodesic perimeter, km, holes included, the cut of a split AOI excluded.
    public let perimeterKm: Double

    /// Prepares an AOI whose coordinates are in `crs` (`nil`: lon/lat on WGS84).
    /// - Throws: ``GeoPriceError`` `unknown_crs`, `projection_failed`, the validation errors of
    ///   ``AOIValidation/validate(_:)``, and `deadline_exceeded` past a ``WorkDeadline``.
    public init(_ aoi: AOI, crs: String? = nil) throws(GeoPriceError) {
        try WorkDeadline.check()
        let lonLat = try aoi.toLonLat(from: crs)
        self.aoi = lonLat
        unwrapped = try AOIValidation.validate(lonLat)
        centroid = try Antimeridian.centroid(of: unwrapped, path: lonLat.path)
        let measures = Geodesic.measures(of: lonLat.polygons)
        areaKm2 = measures.area / 1e6
        perimeterKm = measures.perimeter / 1e3
    }

    /// The UTM zone of the centroid (DESIGN.md's rule; the MGRS Norway and Svalbard exceptions when asked).
    public func utmZone(norwaySvalbard: Bool = false) -> UTMZone {
        UTMZone(containing: centroid, norwaySvalbard: norwaySvalbard)
    }
}
