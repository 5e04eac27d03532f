import Foundation
@testable import Pricing
import Testing
import TestSupport

@Suite("Money")
struct MoneyTests {
    @Test("the fast decimal text agrees with Decimal.description on random values")
    func fastText() {
        #expect(_DecimalLayout.isKnown)
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<5_000 {
            let digits = UInt64.random(in: 0...999_999_999_999, using: &generator)
            let exponent = Int.random(in: -12...6, using: &generator)
            let value = Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: exponent, significand: Decimal(digits))
            #expect(Money.string(value) == value.description, "\(digits)e\(exponent)")
        }
        for _ in 0..<5_000 {
            let digits = UInt64.random(in: 0...999_999_999_999, using: &generator)
            let exponent = Int.random(in: -12...6, using: &generator)
            let scale = Int.random(in: 0...8, using: &generator)
            let value = Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: exponent, significand: Decimal(digits))
            #expect(Money.string(value, scale: scale) == Self.paddedDescription(value, scale: scale), "\(digits)e\(exponent) to \(scale)")
        }
        #expect(Money.string(Money.parse("4750")!, scale: 2) == "4750.00")
        #expect(Money.string(Decimal(sign: .minus, exponent: -3, significand: 0), scale: 2) == "0.00")
        #expect(Money.string(Decimal(sign: .plus, exponent: 6, significand: 42)) == "42000000")
        #expect(Money.string(Money.parse("0.005")!, scale: 2) == "0.00")
        #expect(Money.string(Money.parse("0.015")!, scale: 2) == "0.02")
        #expect(Money.string(Money.parse("-12.5")!, scale: 2) == "-12.50")
        #expect(Money.string(Money.parse("123456789012345678901234567890")!) == "123456789012345678901234567890")
    }

    /// `Decimal.description` of the value rounded half-even to `scale` digits, padded with zeros to `scale` digits.
    static func paddedDescription(_ value: Decimal, scale: Int) -> String {
        var rounded = Decimal()
        var copy = value
        NSDecimalRound(&rounded, &copy, scale, .bankers)
        var text = rounded.description
        guard scale > 0 else { return text }
        let fraction = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? -1
        if fraction < 0 { text += "." }
        return text + String(repeating: "0", count: scale - max(fraction, 0))
    }

    @Test("parsing refuses anything but plain decimals", arguments: ["1e3", " 1", "1,5", "NaN", "", "-", ".5", "5.", "+1", "0x10"])
    func refusals(text: String) {
        #expect(Money.parse(text) == nil)
    }

    @Test("rounding to steps: powers of ten and others, each mode", arguments: [
        ("2.345", "0.01", Money.RoundingMode.halfEven, "2.34"), ("2.355", "0.01", .halfEven, "2.36"), ("2.345", "0.01", .halfUp, "2.35"),
        ("2.341", "0.01", .up, "2.35"), ("2.349", "0.01", .down, "2.34"), ("7.3", "0.5", .up, "7.5"), ("7.25", "0.5", .halfEven, "7"),
        ("40.000001", "0.01", .up, "40.01"), ("12", "5", .up, "15"),
    ])
    func rounding(value: String, step: String, mode: Money.RoundingMode, expected: String) {
        #expect(Money.round(Money.parse(value)!, step: Money.parse(step)!, mode: mode) == Money.parse(expected)!)
    }
}
