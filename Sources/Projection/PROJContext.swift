import CPROJ
import GeoJSON

/// A PROJ context owned by one thread, with its bounded cache of transformations (one per CRS pair, built once) and the
/// last error PROJ logged on it. Never shared: ``current`` gives each thread its own, freed when the thread exits.
final class PROJContext {
    let context: OpaquePointer
    /// The last message PROJ logged at error level on this context.
    var lastMessage: String?
    private var transformations: [Pair: (transformation: PROJTransformation, lastUse: Int)] = [:]
    private var uses = 0

    /// At most this many transformations are kept per thread; beyond, the least recently used one is dropped, so a
    /// client naming a million CRSs (a service's) cannot grow memory without bound.
    static let maxCachedTransformations = 512

    /// A cache key: two CRS names, hashed as they are (no joined string made per lookup).
    private struct Pair: Hashable {
        var source: String
        var target: String
    }

    private static let perThread = PerThread { PROJContext() }

    /// The calling thread's context.
    static var current: PROJContext { perThread.value }

    private init() {
        guard let context = proj_context_create() else { fatalError("proj_context_create returned NULL: out of memory") }
        self.context = context
        proj_log_level(context, PJ_LOG_ERROR)
        // The handler gets this object back as its user data: messages go to the Swift error, never to stderr.
        proj_log_func(context, Unmanaged.passUnretained(self).toOpaque()) { userData, _, message in
            guard let userData else { return }
            let owner = Unmanaged<PROJContext>.fromOpaque(userData).takeUnretainedValue()
            owner.lastMessage = message.map { String(cString: $0) }
        }
    }

    deinit {
        transformations.removeAll()
        proj_context_destroy(context)
    }

    /// The transformation from one CRS to another, built on first use and cached for this thread.
    func transformation(from source: String, to target: String) throws(GeoPriceError) -> PROJTransformation {
        let key = Pair(source: source, target: target)
        uses += 1
        if let cached = transformations[key] {
            transformations[key]!.lastUse = uses
            return cached.transformation
        }
        let built = try PROJTransformation(from: source, to: target, in: self)
        if transformations.count >= Self.maxCachedTransformations, let oldest = transformations.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            transformations[oldest.key] = nil
        }
        transformations[key] = (built, uses)
        return built
    }

    /// How many transformations this thread's context keeps now.
    static var cachedTransformationCount: Int { current.transformations.count }

    /// The last PROJ error on this context, from its log or its error number; the logged message is taken, so a
    /// later error never carries an earlier one's.
    func describeLastError() -> String {
        if let message = lastMessage {
            lastMessage = nil
            return message
        }
        let number = proj_context_errno(context)
        if number != 0, let text = proj_context_errno_string(context, number) { return String(cString: text) }
        return "no message from PROJ"
    }
}
