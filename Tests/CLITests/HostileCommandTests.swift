import Foundation
import GeoJSON
import Testing
import TestSupport

/// The command line under hostile use: unreadable and endless inputs, out-of-range values, outputs that cannot
/// be written. Values given on the command line are data: exit 2 with the JSON error; 64 only for a malformed line.
@Suite("geoprice under hostile use")
struct HostileCommandTests {
    static let corsica = Fixtures.path("cases/corsica_rectangle.json")

    func error(_ result: CLIRunner.Result) throws -> JSONObject {
        try #require(try result.json().objectValue?["error"]?.objectValue)
    }

    @Test("a missing file or a folder is unreadable_input, exit 2")
    func unreadable() throws {
        for path in [Fixtures.path("no-such.json"), Fixtures.path("cases")] {
            let result = try CLIRunner.run(["area", "--json", path])
            #expect(result.status == 2)
            #expect(try error(result)["code"] == "unreadable_input")
        }
    }

    @Test("an endless device is limit_exceeded after the byte limit, exit 2")
    func endless() throws {
        let result = try CLIRunner.run(["area", "--json", "/dev/zero"])
        #expect(result.status == 2)
        let error = try error(result)
        #expect(error["code"] == "limit_exceeded")
        #expect(error["details"]?.objectValue?["limit"] == "maxBytes")
    }

    @Test("--threshold out of 0…100 or NaN is invalid_value, exit 2", arguments: ["-1", "101", "nan"])
    func threshold(value: String) throws {
        let result = try CLIRunner.run(["coverage", "--json", "--aoi", Self.corsica, "--captures", Self.corsica, "--threshold=\(value)"])
        #expect(result.status == 2)
        let error = try error(result)
        #expect(error["code"] == "invalid_value")
        #expect(error["path"] == "--threshold")
    }

    @Test("--densify-m that is not a positive number of metres is invalid_value, exit 2", arguments: ["0", "-5", "nan", "inf"])
    func densify(value: String) throws {
        let result = try CLIRunner.run(["reproject", "--json", Self.corsica, "--to", "EPSG:32632", "--densify-m=\(value)"])
        #expect(result.status == 2)
        #expect(try error(result)["code"] == "invalid_value")
    }

    @Test("a number that does not parse is a malformed command line, exit 64")
    func malformed() throws {
        let result = try CLIRunner.run(["coverage", "--json", "--aoi", Self.corsica, "--captures", Self.corsica, "--threshold", "ten"])
        #expect(result.status == 64)
    }

    @Test("--svg to a device or a symbolic link is unwritable_output before any work, and leaves it as it was")
    func svgTargets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("geoprice-svg-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("kept.txt").path
        try Data("kept".utf8).write(to: URL(fileURLWithPath: target))
        let link = folder.appendingPathComponent("link.svg").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        for path in ["/dev/null", link, folder.path, "/no-such-folder/x.svg"] {
            let result = try CLIRunner.run(["coverage", "--json", "--aoi", Self.corsica, "--captures", Self.corsica, "--svg", path])
            #expect(result.status == 2, "\(path)")
            #expect(try error(result)["code"] == "unwritable_output", "\(path)")
        }
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "kept")
        let written = folder.appendingPathComponent("ok.svg").path
        let result = try CLIRunner.run(["coverage", "--json", "--aoi", Self.corsica, "--captures", Self.corsica, "--svg", written])
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: written, encoding: .utf8).hasPrefix("<svg"))
    }

    @Test("a full standard output is reported on stderr with exit 74, never a trap")
    func fullOutput() throws {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["area", "--json", Self.corsica]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(text.contains("unwritable_output"))
    }

    @Test("NDJSON input of blank lines only is empty_geometry, exit 2")
    func blankNDJSON() throws {
        let result = try CLIRunner.run(["area", "--ndjson", "-"], stdin: "\n  \n\r\n")
        #expect(result.status == 2)
        #expect(try error(result)["code"] == "empty_geometry")
    }

    @Test("an NDJSON estimate line with an unknown crs gets its own unknown_crs; its neighbours are priced")
    func badCRSLine() throws {
        let square = #""type":"Polygon","coordinates":[[[2.0,45.0],[2.1,45.0],[2.1,45.1],[2.0,45.1],[2.0,45.0]]]"#
        let input = "{\(square)}\n{\"crs\":\"EPSG:999999\",\(square)}\n{\"crs\":42,\(square)}\n{\(square)}\n"
        let result = try CLIRunner.run(["estimate", "--ndjson", "--aoi", "-", "--product", "PNEO-TASKING-30CM", "--as-of", "2026-06-01"], stdin: input)
        #expect(result.status == 2)
        let lines = try result.lines().map { try #require($0.objectValue) }
        #expect(lines.count == 4)
        #expect(lines[0]["total"] != nil)
        #expect(lines[1]["error"]?.objectValue?["code"] == "unknown_crs")
        #expect(lines[2]["error"]?.objectValue?["code"] == "unknown_crs")
        #expect(lines[2]["error"]?.objectValue?["path"] == "$.crs")
        #expect(lines[3]["total"] != nil)
    }

    @Test("a bad first NDJSON line is that line's error; the stream goes on; a document spread over lines is read whole")
    func badFirstLine() throws {
        let polygon = #"{"type":"Polygon","coordinates":[[[2.0,45.0],[2.1,45.0],[2.1,45.1],[2.0,45.0]]]}"#
        let result = try CLIRunner.run(["area", "--ndjson", "-"], stdin: "{bad\n\(polygon)\n\(polygon)\n")
        #expect(result.status == 2)
        let lines = try result.lines().map { try #require($0.objectValue) }
        #expect(lines.count == 3)
        #expect(lines[0]["error"]?.objectValue?["code"] == "invalid_json")
        #expect(lines[1]["areaKm2"] != nil && lines[2]["areaKm2"] == lines[1]["areaKm2"])
        let pretty = "{\n \"type\": \"FeatureCollection\",\n \"features\": [\n  {\"type\":\"Feature\",\"properties\":{},\"geometry\":\(polygon)},\n"
            + "  {\"type\":\"Feature\",\"properties\":{},\"geometry\":\(polygon)}\n ]\n}\n"
        let whole = try CLIRunner.run(["area", "--ndjson", "-"], stdin: pretty)
        #expect(whole.status == 0)
        #expect(try whole.lines().count == 2)
    }

    @Test("each NDJSON line is held to the per-AOI vertex limit as its own request")
    func lineLimits() throws {
        let polygon = #"{"type":"Polygon","coordinates":[[[2.0,45.0],[2.1,45.0],[2.1,45.1],[2.0,45.0]]]}"#
        var ring = String(repeating: "[1,1],", count: 1_000_001)
        ring = "[0,0]," + ring + "[0,0]"
        let big = #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"big","properties":{},"geometry":{"type":"Polygon","coordinates":[["# + ring + "]]}}]}"
        var input = Data((polygon + "\n").utf8)
        input.append(Data((big + "\n").utf8))
        input.append(Data((polygon + "\n").utf8))
        let result = try CLIRunner.run(["area", "--ndjson", "-"], input: input)
        #expect(result.status == 2)
        let lines = try result.lines().map { try #require($0.objectValue) }
        #expect(lines.count == 3)
        let error = lines[1]["error"]?.objectValue
        #expect(error?["code"] == "limit_exceeded")
        #expect(error?["details"]?.objectValue?["limit"] == "maxVerticesPerAOI")
        #expect(lines[1]["id"] == "big")
        #expect(lines[2]["areaKm2"] == lines[0]["areaKm2"])
    }

    @Test("an NDJSON line is answered while later input is still to come")
    func streaming() throws {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["area", "--ndjson", "-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(#"{"type":"Polygon","coordinates":[[[2.0,45.0],[2.1,45.0],[2.1,45.1],[2.0,45.0]]]}"#.utf8 + [0x0A]))
        // The first answer arrives with standard input still open.
        var received = Data()
        while !received.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        #expect(process.isRunning)
        let first = try #require(try JSONReader().read(Array(received.prefix { $0 != 0x0A })).objectValue)
        #expect(first["areaKm2"] != nil)
        try input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("a line over the byte limit in an NDJSON stream is that line's error; the next line is answered")
    func longLine() throws {
        let polygon = #"{"type":"Polygon","coordinates":[[[2.0,45.0],[2.1,45.0],[2.1,45.1],[2.0,45.0]]]}"#
        var input = Data((polygon + "\n[").utf8)
        input.append(Data(repeating: 0x20, count: 257 << 20))
        input.append(Data(("]\n" + polygon + "\n").utf8))
        let result = try CLIRunner.run(["area", "--ndjson", "-"], input: input)
        #expect(result.status == 2)
        let lines = try result.lines().map { try #require($0.objectValue) }
        #expect(lines.count == 3)
        #expect(lines[1]["error"]?.objectValue?["code"] == "limit_exceeded")
        #expect(lines[2]["areaKm2"] == lines[0]["areaKm2"])
    }

    @Test("--ndjson with a product the catalog lacks: one unknown_product, before any line")
    func unknownProductOnce() throws {
        let line = #"{"type":"Polygon","coordinates":[[[2,45],[2.1,45],[2.1,45.1],[2,45.1],[2,45]]]}"#
        let result = try CLIRunner.run(["estimate", "--ndjson", "--aoi", "-", "--product", "NOPE"], input: Data((line + "\n" + line + "\n").utf8))
        #expect(result.status == 2)
        #expect(try result.lines().count == 1)
        #expect(try result.json().objectValue?["error"]?.objectValue?["code"] == "unknown_product")
    }

    @Test("blank lines before a first line that starts a document do not shift the line numbers of the errors after it")
    func lineNumbersAfterBlanks() throws {
        let good = #"{"type":"Feature","id":"good","geometry":{"type":"Polygon","coordinates":[[[2,45],[2.1,45],[2.1,45.1],[2,45.1],[2,45]]]}}"#
        let text = "\n\n" + #"{"type":"Feature","id":"cut","geometry":"# + "\n" + good + "\njunk\n"
        let result = try CLIRunner.run(["area", "--ndjson", "-"], input: Data(text.utf8))
        #expect(result.status == 2)
        let errors = try result.lines().compactMap { $0.objectValue?["error"]?.objectValue }
        #expect(errors.compactMap { $0["details"]?.objectValue?["line"]?.numberValue } == [3, 5])
    }

    @Test("--ndjson with --feature naming no AOI of the stream: nothing answered, exit 0 (the input is not empty)")
    func featureMatchesNothing() throws {
        let line = #"{"type":"Feature","id":"a","geometry":{"type":"Polygon","coordinates":[[[2,45],[2.1,45],[2.1,45.1],[2,45.1],[2,45]]]}}"#
        let result = try CLIRunner.run(["area", "--ndjson", "--feature", "b", "-"], input: Data((line + "\n").utf8))
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }
}
