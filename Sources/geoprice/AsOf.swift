import Foundation
import GeoPricing

/// `--as-of`: a day (`YYYY-MM-DD`, its first instant) or an RFC 3339 instant; the clock when not given.
enum AsOf {
    static func instant(_ text: String?, path: String = "--as-of") throws(GeoPriceError) -> Date {
        guard let text else { return Date() }
        return try CalendarDate.instant(parsing: text, path: path)
    }
}
