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
/// scheduling class, once lowered, cannot be raised again without privilege. What a job does that may wake a task
/// goes through ``handBack(_:)``.
final class LowPriorityThreads: Sendable {
    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var threads = 0
        var idle = 0
    }

    private let state = Mutex(State())
    private let ready = DispatchSemaphore(value: 0)
    private let maxThreads: Int
    private let relay = Relay()

    /// Call it from a thread of the default scheduling class (it starts the relay's thread).
    init(maxThreads: Int) { self.maxThreads = max(1, maxThreads) }

    /// Runs `action`, after those handed back before it, on a thread of the default scheduling class: whatever may
    /// wake a task (answering a request, yielding a line to a response, releasing a slot). Waking a task can make
    /// Dispatch start a worker thread on the waking thread, and a thread starts in its creator's scheduling class: a
    /// worker started from one of these threads would run every request's tasks at idle priority from then on.
    func handBack(_ action: @escaping @Sendable () -> Void) { relay.run(action) }

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

/// One thread of the default scheduling class that runs what it is handed, in order.
private final class Relay: Sendable {
    private let actions = Mutex<[@Sendable () -> Void]>([])
    private let ready = DispatchSemaphore(value: 0)

    init() {
        let thread = Thread { [self] in serve() }
        thread.name = "geoprice-relay"
        thread.start()
    }

    func run(_ action: @escaping @Sendable () -> Void) {
        actions.withLock { $0.append(action) }
        ready.signal()
    }

    private func serve() {
        while true {
            ready.wait()
            let batch = actions.withLock { actions in
                defer { actions = [] }
                return actions
            }
            for action in batch { action() }
        }
    }
}
