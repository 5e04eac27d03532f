#if os(Linux)
import Glibc
import Synchronization
import Testing
@testable import GeoPriceServer

/// The idle scheduling class stays on the low-priority threads: what they hand back runs in the default class, so
/// that a task it wakes can never make Dispatch start a worker in the idle class.
@Suite("low-priority threads")
struct LowPriorityThreadsTests {
    @Test("a job runs in SCHED_IDLE (5); what it hands back runs in SCHED_OTHER (0), in order")
    func handBack() async {
        let threads = LowPriorityThreads(maxThreads: 1)
        let seen = Mutex<[String]>([])
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            threads.run {
                seen.withLock { $0.append("job \(sched_getscheduler(0))") }
                for index in 0..<3 {
                    threads.handBack { seen.withLock { $0.append("back\(index) \(sched_getscheduler(0))") } }
                }
                threads.handBack { done.resume() }
            }
        }
        #expect(seen.withLock { $0 } == ["job 5", "back0 0", "back1 0", "back2 0"])
    }
}
#endif
