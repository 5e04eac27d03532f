/// The instant by which a caller wants its answer (a service's per-request deadline).
///
/// Library calls made within ``within(_:_:)`` check it at their step boundaries, before each AOI is prepared (and so
/// measured, covered, priced or checked) and before each feature is reprojected, and throw `deadline_exceeded` once
/// it has passed: abandoned work stops at the next boundary, in every thread the call fans out to. A single GEOS or
/// PROJ call is not interrupted (GEOS 3.11's interrupt is process-wide).
public enum WorkDeadline {
    @TaskLocal static var current: ContinuousClock.Instant?

    /// Runs `body` with `deadline` in force for the library calls it makes on this thread (or task).
    public static func within<Value>(_ deadline: ContinuousClock.Instant, _ body: () throws -> Value) rethrows -> Value {
        try $current.withValue(deadline, operation: body)
    }

    /// Throws `deadline_exceeded` when a deadline is in force and has passed.
    public static func check() throws(GeoPriceError) {
        guard let deadline = current, ContinuousClock.now >= deadline else { return }
        throw GeoPriceError(.deadlineExceeded, "the request ran out of its time; its work stopped here")
    }
}
