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
        // Steps of 10⁻ⁿ round in place, without the (slow) decimal division.
        if let scale = powerOfTenScale(step) { return rounded(value, scale: scale, mode: mode) }
        var rounded = Decimal()
        var quotient = value / step
        NSDecimalRound(&rounded, &quotient, 0, mode.foundation)
        return product(rounded, step)
    }

    /// n when `step` is 10⁻ⁿ (0.01 → 2, 1 → 0), else `nil`.
    static func powerOfTenScale(_ step: Decimal) -> Int? {
        if let (mantissa, exponent, negative) = _DecimalLayout.parts(of: step) {
            guard !negative, mantissa > 0 else { return nil }
            let (significand, power) = _DecimalLayout.normalized(mantissa, exponent)
            return significand == 1 && power <= 0 ? -power : nil
        }
        guard step > 0, step <= 1 else { return nil }
        let scale = -step.exponent
        return scale >= 0 && step == Decimal(sign: .plus, exponent: -scale, significand: 1) ? scale : nil
    }

    /// The number of fraction digits of a step (0.01 → 2, 1 → 0, 0.5 → 1).
    public static func scale(of step: Decimal) -> Int { max(0, -step.exponent) }

    /// The text of a decimal with exactly `scale` fraction digits (`"4750.00"`), or as many as it has when `scale` is
    /// `nil`.
    public static func string(_ value: Decimal, scale: Int? = nil) -> String {
        var decimal = value
        if let scale, value.exponent < -scale { decimal = rounded(value, scale: scale, mode: .halfEven) }
        if let (mantissa, exponent, negative) = _DecimalLayout.parts(of: decimal) {
            return text(mantissa, exponent: exponent, negative: negative, scale: scale ?? 0)
        }
        var text = Array(decimal.description.utf8)
        guard let scale, scale > 0 else { return String(decoding: text, as: UTF8.self) }
        let fraction = text.lastIndex(of: UInt8(ascii: ".")).map { text.count - $0 - 1 }
        if fraction == nil { text.append(UInt8(ascii: ".")) }
        if (fraction ?? 0) < scale { text += repeatElement(UInt8(ascii: "0"), count: scale - (fraction ?? 0)) }
        return String(decoding: text, as: UTF8.self)
    }

    /// The plain text of mantissa × 10^exponent as `Decimal.description` writes it (no trailing fraction zeros, no
    /// sign on zero), then padded with zeros to at least `scale` fraction digits. Written in place: a text of up to
    /// 15 bytes is a small string, with no allocation at all.
    private static func text(_ mantissa: UInt64, exponent: Int, negative: Bool, scale: Int) -> String {
        var significand = mantissa
        var exponent = significand == 0 ? 0 : exponent
        while exponent < 0 && significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        var digits = 1
        var rest = significand / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let fraction = max(0, -exponent)
        let integerDigits = max(1, digits + exponent)
        let shownFraction = max(fraction, scale)
        let sign = negative && significand != 0 ? 1 : 0
        let point = sign + integerDigits
        let length = point + (shownFraction > 0 ? 1 + shownFraction : 0)
        return String(unsafeUninitializedCapacity: length) { buffer in
            buffer.initialize(repeating: UInt8(ascii: "0"))
            if sign == 1 { buffer[0] = UInt8(ascii: "-") }
            if shownFraction > 0 { buffer[point] = UInt8(ascii: ".") }
            // The digit of weight 10^k sits left of the point for k ≥ 0, right of it for k < 0.
            var weight = exponent
            var remaining = significand
            repeat {
                buffer[weight >= 0 ? point - 1 - weight : point - weight] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                weight += 1
            } while remaining > 0
            return length
        }
    }

    /// A `Double` area (km²) made exact: rounded half-even to 1e-6 km², so that float noise never moves a price.
    /// The rounding is done on the double's micro-km² (exact for areas below 9e9 km²), which is what
    /// `Decimal(Double)` followed by a decimal rounding gives, at a fraction of its cost.
    public static func exactKm2(_ value: Double) -> Decimal {
        let micro = (value * 1e6).rounded(.toNearestOrEven)
        guard micro.isFinite, abs(micro) < 9e15 else {
            return round(Decimal(value), step: Decimal(sign: .plus, exponent: -6, significand: 1), mode: .halfEven)
        }
        return Decimal(sign: micro < 0 ? .minus : .plus, exponent: -6, significand: Decimal(UInt64(abs(micro))))
    }

    /// A percent as a factor: 15 → 0.15 (a multiplication by 0.01, which is exact and cheaper than dividing by 100).
    public static func fraction(percent: Decimal) -> Decimal { product(percent, hundredth) }

    private static let hundredth = Decimal(sign: .plus, exponent: -2, significand: 1)

    /// A decimal as a JSON number (for provider shapes that carry money as numbers): the double nearest to its
    /// decimal text, so 149.08 writes as 149.08 (`NSDecimalNumber.doubleValue` gives 149.07999999999998).
    public static func number(_ value: Decimal) -> JSONValue { .number(Double(string(value)) ?? .nan) }
}

/// Reads a `Decimal`'s mantissa and exponent from its 20 bytes of storage: an exponent byte, a byte holding the
/// mantissa's length in 16-bit words and the sign, two reserved bytes, then eight little-endian 16-bit mantissa
/// words. Darwin's C `NSDecimal` bit field puts the length in the low nibble and the sign in bit 4;
/// swift-foundation's `Decimal` puts the length in the high nibble and the sign in bit 3. `Decimal.description`
/// divides the mantissa by ten digit by digit and was a fifth of an estimate's time, hence this. Which layout (if
/// either) this platform has is found once against known values; if neither matches, `parts` answers `nil` and
/// callers use `description`.
///
/// Why it stays: swift-foundation keeps `Decimal`'s mantissa internal, and its public routes to the digits
/// (`description`, `NSDecimalNumber`) cost 150–330 ns a value, a fifth of an estimate's time with ~15 amounts an
/// answer; the layout is checked against known values at first use, so a platform that changes it falls back to
/// `description`, slower but right.
enum _DecimalLayout {
    struct Layout {
        var lengthShift: UInt8
        var signBit: UInt8
    }

    static let layout: Layout? = {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        let candidates = [Layout(lengthShift: 4, signBit: 0x08), Layout(lengthShift: 0, signBit: 0x10)]
        let samples: [(String, UInt64, Bool)] = [("1234.5", 12345, false), ("-0.07", 7, true), ("65536.25", 6_553_625, false)]
        return candidates.first { layout in
            samples.allSatisfy { text, expected, negative in
                guard let value = Decimal(string: text), let parts = read(value, layout) else { return false }
                return parts.negative == negative && normalized(parts.mantissa, parts.exponent) == normalized(expected, value.exponent)
            }
        }
    }()

    static var isKnown: Bool { layout != nil }

    static func parts(of value: Decimal) -> (mantissa: UInt64, exponent: Int, negative: Bool)? {
        layout.flatMap { read(value, $0) }
    }

    /// The mantissa without trailing zeros, the exponent raised to match (0 stays 0).
    static func normalized(_ mantissa: UInt64, _ exponent: Int) -> (UInt64, Int) {
        var m = mantissa
        var e = exponent
        while m > 0 && m % 10 == 0 {
            m /= 10
            e += 1
        }
        return (m, e)
    }

    private static func read(_ value: Decimal, _ layout: Layout) -> (mantissa: UInt64, exponent: Int, negative: Bool)? {
        withUnsafeBytes(of: value) { bytes -> (UInt64, Int, Bool)? in
            let exponent = Int(Int8(bitPattern: bytes[0]))
            let length = Int((bytes[1] >> layout.lengthShift) & 0x0F)
            guard length <= 4 else { return nil }
            var mantissa: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                mantissa = mantissa << 16 | UInt64(bytes[4 + 2 * word]) | UInt64(bytes[5 + 2 * word]) << 8
            }
            return (mantissa, exponent, bytes[1] & layout.signBit != 0)
        }
    }
}
