/// The instant by which a caller wants its answer (a service's per-request deadline), and whether it still wants it.
///
/// Library calls made within ``within(_:abandonedWhen:_:)`` check it at their step boundaries, before each AOI is
/// prepared (and so measured, covered, priced or checked) and before each feature is reprojected, and throw
/// `deadline_exceeded` once it has passed or the caller has gone away: abandoned work stops at the next boundary, in
/// every thread the call fans out to. A single GEOS or PROJ call is not interrupted (GEOS 3.11's interrupt is
/// process-wide).
public enum WorkDeadline {
    struct Limit: Sendable {
        let instant: ContinuousClock.Instant
        let isAbandoned: (@Sendable () -> Bool)?
    }

    @TaskLocal static var current: Limit?

    /// Runs `body` with `deadline` in force for the library calls it makes on this thread (or task); `isAbandoned`,
    /// when given, tells at each step boundary whether the caller has stopped waiting (a client that disconnected).
    public static func within<Value>(
        _ deadline: ContinuousClock.Instant, abandonedWhen isAbandoned: (@Sendable () -> Bool)? = nil, _ body: () throws -> Value
    ) rethrows -> Value {
        try $current.withValue(Limit(instant: deadline, isAbandoned: isAbandoned), operation: body)
    }

    /// Throws `deadline_exceeded` when a deadline is in force and has passed, or its caller has gone away.
    public static func check() throws(GeoPriceError) {
        guard let limit = current else { return }
        if ContinuousClock.now >= limit.instant {
            throw GeoPriceError(.deadlineExceeded, "the request ran out of its time; its work stopped here")
        }
        if limit.isAbandoned?() == true {
            throw GeoPriceError(.deadlineExceeded, "the caller stopped waiting; the work stopped here")
        }
    }
}
