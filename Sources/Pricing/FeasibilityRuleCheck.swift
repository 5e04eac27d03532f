import Foundation
import GeoJSON

/// The rules of one product, priority and filter, applied to a measured AOI: the reasons of a
/// ``FeasibilityCheck``, in the order they are checked.
struct _FeasibilityRuleCheck {
    let product: Product
    let rules: FeasibilityRules
    let priority: String?
    let allowed: [String: _AllowedValues]
    let asOf: Date

    func reasons(for check: FeasibilityCheck) -> [FeasibilityCheck.Reason] {
        var reasons: [FeasibilityCheck.Reason] = []
        func add(_ code: String, hard: Bool, _ message: String, _ values: JSONObject) {
            reasons.append(FeasibilityCheck.Reason(code: code, isHard: hard, message: message, values: values))
        }
        if let maximum = rules.maxKm2.map(Self.double), check.km2 > maximum {
            add("area_above_maximum", hard: true, "the AOI measures \(Self.text(check.km2)) km²; \(product.id) takes at most \(Money.string(rules.maxKm2!)) km²",
                ["km2": .number(check.km2), "maxKm2": .string(Money.string(rules.maxKm2!))])
        }
        if let south = rules.minLatitude, check.southLatitude < Self.double(south) {
            add("beyond_latitude_reach", hard: true, "the AOI reaches \(Self.text(check.southLatitude))°; \(product.id) sees no farther south than \(Money.string(south))°",
                ["latitude": .number(check.southLatitude), "minLatitude": .string(Money.string(south))])
        }
        if let north = rules.maxLatitude, check.northLatitude > Self.double(north) {
            add("beyond_latitude_reach", hard: true, "the AOI reaches \(Self.text(check.northLatitude))°; \(product.id) sees no farther north than \(Money.string(north))°",
                ["latitude": .number(check.northLatitude), "maxLatitude": .string(Money.string(north))])
        }
        let openSeconds = check.window.map { $0.secondsOpen(from: asOf) }
        if let window = check.window, let seconds = openSeconds {
            if window.hasEnded(by: asOf) {
                add("window_closed", hard: true, "the window \(window) has ended by \(RFC3339.string(asOf))",
                    ["datetime": .string(window.description), "asOf": .string(RFC3339.string(asOf))])
            } else if let priority, let hours = product.minimumWindowHours[priority], seconds < Self.double(hours) * 3_600 {
                add("window_too_short", hard: true,
                    "the window leaves \(Self.text(seconds / 3_600)) h from \(RFC3339.string(asOf)); \(product.id) at priority \(priority) needs \(Money.string(hours)) h",
                    ["hours": .number(seconds / 3_600), "minimumHours": .string(Money.string(hours))])
            }
        }
        if let priority, let extent = rules.automatic[priority] {
            if check.widthKm > Self.double(extent.maxWidthKm) {
                add("wider_than_automatic", hard: false,
                    "the AOI's minimum-width rectangle is \(Self.text(check.widthKm)) km wide; at priority \(priority) \(product.id) is automatic up to \(Money.string(extent.maxWidthKm)) km",
                    ["widthKm": .number(check.widthKm), "maxWidthKm": .string(Money.string(extent.maxWidthKm))])
            }
            if check.lengthKm > Self.double(extent.maxLengthKm) {
                add("longer_than_automatic", hard: false,
                    "the AOI's minimum-width rectangle is \(Self.text(check.lengthKm)) km long; at priority \(priority) \(product.id) is automatic up to \(Money.string(extent.maxLengthKm)) km",
                    ["lengthKm": .number(check.lengthKm), "maxLengthKm": .string(Money.string(extent.maxLengthKm))])
            }
        }
        for strict in rules.strictConstraints {
            guard let seconds = openSeconds, seconds > 0, seconds < Self.double(strict.windowShorterThanHours) * 3_600,
                let set = allowed[strict.queryable], let supremum = set.supremum, supremum <= Self.double(strict.atMost)
            else { continue }
            add("strict_constraint_in_short_window", hard: false,
                "the request allows \(strict.queryable) \(set.description) in a window of \(Self.text(seconds / 3_600)) h; below \(Money.string(strict.windowShorterThanHours)) h, at most \(Money.string(strict.atMost)) needs a study",
                ["queryable": .string(strict.queryable), "allowed": .string(set.description), "atMost": .string(Money.string(strict.atMost)),
                 "hours": .number(seconds / 3_600), "windowShorterThanHours": .string(Money.string(strict.windowShorterThanHours))])
        }
        return reasons
    }

    private static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// A measured figure for a sentence, to two decimals.
    private static func text(_ value: Double) -> String { JSONWriter.numberText((value * 100).rounded() / 100) }
}

extension ISO8601Interval {
    /// How long the window stays open from the instant `asOf`, seconds: from its start or that instant, whichever
    /// is later, to its end (infinite for an open end; zero or less once it has ended).
    func secondsOpen(from asOf: Date) -> Double {
        guard let end else { return .infinity }
        return end.timeIntervalSince(max(start ?? asOf, asOf))
    }

    /// Whether the window has ended by `asOf` (a window ending at that instant has; one still to come, however
    /// short, has not).
    func hasEnded(by asOf: Date) -> Bool { end.map { $0 <= asOf } ?? false }
}
