import Foundation
import GeoJSON

/// The checks a catalog passes as a whole when it is read (``CatalogReader``), beyond each field's own: no product can
/// price a line below zero, whatever a request chooses.
enum _CatalogChecks {
    /// One way an option (or the archive-age rule) can come out for a line: the modifier it adds, where the catalog
    /// gives that modifier (`nil` for "adds nothing"), and how it reads in a message.
    private struct Choice {
        var modifier: Modifier
        var path: JSONPath?
        var label: String
    }

    /// Refuses a product for which some request could make a line's amount negative.
    ///
    /// A line's amount is `tiered × factor + billable × Σ perKm2 + Σ fixed` (``_LinePricer``), with `tiered` and
    /// `billable` never negative (rates are not negative) and `factor` = 1 + Σ percents / 100 (`additive`) or
    /// Π (1 + percent / 100) (`multiplicative`). What a request can choose, per source of modifiers:
    /// - an option with `values`: one of its values; with no `default`, also none (the option not given);
    /// - an option with `atMost`: its modifier or none (a request can always give a number above the threshold);
    /// - `archiveAge`: its modifier or none (fresh or old captures).
    ///
    /// The worst combination takes, per source and separately for each part, the choice with the lowest percent,
    /// per-km² and fixed amount (it may mix choices of one source, so it is never better than a real request). The
    /// product is refused unless, in that combination:
    /// - `additive`: the percents add to −100 or more (at exactly −100 the factor is 0 and the amount 0, which is not
    ///   negative); `multiplicative`: every single choice's percent is −100 or more, so no factor is negative;
    /// - the per-km² amounts add to 0 or more, and so do the fixed amounts: a negative sum is a discount that only the
    ///   area could bound, and the pricer does not bound it.
    ///
    /// These conditions make every part of the amount non-negative, so no line is negative. A product with a
    /// minimum charge (`minimums.minCharge`, itself never negative) is exempt: the pricer raises every line to it.
    ///
    /// - Throws: ``GeoPriceError`` `invalid_catalog` at the modifier field that weighs most in the failing sum (the
    ///   first such in catalog order), with `details` `product`, `composition`, `worstPercent` (`additive`: the
    ///   percents' worst sum; `multiplicative`: the lowest single percent, or 0), `worstPerKm2`, `worstFixed` (decimal
    ///   strings) and `worstCombination` (the choices that make the failing part).
    static func refuseNegativeLines(_ product: Product, path: JSONPath) throws(GeoPriceError) {
        guard product.minimumCharge == nil else { return }
        var sources: [[Choice]] = []
        for (index, option) in product.options.enumerated() {
            let optionPath = path.appending("options").appending(index)
            switch option.pricing {
            case .values(let values):
                var choices = values.map { name, modifier in
                    Choice(modifier: modifier, path: optionPath.appending("values").appending(name), label: "\(option.key)=\(name)")
                }
                if option.defaultValue == nil { choices.append(Choice(modifier: Modifier(), path: nil, label: "\(option.key) not given")) }
                sources.append(choices)
            case .atMost(let limit, let modifier):
                sources.append([
                    Choice(modifier: modifier, path: optionPath.appending("modifier"), label: "\(option.key)≤\(Money.string(limit))"),
                    Choice(modifier: Modifier(), path: nil, label: "\(option.key) above \(Money.string(limit))"),
                ])
            }
        }
        if product.freshDays != nil, let fresh = product.freshModifier {
            sources.append([
                Choice(modifier: fresh, path: path.appending("archiveAge").appending("modifier"), label: "archiveAge"),
                Choice(modifier: Modifier(), path: nil, label: "captures not fresh"),
            ])
        }

        let percent = Worst(sources, part: \.percent, name: "percent")
        let perKm2 = Worst(sources, part: \.perKm2, name: "perKm2")
        let fixed = Worst(sources, part: \.fixed, name: "fixed")
        let lowestPercent = sources.joined().map(\.modifier.percent).min() ?? 0
        let worstPercent = product.composition == .additive ? percent.sum : min(lowestPercent, 0)
        func refuse(_ rule: String, at field: JSONPath?, combination: [String]) -> GeoPriceError {
            GeoPriceError(
                .invalidCatalog,
                "\(product.id) could price a line below zero: \(rule)" + (combination.isEmpty ? "" : " (with \(combination.joined(separator: ", ")))"),
                path: (field ?? path).description,
                details: [
                    "product": .string(product.id), "composition": .string(product.composition.rawValue),
                    "worstPercent": .string(Money.string(worstPercent)), "worstPerKm2": .string(Money.string(perKm2.sum)),
                    "worstFixed": .string(Money.string(fixed.sum)), "worstCombination": .array(combination.map { .string($0) }),
                ])
        }

        switch product.composition {
        case .additive:
            if percent.sum < -100 {
                throw refuse("its percents can add to \(Money.string(percent.sum)) %, below -100 %", at: percent.heaviest, combination: percent.labels)
            }
        case .multiplicative:
            if lowestPercent < -100, let choice = sources.joined().first(where: { $0.modifier.percent == lowestPercent }) {
                throw refuse(
                    "\(choice.label) is \(Money.string(lowestPercent)) %, a negative factor (percents multiply)",
                    at: choice.path?.appending("percent"), combination: [choice.label])
            }
        }
        if perKm2.sum < 0 {
            throw refuse("its per-km² amounts can add to \(Money.string(perKm2.sum)), below zero", at: perKm2.heaviest, combination: perKm2.labels)
        }
        if fixed.sum < 0 {
            throw refuse("its fixed amounts can add to \(Money.string(fixed.sum)), below zero", at: fixed.heaviest, combination: fixed.labels)
        }
    }

    /// The lowest sum of one part of the modifiers over all combinations: each source's lowest choice for that part.
    private struct Worst {
        /// The sum.
        var sum: Decimal = 0
        /// The choices that make it, those that add something to the part.
        var labels: [String] = []
        /// The field of the most negative of those choices (the first on a tie).
        var heaviest: JSONPath?

        init(_ sources: [[Choice]], part: KeyPath<Modifier, Decimal>, name: String) {
            var lowest: Decimal = 0
            for source in sources {
                guard let first = source.first else { continue }
                let choice = source.dropFirst().reduce(first) { $1.modifier[keyPath: part] < $0.modifier[keyPath: part] ? $1 : $0 }
                let value = choice.modifier[keyPath: part]
                guard value != 0 else { continue }
                sum = Money.sum(sum, value)
                labels.append(choice.label)
                if value < lowest, let field = choice.path {
                    lowest = value
                    heaviest = field.appending(name)
                }
            }
        }
    }
}
