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
