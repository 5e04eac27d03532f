import Synchronization

/// Waits for the first of an answer and a deadline. `start` is handed the function that answers (the first call
/// wins; later ones are ignored); at `deadline`, `expired` is the answer. The deadline's timer is cancelled as soon
/// as there is an answer (``DeadlineTimer``).
func firstOf<Value: Sendable>(
    answerOrDeadline deadline: ContinuousClock.Instant, expired: Value, _ start: (_ answer: @escaping @Sendable (Value) -> Void) -> Void
) async -> Value {
    let timer = Mutex<DeadlineTimer?>(nil)
    let value: Value = await withCheckedContinuation { continuation in
        let once = Mutex<CheckedContinuation<Value, Never>?>(continuation)
        let answer = { @Sendable (value: Value) -> Void in once.withLock { $0.take() }?.resume(returning: value) }
        timer.withLock { $0 = DeadlineTimer(at: deadline) { answer(expired) } }
        start(answer)
    }
    timer.withLock { $0?.cancel() }
    return value
}
