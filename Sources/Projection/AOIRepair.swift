import GeoJSON
import GeometryEngine

/// What making an AOI valid changed.
public struct AOIRepair: Sendable, Hashable {
    /// The AOI as it will be measured: unchanged if it was valid, else GEOS' make-valid result (areal parts only).
    public var aoi: AOI
    /// Whether anything changed.
    public var changed: Bool
    /// GEOS' reason for the invalidity that was repaired, if any.
    public var reason: String?
    /// The geodesic area before (km², rings taken as written: a bowtie's lobes cancel) and after.
    public var areaBeforeKm2: Double
    /// The geodesic area after repair, km².
    public var areaAfterKm2: Double

    /// Makes an AOI valid when it is not (GEOS `MakeValid` on the unwrapped lon/lat shape), behind an explicit
    /// choice: geoprice never repairs silently.
    /// - Throws: ``GeoPriceError`` `invalid_geometry` when nothing areal is left (or for a ring around a pole),
    ///   `zero_area` for a degenerate exterior.
    public init(repairing aoi: AOI) throws(GeoPriceError) {
        let parts = try Antimeridian.continuousParts(aoi.polygons, path: aoi.path)
        let before = Geodesic.area(of: aoi.polygons) / 1e6
        let repair: Planar.Repair
        do {
            repair = try Planar.makeValid(parts)
        } catch {
            throw GeoPriceError(error, step: "repair the geometry", path: aoi.path.description)
        }
        guard !repair.polygons.isEmpty else {
            throw GeoPriceError(.zeroArea, "nothing areal is left after repair", path: aoi.path.description)
        }
        var repaired = aoi
        if !repair.wasValid {
            repaired.polygons = repair.polygons.map { Polygon(rings: $0.rings.map { $0.map { Position($0.x, $0.y) } }) }
            repaired.isMultiPolygon = repaired.polygons.count > 1 || aoi.isMultiPolygon
        }
        self.aoi = repaired
        changed = !repair.wasValid
        reason = repair.reason
        areaBeforeKm2 = before
        areaAfterKm2 = Geodesic.area(of: repaired.polygons) / 1e6
    }

    /// `{"changed", "reason", "areaBeforeKm2", "areaAfterKm2"}`.
    public var jsonObject: JSONObject {
        var object: JSONObject = ["changed": .bool(changed)]
        if let reason { object["reason"] = .string(reason) }
        object["areaBeforeKm2"] = .number(areaBeforeKm2)
        object["areaAfterKm2"] = .number(areaAfterKm2)
        return object
    }
}
