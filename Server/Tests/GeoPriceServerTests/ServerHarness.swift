import Dispatch
import Foundation
import GeoPriceServer
import GeoPricing
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// The real server on an ephemeral loopback port, talked to by Hummingbird's live test client (a real HTTP client
/// over a real socket), and the real `geoprice` CLI as a process, for answers compared byte for byte.
enum ServerHarness {
    /// The repository's root (the server package's parent folder).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ relative: String) -> String { root.appendingPathComponent("fixtures/\(relative)").path }

    static func bytes(_ relative: String) -> [UInt8] { Array(FileManager.default.contents(atPath: fixture(relative)) ?? Data()) }

    /// Runs a test against a live server with these limits (and catalog file).
    static func withServer<Value: Sendable>(
        limits: ServerLimits = ServerLimits(), catalog: String? = nil, _ body: @Sendable (any TestClientProtocol, GeoPriceApplication) async throws -> Value
    ) async throws -> Value {
        let service = GeoPriceApplication(catalogs: try CatalogStore(path: catalog), limits: limits)
        var logger = Logger(label: "geoprice-server-test")
        logger.logLevel = .warning
        let application = service.application(host: "127.0.0.1", port: 0, logger: logger)
        return try await application.test(.live) { client in try await body(client, service) }
    }

    /// The CLI built by the main package (`swift build` at the root, as CI does before the server's tests).
    static let cli: URL = {
        let candidates: [String?] = [ProcessInfo.processInfo.environment["GEOPRICE_CLI"], root.appendingPathComponent(".build/debug/geoprice").path]
        for path in candidates.compactMap({ $0 }) where FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        return root.appendingPathComponent(".build/debug/geoprice")
    }()

    /// What the CLI prints on standard output for these arguments (standard input from `stdin`). The process is run
    /// and waited for on a Dispatch thread, never on the cooperative pool, which the live servers need (two threads
    /// on two cores).
    static func cliOutput(_ arguments: [String], stdin: [UInt8]? = nil) async throws -> [UInt8] {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try runCLI(arguments, stdin: stdin) }) }
        }
    }

    private static func runCLI(_ arguments: [String], stdin: [UInt8]?) throws -> [UInt8] {
        let process = Process()
        process.executableURL = cli
        process.arguments = arguments
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = Thread {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin)) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}

extension TestResponse {
    var bytes: [UInt8] { Array(buffer: body) }
    var json: JSONValue? { try? JSONReader().read(bytes) }
    var errorCode: String? { json?.objectValue?["error"]?.objectValue?["code"]?.stringValue }
}
