import Dispatch
import Foundation

/// How many threads one library call may keep busy.
///
/// The calls that work on many items at once (``AreaAnswer``'s measuring initialiser, `CoverageCalculator.cover`
/// and `coverEach`, `Estimator.estimateEach`, and building a `CoverageCalculator` over many captures) spread their
/// work over the threads their parallelism grants, in input order, with answers that do not depend on it. A service
/// that runs many requests at once grants each a few threads (or one), so that no single request fans out over every
/// core: pass `parallelism:` to a batch call, or run any code under ``granting(_:)``. Without a grant, a call may use
/// every core.
public struct Parallelism: Sendable, Hashable, CustomStringConvertible {
    /// At most this many threads, at least 1.
    public let maxThreads: Int

    /// At most `maxThreads` threads (values below 1 mean 1).
    public init(maxThreads: Int) { self.maxThreads = max(1, maxThreads) }

    /// As many threads as the machine has active cores.
    public static let allCores = Parallelism(maxThreads: ProcessInfo.processInfo.activeProcessorCount)

    /// The calling thread alone.
    public static let callingThread = Parallelism(maxThreads: 1)

    /// The grant in force here: the innermost ``granting(_:)``, else ``allCores``.
    public static var current: Parallelism { granted ?? .allCores }

    @TaskLocal static var granted: Parallelism?

    /// Runs `body` with this parallelism granted to every library call made within it on this thread (or task).
    public func granting<Value>(_ body: () throws -> Value) rethrows -> Value {
        try Self.$granted.withValue(self, operation: body)
    }

    /// Runs `body` on a thread of its own, outside Swift concurrency's cooperative thread pool (whose few threads
    /// must not be held by long CPU work), with this parallelism granted within it, and resumes with its value.
    public func runOffCooperativePool<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: granting(body)) }
        }
    }

    /// `"3 threads"`.
    public var description: String { maxThreads == 1 ? "1 thread" : "\(maxThreads) threads" }
}
