import Foundation

/// An ISO 8601 time interval as STAT order requests give their `datetime`: `start/end`, open ends (`../end`,
/// `start/..`), and a duration on either side (`start/P14D`, `P14D/end`). Instants are RFC 3339 (`Z` or an offset);
/// durations are `P[nY][nM][nW][nD][T[nH][nM][nS]]` (designators in this order, each once) with whole numbers
/// (seconds may have a fraction), years and months counted on the UTC Gregorian calendar; every instant lies in the
/// years 0001–9999, as RFC 3339 writes them.
public struct ISO8601Interval: Sendable, Hashable, CustomStringConvertible {
    /// The first instant, or `nil` for an open start.
    public var start: Date?
    /// The last instant, or `nil` for an open end.
    public var end: Date?

    /// An interval between two instants (either may be open).
    public init(start: Date?, end: Date?) {
        self.start = start
        self.end = end
    }

    /// Reads an interval.
    /// - Throws: ``GeoPriceError`` `invalid_interval` at `path`: not two parts, an instant or a duration that does not
    ///   read, two durations, both ends open, or an end before the start.
    public init(parsing text: String, path: String? = nil) throws(GeoPriceError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        func invalid(_ why: String) -> GeoPriceError {
            GeoPriceError(.invalidInterval, "'\(text)' is no ISO 8601 interval: \(why)", path: path, details: ["value": .string(text)])
        }
        guard parts.count == 2 else { throw invalid("it is two parts joined by '/' (start/end, ../end, start/.., start/P14D, P14D/end)") }
        let (first, second) = (parts[0], parts[1])
        if first.hasPrefix("P") && second.hasPrefix("P") { throw invalid("one side at most is a duration") }
        func instant(_ part: String) throws(GeoPriceError) -> Date? {
            if part == ".." || part.isEmpty { return nil }
            guard let date = RFC3339.date(part) else { throw invalid("'\(part)' is no RFC 3339 instant (2026-06-01T00:00:00Z)") }
            return date
        }
        if first.hasPrefix("P") {
            guard let end = try instant(second) else { throw invalid("a duration needs an instant on its other side") }
            guard let start = Self.adding(first, to: end, sign: -1) else { throw invalid("'\(first)' is no ISO 8601 duration (P14D, PT36H)") }
            self.init(start: start, end: end)
        } else if second.hasPrefix("P") {
            guard let start = try instant(first) else { throw invalid("a duration needs an instant on its other side") }
            guard let end = Self.adding(second, to: start, sign: 1) else { throw invalid("'\(second)' is no ISO 8601 duration (P14D, PT36H)") }
            self.init(start: start, end: end)
        } else {
            self.init(start: try instant(first), end: try instant(second))
            if start == nil && end == nil { throw invalid("both ends are open") }
        }
        let earliest = Date(timeIntervalSince1970: -62_135_596_800)  // 0001-01-01T00:00:00Z
        let latest = Date(timeIntervalSince1970: 253_402_300_800)  // 10000-01-01T00:00:00Z
        for instant in [start, end].compactMap({ $0 }) where !(instant >= earliest && instant < latest) {
            throw invalid("it reaches outside the years 0001–9999")
        }
        if let start, let end, end < start { throw invalid("it ends before it starts") }
    }

    /// Its length in seconds, when both ends are given.
    public var seconds: Double? {
        guard let start, let end else { return nil }
        return end.timeIntervalSince(start)
    }

    /// `start/end` with `..` for an open end, instants in UTC.
    public var description: String {
        func text(_ date: Date?) -> String { date.map { RFC3339.string($0) } ?? ".." }
        return "\(text(start))/\(text(end))"
    }

    /// `date` moved by a duration (`sign` −1: back), or `nil` when the duration does not read.
    static func adding(_ duration: String, to date: Date, sign: Int) -> Date? {
        var components = DateComponents()
        var seconds = 0.0
        var inTime = false
        var number = ""
        var sawComponent = false
        // Designators in their order, each at most once: Y M W D, then T H M S.
        let order: [String] = ["Y", "M", "W", "D", "TH", "TM", "TS"]
        var last = -1
        for character in duration.dropFirst() {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if !(character.isNumber || character == "." || character == ",") {
                guard let position = order.firstIndex(of: (inTime ? "T" : "") + String(character)), position > last else { return nil }
                last = position
            }
            if character.isNumber || character == "." || character == "," {
                number.append(character == "," ? "." : character)
                continue
            }
            guard !number.isEmpty, let value = Double(number), value.isFinite, value >= 0, value < 1e7 else { return nil }
            let whole = Int(value)
            guard Double(whole) == value || (inTime && character == "S") else { return nil }
            switch (inTime, character) {
            case (false, "Y"): components.year = sign * whole
            case (false, "M"): components.month = sign * whole
            case (false, "W"): components.day = (components.day ?? 0) + sign * 7 * whole
            case (false, "D"): components.day = (components.day ?? 0) + sign * whole
            case (true, "H"): components.hour = sign * whole
            case (true, "M"): components.minute = sign * whole
            case (true, "S"): seconds = Double(sign) * value
            default: return nil
            }
            number = ""
            sawComponent = true
        }
        guard sawComponent, number.isEmpty else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: components, to: date)?.addingTimeInterval(seconds)
    }
}
