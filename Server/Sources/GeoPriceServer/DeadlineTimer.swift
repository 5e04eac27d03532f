import Dispatch
import Foundation
import Synchronization

/// Runs an action at a deadline unless cancelled first (``DeadlineWatch``).
struct DeadlineTimer: Sendable {
    private let id: Int

    /// Schedules `action` for `deadline` (at once if it has passed).
    init(at deadline: ContinuousClock.Instant, _ action: @escaping @Sendable () -> Void) {
        id = DeadlineWatch.shared.add(deadline, action)
    }

    /// Stops the action from running, unless the watch has already taken it to run (it may then still run).
    func cancel() { DeadlineWatch.shared.remove(id) }
}

/// The deadlines of every request in the process, watched by one thread that sleeps until the earliest. Scheduling
/// and cancelling are a lock and a dictionary entry each, and a cancelled deadline is gone at once. Why not the
/// alternatives: a cancelled `Task.sleep` stays allocated on Linux until its deadline (about ten seconds of
/// requests' worth of memory under load), and NIO's scheduled tasks, which are freed when cancelled, wake an event
/// loop to schedule and again to cancel (about 7 % of the server's CPU under load).
final class DeadlineWatch: Sendable {
    static let shared = DeadlineWatch()

    /// Starts the watching thread now, from the caller's thread (whose scheduling class it takes), rather than on
    /// first use.
    static func start() { _ = shared }

    private struct State {
        var entries: [Int: (deadline: ContinuousClock.Instant, action: @Sendable () -> Void)] = [:]
        var nextID = 0
        /// When the watching thread wakes on its own next; `nil` while it waits for a first entry.
        var wakeAt: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)

    private init() {
        let thread = Thread { [self] in watch() }
        thread.name = "geoprice-deadlines"
        thread.start()
    }

    func add(_ deadline: ContinuousClock.Instant, _ action: @escaping @Sendable () -> Void) -> Int {
        let (id, earlier) = state.withLock { state in
            state.nextID += 1
            state.entries[state.nextID] = (deadline, action)
            // Requests share one time limit, so a new deadline is almost never the earliest: no wake-up then.
            let earlier = state.wakeAt.map { deadline < $0 } ?? true
            if earlier { state.wakeAt = deadline }
            return (state.nextID, earlier)
        }
        if earlier { wake.signal() }
        return id
    }

    func remove(_ id: Int) {
        _ = state.withLock { $0.entries.removeValue(forKey: id) }
    }

    private func watch() {
        while true {
            let now = ContinuousClock.now
            let (due, next) = state.withLock { state -> ([@Sendable () -> Void], ContinuousClock.Instant?) in
                let expired = state.entries.filter { $0.value.deadline <= now }
                for id in expired.keys { state.entries.removeValue(forKey: id) }
                state.wakeAt = state.entries.values.lazy.map(\.deadline).min()
                return (expired.values.map(\.action), state.wakeAt)
            }
            for action in due { action() }
            if let next {
                _ = wake.wait(timeout: next.dispatchTime)
            } else {
                wake.wait()
            }
        }
    }
}
