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
        var line = Array(#"{"id":"#.utf8)
        line.reserveCapacity(estimate.count + 32)
        JSONWriter().write(aoi.nameJSON, into: &line)
        line.append(UInt8(ascii: ","))
        line += estimate.dropFirst()
        return line
    }
}
