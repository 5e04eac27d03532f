import Foundation
@testable import Pricing
import Testing
import TestSupport

@Suite("Exact money arithmetic")
struct MoneyArithmeticTests {
    static func random(_ generator: inout SeededGenerator) -> Decimal {
        let digits: UInt64 = switch Int.random(in: 0...3, using: &generator) {
        case 0: 0
        case 1: UInt64.random(in: 0...999, using: &generator)
        case 2: UInt64.random(in: 0...999_999_999, using: &generator)
        default: UInt64.random(in: 0...UInt64.max, using: &generator)
        }
        let value = Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: Int.random(in: -12...8, using: &generator),
            significand: Decimal(digits))
        // A few values beyond 64 bits, which go to Foundation.
        return Int.random(in: 0..<20, using: &generator) == 0 ? value * Decimal(UInt64.max) : value
    }

    @Test("product, sum and difference equal Foundation's, value and text, on seeded values")
    func agreesWithFoundation() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<20_000 {
            let a = Self.random(&generator)
            let b = Self.random(&generator)
            for (fast, foundation, name) in [(Money.product(a, b), a * b, "×"), (Money.sum(a, b), a + b, "+"), (Money.difference(a, b), a - b, "−")] {
                #expect(fast == foundation, "\(a) \(name) \(b)")
                #expect(Money.string(fast) == Money.string(foundation), "\(a) \(name) \(b)")
                #expect(fast.exponent == foundation.exponent || fast == 0, "\(a) \(name) \(b): exponent \(fast.exponent) vs \(foundation.exponent)")
            }
        }
    }

    @Test("rounding to a scale equals NSDecimalRound in every mode, ties and negatives included")
    func roundingAgreesWithFoundation() {
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<20_000 {
            var value = Self.random(&generator)
            // Every third value ends in a 5 after its rounding digit: a tie for the half modes.
            if Int.random(in: 0..<3, using: &generator) == 0 { value = Money.sum(Money.product(value, 10), Decimal(sign: .plus, exponent: -3, significand: 5)) }
            let scale = Int.random(in: 0...8, using: &generator)
            for mode in Money.RoundingMode.allCases {
                var expected = Decimal()
                var copy = value
                NSDecimalRound(&expected, &copy, scale, mode.foundation)
                let fast = Money.rounded(value, scale: scale, mode: mode)
                #expect(fast == expected, "\(value) to \(scale) \(mode)")
                #expect(fast.exponent == expected.exponent || fast == 0, "\(value) to \(scale) \(mode): exponent \(fast.exponent) vs \(expected.exponent)")
            }
        }
    }

    @Test("ties and signs to one decimal", arguments: [
        ("-1.25", Money.RoundingMode.up, "-1.2"), ("1.25", .up, "1.3"), ("-1.251", .up, "-1.2"), ("1.249", .up, "1.3"),
        ("-1.25", .down, "-1.3"), ("1.25", .down, "1.2"), ("-1.251", .down, "-1.3"), ("1.249", .down, "1.2"),
        ("-1.25", .halfUp, "-1.3"), ("-1.35", .halfUp, "-1.4"), ("1.25", .halfUp, "1.3"), ("1.249", .halfUp, "1.2"),
        ("-1.25", .halfEven, "-1.2"), ("-1.35", .halfEven, "-1.4"), ("1.25", .halfEven, "1.2"), ("-1.251", .halfEven, "-1.3"),
    ])
    func ties(value: String, mode: Money.RoundingMode, expected: String) {
        #expect(Money.rounded(Decimal(string: value)!, scale: 1, mode: mode) == Decimal(string: expected)!)
    }

    @Test("signs, zeros and NaN", arguments: [
        ("12.50", "-12.5", "0", "25.00"), ("-0.07", "0.07", "0", "-0.14"), ("0", "-3", "-3", "3"), ("1e10", "1e-10", "10000000000.0000000001", "9999999999.9999999999"),
    ])
    func edges(a: String, b: String, sum: String, difference: String) {
        let x = Decimal(string: a)!
        let y = Decimal(string: b)!
        #expect(Money.sum(x, y) == Decimal(string: sum)!)
        #expect(Money.difference(x, y) == Decimal(string: difference)!)
        #expect(Money.sum(x, .nan).isNaN)
        #expect(Money.product(.nan, y).isNaN)
    }
}
