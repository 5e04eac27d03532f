import Foundation

/// RFC 3339 times (`2026-03-01T10:15:00Z`, `2026-03-01T10:15:00.250+02:00`), read by hand: a formatter per call
/// costs tens of microseconds, and a captures file carries one time per feature.
public enum RFC3339 {
    /// The instant a text names, or `nil`: `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z` or `±HH:MM`
    /// (`T` and `Z` in either case). Seconds run to 59: a leap second has no `Date`.
    public static func date(_ text: String) -> Date? {
        var reader = Reader(bytes: Array(text.utf8))
        guard let year = reader.number(digits: 4), reader.skip("-"), let month = reader.number(digits: 2), reader.skip("-"),
            let day = reader.number(digits: 2), reader.skip("T") || reader.skip("t"),
            let hour = reader.number(digits: 2), hour < 24, reader.skip(":"), let minute = reader.number(digits: 2), minute < 60,
            reader.skip(":"), let second = reader.number(digits: 2), second < 60,
            let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        else { return nil }
        var fraction = 0.0
        if reader.skip(".") {
            var scale = 0.1
            var digits = 0
            while let digit = reader.digit() {
                fraction += Double(digit) * scale
                scale /= 10
                digits += 1
            }
            guard digits > 0 else { return nil }
        }
        var offset = 0
        if reader.skip("Z") || reader.skip("z") {
            offset = 0
        } else if let sign = reader.skip("+") ? 1 : reader.skip("-") ? -1 : nil, let hours = reader.number(digits: 2), hours < 24,
            reader.skip(":"), let minutes = reader.number(digits: 2), minutes < 60
        {
            offset = sign * (hours * 3_600 + minutes * 60)
        } else {
            return nil
        }
        guard reader.atEnd else { return nil }
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The text of an instant, in UTC, to the whole second below it: `2026-03-01T10:15:00Z`.
    public static func string(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let (days, second) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (day, secondOfDay) = second < 0 ? (days - 1, second + 86_400) : (days, second)
        let (year, month, dayOfMonth) = CivilCalendar.date(daysSinceEpoch: day)
        let pad = CivilCalendar.padded
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(dayOfMonth, 2) + "T" + pad(secondOfDay / 3_600, 2) + ":"
            + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2) + "Z"
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        mutating func digit() -> Int? {
            guard position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) else { return nil }
            defer { position += 1 }
            return Int(bytes[position] - UInt8(ascii: "0"))
        }

        mutating func number(digits: Int) -> Int? {
            var value = 0
            for _ in 0..<digits {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }
    }
}
