import Foundation
import GeoJSON

/// What cancelling an order refunds under its product's policy (DESIGN.md, "Cancellation quote").
public struct CancellationQuote: Sendable, Hashable {
    /// The product id of the cancelled order.
    public var product: String
    /// The order status, as the STAT lifecycle spells it (`cancelled` is read as `canceled`).
    public var status: String
    /// What the order was paid, in ``currency``.
    public var paid: Decimal
    /// The product's refund percent at ``status``.
    public var refundPercent: Decimal
    /// paid × percent, rounded half-even to the money step.
    public var refund: Decimal
    /// The currency of ``paid`` and ``refund``.
    public var currency: String
    /// Decimal places of the product's money step: how amounts are written.
    public var moneyScale: Int

    /// Quotes a cancellation.
    /// - Throws: ``GeoPriceError`` `unknown_product`, `not_cancellable` (rejected, canceled and completed orders, or
    ///   a status the product's policy does not list), `unknown_option` for a status outside the lifecycle or a paid
    ///   amount that is not a non-negative decimal.
    public init(catalog: Catalog, product id: String, status given: String, paid text: String) throws(GeoPriceError) {
        guard let product = catalog.product(id) else {
            throw GeoPriceError(.unknownProduct, "no product '\(id)' in catalog \(catalog.version)", details: ["product": .string(id)])
        }
        let status = given.lowercased() == "cancelled" ? "canceled" : given.lowercased()
        guard CatalogReader.statuses.contains(status) else {
            throw GeoPriceError(.unknownStatus, "'\(given)' is no order status; statuses are \(CatalogReader.statuses.joined(separator: ", "))",
                details: ["rule": "status", "value": .string(given)])
        }
        guard let paid = Money.parse(text), paid >= 0 else {
            throw GeoPriceError(.invalidAmount, "the paid amount must be a decimal such as 4750.00, found '\(text)'",
                details: ["rule": "paid", "value": .string(text)])
        }
        guard !OrderStatusHistory.final.contains(status), let percent = product.cancellation[status] else {
            throw GeoPriceError(.notCancellable, "a \(status) \(product.id) order cannot be cancelled",
                details: ["product": .string(product.id), "status": .string(status)])
        }
        self.product = product.id
        self.status = status
        self.paid = paid
        refundPercent = percent
        refund = Money.round(Money.product(paid, Money.fraction(percent: percent)), step: product.moneyStep, mode: .halfEven)
        currency = product.currency
        moneyScale = Money.scale(of: product.moneyStep)
    }

    /// Quotes a cancellation at the current status of an order's STAT status history (``OrderStatusHistory``).
    /// - Throws: as ``init(catalog:product:status:paid:)``; `not_cancellable` for an order that failed or expired.
    public init(catalog: Catalog, product id: String, history: OrderStatusHistory, paid text: String) throws(GeoPriceError) {
        let current = history.current
        guard current != "failed", current != "expired" else {
            throw GeoPriceError(.notCancellable, "a \(current) \(id) order cannot be cancelled", details: ["product": .string(id), "status": .string(current)])
        }
        try self.init(catalog: catalog, product: id, status: current, paid: text)
    }

    /// `{product, status, paid, refundPercent, refund, currency}` with money as strings.
    public var jsonObject: JSONObject {
        [
            "product": .string(product), "status": .string(status), "paid": .string(Money.string(paid, scale: moneyScale)),
            "refundPercent": .string(Money.string(refundPercent)), "refund": .string(Money.string(refund, scale: moneyScale)),
            "currency": .string(currency),
        ]
    }
}
