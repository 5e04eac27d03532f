import Foundation

/// A calendar date (proleptic Gregorian, UTC), as `asOf` and voucher windows are given: `2026-11-24`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let daysSinceEpoch: Int

    /// The date `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// The date of a year, month (1…12) and day, or `nil` when there is no such day.
    public init?(year: Int, month: Int, day: Int) {
        guard let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) else { return nil }
        daysSinceEpoch = days
    }

    /// Reads `YYYY-MM-DD`.
    /// - Throws: ``GeoPriceError`` `invalid_date`, naming `path` when given.
    public init(parsing text: String, path: String? = nil) throws(GeoPriceError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let date = CalendarDate(year: year, month: month, day: day)
        else {
            throw GeoPriceError(.invalidDate, "'\(text)' is not a date of the form YYYY-MM-DD", path: path, details: ["value": .string(text)])
        }
        self = date
    }

    /// The UTC calendar date of an instant.
    public init(utc date: Date) {
        daysSinceEpoch = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// The date's first instant, 00:00:00 UTC.
    public var firstInstant: Date { Date(timeIntervalSince1970: Double(daysSinceEpoch) * 86_400) }

    /// Reads an as-of time: an RFC 3339 instant, or `YYYY-MM-DD` for that day's first instant.
    /// - Throws: ``GeoPriceError`` `invalid_date`, naming `path` when given.
    public static func instant(parsing text: String, path: String? = nil) throws(GeoPriceError) -> Date {
        if let instant = RFC3339.date(text) { return instant }
        return try CalendarDate(parsing: text, path: path).firstInstant
    }

    /// Today's UTC date.
    public static var today: CalendarDate { CalendarDate(utc: Date()) }

    /// Year, month, day.
    public var components: (year: Int, month: Int, day: Int) { CivilCalendar.date(daysSinceEpoch: daysSinceEpoch) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return CivilCalendar.padded(year, 4) + "-" + CivilCalendar.padded(month, 2) + "-" + CivilCalendar.padded(day, 2)
    }

    /// Whole days from `other` to this date.
    public func days(since other: CalendarDate) -> Int { daysSinceEpoch - other.daysSinceEpoch }

    /// Whether `lhs` is an earlier day.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }
}
