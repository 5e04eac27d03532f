import Foundation
import GeoJSON

extension CatalogReader {
    /// A product's `feasibility` object: `automatic` (per priority, `maxWidthKm` and `maxLengthKm`), `maxKm2`,
    /// `latitude` (`min`, `max`), `strict` (a list of `queryable`, `atMost`, `windowShorterThanHours`).
    static func feasibility(_ fields: _Fields) throws(GeoPriceError) -> FeasibilityRules? {
        guard let rules = try fields.object("feasibility", known: ["automatic", "maxKm2", "latitude", "strict"]) else { return nil }
        var result = FeasibilityRules(maxKm2: try rules.positiveDecimal("maxKm2"))
        if let automatic = try rules.object("automatic", known: nil) {
            for priority in automatic.keys {
                let extent = try automatic.object(priority, known: ["maxWidthKm", "maxLengthKm"])!
                guard let width = try extent.positiveDecimal("maxWidthKm"), let length = try extent.positiveDecimal("maxLengthKm") else {
                    throw _Fields.invalid("an automatic extent gives 'maxWidthKm' and 'maxLengthKm'", extent.path)
                }
                guard width <= length else { throw _Fields.invalid("'maxWidthKm' is the shorter side: at most 'maxLengthKm'", extent.path) }
                result.automatic[priority] = FeasibilityRules.Extent(maxWidthKm: width, maxLengthKm: length)
            }
        }
        if let band = try rules.object("latitude", known: ["min", "max"]) {
            result.minLatitude = try band.decimal("min")
            result.maxLatitude = try band.decimal("max")
            for (key, value) in [("min", result.minLatitude), ("max", result.maxLatitude)] {
                if let value, value < -90 || value > 90 { throw _Fields.invalid("a latitude lies within ±90", band.path.appending(key)) }
            }
            if let low = result.minLatitude, let high = result.maxLatitude, low >= high {
                throw _Fields.invalid("'min' lies south of 'max'", band.path)
            }
        }
        for (index, element) in try rules.array("strict", required: false).enumerated() {
            let rule = try _Fields(element, path: rules.path.appending("strict").appending(index), known: ["queryable", "atMost", "windowShorterThanHours"])
            guard let hours = try rule.positiveDecimal("windowShorterThanHours") else {
                throw _Fields.invalid("missing 'windowShorterThanHours'", rule.path)
            }
            result.strictConstraints.append(FeasibilityRules.StrictConstraint(
                queryable: try rule.string("queryable"), atMost: try rule.decimal("atMost", required: true)!, windowShorterThanHours: hours))
        }
        return result
    }
}
