import GeoJSON

extension AOI {
    /// The AOI with its coordinates brought from `crs` into lon/lat on WGS84 (inverse-projected in one batch), so
    /// that geodesic figures can be measured; a lon/lat CRS returns the AOI as it is.
    /// - Throws: ``GeoPriceError`` `unknown_crs`, `projection_failed` naming the vertex, or `invalid_coordinate`
    ///   when a point lands beyond ±90° latitude.
    public func toLonLat(from crs: String?) throws(GeoPriceError) -> AOI {
        guard let crs, !CRSName.isLonLatWGS84(crs) else { return self }
        var flat = FlatRings(polygons)
        do {
            flat.points = try CRSTransformer(from: crs, to: CRSTransformer.lonLat).transform(flat.points)
        } catch where error.code == .unknownCRS && error.path == nil {
            // The CRS came from the document's top-level member.
            var located = error
            located.path = "$.crs"
            throw located
        } catch {
            guard error.code == .projectionFailed, let index = error.details["point"]?.numberValue else { throw error }
            var located = error
            located.path = flat.path(of: Int(index), in: self).description
            throw located
        }
        // A geographic source CRS other than WGS84 skips the reader's lon/lat range check: it is made here, on what
        // the coordinates become.
        if let beyond = flat.points.firstIndex(where: { !(abs($0.y) <= 90 && abs($0.x) <= 360) }) {
            let point = flat.points[beyond]
            throw GeoPriceError(
                .invalidCoordinate, "(\(point.x), \(point.y)) in lon/lat is beyond ±90° latitude or ±360° longitude",
                path: flat.path(of: beyond, in: self).description, details: ["longitude": .number(point.x), "latitude": .number(point.y)])
        }
        var result = self
        for (part, ranges) in flat.layout.enumerated() {
            for (ring, range) in ranges.enumerated() {
                for (vertex, index) in range.enumerated() {
                    result.polygons[part].rings[ring][vertex].longitude = flat.points[index].x
                    result.polygons[part].rings[ring][vertex].latitude = flat.points[index].y
                }
            }
        }
        return result
    }
}

extension GeoJSONDocument {
    /// The document's AOIs (or the one `feature` names) in lon/lat on WGS84, its top-level `crs` member applied:
    /// what every front end measures, covers and prices.
    /// - Throws: ``GeoPriceError``, as `areasOfInterest(feature:)`, ``crs`` and ``AOI/toLonLat(from:)`` do.
    public func lonLatAOIs(feature: String? = nil) throws(GeoPriceError) -> [AOI] {
        let crs = try crs
        return try areasOfInterest(feature: feature).map { aoi throws(GeoPriceError) in try aoi.toLonLat(from: crs) }
    }
}
