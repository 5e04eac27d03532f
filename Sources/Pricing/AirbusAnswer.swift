import Foundation
import GeoJSON

extension Estimate {
    /// The Airbus `/prices` answer (DESIGN.md): per product type `productTypeId`, `areaKm2` (billable), `price` (before
    /// discounts), `discountValue` (its line discounts plus its pro-rata share of the order discounts, the rounding
    /// remainder on the last entry), `discountPercentage`, `amount` (= price − discountValue) and `items`
    /// (`dataStripIds`); at the top `contractId`, `currency`, `discountValue`, `discountPercentage` (two decimals) and
    /// `totalAmount` (= Σ amount). Money and areas are JSON numbers, as the provider writes them.
    public var airbusJSON: JSONObject {
        var order: [String] = []
        var groups: [String: [Line]] = [:]
        for line in lines {
            if groups[line.product] == nil { order.append(line.product) }
            groups[line.product, default: []].append(line)
        }
        let step = Decimal(sign: .plus, exponent: -moneyScale, significand: 1)
        let totalPrice = lines.reduce(Decimal(0)) { Money.sum($0, $1.price) }
        var shared: Decimal = 0
        var entries: [JSONValue] = []
        for (position, product) in order.enumerated() {
            let group = groups[product]!
            let price = group.reduce(Decimal(0)) { Money.sum($0, $1.amount) }
            let lineDiscounts = group.reduce(Decimal(0)) { Money.sum($0, $1.lineDiscountTotal) }
            let groupPrice = group.reduce(Decimal(0)) { Money.sum($0, $1.price) }
            let share: Decimal = position == order.count - 1
                ? Money.difference(discountValue, shared)
                : (totalPrice > 0 ? Money.round(Money.quotient(Money.product(discountValue, groupPrice), totalPrice), step: step, mode: .halfEven) : 0)
            shared = Money.sum(shared, share)
            let discount = Money.sum(lineDiscounts, share)
            entries.append(.object([
                "productTypeId": .string(product),
                "areaKm2": Money.number(group.reduce(Decimal(0)) { Money.sum($0, $1.billableKm2) }),
                "price": Money.number(price),
                "discountValue": Money.number(discount),
                "discountPercentage": Money.number(price > 0 ? Money.percentage(discount, of: price) : 0),
                "amount": Money.number(Money.difference(price, discount)),
                "items": .array(group.map { .object(["dataStripIds": .array($0.datastripIDs.map(JSONValue.string))]) }),
            ]))
        }
        let allLineDiscounts = lines.reduce(Decimal(0)) { Money.sum($0, $1.lineDiscountTotal) }
        let allPrices = lines.reduce(Decimal(0)) { Money.sum($0, $1.amount) }
        let allDiscounts = Money.sum(allLineDiscounts, discountValue)
        var object = JSONObject()
        if let contract { object["contractId"] = .string(contract) }
        object["currency"] = .string(currency)
        object["discountPercentage"] = Money.number(
            allPrices > 0 ? Money.percentage(allDiscounts, of: allPrices) : 0)
        object["discountValue"] = Money.number(allDiscounts)
        object["productTypes"] = .array(entries)
        object["totalAmount"] = Money.number(total)
        object["warnings"] = .array(warnings.map(JSONValue.string))
        return object
    }
}

extension Estimate.Line {
    /// The sum of the line's own discounts.
    var lineDiscountTotal: Decimal { lineDiscounts.reduce(Decimal(0)) { Money.sum($0, $1.value) } }
}
