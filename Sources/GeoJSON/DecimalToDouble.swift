/// `mantissa ÷ 10^decimals` rounded correctly to the nearest double, for the numbers that Clinger's fast path leaves
/// out and GeoJSON coordinates hit most: 16 to 19 significant digits (a mantissa above 2^53) and up to 19 decimals.
///
/// A candidate from two roundings (within one unit in the last place of the answer) is checked exactly against the
/// midpoints to its neighbours, in 128-bit integers, and moved by one unit when it lies on the wrong side of one.
/// `nil` when the text is exactly on a midpoint or outside what is checked here: the caller then asks `strtod`.
///
/// Why both: `strtod` stays the authority for what this leaves out. Removing this sends every coordinate that GIS
/// tools write with 16 to 19 digits (most of them) through a NUL-terminated copy and `strtod`'s general algorithm;
/// agreement with `strtod` is tested on seeded values.
enum _DecimalToDouble {
    /// 10^0 … 10^19, all below 2^64 and exact as doubles.
    private static let powersOfTen: [UInt64] = (0...19).map { exponent in
        var value: UInt64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    static func value(mantissa: UInt64, decimals: Int) -> Double? {
        guard mantissa != 0, decimals >= 0, decimals < powersOfTen.count else { return nil }
        let divisor = powersOfTen[decimals]
        var candidate = Double(mantissa) / Double(divisor)
        for _ in 0..<3 {
            switch side(of: candidate, mantissa: mantissa, divisor: divisor) {
            case .nearest?: return candidate
            case .belowTheValue?: candidate = candidate.nextUp
            case .aboveTheValue?: candidate = candidate.nextDown
            case nil: return nil
            }
        }
        return nil
    }

    private enum Side { case nearest, belowTheValue, aboveTheValue }

    /// Where `candidate` = s·2^q lies against mantissa / divisor: compares mantissa·2^(1−q) with (2s ± 1)·divisor,
    /// the two midpoints scaled alike. `nil` on a midpoint, at a power of two (whose lower neighbour is nearer), or
    /// when the scaled mantissa would not fit in 128 bits.
    private static func side(of candidate: Double, mantissa: UInt64, divisor: UInt64) -> Side? {
        guard candidate.isNormal, candidate.significandBitPattern != 0 else { return nil }
        let significand = candidate.significandBitPattern | (1 << 52)
        let shift = 53 - Int(candidate.exponent)
        let mantissaBits = UInt64.bitWidth - mantissa.leadingZeroBitCount
        guard shift >= 0, mantissaBits + shift <= 128 else { return nil }
        let scaled = shiftedLeft(mantissa, by: shift)
        let lower = wide((2 * significand - 1).multipliedFullWidth(by: divisor))
        let upper = wide((2 * significand + 1).multipliedFullWidth(by: divisor))
        if scaled < lower { return .aboveTheValue }
        if scaled > upper { return .belowTheValue }
        return scaled == lower || scaled == upper ? nil : .nearest
    }

    private static func wide(_ product: (high: UInt64, low: UInt64)) -> (UInt64, UInt64) { (product.high, product.low) }

    private static func shiftedLeft(_ value: UInt64, by shift: Int) -> (UInt64, UInt64) {
        switch shift {
        case 0: (0, value)
        case 1..<64: (value >> (64 - shift), value << shift)
        default: (value << (shift - 64), 0)
        }
    }
}
