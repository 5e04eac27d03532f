import Foundation
import GeoPricing
import Testing
import TestSupport

/// `geoprice feasibility` as a process: verdicts per AOI (boxes of known geodesic sides, fixtures/feasibility),
/// STAT requests, and refusals with the flag that caused them.
@Suite("geoprice feasibility")
struct FeasibilityCommandTests {
    static let boxes = Fixtures.path("feasibility/oneday-boxes.json")

    @Test("each box's verdict at oneday, with the counts; exit 0 whatever the verdicts")
    func boxes() throws {
        let result = try CLIRunner.run([
            "feasibility", "--aoi", Self.boxes, "--product", "PNEO-TASKING-30CM", "--priority", "oneday",
            "--datetime", "2026-12-01T00:00:00Z/P2D", "--as-of", "2026-11-30", "--json",
        ])
        #expect(result.status == 0)
        let answer = try #require(try result.json().objectValue)
        #expect(answer["verdicts"] == .object(["automatic": 1, "study": 2, "rejected": 0]))
        let aois = try #require(answer["aois"]?.arrayValue).compactMap(\.objectValue)
        #expect(aois.map { $0["id"] } == ["inside", "wide", "long"])
        #expect(aois.map { $0["verdict"] } == ["automatic", "study", "study"])
        let wide = try #require(aois[1]["reasons"]?.arrayValue?.first?.objectValue)
        #expect(wide["code"] == "wider_than_automatic" && wide["hard"] == .bool(false) && wide["maxWidthKm"] == "13")
        #expect(abs((wide["widthKm"]?.numberValue ?? 0) - 13.099988) < 1e-4)
        #expect(aois[2]["reasons"]?.arrayValue?.first?.objectValue?["code"] == "longer_than_automatic")
    }

    @Test("text answer: one line per AOI and one per reason")
    func text() throws {
        let result = try CLIRunner.run([
            "feasibility", "--aoi", Self.boxes, "--product", "PNEO-TASKING-30CM", "--priority", "oneday", "--datetime", "2026-11-29T00:00:00Z/P1D",
            "--as-of", "2026-11-30",
        ])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "inside: rejected (PNEO-TASKING-30CM, priority oneday; 12.9 × 29.9 km, 385.71 km²)")
        #expect(lines.count == 3 + 3 + 1 + 1)
        #expect(lines[1].hasPrefix("  · rejected: the window 2026-11-29T00:00:00Z/2026-11-30T00:00:00Z has ended"))
    }

    @Test("a STAT order request: its product, window and filter (oneday, cloud ≤ 5 in 72 h: a study)")
    func statRequest() throws {
        let request = #"""
            {"datetime": "2026-12-01T00:00:00Z/P3D", "product_id": "PNEO-TASKING-30CM",
             "geometry": {"type": "Polygon", "coordinates": [[[1.6, 48.3], [1.7, 48.3], [1.7, 48.38], [1.6, 48.38], [1.6, 48.3]]]},
             "filter": {"op": "and", "args": [{"op": "<=", "args": [{"property": "eo:cloud_cover"}, 5]},
                                               {"op": "=", "args": [{"property": "priority"}, "oneday"]}]}}
            """#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("feasibility-\(UUID()).json")
        try Data(request.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLIRunner.run(["feasibility", "--request", file.path, "--as-of", "2026-11-30", "--json"])
        let answer = try #require(try result.json().objectValue)
        #expect(answer["verdict"] == "study")
        #expect(answer["priority"] == "oneday")
        #expect(answer["reasons"]?.arrayValue?.first?.objectValue?["code"] == "strict_constraint_in_short_window")
    }

    @Test("refusals name the flag: an unknown product, a priority the product lacks, a bad window")
    func refusals() throws {
        for (arguments, code, path) in [
            (["--product", "NOPE"], "unknown_product", "--product"),
            (["--product", "PNEO-TASKING-30CM", "--priority", "tomorrow"], "unknown_option", "--priority"),
            (["--product", "PNEO-TASKING-30CM", "--datetime", "2026-12-01"], "invalid_interval", "--datetime"),
        ] {
            let result = try CLIRunner.run(["feasibility", "--aoi", Self.boxes, "--json"] + arguments)
            #expect(result.status == 2)
            let error = try #require(try result.json().objectValue?["error"]?.objectValue)
            #expect(error["code"] == .string(code) && error["path"] == .string(path), "\(error)")
        }
    }
}
