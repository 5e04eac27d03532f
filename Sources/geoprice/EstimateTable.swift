import Foundation
import GeoPricing

/// The readable form of `geoprice estimate`.
enum EstimateTable {
    static func text(_ estimate: Estimate) -> String {
        let scale = estimate.moneyScale
        func money(_ value: Decimal) -> String { Money.string(value, scale: scale) + " " + estimate.currency }
        var lines: [String] = []
        for line in estimate.lines {
            let aoi = line.aoi.stringValue ?? JSONWriter().string(line.aoi)
            let date = line.date.map { " on \($0)" } ?? ""
            lines.append("\(line.product) × \(aoi)\(date)")
            lines.append("  measured \(Money.string(line.measuredKm2, scale: 6)) km², billable \(Money.string(line.billableKm2)) km²"
                + (line.scenes.map { " (\($0) scenes)" } ?? ""))
            for rule in line.rules where ["tier", "rate", "scenes", "option", "archiveAge", "billableMinimum"].contains(rule.name) {
                lines.append("  · \(rule.name): " + rule.values.members.map { "\($0.key) \($0.value.stringValue ?? JSONWriter().string($0.value))" }
                    .joined(separator: ", "))
            }
            lines.append("  amount \(money(line.amount))")
        }
        lines.append("subtotal \(money(estimate.subtotal))")
        for discount in estimate.discounts {
            let percent = discount.percent.map { " (\(Money.string($0)) %)" } ?? ""
            lines.append("\(discount.kind) \(discount.id)\(percent) −\(money(discount.value))")
        }
        lines.append("total \(money(estimate.total))")
        for warning in estimate.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}
