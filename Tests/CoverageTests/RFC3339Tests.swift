import Coverage
import Foundation
import GeoPriceCore
import Testing
import TestSupport

@Suite("RFC 3339 times")
struct RFC3339Tests {
    @Test("times with offsets and fractions name the right instant", arguments: [
        ("1970-01-01T00:00:00Z", 0.0), ("2026-03-01T10:15:00Z", 1_772_360_100), ("2026-03-01t10:15:00z", 1_772_360_100),
        ("2026-03-01T12:15:00+02:00", 1_772_360_100), ("2026-03-01T05:45:00-04:30", 1_772_360_100),
        ("2026-04-01T10:00:00.5+02:00", 1_775_030_400.5), ("2028-02-29T23:59:59Z", 1_835_481_599), ("1969-12-31T23:59:59Z", -1),
    ])
    func instants(text: String, seconds: Double) {
        #expect(RFC3339.date(text)?.timeIntervalSince1970 == seconds)
    }

    @Test("anything else is no time", arguments: [
        "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T10:60:00Z", "2026-03-01T10:15:60Z",
        "2026-03-01T10:15:00", "2026-03-01 10:15:00Z", "2026-03-01T10:15:00.Z", "2026-03-01T10:15:00Zjunk", "2026-3-01T10:15:00Z",
        "2026-03-01T10:15:00+0200", "2026-03-01", "yesterday", "",
    ])
    func refusals(text: String) {
        #expect(RFC3339.date(text) == nil)
    }

    @Test("seeded times read as Foundation's ISO 8601 formatter reads them")
    func agreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var generator = SeededGenerator(seed: 3339)
        for _ in 0..<2_000 {
            let instant = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator)))
            let minutes = Int.random(in: -14 * 60...14 * 60, using: &generator)
            formatter.timeZone = TimeZone(secondsFromGMT: minutes * 60)
            let text = formatter.string(from: instant)
            #expect(RFC3339.date(text) == instant, "\(text)")
        }
    }

    @Test("instants are written in UTC as Foundation's ISO 8601 formatter writes them, fractions dropped")
    func writtenAsFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var generator = SeededGenerator(seed: 8601)
        for _ in 0..<2_000 {
            let instant = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator))
                + Double.random(in: 0..<1, using: &generator))
            #expect(RFC3339.string(instant) == formatter.string(from: instant), "\(instant.timeIntervalSince1970)")
        }
        #expect(RFC3339.string(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    }
}
