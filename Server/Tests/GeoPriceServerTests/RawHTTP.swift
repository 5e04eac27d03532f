import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a loopback port, for what an HTTP client library hides: partial headers, a half-sent
/// request, reading until the server closes.
///
/// Its blocking calls run on a Dispatch thread, never on Swift concurrency's cooperative pool: that pool is as wide as
/// the machine has cores (two here), and a test blocked in `recv` on it would starve the server it waits for.
/// `@unchecked Sendable`: each connection is used by one test, one call at a time.
final class RawConnection: @unchecked Sendable {
    let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    private var isOpen = true

    deinit { close() }

    /// Closes the connection (a reset, when received bytes are left unread).
    func close() {
        guard isOpen else { return }
        isOpen = false
        Glibc.close(socket)
    }

    /// Ends what this side sends (a half close): the server reads the end of the stream, and can still answer.
    func shutdownWrite() { shutdown(socket, Int32(SHUT_WR)) }

    func send(_ text: String) async { await send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) async { await Self.offPool { self.sendNow(bytes) } }

    /// Everything the server sends until it closes the connection (or `seconds` pass: then `nil`).
    func readToClose(within seconds: Double) async -> [UInt8]? { await Self.offPool { self.readToCloseNow(within: seconds) } }

    /// The first `count` bytes the server sends (or fewer, when it closes first or `seconds` pass: then `nil`).
    func read(atLeast count: Int, within seconds: Double) async -> [UInt8]? { await Self.offPool { self.readNow(atLeast: count, within: seconds) } }

    private static func offPool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in DispatchQueue.global().async { continuation.resume(returning: work()) } }
    }

    private func sendNow(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    private func readNow(atLeast count: Int, within seconds: Double) -> [UInt8]? {
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while received.count < count {
            let got = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            received += buffer[..<got]
        }
        return received
    }

    private func readToCloseNow(within seconds: Double) -> [UInt8]? {
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1e6))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return received }
            if count < 0 { return errno == EINTR ? received : (received.isEmpty && errno == EAGAIN ? nil : received) }
            received += buffer[..<count]
        }
    }
}
