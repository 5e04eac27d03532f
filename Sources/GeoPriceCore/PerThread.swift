#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One value per thread, made on first use and released when its thread exits: how GEOS and PROJ contexts,
/// which must never be shared between threads, are kept.
package final class PerThread<Value: AnyObject>: @unchecked Sendable {
    // pthread keys are set once here and only read afterwards; the values behind them are thread-confined.
    private var key = pthread_key_t()
    private let make: @Sendable () -> Value

    /// Creates the slot; `make` builds the value for each thread that asks.
    package init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        let status = pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<AnyObject>.fromOpaque(pointer).release()
        }
        precondition(status == 0, "pthread_key_create failed with \(status)")
    }

    /// The calling thread's value.
    package var value: Value {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<Value>.fromOpaque(pointer).takeUnretainedValue()
        }
        let created = make()
        pthread_setspecific(key, Unmanaged.passRetained(created).toOpaque())
        return created
    }
}
