import NIOCore
import NIOPosix

/// Runs an action at a deadline unless cancelled first. A cancelled timer is freed at once (an NIO scheduled task,
/// taken out of its event loop's queue), whereas a cancelled `Task.sleep` stays allocated on Linux until its
/// deadline: one per request, that held about ten seconds of requests' worth of memory under load.
struct DeadlineTimer: Sendable {
    private let scheduled: Scheduled<Void>

    /// Schedules `action` for `deadline` (at once if it has passed).
    init(at deadline: ContinuousClock.Instant, _ action: @escaping @Sendable () -> Void) {
        let delay = max(.zero, ContinuousClock.now.duration(to: deadline))
        scheduled = MultiThreadedEventLoopGroup.singleton.next().scheduleTask(in: .nanoseconds(delay.wholeNanoseconds), action)
    }

    /// Stops the action from running, if it has not run yet.
    func cancel() { scheduled.cancel() }
}
