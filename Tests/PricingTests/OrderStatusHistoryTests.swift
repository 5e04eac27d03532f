import Foundation
import GeoJSON
import Pricing
import Testing
import TestSupport

/// STAT status histories: every transition of the lifecycle checked, refunds at the most recent status.
@Suite("Order status histories")
struct OrderStatusHistoryTests {
    typealias F = PricingFixtures

    static func response(_ statuses: [String], current: String? = nil) -> JSONValue {
        let history: [JSONValue] = statuses.enumerated().map { index, status in
            ["timestamp": .string(String(format: "2026-06-%02dT10:00:00Z", index + 1)), "status_code": .string(status), "links": []]
        }
        var object: JSONObject = ["history": .array(history)]
        if let current { object["current"] = ["timestamp": "2026-07-01T00:00:00Z", "status_code": .string(current), "links": []] }
        return .object(object)
    }

    /// The lifecycle as DESIGN.md words it, written out pair by pair: received → held | reserved → accepted |
    /// rejected; accepted → scheduled → tasked → processing → completed (middle steps optional), or → canceled;
    /// failed and expired end any open order.
    static let legal: Set<String> = [
        "received>held", "received>reserved", "received>accepted", "received>rejected",
        "held>reserved", "held>accepted", "held>rejected", "reserved>held", "reserved>accepted", "reserved>rejected",
        "accepted>scheduled", "accepted>tasked", "accepted>processing", "accepted>completed", "accepted>canceled",
        "scheduled>tasked", "scheduled>processing", "scheduled>completed", "scheduled>canceled",
        "tasked>processing", "tasked>completed", "tasked>canceled", "processing>completed", "processing>canceled",
    ]
    static let open = ["received", "held", "reserved", "accepted", "scheduled", "tasked", "processing"]
    /// A history that reaches each status.
    static let reaching: [String: [String]] = [
        "received": ["received"], "held": ["received", "held"], "reserved": ["received", "reserved"], "accepted": ["received", "accepted"],
        "rejected": ["received", "rejected"], "scheduled": ["received", "accepted", "scheduled"], "tasked": ["received", "accepted", "tasked"],
        "processing": ["received", "accepted", "processing"], "completed": ["received", "accepted", "completed"],
        "canceled": ["received", "accepted", "canceled"], "failed": ["received", "failed"], "expired": ["received", "expired"],
    ]

    @Test("every transition between two different statuses: possible exactly when the lifecycle allows it")
    func transitions() throws {
        for from in OrderStatusHistory.statuses {
            for to in OrderStatusHistory.statuses where to != from {
                let statuses = Self.reaching[from]! + [to]
                let allowed = Self.legal.contains("\(from)>\(to)") || (Self.open.contains(from) && ["failed", "expired"].contains(to))
                let error = rejection { _ = try OrderStatusHistory(reading: Self.response(statuses)) }
                if allowed {
                    #expect(error == nil, "\(from) → \(to): \(String(describing: error))")
                } else {
                    #expect(error?.code == .invalidStatusHistory && error?.path == "$.history[\(statuses.count - 1)]", "\(from) → \(to)")
                    #expect(error?.details["from"] == .string(from) && error?.details["to"] == .string(to))
                }
            }
        }
    }

    @Test("refunds at the most recent status: PNEO refunds 100 % accepted, 50 % scheduled, 0 % tasked")
    func refunds() throws {
        func refund(_ statuses: [String], current: String? = nil) throws -> Decimal {
            try CancellationQuote(catalog: F.catalog, product: "PNEO-TASKING-30CM", history: OrderStatusHistory(reading: Self.response(statuses, current: current)),
                paid: "4750.00").refund
        }
        #expect(try refund(["received", "accepted"]) == F.money("4750.00"))
        #expect(try refund(["received", "held", "accepted", "scheduled"]) == F.money("2375.00"))
        #expect(try refund(["received", "accepted", "scheduled"], current: "tasked") == F.money("0.00"))
        // `current` older than the history's last entry: the most recent one counts.
        var stale = Self.response(["received", "accepted", "scheduled"])
        if case .object(var object) = stale {
            object["current"] = ["timestamp": "2026-06-02T10:00:00Z", "status_code": "accepted", "links": []]
            stale = .object(object)
        }
        #expect(try OrderStatusHistory(reading: stale).current == "scheduled")
        #expect(rejection { _ = try refund(["received", "accepted", "processing", "failed"]) }?.code == .notCancellable)
        #expect(rejection { _ = try refund(["received", "accepted", "completed"]) }?.code == .notCancellable)
        #expect(try refund(["received", "accepted", "accepted"]) == F.money("4750.00"))
    }

    @Test("malformed histories: their codes and paths")
    func malformed() throws {
        func error(_ value: JSONValue) -> (GeoPriceError.Code?, String?) {
            let error = rejection { _ = try OrderStatusHistory(reading: value) }
            return (error?.code, error?.path)
        }
        #expect(error(Self.response(["accepted", "completed"])) == (.invalidStatusHistory, "$.history[0]"))
        #expect(error(Self.response(["received", "lost"])) == (.unknownStatus, "$.history[1].status_code"))
        #expect(error(["history": [["timestamp": "yesterday", "status_code": "received"]]]) == (.invalidDate, "$.history[0].timestamp"))
        #expect(error(["history": []]) == (.invalidRequest, "$"))
        #expect(error(Self.response(["received", "Cancelled"])).0 == .invalidStatusHistory)
    }
}
