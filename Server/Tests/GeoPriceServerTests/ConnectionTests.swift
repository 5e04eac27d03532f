import Dispatch
import Foundation
import GeoPriceServer
import GeoPricing
import HummingbirdTesting
import NIOCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Slow clients and shutdown, over raw sockets and the real executable.
@Suite("geoprice-server connections and shutdown")
struct ConnectionTests {
    typealias H = ServerHarness

    @Test("a client trickling its headers is cut off at the header timeout; the server answers others meanwhile")
    func slowHeaders() async throws {
        // The live test client's own connection would be cut too while idle: the healthy request has a fresh one.
        try await H.withServer(limits: ServerLimits(headerTimeout: .seconds(1))) { client, _ in
            let port = try #require(client.port)
            let slow = try RawConnection(port: port)
            await slow.send("POST /v1/area HTTP/1.1\r\nHost: localhost\r\n")
            let healthy = try RawConnection(port: port)
            await healthy.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            #expect(String(decoding: await healthy.readToClose(within: 5) ?? [], as: UTF8.self).hasPrefix("HTTP/1.1 200"))
            // Closed by the server, with nothing sent, well before the 10 s this read waits.
            #expect(await slow.readToClose(within: 10) == [])
        }
    }

    @Test("a body that does not arrive by the deadline is deadline_exceeded (503), not a worker held")
    func slowBody() async throws {
        try await H.withServer(limits: ServerLimits(deadline: .milliseconds(300))) { client, _ in
            let port = try #require(client.port)
            let slow = try RawConnection(port: port)
            await slow.send("POST /v1/area HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n{")
            let answer = String(decoding: await slow.readToClose(within: 5) ?? [], as: UTF8.self)
            #expect(answer.hasPrefix("HTTP/1.1 503"), "\(answer)")
            #expect(answer.contains("deadline_exceeded"))
        }
    }

    @Test("a Content-Length over the limit is 413 at once, before any body byte, and the connection is closed")
    func declaredTooLarge() async throws {
        try await H.withServer(limits: ServerLimits(maxBodyBytes: 1_000)) { client, _ in
            let connection = try RawConnection(port: try #require(client.port))
            await connection.send("POST /v1/area HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000000\r\n\r\n")
            // Closed by the server (readToClose answers only then), with the 413 and no body byte sent.
            let answer = String(decoding: await connection.readToClose(within: 5) ?? [], as: UTF8.self)
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer)")
            #expect(answer.lowercased().contains("connection: close"))
            #expect(answer.contains(#""code":"limit_exceeded""#))
        }
    }

    @Test("a body still uploading when refused: the client reads the 413, not a reset (the server drops the rest, then closes)")
    func refusedWhileUploading() async throws {
        try await H.withServer(limits: ServerLimits(maxBodyBytes: 1_000)) { client, _ in
            let connection = try RawConnection(port: try #require(client.port))
            await connection.send("POST /v1/area HTTP/1.1\r\nHost: localhost\r\nContent-Length: 40000000\r\n\r\n")
            await connection.send([UInt8](repeating: 0x20, count: 2_000_000))
            let answer = String(decoding: await connection.readToClose(within: 10) ?? [], as: UTF8.self)
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer)")
        }
    }

    @Test("pipelined requests: an answer written while the next request's body arrives does not close the connection")
    func pipelined() async throws {
        try await H.withServer { client, _ in
            let connection = try RawConnection(port: try #require(client.port))
            let body = #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#
            await connection.send(
                "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\nPOST /v1/area HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
            try await Task.sleep(for: .milliseconds(300))
            await connection.send(body)
            let answer = String(decoding: await connection.readToClose(within: 10) ?? [], as: UTF8.self)
            #expect(answer.components(separatedBy: "HTTP/1.1 200").count == 3, "\(answer)")
            #expect(answer.contains(#""areaKm2":6154.85478672143"#))
        }
    }

    @Test("a body cut short by the client's end of stream is unreadable_input (422), not 413")
    func bodyCutShort() async throws {
        try await H.withServer { client, _ in
            let connection = try RawConnection(port: try #require(client.port))
            await connection.send("POST /v1/area HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n{\"type\":")
            connection.shutdownWrite()
            let answer = String(decoding: await connection.readToClose(within: 5) ?? [], as: UTF8.self)
            #expect(answer.hasPrefix("HTTP/1.1 422"), "\(answer)")
            #expect(answer.contains(#""code":"unreadable_input""#))
        }
    }

    /// 200,000 NDJSON lines, each a 0.1° square.
    static func squares() -> [UInt8] {
        var lines: [UInt8] = []
        for index in 0..<200_000 {
            let x = Double(index % 3_400) / 10 - 170, y = Double(index / 3_400) - 59
            lines += Array(#"{"type":"Polygon","coordinates":[[[\#(x),\#(y)],[\#(x + 0.1),\#(y)],[\#(x + 0.1),\#(y + 0.1)],[\#(x),\#(y)]]]}"#.utf8) + [10]
        }
        return lines
    }

    @Test("a client that disconnects from an NDJSON answer frees its slot at once: the work stops, the next request is answered")
    func disconnectStopsWork() async throws {
        // 200,000 small squares: about 30 s of work in a debug build, on the one slot. Made on a Dispatch thread:
        // seconds of CPU on the cooperative pool would starve the servers of the tests running beside this one.
        let body = await withCheckedContinuation { continuation in DispatchQueue.global().async { continuation.resume(returning: Self.squares()) } }
        try await H.withServer(limits: ServerLimits(deadline: .seconds(120), maxInWork: 1)) { client, _ in
            let port = try #require(client.port)
            let streaming = try RawConnection(port: port)
            await streaming.send("POST /v1/area HTTP/1.1\r\nHost: localhost\r\nAccept: application/x-ndjson\r\nContent-Length: \(body.count)\r\n\r\n")
            await streaming.send(body)
            let first = try #require(await streaming.read(atLeast: 65_536, within: 60))
            #expect(String(decoding: first.prefix(15), as: UTF8.self) == "HTTP/1.1 200 OK")
            streaming.close()
            let started = ContinuousClock.now
            let next = try RawConnection(port: port)
            await next.send("POST /v1/area HTTP/1.1\r\nHost: localhost\r\nContent-Length: 62\r\nConnection: close\r\n\r\n")
            await next.send(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"# + "  ")
            let answer = String(decoding: await next.readToClose(within: 60) ?? [], as: UTF8.self)
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    /// The built executable (`swift build` builds it beside the tests).
    static let executable = ServerHarness.root.appendingPathComponent("Server/.build/debug/geoprice-server")

    @Test("SIGTERM: the request in flight is answered, then the process exits 0")
    func gracefulShutdown() async throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // "geoprice-server listening on 127.0.0.1:PORT"
        var line = [UInt8]()
        while !line.contains(10), let byte = try output.fileHandleForReading.read(upToCount: 1)?.first { line.append(byte) }
        let port = try #require(Int(String(decoding: line, as: UTF8.self).split(separator: ":").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        // A request of about two seconds (debug build): Corsica's rectangle reprojected with a vertex every 5 m.
        let body = String(decoding: H.bytes("cases/corsica_rectangle.json"), as: UTF8.self)
        let connection = try RawConnection(port: port)
        await connection.send("POST /v1/reproject?to=EPSG:32632&densifyM=5 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        try await Task.sleep(for: .milliseconds(300))
        kill(process.processIdentifier, SIGTERM)
        let answer = String(decoding: await connection.readToClose(within: 30) ?? [], as: UTF8.self)
        process.waitUntilExit()
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(300))")
        #expect(answer.contains(#""type":"FeatureCollection""#))
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }
}
