import GeoPricing

/// `geoprice estimate --ndjson`: each AOI priced as its own request, a batch at a time on all cores, one line per
/// AOI in input order.
struct EstimateStream {
    let estimator: Estimator
    let template: EstimateRequest

    /// Answers one batch of units.
    func answer(_ units: [NDJSONInput.Unit]) -> [NDJSONStream.Answer] {
        let estimator = estimator
        let template = template
        return NDJSONStream.each(units) { aoi throws(GeoPriceError) in
            var request = template
            request.aois = [aoi]
            // The AOI's id first, then the answer's members.
            return "{\"id\":" + JSONWriter().string(aoi.nameJSON) + "," + (try estimator.estimate(request)).jsonText.dropFirst()
        }
    }
}
