import ArgumentParser
import Foundation
import GeoPricing

/// `geoprice catalog`: the products of a catalog and their rules.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "catalog", abstract: "List the catalog's products and their rules.")

    @Option(help: "A catalog file instead of the bundled default.")
    var catalog: String?

    @Option(help: "Print this product's order form (orders.get_schema): the JSON Schema of the STAT order request it takes.")
    var schema: String?

    func run() throws {
        let loaded: Catalog
        do {
            loaded = try InputFile.catalog(catalog)
        } catch {
            throw Output.reject(error, asJSON: schema != nil)
        }
        if let schema {
            guard let product = loaded.product(schema) else {
                throw Output.reject(GeoPriceError(
                    .unknownProduct, "no product '\(schema)' in the catalog", path: "--schema",
                    details: ["product": .string(schema), "known": .array(loaded.products.map { .string($0.id) })]), asJSON: true)
            }
            Output.line(JSONWriter(pretty: true).string(.object(product.orderSchema)))
            return
        }
        var lines = ["catalog \(loaded.version)"]
        for product in loaded.products {
            let rate = product.tiers.count == 1
                ? "\(Money.string(product.unitPrice, scale: 2)) \(product.currency)/\(product.unit == .scene ? "scene of \(Money.string(product.sceneKm2 ?? 0)) km²" : "km²")"
                : product.tiers.map { "\($0.upToKm2.map { "≤\(Money.string($0))" } ?? "above") at \(Money.string($0.rate, scale: 2))" }
                    .joined(separator: ", ") + " \(product.currency)/km² (\(product.tierMode.rawValue))"
            lines.append("\(product.id)  \(product.mode.rawValue), \(rate), basis \(product.basis.rawValue)")
            var rules: [String] = []
            if let minimum = product.minimumBillableKm2 { rules.append("billable minimum \(Money.string(minimum)) km² (\(product.belowMinimum.rawValue))") }
            if let minimum = product.minimumProductionKm2 { rules.append("production minimum \(Money.string(minimum)) km²") }
            if let width = product.minimumWidthKm { rules.append("minimum width \(Money.string(width)) km") }
            if let vertices = product.maxVertices { rules.append("at most \(vertices) vertices") }
            if let days = product.freshDays, let modifier = product.freshModifier { rules.append("captures under \(days) days old \(describe(modifier))") }
            if product.chargeOnlyIfFulfilled { rules.append("charged only if fulfilled (\(Money.string(product.fulfilledThresholdPercent)) %)") }
            if !rules.isEmpty { lines.append("    " + rules.joined(separator: "; ")) }
            for option in product.options {
                switch option.pricing {
                case .values(let values):
                    lines.append("    \(option.key): " + values.map { "\($0.0)\($0.1.isZero ? "" : " " + describe($0.1))" }.joined(separator: ", ")
                        + (option.defaultValue.map { " (default \($0))" } ?? ""))
                case .atMost(let limit, let modifier):
                    lines.append("    \(option.key) ≤ \(Money.string(limit)): \(describe(modifier))")
                }
            }
            let refunds = CatalogReader.statuses.compactMap { status in product.cancellation[status].map { "\(status) \(Money.string($0)) %" } }
            if !refunds.isEmpty { lines.append("    refunds: " + refunds.joined(separator: ", ")) }
        }
        for contract in loaded.contracts { lines.append("contract \(contract.id): \(Money.string(contract.discountPercent)) % off") }
        for voucher in loaded.vouchers {
            let value = switch voucher.value {
            case .amount(let amount): "\(Money.string(amount, scale: 2)) \(voucher.currency ?? "")"
            case .percent(let percent): "\(Money.string(percent)) %"
            }
            lines.append("voucher \(voucher.code): \(value) off, \(voucher.validFrom?.description ?? "…") to \(voucher.validTo?.description ?? "…")")
        }
        Output.line(lines.joined(separator: "\n"))
    }

    private func describe(_ modifier: Modifier) -> String {
        var parts: [String] = []
        if modifier.percent != 0 { parts.append("+\(Money.string(modifier.percent)) %") }
        if modifier.perKm2 != 0 { parts.append("+\(Money.string(modifier.perKm2))/km²") }
        if modifier.fixed != 0 { parts.append("+\(Money.string(modifier.fixed))") }
        return parts.joined(separator: " ")
    }
}
