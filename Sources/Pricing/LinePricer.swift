import Foundation
import GeoJSON

/// Prices one line from its measured area (DESIGN.md, "An estimate, per line", steps 3 to 5).
struct _LinePricer {
    let product: Product

    private func money(_ value: Decimal) -> JSONValue { .string(Money.string(value, scale: Money.scale(of: product.moneyStep))) }
    private func area(_ value: Decimal) -> JSONValue { .string(Money.string(value, scale: Money.scale(of: product.areaStep))) }

    /// The billable area: the measured area made exact (1e-6 km², half-even), the minimum policy applied, then rounded
    /// by the product's area step and mode. Records its rules and warnings.
    /// - Throws: ``GeoPriceError`` `below_minimum_area` under a `reject` policy, `too_large` above `maxKm2`.
    func billable(measured: Decimal, rules: inout [Estimate.Rule], warnings: inout [String], label: String, path: JSONPath)
        throws(GeoPriceError) -> Decimal
    {
        var km2 = measured
        if let minimum = product.minimumBillableKm2, km2 < minimum {
            switch product.belowMinimum {
            case .reject:
                throw GeoPriceError(
                    .belowMinimumArea, "\(label): \(Money.string(measured)) km² is below \(product.id)'s minimum of \(Money.string(minimum)) km²",
                    path: path.description,
                    details: ["product": .string(product.id), "rule": "billableKm2", "minimumKm2": .string(Money.string(minimum)),
                              "measuredKm2": .string(Money.string(measured))])
            case .billAtMinimum, .inflate:
                km2 = minimum
                rules.append(Estimate.Rule(name: "billableMinimum", values: [
                    "minimumKm2": area(minimum), "policy": .string(product.belowMinimum.rawValue),
                ]))
                warnings.append("\(label): billed at the \(Money.string(minimum)) km² minimum (measured \(Money.string(measured, scale: 6)) km²)")
            }
        }
        if let maximum = product.maxKm2, km2 > maximum {
            throw GeoPriceError(
                .tooLarge, "\(label): \(Money.string(km2)) km² is above \(product.id)'s maximum of \(Money.string(maximum)) km²",
                path: path.description, details: ["product": .string(product.id), "rule": "maxKm2", "maximumKm2": .string(Money.string(maximum))])
        }
        let rounded = Money.round(km2, step: product.areaStep, mode: product.areaRounding)
        rules.append(Estimate.Rule(name: "areaRounding", values: [
            "step": .string(Money.string(product.areaStep)), "mode": .string(product.areaRounding.rawValue),
            "km2": area(rounded),
        ]))
        return rounded
    }

    /// The line amount: tiered (or per scene) × (1 + Σ percents) + billable × Σ per-km² + Σ fixed (percents multiplied
    /// instead under `multiplicative`), then the minimum charge, rounded once by the money step and mode.
    func amount(billable: Decimal, modifiers: [(Modifier, Estimate.Rule)], rules: inout [Estimate.Rule], scenes: inout Int?) -> Decimal {
        var tiered: Decimal = 0
        if product.unit == .scene, let sceneKm2 = product.sceneKm2 {
            let count = Money.round(billable / sceneKm2, step: 1, mode: .up)
            scenes = NSDecimalNumber(decimal: count).intValue
            tiered = Money.product(count, product.unitPrice)
            rules.append(Estimate.Rule(name: "scenes", values: [
                "sceneKm2": area(sceneKm2), "scenes": .number(Double(scenes ?? 0)),
                "scenePrice": money(product.unitPrice), "amount": money(tiered),
            ]))
        } else {
            tiered = tieredAmount(billable, rules: &rules)
        }
        rules += modifiers.map(\.1)
        let percents = modifiers.map(\.0.percent)
        let factor: Decimal
        switch product.composition {
        case .additive: factor = Money.sum(1, Money.fraction(percent: percents.reduce(0, Money.sum)))
        case .multiplicative: factor = percents.reduce(Decimal(1)) { Money.product($0, Money.sum(1, Money.fraction(percent: $1))) }
        }
        let perKm2 = modifiers.reduce(Decimal(0)) { Money.sum($0, $1.0.perKm2) }
        let fixed = modifiers.reduce(Decimal(0)) { Money.sum($0, $1.0.fixed) }
        var unrounded = Money.sum(Money.sum(Money.product(tiered, factor), Money.product(billable, perKm2)), fixed)
        if !modifiers.isEmpty {
            rules.append(Estimate.Rule(name: "modifiers", values: [
                "composition": .string(product.composition.rawValue), "factor": .string(Money.string(factor)),
                "perKm2": money(perKm2), "fixed": money(fixed),
            ]))
        }
        if let minimum = product.minimumCharge, unrounded < minimum {
            unrounded = minimum
            rules.append(Estimate.Rule(name: "minimumCharge", values: ["amount": money(minimum)]))
        }
        let amount = Money.round(unrounded, step: product.moneyStep, mode: product.moneyRounding)
        rules.append(Estimate.Rule(name: "moneyRounding", values: [
            "step": .string(Money.string(product.moneyStep)), "mode": .string(product.moneyRounding.rawValue),
            "unrounded": .string(Money.string(unrounded)), "amount": money(amount),
        ]))
        return amount
    }

    /// The area walked through the tiers: graduated bands each at their rate, or the whole area at the rate of the
    /// band it reaches.
    private func tieredAmount(_ km2: Decimal, rules: inout [Estimate.Rule]) -> Decimal {
        if product.tierMode == .volume || product.tiers.count == 1 {
            let tier = product.tiers.first { $0.upToKm2 == nil || km2 <= $0.upToKm2! } ?? product.tiers[product.tiers.count - 1]
            let amount = Money.product(km2, tier.rate)
            rules.append(Estimate.Rule(name: "rate", values: [
                "km2": area(km2), "rate": money(tier.rate), "amount": money(amount),
                "tierMode": .string(product.tiers.count == 1 ? "flat" : "volume"),
            ]))
            return amount
        }
        var total: Decimal = 0
        var lower: Decimal = 0
        for tier in product.tiers where km2 > lower {
            let upper = tier.upToKm2.map { min($0, km2) } ?? km2
            let band = Money.difference(upper, lower)
            let amount = Money.product(band, tier.rate)
            var values: JSONObject = ["fromKm2": area(lower), "toKm2": area(upper)]
            values["km2"] = area(band)
            values["rate"] = money(tier.rate)
            values["amount"] = money(amount)
            rules.append(Estimate.Rule(name: "tier", values: values))
            total = Money.sum(total, amount)
            lower = upper
        }
        return total
    }
}
