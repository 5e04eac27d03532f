import GeoPricing

/// `geoprice estimate --ndjson`: each AOI priced as its own request, on all cores, one line per AOI in input order.
struct EstimateStream {
    let estimator: Estimator
    let template: EstimateRequest

    func run(_ bytes: [UInt8]) -> Bool {
        var units = NDJSONInput.units(bytes)
        var requests: [EstimateRequest] = []
        var slots: [Int?] = []
        for (position, unit) in units.enumerated() {
            guard case .success(let aoi, let crs) = unit else {
                slots.append(nil)
                continue
            }
            var request = template
            do throws(GeoPriceError) {
                request.aois = [try aoi.toLonLat(from: crs)]
            } catch {
                // The AOI's own error (unknown_crs, projection_failed), answered on its line.
                units[position] = .failure(error, id: aoi.nameJSON)
                slots.append(nil)
                continue
            }
            slots.append(requests.count)
            requests.append(request)
        }
        let answers = estimator.estimateEach(requests)
        var allAnswered = true
        for (unit, slot) in zip(units, slots) {
            switch (unit, slot) {
            case (.failure(let error, let id), _):
                allAnswered = false
                Output.json(NDJSONStream.errorLine(error, id: id))
            case (.success(let aoi, _), let index?):
                switch answers[index] {
                case .success(let estimate):
                    // The AOI's id first, then the answer's members.
                    Output.line("{\"id\":" + JSONWriter().string(aoi.nameJSON) + "," + estimate.jsonText.dropFirst())
                case .failure(let error):
                    allAnswered = false
                    Output.json(NDJSONStream.errorLine(error, id: aoi.nameJSON))
                }
            case (.success, nil):
                break
            }
        }
        return allAnswered
    }
}
