import CGEOS
import GeoPriceCore

/// A GEOS context handle (reentrant `_r` API) owned by one thread, with the last message GEOS reported on it.
///
/// Never shared between threads: ``current`` gives each thread its own, freed when the thread exits.
package final class GEOSContext {
    package let handle: GEOSContextHandle_t
    /// The last error message GEOS gave through this context's handler.
    package var lastMessage: String?

    private static let perThread = PerThread { GEOSContext() }

    /// The calling thread's context.
    package static var current: GEOSContext { perThread.value }

    private init() {
        guard let handle = GEOS_init_r() else { fatalError("GEOS_init_r returned NULL: out of memory") }
        self.handle = handle
        // The handler gets this object back as its user data; the context outlives every call on it.
        GEOSContext_setErrorMessageHandler_r(handle, { message, userData in
            guard let userData else { return }
            let context = Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue()
            context.lastMessage = message.map { String(cString: $0) }
        }, Unmanaged.passUnretained(self).toOpaque())
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, nil)
    }

    deinit { GEOS_finish_r(handle) }

    /// The error for a GEOS call that failed, with GEOS' own message when it gave one. The message is taken, so a
    /// later failure never carries an earlier one's.
    package func failure(_ call: String) -> GEOSFailure {
        defer { lastMessage = nil }
        return GEOSFailure(call: call, message: lastMessage ?? "no message")
    }
}

/// A GEOS call that failed: out of memory or an internal GEOS exception. Input problems are reported before any
/// GEOS call as `GeoPriceError`s; this is what is left.
public struct GEOSFailure: Error, Sendable, CustomStringConvertible {
    /// The C function that failed.
    public var call: String
    /// GEOS' message.
    public var message: String
    public var description: String { "\(call) failed: \(message)" }
}
