import GeoJSON
import GeometryEngine

/// The checks an AOI passes before it is measured, after the GeoJSON reader's: no ring around a pole, no wider than
/// 180° of longitude, no malformed antimeridian split, no zero-area (degenerate) exterior, and planar validity by
/// GEOS on the unwrapped lon/lat shape (each part's longitudes made continuous).
public enum AOIValidation {
    /// Validates an AOI.
    /// - Returns: the AOI unwrapped (``Antimeridian/unwrapped(_:path:)``), which the checks build anyway, so that
    ///   callers need not build it again.
    /// - Throws: ``GeoPriceError`` `too_large` (more than 180° of longitude: larger than a hemisphere), `zero_area`
    ///   naming the ring, or `invalid_geometry` with GEOS' reason and its location (lon/lat) in `details`.
    @discardableResult
    public static func validate(_ aoi: AOI) throws(GeoPriceError) -> [PlanarPolygon] {
        let parts = try Antimeridian.continuousParts(aoi.polygons, path: aoi.path)
        let unwrapped = Antimeridian.aligned(parts)
        let extent = Envelope(of: unwrapped.flatMap { $0.rings[0] })
        if extent.max.x - extent.min.x > 180 {
            throw GeoPriceError(
                .tooLarge, "the AOI spans \(extent.max.x - extent.min.x)° of longitude; an AOI lies within a hemisphere",
                path: aoi.path.description, details: ["longitudeSpan": .number(extent.max.x - extent.min.x), "limit": 180])
        }
        if Antimeridian.hasMismatchedCut(aoi.polygons) {
            throw GeoPriceError(
                .invalidGeometry, "the parts cut at +180° and −180° do not meet: their edges on the antimeridian cover different latitudes",
                path: aoi.path.description, details: ["reason": "antimeridian parts do not meet"])
        }
        let coordinates = aoi.path.appending("coordinates")
        for (index, part) in parts.enumerated() where PlanarPolygon.isDegenerate(part.rings[0]) {
            var details: JSONObject = ["ring": 0]
            if aoi.isMultiPolygon { details["part"] = .number(Double(index)) }
            throw GeoPriceError(
                .zeroArea, "the exterior ring\(aoi.isMultiPolygon ? " of part \(index)" : "") encloses no area",
                path: (aoi.isMultiPolygon ? coordinates.appending(index, 0) : coordinates.appending(0)).description, details: details)
        }
        let problem: Planar.Invalidity?
        do {
            problem = try Planar.invalidity(of: parts)
        } catch {
            throw GeoPriceError(error, step: "check the geometry", path: aoi.path.description)
        }
        guard let problem else { return unwrapped }
        var details: JSONObject = ["reason": .string(problem.reason)]
        var message = "invalid geometry: \(problem.reason)"
        if let location = problem.location {
            let longitude = Antimeridian.normalized(location.x)
            details["location"] = [.number(longitude), .number(location.y)]
            message += " at (\(longitude), \(location.y))"
        }
        throw GeoPriceError(.invalidGeometry, message, path: aoi.path.description, details: details)
    }
}
