import Foundation
import GeoJSON

/// Runs the built `geoprice` executable as a person or a script would.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output read as one JSON value.
        func json() throws -> JSONValue { try JSONReader().read(Array(stdout.utf8)) }

        /// Each standard output line read as JSON.
        func lines() throws -> [JSONValue] {
            try stdout.split(separator: "\n").map { try JSONReader().read(Array($0.utf8)) }
        }
    }

    /// The `geoprice` binary beside the test bundle.
    static let executable: URL = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ].compactMap { $0 }
        for directory in candidates {
            let url = directory.appendingPathComponent("geoprice")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("geoprice executable not found near \(candidates)")
    }()

    /// Runs the executable to its end. Standard input is written, and standard error read, on threads of their own,
    /// so that a full pipe on either side never deadlocks the run.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        try run(arguments, input: stdin.map { Data($0.utf8) }, environment: environment)
    }

    /// Runs the executable with these bytes on standard input.
    static func run(_ arguments: [String], input stdin: Data?, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // The test's environment without a quotation key, then what the test sets.
        var variables = ProcessInfo.processInfo.environment
        variables["GEOPRICE_QUOTE_KEY_FILE"] = nil
        process.environment = variables.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let input = Pipe()
        process.standardInput = input
        try process.run()
        let writer = Thread {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorText = ErrorCollector()
        let reader = Thread { errorText.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorText.wait(), as: UTF8.self))
    }
}

/// Standard error as a reader thread collects it.
private final class ErrorCollector: @unchecked Sendable {
    // Guarded by `done`: written once before the signal, read after the wait.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    func set(_ value: Data) {
        data = value
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
