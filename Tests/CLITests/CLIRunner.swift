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

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
