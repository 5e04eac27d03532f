import Foundation

/// What one server process allows, each configurable (`geoprice-server --help`).
public struct ServerLimits: Sendable {
    /// The largest request body, bytes (the whole body, NDJSON bodies included): beyond it, 413 `limit_exceeded`.
    public var maxBodyBytes: Int
    /// How long a request may take from its arrival, waiting included: beyond it, 503 `deadline_exceeded`.
    public var deadline: Duration
    /// Requests worked on at once; more wait in the queue.
    public var maxInWork: Int
    /// Requests waiting for work at once; more are refused at once with 503 `overloaded` and `Retry-After`.
    public var maxQueued: Int
    /// A connection idle this long is closed.
    public var idleTimeout: Duration
    /// A request's headers must arrive within this, from the connection's opening or the previous response's end
    /// (a client trickling header bytes cannot hold a connection).
    public var headerTimeout: Duration
    /// Work for a body larger than this (bytes), for a CRS to set up (`crs`, `to`) and for NDJSON streams runs on
    /// threads in the idle scheduling class (``LowPriorityThreads``), so that short requests keep their latency
    /// beside it.
    public var lowPriorityBodyBytes: Int

    /// The defaults: 32 MiB bodies, 10 s per request (body upload included), four requests in work per core, 1,024
    /// waiting, 30 s idle, 10 s for headers, low priority above 64 KiB.
    public init(
        maxBodyBytes: Int = 32 << 20, deadline: Duration = .seconds(10),
        maxInWork: Int = ProcessInfo.processInfo.activeProcessorCount * 4, maxQueued: Int = 1_024, idleTimeout: Duration = .seconds(30),
        headerTimeout: Duration = .seconds(10), lowPriorityBodyBytes: Int = 64 << 10
    ) {
        self.lowPriorityBodyBytes = lowPriorityBodyBytes
        self.headerTimeout = headerTimeout
        self.maxBodyBytes = maxBodyBytes
        self.deadline = deadline
        self.maxInWork = max(1, maxInWork)
        self.maxQueued = max(0, maxQueued)
        self.idleTimeout = idleTimeout
    }
}
