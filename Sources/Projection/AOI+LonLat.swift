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
        } catch {
            guard error.code == .projectionFailed, let index = error.details["point"]?.numberValue else { throw error }
            var located = error
            located.path = flat.path(of: Int(index), in: self).description
            throw located
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
