import Foundation
import GeoPricing
import Testing
import TestSupport

/// The STAT request fixtures (fixtures/stat, totals computed by hand in expected.json) through the library and the CLI.
@Suite("STAT request fixtures, library and CLI")
struct STATFixtureTests {
    static let expected = Fixtures.json("stat/expected.json").objectValue!
    static let cases = expected["cases"]!.objectValue!.members.map(\.key)

    @Test("each request's total or its error code and path", arguments: cases)
    func fixture(file: String) throws {
        let want = try #require(Self.expected["cases"]?.objectValue?[file]?.objectValue)
        let asOf = try #require(Self.expected["asOf"]?.stringValue)
        // Library.
        let estimator = Estimator(catalog: try .bundledDefault())
        let library = Result { () throws(GeoPriceError) -> Estimate in
            try estimator.estimate(STATOrderRequest(reading: Fixtures.bytes("stat/\(file)")), asOf: CalendarDate.instant(parsing: asOf))
        }
        // CLI.
        let result = try CLIRunner.run(["estimate", "--request", Fixtures.path("stat/\(file)"), "--as-of", asOf, "--json"])
        let answer = try #require(try result.json().objectValue)
        if let total = want["total"]?.stringValue {
            #expect(result.status == 0)
            #expect(answer["total"]?.stringValue == total)
            #expect(try Money.string(library.get().total, scale: 2) == total)
        } else {
            #expect(result.status == 2)
            let error = try #require(answer["error"]?.objectValue)
            #expect(error["code"] == want["code"] && error["path"] == want["path"], "\(error)")
            switch library {
            case .success: Issue.record("the library priced \(file)")
            case .failure(let failure):
                #expect(failure.code.rawValue == want["code"]?.stringValue && failure.path == want["path"]?.stringValue)
            }
        }
    }

    @Test("a STAT request carries its own product and constraints: --captures or --option beside it is conflicting_options")
    func flagsBesideSTAT() throws {
        let file = Fixtures.path("stat/cloud-and-priority.json")
        for extra in [["--captures", file], ["--option", "max_cloud_cover=5"], ["--priority", "onenow"]] {
            let result = try CLIRunner.run(["estimate", "--request", file, "--as-of", "2026-06-01", "--json"] + extra)
            #expect(result.status == 2)
            #expect(try result.json().objectValue?["error"]?.objectValue?["code"] == "conflicting_options", "\(extra)")
        }
    }
}
