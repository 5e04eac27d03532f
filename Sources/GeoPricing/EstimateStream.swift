import GeoJSON
import Pricing

/// The lines of `geoprice estimate --ndjson` (and the server's NDJSON estimates): each AOI priced as its own request.
public struct EstimateStream: Sendable {
    /// Prices each line.
    public let estimator: Estimator
    /// The request each AOI is priced in (its `aois` replaced by the one AOI).
    public let template: EstimateRequest

    /// Lines priced by `estimator` in the shape of `template`.
    public init(estimator: Estimator, template: EstimateRequest) {
        self.estimator = estimator
        self.template = template
    }

    /// One AOI's answer line: the AOI's id first, then the estimate's members.
    public func answer(_ aoi: AOI) throws(GeoPriceError) -> [UInt8]? {
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
