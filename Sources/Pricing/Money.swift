import Foundation
import GeoJSON

/// Exact decimal arithmetic for areas and money: `Decimal` end to end, read from and written as strings.
public enum Money {
    /// How a value is rounded to a step.
    public enum RoundingMode: String, Sendable, Hashable, CaseIterable {
        /// Half to even (banker's rounding): the default for money.
        case halfEven
        /// Half away from zero.
        case halfUp
        /// Towards +∞: the default for billable areas.
        case up
        /// Towards −∞.
        case down

        var foundation: NSDecimalNumber.RoundingMode {
            switch self {
            case .halfEven: .bankers
            case .halfUp: .plain
            case .up: .up
            case .down: .down
            }
        }
    }

    /// A decimal written plainly: an optional minus, digits, an optional fraction (`"10"`, `"8.50"`, `"-0.5"`).
    /// Exponents, spaces, grouping and `NaN` are refused, so a typo never becomes a silently different number.
    public static func parse(_ text: String) -> Decimal? {
        var digitsBefore = 0
        var digitsAfter = 0
        var seenPoint = false
        for (index, character) in text.enumerated() {
            switch character {
            case "-" where index == 0: continue
            case "." where !seenPoint && digitsBefore > 0: seenPoint = true
            case "0"..."9": if seenPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            default: return nil
            }
        }
        guard digitsBefore > 0, !seenPoint || digitsAfter > 0, digitsBefore + digitsAfter <= 30 else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// `value` rounded to a multiple of `step` (a positive decimal such as 0.01 or 0.5) by `mode`.
    public static func round(_ value: Decimal, step: Decimal, mode: RoundingMode) -> Decimal {
        var quotient = value / step
        var rounded = Decimal()
        NSDecimalRound(&rounded, &quotient, 0, mode.foundation)
        return rounded * step
    }

    /// A `Double` area (km²) made exact: rounded half-even to 1e-6 km², so that float noise never moves a price.
    public static func exactKm2(_ value: Double) -> Decimal {
        round(Decimal(value), step: Decimal(sign: .plus, exponent: -6, significand: 1), mode: .halfEven)
    }

    /// The text of a decimal with exactly `scale` fraction digits (`"4750.00"`), or as many as it has when `scale` is
    /// `nil`.
    public static func string(_ value: Decimal, scale: Int? = nil) -> String {
        guard let scale else { return NSDecimalNumber(decimal: value).stringValue }
        var rounded = Decimal()
        var copy = value
        NSDecimalRound(&rounded, &copy, scale, .bankers)
        var text = NSDecimalNumber(decimal: rounded).stringValue
        if scale > 0 {
            if !text.contains(".") { text += "." }
            let fraction = text.split(separator: ".", omittingEmptySubsequences: false).last?.count ?? 0
            text += String(repeating: "0", count: max(0, scale - fraction))
        }
        return text
    }

    /// The number of fraction digits of a step (0.01 → 2, 1 → 0, 0.5 → 1).
    public static func scale(of step: Decimal) -> Int { max(0, -step.exponent) }

    /// A decimal as a JSON number (for provider shapes that carry money as numbers): the double nearest to its
    /// decimal text, so 149.08 writes as 149.08 (`NSDecimalNumber.doubleValue` gives 149.07999999999998).
    public static func number(_ value: Decimal) -> JSONValue { .number(Double(string(value)) ?? .nan) }
}
