import Foundation
import GeoJSON

/// A STAT order status response (`current`, `history` of `{timestamp, status_code, reason_code?, reason_text?}`),
/// checked against the STAT lifecycle: received → held | reserved (action needed before acceptance) → accepted |
/// rejected; accepted → scheduled → tasked → processing → completed (a provider may skip the optional middle
/// steps), or → canceled before completion; `failed` and `expired` (STAPI) end any open order. An entry may repeat
/// the status before it (a new reason). The most recent status, by timestamp, is the current one.
public struct OrderStatusHistory: Sendable, Hashable {
    /// One status the order had.
    public struct Entry: Sendable, Hashable {
        public var timestamp: Date
        /// The status code (`cancelled` is read as `canceled`).
        public var status: String
        public var reason: String?
    }

    /// The statuses in time order (`current` included).
    public var entries: [Entry]

    /// The most recent status.
    public var current: String { entries.last!.status }

    /// Every status code read, in lifecycle order.
    public static let statuses = ["received", "held", "reserved", "accepted", "rejected", "scheduled", "tasked", "processing", "completed",
                                  "canceled", "failed", "expired"]

    /// The statuses each may lead to.
    static let next: [String: Set<String>] = [
        "received": ["held", "reserved", "accepted", "rejected"],
        "held": ["reserved", "accepted", "rejected"],
        "reserved": ["held", "accepted", "rejected"],
        "accepted": ["scheduled", "tasked", "processing", "completed", "canceled"],
        "scheduled": ["tasked", "processing", "completed", "canceled"],
        "tasked": ["processing", "completed", "canceled"],
        "processing": ["completed", "canceled"],
    ]

    /// Statuses after which nothing follows.
    static let final: Set<String> = ["rejected", "completed", "canceled", "failed", "expired"]

    /// Reads and checks a status response.
    /// - Throws: ``GeoPriceError`` `invalid_request` for a missing or mistyped member, `invalid_date` for a timestamp
    ///   that is not RFC 3339, `unknown_status` for a status outside the lifecycle, `invalid_status_history` naming the
    ///   first impossible transition (`from`, `to` in details), each at its path.
    public init(reading value: JSONValue) throws(GeoPriceError) {
        guard case .object(let response) = value else {
            throw GeoPriceError(.invalidRequest, "a status response is an object with 'current' and 'history'", path: "$")
        }
        var entries: [(entry: Entry, path: JSONPath)] = []
        if let history = response["history"] {
            guard case .array(let list) = history else { throw GeoPriceError(.invalidRequest, "'history' is a list of statuses", path: "$.history") }
            for (index, element) in list.enumerated() {
                let path = JSONPath.root.appending("history").appending(index)
                entries.append((try Self.entry(element, at: path), path))
            }
        }
        if let current = response["current"], current != .null {
            let path = JSONPath.root.appending("current")
            let entry = try Self.entry(current, at: path)
            if !entries.contains(where: { $0.entry == entry }) { entries.append((entry, path)) }
        }
        guard !entries.isEmpty else { throw GeoPriceError(.invalidRequest, "the status response holds no status", path: "$") }
        // Time order; equal timestamps keep their order in the response.
        let ordered = entries.enumerated().sorted { ($0.element.entry.timestamp, $0.offset) < ($1.element.entry.timestamp, $1.offset) }.map(\.element)
        guard ordered[0].entry.status == "received" else {
            throw GeoPriceError(
                .invalidStatusHistory, "an order's history starts with 'received', this one with '\(ordered[0].entry.status)'",
                path: ordered[0].path.description, details: ["to": .string(ordered[0].entry.status)])
        }
        for (previous, next) in zip(ordered, ordered.dropFirst()) where previous.entry.status != next.entry.status {
            let from = previous.entry.status
            let to = next.entry.status
            let open = !Self.final.contains(from)
            guard (Self.next[from] ?? []).contains(to) || (open && (to == "failed" || to == "expired")) else {
                throw GeoPriceError(
                    .invalidStatusHistory, "an order cannot go from '\(from)' to '\(to)'", path: next.path.description,
                    details: ["from": .string(from), "to": .string(to)])
            }
        }
        self.entries = ordered.map(\.entry)
    }

    private static func entry(_ value: JSONValue, at path: JSONPath) throws(GeoPriceError) -> Entry {
        guard case .object(let object) = value else { throw GeoPriceError(.invalidRequest, "a status is an object", path: path.description) }
        guard let stamp = object["timestamp"]?.stringValue else {
            throw GeoPriceError(.invalidRequest, "a status has a 'timestamp'", path: path.appending("timestamp").description)
        }
        guard let timestamp = RFC3339.date(stamp) else {
            throw GeoPriceError(.invalidDate, "'\(stamp)' is no RFC 3339 instant", path: path.appending("timestamp").description)
        }
        guard let code = object["status_code"]?.stringValue else {
            throw GeoPriceError(.invalidRequest, "a status has a 'status_code'", path: path.appending("status_code").description)
        }
        let status = code.lowercased() == "cancelled" ? "canceled" : code.lowercased()
        guard statuses.contains(status) else {
            throw GeoPriceError(.unknownStatus, "'\(code)' is no order status; statuses are \(statuses.joined(separator: ", "))",
                path: path.appending("status_code").description, details: ["value": .string(code)])
        }
        return Entry(timestamp: timestamp, status: status, reason: object["reason_code"]?.stringValue)
    }
}
