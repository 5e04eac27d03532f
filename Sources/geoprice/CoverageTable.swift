import Foundation
import GeoPricing

/// The readable form of `geoprice coverage`.
enum CoverageTable {
    static func text(_ order: OrderCoverage) -> String {
        var lines: [String] = []
        for group in order.groups {
            lines.append("AOI \(group.aoi.name): \(String(format: "%.2f", group.coveredPercent)) % covered "
                + "(\(String(format: "%.6f", group.coveredKm2)) of \(String(format: "%.6f", group.requestedKm2)) km²), "
                + "remainder \(String(format: "%.6f", group.remainderKm2)) km² (\(String(format: "%.2f", group.remainderPercent)) %), "
                + (group.fulfilled ? "fulfilled" : "not fulfilled") + " at \(group.thresholdPercent) %")
            if group.captures.isEmpty { lines.append("  no capture meets this AOI") }
            for share in group.captures {
                let id = share.id.stringValue ?? JSONWriter().string(share.id)
                let when = share.acquired.map { "  " + RFC3339.string($0) } ?? ""
                let name = id.padding(toLength: 16, withPad: " ", startingAt: 0)
                if let overlap = share.overlapKm2, let gain = share.gainKm2 {
                    lines.append("  \(name) overlap \(String(format: "%12.6f", overlap)) km²  gain \(String(format: "%12.6f", gain)) km²\(when)")
                } else {
                    lines.append("  \(name) meets the AOI\(when)")
                }
            }
        }
        if order.groups.count > 1 {
            lines.append("Order: \(String(format: "%.6f", order.coveredKm2)) of \(String(format: "%.6f", order.requestedKm2)) km² covered, "
                + (order.fulfilled ? "fulfilled" : "not fulfilled"))
        }
        return lines.joined(separator: "\n")
    }
}
