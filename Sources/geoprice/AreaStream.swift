import GeoPricing

/// `geoprice area --ndjson`: every AOI answered on its own line as soon as it is measured, its figures or its error,
/// so that good AOIs around a bad one are still answered.
struct AreaStream {
    let measurer: AreaMeasurer
    let feature: String?

    /// Measures and prints; returns whether every AOI was answered without error.
    func run(_ bytes: [UInt8]) -> Bool {
        var allAnswered = true
        for unit in NDJSONInput.units(bytes) {
            switch unit {
            case .failure(let error, let id):
                allAnswered = false
                Output.json(Self.errorLine(error, id: id))
            case .success(let aoi, let crs):
                if let feature, aoi.name != feature { continue }
                do {
                    let lonLat = try aoi.toLonLat(from: crs)
                    Output.json(.object(MeasuredAOI(aoi: lonLat, figures: try measurer.measure(lonLat)).jsonObject))
                } catch {
                    allAnswered = false
                    Output.json(Self.errorLine(error, id: aoi.nameJSON))
                }
            }
        }
        return allAnswered
    }

    static func errorLine(_ error: GeoPriceError, id: JSONValue?) -> JSONValue {
        guard case .object(var object) = error.jsonValue else { return error.jsonValue }
        if let id {
            object = JSONObject([("id", id)] + object.members.map { ($0.key, $0.value) })
        }
        return .object(object)
    }
}
