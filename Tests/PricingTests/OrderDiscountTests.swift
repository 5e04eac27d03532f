import Foundation
import GeoJSON
import Pricing
import Testing
import TestSupport

@Suite("Contracts, vouchers and cancellations")
struct OrderDiscountTests {
    typealias F = PricingFixtures

    func priced(vouchers: [String], contract: String? = nil, asOf: String, km2: Double = 60) throws -> Estimate {
        try F.estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: km2), contract: contract, vouchers: vouchers, asOf: asOf))
    }

    @Test("vouchers inside their window apply in order, each on what remains", arguments: [
        (["SPRING10"], "2026-03-01", "2250.00"), (["SPRING10"], "2026-05-31", "2250.00"), (["WELCOME100", "SPRING10"], "2026-04-15", "2160.00"),
        (["SPRING10", "WELCOME100"], "2026-04-15", "2150.00"), (["WELCOME100"], "2026-12-31", "2400.00"),
    ])
    func inWindow(vouchers: [String], asOf: String, expected: String) throws {
        let estimate = try priced(vouchers: vouchers, asOf: asOf)
        #expect(estimate.total == F.money(expected))
        #expect(estimate.discounts.map(\.id) == vouchers)
    }

    @Test("vouchers outside their window, repeated or unknown are refused", arguments: [
        (["SPRING10"], "2026-06-01", GeoPriceError.Code.voucherExpired), (["SPRING10"], "2026-02-28", .voucherNotYetValid),
        (["WELCOME100"], "2027-01-01", .voucherExpired), (["WELCOME100"], "2025-12-31", .voucherNotYetValid),
        (["WELCOME100", "WELCOME100"], "2026-06-01", .voucherRepeated), (["FREE"], "2026-06-01", .unknownVoucher),
    ])
    func refused(vouchers: [String], asOf: String, code: GeoPriceError.Code) {
        let error = rejection { _ = try priced(vouchers: vouchers, asOf: asOf) }
        #expect(error?.code == code)
        #expect(error?.path?.hasPrefix("$.vouchers[") == true)
    }

    @Test("the contract applies first; an unknown contract is refused; myContractID takes nothing")
    func contracts() throws {
        let estimate = try priced(vouchers: ["WELCOME100"], contract: "NGO-2026", asOf: "2026-06-01")
        #expect(estimate.discounts.map(\.kind) == ["contract", "voucher"])
        #expect(estimate.total == F.money("2025.00"))
        #expect(rejection { _ = try priced(vouchers: [], contract: "ACME", asOf: "2026-06-01") }?.code == .unknownContract)
        #expect(try priced(vouchers: [], contract: "myContractID", asOf: "2026-06-01").total == F.money("2500.00"))
    }

    @Test("a fixed voucher never takes more than what remains; a foreign-currency voucher is a currency_mismatch")
    func capsAndCurrency() throws {
        var catalog = F.catalog
        catalog.vouchers.append(Voucher(code: "BIG", value: .amount(F.money("5000.00")), currency: "EUR"))
        catalog.vouchers.append(Voucher(code: "DOLLARS", value: .amount(F.money("10.00")), currency: "USD"))
        let estimator = Estimator(catalog: catalog)
        let free = try estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: 60), vouchers: ["BIG"]))
        #expect(free.total == 0)
        #expect(free.discounts[0].value == F.money("2500.00"))
        let error = rejection { _ = try estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: 60), vouchers: ["DOLLARS"])) }
        #expect(error?.code == .currencyMismatch)
    }

    @Test("cancellation refunds by product and status, rounded half-even", arguments: [
        ("PNEO-TASKING-30CM", "received", "4750.00", "4750.00"), ("PNEO-TASKING-30CM", "scheduled", "4750.00", "2375.00"),
        ("PNEO-TASKING-30CM", "scheduled", "0.05", "0.02"), ("PNEO-TASKING-30CM", "tasked", "4750.00", "0.00"),
        ("SKYSAT-TASKING", "processing", "600.00", "600.00"), ("SPOTArchive10Color", "held", "200.00", "200.00"),
        ("SPOTArchive10Color", "accepted", "200.00", "0.00"),
    ])
    func refunds(product: String, status: String, paid: String, refund: String) throws {
        let quote = try CancellationQuote(catalog: F.catalog, product: product, status: status, paid: paid)
        #expect(quote.refund == F.money(refund))
        #expect(quote.jsonObject["refund"] == .string(refund))
    }

    @Test("completed, rejected and canceled orders are not cancellable; odd statuses and amounts are refused", arguments: [
        ("completed", "10.00", GeoPriceError.Code.notCancellable), ("cancelled", "10.00", .notCancellable), ("rejected", "10.00", .notCancellable),
        ("lost", "10.00", .unknownStatus), ("received", "ten", .invalidAmount), ("received", "1e3", .invalidAmount),
    ])
    func notCancellable(status: String, paid: String, code: GeoPriceError.Code) {
        let error = rejection { _ = try CancellationQuote(catalog: F.catalog, product: "PNEO-TASKING-30CM", status: status, paid: paid) }
        #expect(error?.code == code)
    }
}
