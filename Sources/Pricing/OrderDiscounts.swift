import Foundation
import GeoJSON

/// Order-level discounts (DESIGN.md, step 6): the contract's percent on the sum of lines first, then each voucher in
/// the order given, each on what remains and never more than what remains; every value rounded half-even to the
/// money step.
struct _OrderDiscounts {
    var discounts: [Estimate.Discount] = []

    /// - Throws: ``GeoPriceError`` `unknown_contract`, `unknown_voucher`, `voucher_repeated`, `voucher_expired`,
    ///   `voucher_not_yet_valid`, `currency_mismatch`.
    init(catalog: Catalog, request: EstimateRequest, currency: String, subtotal: Decimal, step: Decimal) throws(GeoPriceError) {
        var remaining = subtotal
        if let id = request.contract {
            guard let contract = catalog.contracts.first(where: { $0.id == id }) else {
                throw GeoPriceError(.unknownContract, "no contract '\(id)'", path: "$.contract", details: ["contract": .string(id)])
            }
            let value = min(Money.round(Money.product(subtotal, Money.fraction(percent: contract.discountPercent)), step: step, mode: .halfEven), remaining)
            discounts.append(Estimate.Discount(kind: "contract", id: id, percent: contract.discountPercent, value: value))
            remaining = Money.difference(remaining, value)
        }
        var seen = Set<String>()
        for (index, code) in request.vouchers.enumerated() {
            let path = "$.vouchers[\(index)]"
            guard seen.insert(code).inserted else {
                throw GeoPriceError(.voucherRepeated, "voucher \(code) is given twice", path: path, details: ["voucher": .string(code)])
            }
            guard let voucher = catalog.vouchers.first(where: { $0.code == code }) else {
                throw GeoPriceError(.unknownVoucher, "no voucher '\(code)'", path: path, details: ["voucher": .string(code)])
            }
            if let from = voucher.validFrom, request.asOf < from {
                throw GeoPriceError(.voucherNotYetValid, "voucher \(code) is valid from \(from); the estimate is for \(request.asOf)", path: path,
                    details: ["voucher": .string(code), "validFrom": .string(from.description), "asOf": .string(request.asOf.description)])
            }
            if let to = voucher.validTo, request.asOf > to {
                throw GeoPriceError(.voucherExpired, "voucher \(code) expired on \(to); the estimate is for \(request.asOf)", path: path,
                    details: ["voucher": .string(code), "validTo": .string(to.description), "asOf": .string(request.asOf.description)])
            }
            if let voucherCurrency = voucher.currency, voucherCurrency != currency {
                throw GeoPriceError(.currencyMismatch, "voucher \(code) is in \(voucherCurrency), the order in \(currency)", path: path,
                    details: ["voucher": .string(code), "currency": .string(voucherCurrency), "orderCurrency": .string(currency)])
            }
            let value: Decimal
            var percent: Decimal?
            switch voucher.value {
            case .amount(let amount): value = min(amount, remaining)
            case .percent(let share):
                percent = share
                value = min(Money.round(Money.product(remaining, Money.fraction(percent: share)), step: step, mode: .halfEven), remaining)
            }
            discounts.append(Estimate.Discount(kind: "voucher", id: code, percent: percent, value: value))
            remaining = Money.difference(remaining, value)
        }
    }
}
