import GeoPricing

/// `--ndjson` answers: every AOI of the input on its own line as soon as it is done, its answer or its error (with
/// the AOI's id), so that good AOIs around a bad one are still answered.
enum NDJSONStream {
    /// Answers each AOI (brought to lon/lat) with `answer`; returns whether every AOI was answered without error.
    static func run(_ bytes: [UInt8], answer: (AOI) throws(GeoPriceError) -> JSONObject?) -> Bool {
        var allAnswered = true
        for unit in NDJSONInput.units(bytes) {
            switch unit {
            case .failure(let error, let id):
                allAnswered = false
                Output.json(errorLine(error, id: id))
            case .success(let aoi, let crs):
                do {
                    if let object = try answer(aoi.toLonLat(from: crs)) { Output.json(.object(object)) }
                } catch {
                    allAnswered = false
                    Output.json(errorLine(error, id: aoi.nameJSON))
                }
            }
        }
        return allAnswered
    }

    /// The error object with the AOI's id first.
    static func errorLine(_ error: GeoPriceError, id: JSONValue?) -> JSONValue {
        guard case .object(let object) = error.jsonValue, let id else { return error.jsonValue }
        return .object(JSONObject([("id", id)] + object.members.map { ($0.key, $0.value) }))
    }
}
