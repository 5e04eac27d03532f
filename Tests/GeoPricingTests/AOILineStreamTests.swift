import Dispatch
import Foundation
import GeoPricing
import Testing
import TestSupport

/// The NDJSON path every front end shares, fed through a real pipe.
@Suite("AOI line stream")
struct AOILineStreamTests {
    static let references = Fixtures.json("realworld/references.json").objectValue!["features"]!.objectValue!["nyc_boroughs.json"]!.objectValue!

    /// The boroughs (lon/lat) as NDJSON lines, one Feature each.
    static func boroughLines() throws -> [String] {
        let collection = try JSONReader().read(Fixtures.bytes("realworld/nyc_boroughs.json"))
        return try #require(collection.objectValue?["features"]?.arrayValue).map { JSONWriter().string($0) }
    }

    @Test("a line's answer is written while later input has not arrived, and every answer is the borough's GeographicLib area")
    func answersBeforeTheInputEnds() throws {
        let lines = try Self.boroughLines()
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let written = Written()
        let firstAnswer = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let readEnd = ends[0]
        DispatchQueue.global().async {
            var input = NDJSONLines(descriptor: readEnd, name: "pipe")
            let summary = try? AOILineStream.answer(&input, with: { aoi throws(GeoPriceError) in
                Array("{\"id\":\"\(aoi.name)\",\"km2\":\(try AreaMeasurer(measuresMinimumWidth: false).measure(aoi).areaKm2)}".utf8)
            }, write: { bytes in
                written.append(bytes)
                firstAnswer.signal()
            })
            written.summary = summary
            finished.signal()
        }
        try Self.write(lines[0] + "\n", to: ends[1])
        #expect(firstAnswer.wait(timeout: .now() + 20) == .success, "no answer while the pipe stayed open")
        #expect(written.text.split(separator: "\n").count == 1)
        try Self.write(lines.dropFirst().joined(separator: "\n") + "\n", to: ends[1])
        close(ends[1])
        finished.wait()
        close(readEnd)
        #expect(written.summary == AOILineStream.Summary(answered: 5, rejected: 0))
        let answers = try written.text.split(separator: "\n").map { try #require(JSONReader().read(Array($0.utf8)).objectValue) }
        #expect(answers.count == 5)
        for answer in answers {
            let name = try #require(answer["id"]?.stringValue)
            let reference = try #require(Self.references[name]?.objectValue).number("geodesic_area_km2")
            #expect(relativeDifference(try #require(answer["km2"]?.numberValue), reference) < 1e-9, "\(name)")
        }
    }

    @Test("a bad line gets its own error line, with its line number, between its neighbours' answers")
    func badLineInTheMiddle() throws {
        let lines = try Self.boroughLines()
        let text = [lines[0], #"{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}"#, lines[1]].joined(separator: "\n")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("geoprice-\(UUID().uuidString).ndjson").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = try FileContents.openForReading(path)
        defer { close(descriptor) }
        var input = NDJSONLines(descriptor: descriptor, name: path)
        let written = Written()
        let summary = try AOILineStream.answer(&input, with: { aoi throws(GeoPriceError) in
            Array(String(try AreaMeasurer(measuresMinimumWidth: false).measure(aoi).areaKm2).utf8)
        }, write: written.append)
        #expect(summary == AOILineStream.Summary(answered: 3, rejected: 1))
        let answers = written.text.split(separator: "\n").map(String.init)
        #expect(answers.count == 3)
        let error = try #require(JSONReader().read(Array(answers[1].utf8)).objectValue?["error"]?.objectValue)
        #expect(error["code"] == "invalid_geometry")
        #expect(error["details"]?.objectValue?["line"] == .number(2))
        for (index, answer) in [(0, answers[0]), (1, answers[2])] {
            let name = try #require(JSONReader().read(Array(lines[index].utf8)).objectValue?["id"]?.stringValue)
            let reference = try #require(Self.references[name]?.objectValue).number("geodesic_area_km2")
            #expect(relativeDifference(try #require(Double(answer)), reference) < 1e-9, "\(name)")
        }
    }

    static func write(_ text: String, to descriptor: Int32) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            try #require(count > 0)
            offset += count
        }
    }
}

/// What a stream wrote, from its writer thread.
private final class Written: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var storedSummary: AOILineStream.Summary?

    @Sendable func append(_ more: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        bytes += more
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: bytes, as: UTF8.self)
    }

    var summary: AOILineStream.Summary? {
        get { lock.lock(); defer { lock.unlock() }; return storedSummary }
        set { lock.lock(); defer { lock.unlock() }; storedSummary = newValue }
    }
}
