import Foundation
import GeoJSON

/// The options of one item resolved against its product: the modifiers they trigger (with their rules), and warnings
/// for options the product does not price.
struct _ResolvedOptions {
    var modifiers: [(Modifier, Estimate.Rule)] = []
    var warnings: [String] = []

    /// Resolves given options (and the order's priority) against a product; defaults fill what is not given. A key
    /// given twice with one value counts once.
    /// - Throws: ``GeoPriceError`` `conflicting_options` when a key is given twice with different values, or the order's
    ///   priority and the item's `priority` option disagree (at the option, `path`.key); `unknown_option` for a priced
    ///   option given a value the product does not list, or a threshold option given something other than a number.
    init(product: Product, given: [(key: String, value: String)], priority: String?, path: JSONPath) throws(GeoPriceError) {
        var chosen: [String: String] = [:]
        var all: [(key: String, value: String)] = []
        var seen: [String: String] = [:]
        for (key, value) in given {
            guard let earlier = seen.updateValue(value, forKey: key) else {
                all.append((key, value))
                continue
            }
            guard earlier == value else {
                throw GeoPriceError(
                    .conflictingOptions, "option \(key) is given twice, as '\(earlier)' and as '\(value)'", path: path.appending(key).description,
                    details: ["key": .string(key), "values": [.string(earlier), .string(value)]])
            }
        }
        if let priority {
            if let option = seen["priority"] {
                guard option == priority else {
                    throw GeoPriceError(
                        .conflictingOptions, "the order's priority '\(priority)' and the item's option priority=\(option) disagree",
                        path: path.appending("priority").description,
                        details: ["key": "priority", "orderPriority": .string(priority), "optionValue": .string(option)])
                }
            } else {
                all.append(("priority", priority))
            }
        }
        for (key, value) in all {
            guard product.options.contains(where: { $0.key == key }) else {
                warnings.append("option \(key)=\(value) is not priced by \(product.id): ignored")
                continue
            }
            chosen[key] = value
        }
        for option in product.options {
            guard let value = chosen[option.key] ?? option.defaultValue else { continue }
            switch option.pricing {
            case .values(let values):
                guard let modifier = values.first(where: { $0.0 == value })?.1 else {
                    throw GeoPriceError(
                        .unknownOption, "\(product.id) has no \(option.key) '\(value)'; it takes \(values.map(\.0).joined(separator: ", "))",
                        path: path.description,
                        details: ["product": .string(product.id), "option": .string(option.key), "value": .string(value),
                                  "allowed": .array(values.map { .string($0.0) })])
                }
                modifiers.append((modifier, Estimate.Rule(name: "option", values: Self.describe(option.key, value, modifier))))
            case .atMost(let limit, let modifier):
                guard let number = Money.parse(value) else {
                    throw GeoPriceError(
                        .unknownOption, "\(option.key) takes a number, found '\(value)'", path: path.description,
                        details: ["product": .string(product.id), "option": .string(option.key), "value": .string(value)])
                }
                guard number <= limit else { continue }
                var values = Self.describe(option.key, value, modifier)
                values["atMost"] = .string(Money.string(limit))
                modifiers.append((modifier, Estimate.Rule(name: "option", values: values)))
            }
        }
    }

    static func describe(_ key: String, _ value: String, _ modifier: Modifier) -> JSONObject {
        var values: JSONObject = ["key": .string(key), "value": .string(value)]
        values.merge(modifier)
        return values
    }
}

extension JSONObject {
    /// Adds a modifier's non-zero parts (`percent`, `perKm2`, `fixed`) as decimal strings.
    mutating func merge(_ modifier: Modifier) {
        if modifier.percent != 0 { self["percent"] = .string(Money.string(modifier.percent)) }
        if modifier.perKm2 != 0 { self["perKm2"] = .string(Money.string(modifier.perKm2, scale: 2)) }
        if modifier.fixed != 0 { self["fixed"] = .string(Money.string(modifier.fixed, scale: 2)) }
    }
}
