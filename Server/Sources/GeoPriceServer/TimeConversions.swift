import Dispatch

extension Duration {
    /// The duration in whole nanoseconds (NIO's and Dispatch's unit).
    var wholeNanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}

extension ContinuousClock.Instant {
    /// The same instant as a Dispatch time (now, if it has passed), for Dispatch's timed waits.
    var dispatchTime: DispatchTime {
        .now() + .nanoseconds(Int(max(.zero, ContinuousClock.now.duration(to: self)).wholeNanoseconds))
    }
}
