import Foundation
import GeoPricing

/// One workload's figures.
struct Row {
    var key: String
    var title: String
    /// End to end, median run, seconds.
    var seconds: Double
    var items: Int
    var itemName: String
    /// Per-operation latency, seconds, from a one-core pass.
    var p50: Double?
    var p99: Double?
    var phases: [(String, Double)]
    var notes: [String: Double] = [:]
    var peakMB = Timing.peakMemoryMB()

    var jsonValue: JSONValue {
        var object: JSONObject = [
            "key": .string(key), "title": .string(title), "seconds": .number(seconds), "items": .number(Double(items)),
            "itemsPerSecond": .number(Double(items) / seconds), "peakMemoryMB": .number(peakMB),
            "phases": .object(JSONObject(phases.map { ($0.0, JSONValue.number($0.1)) })),
        ]
        if let p50 { object["p50Seconds"] = .number(p50) }
        if let p99 { object["p99Seconds"] = .number(p99) }
        if !notes.isEmpty { object["notes"] = .object(JSONObject(notes.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.number($0.value)) })) }
        return .object(object)
    }

    var text: String {
        var line = String(format: "(%@) %@\n    %.3f s  %.0f %@/s  peak %.0f MB", key, title, seconds, Double(items) / seconds, itemName, peakMB)
        if let p50, let p99 { line += String(format: "  p50 %.1f µs  p99 %.1f µs", p50 * 1e6, p99 * 1e6) }
        line += "\n    split: " + phases.map { String(format: "%@ %.3f s", $0.0, $0.1) }.joined(separator: ", ")
        for (key, value) in notes.sorted(by: { $0.key < $1.key }) { line += String(format: "\n    %@: %.6g", key, value) }
        return line
    }
}
