import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Threads of their own, in Linux's idle scheduling class (`SCHED_IDLE`), for the work that may be long (a large
/// body, a CRS to set up, an NDJSON stream), so that short requests keep their latency while it runs: a short
/// request's thread that wakes takes the core from such a thread at once, where a nice-10 thread kept it for the rest
/// of its time slice (under `scripts/hostile.sh`'s load, valid requests' p99 was about 1.5 times lower this way).
/// The long work still gets every cycle the short requests leave, and its deadline bounds how long it can wait.
/// Threads are made as jobs need them, up to `maxThreads`, and kept; they are never Dispatch's, because a thread's
/// scheduling class, once lowered, cannot be raised again without privilege.
final class LowPriorityThreads: Sendable {
    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var threads = 0
        var idle = 0
    }

    private let state = Mutex(State())
    private let ready = DispatchSemaphore(value: 0)
    private let maxThreads: Int

    init(maxThreads: Int) { self.maxThreads = max(1, maxThreads) }

    /// Runs `job` on one of the threads, as soon as one is free.
    func run(_ job: @escaping @Sendable () -> Void) {
        let spawn = state.withLock { state -> Bool in
            state.jobs.append(job)
            // A thread counted idle may already have been woken for an earlier job: start one unless enough wait.
            guard state.jobs.count > state.idle, state.threads < maxThreads else { return false }
            state.threads += 1
            return true
        }
        if spawn {
            let thread = Thread { [self] in
                Self.lowerThisThreadsPriority()
                serve()
            }
            thread.name = "geoprice-low-priority"
            thread.start()
        }
        ready.signal()
    }

    /// The idle class for the calling thread: on Linux a scheduling policy is a thread's, and pid 0 is the calling
    /// thread. Elsewhere (Darwin) the threads keep the default priority.
    private static func lowerThisThreadsPriority() {
        #if canImport(Glibc)
        var parameters = sched_param()
        _ = sched_setscheduler(0, idleSchedulingClass, &parameters)
        #endif
    }

    /// `SCHED_IDLE` from <sched.h>, which Glibc's module does not export (it is behind `_GNU_SOURCE`).
    private static let idleSchedulingClass: Int32 = 5

    private func serve() {
        while true {
            state.withLock { $0.idle += 1 }
            ready.wait()
            let job = state.withLock { state in
                state.idle -= 1
                return state.jobs.removeFirst()
            }
            job()
        }
    }
}
