import GeoPricing

/// `geoprice estimate --ndjson`: each AOI priced as its own request.
struct EstimateStream {
    let estimator: Estimator
    let template: EstimateRequest

    /// One AOI's answer line: the AOI's id first, then the estimate's members.
    func answer(_ aoi: AOI) throws(GeoPriceError) -> [UInt8]? {
        var request = template
        request.aois = [aoi]
        let estimate = try estimator.estimate(request).jsonBytes
        return Array(#"{"id":"#.utf8) + JSONWriter().bytes(aoi.nameJSON) + [UInt8(ascii: ",")] + estimate.dropFirst()
    }
}
