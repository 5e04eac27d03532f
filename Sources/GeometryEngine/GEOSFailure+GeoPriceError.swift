import GeoJSON

extension GeoPriceError {
    /// A GEOS failure while working on the input at `path`: `invalid_geometry`, saying what could not be done
    /// (`step`, e.g. "find the minimum width"), with the failed call and GEOS' message in `details`.
    public init(_ failure: GEOSFailure, step: String, path: String?) {
        self.init(
            .invalidGeometry, "GEOS could not \(step): \(failure)", path: path,
            details: ["call": .string(failure.call), "geosMessage": .string(failure.message)])
    }
}
