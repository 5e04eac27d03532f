import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Threads of their own, at nice 10, for the work that may be long (a large body, a CRS to set up, an NDJSON
/// stream), so that short requests keep their latency while it runs: the kernel gives a nice-0 thread about ten
/// times the CPU of a nice-10 one when both want it, and the long work still gets every cycle left over. Threads are
/// made as jobs need them, up to `maxThreads`, and kept; they are never Dispatch's, because a thread's nice value,
/// once raised, cannot be lowered again without privilege.
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

    /// Nice 10 for the calling thread: on Linux a nice value is a thread's, and `who` 0 is the calling thread.
    /// Elsewhere (Darwin, where it would be the whole process's) the threads keep the default priority.
    private static func lowerThisThreadsPriority() {
        #if canImport(Glibc)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }

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
