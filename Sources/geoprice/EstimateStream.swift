import GeoPricing

/// `geoprice estimate --ndjson`: each AOI priced as its own request.
struct EstimateStream {
    let estimator: Estimator
    let template: EstimateRequest

    /// One AOI's answer line: the AOI's id first, then the estimate's members.
    func answer(_ aoi: AOI) throws(GeoPriceError) -> String? {
        var request = template
        request.aois = [aoi]
        return "{\"id\":" + JSONWriter().string(aoi.nameJSON) + "," + (try estimator.estimate(request)).jsonText.dropFirst()
    }
}
