import Metrics
import Prometheus

/// The server's metrics in Prometheus text form (`GET /metrics`): requests by route and status, a latency histogram
/// by route, requests in flight, and requests refused by a limit.
public final class ServerMetrics: Sendable {
    /// Where the metrics live.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let inFlight: Meter

    /// Metrics in a registry of their own (one per server, so tests can run several).
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2), .seconds(5), .seconds(10),
        ]
        self.factory = factory
        inFlight = Meter(label: "geoprice_requests_in_flight", dimensions: [], factory: factory)
    }

    /// A request started.
    func started() { inFlight.increment() }

    /// A request ended with `status` after `duration`.
    func finished(route: String, status: Int, duration: Duration) {
        inFlight.decrement()
        Counter(label: "geoprice_requests_total", dimensions: [("route", route), ("status", String(status))], factory: factory).increment()
        Timer(label: "geoprice_request_duration_seconds", dimensions: [("route", route)], factory: factory).recordNanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// A request refused by a limit (`limit_exceeded`, `overloaded`, `deadline_exceeded`).
    func refused(limit: String) {
        Counter(label: "geoprice_requests_refused_total", dimensions: [("limit", limit)], factory: factory).increment()
    }

    /// The Prometheus text exposition.
    public func text() -> [UInt8] { registry.emitToBuffer() }
}
