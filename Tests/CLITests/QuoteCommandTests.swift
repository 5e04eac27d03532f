import Foundation
import GeoPricing
import Testing
import TestSupport

/// `geoprice estimate --quote`, `geoprice quote verify` and `geoprice quote decide` as processes, with the test key
/// of fixtures/quotation (GEOPRICE_QUOTE_KEY_FILE).
@Suite("geoprice quote")
struct QuoteCommandTests {
    static let key = ["GEOPRICE_QUOTE_KEY_FILE": Fixtures.path("quotation/test-key.bin")]

    static func temporary(_ text: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quote-\(UUID()).json")
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test("a STAT request quoted, verified (exit 0 valid, 1 expired), accepted; its requestSha256 is the file's SHA-256")
    func roundTrip() throws {
        let quoted = try CLIRunner.run(
            ["estimate", "--request", Fixtures.path("stat/cloud-and-priority.json"), "--as-of", "2026-06-01T08:30:00Z", "--quote"], environment: Self.key)
        #expect(quoted.status == 0, "\(quoted.stderr)")
        let quotation = try #require(try quoted.json().objectValue)
        // `sha256sum fixtures/stat/cloud-and-priority.json`
        #expect(quotation["requestSha256"] == "8efa0712cd662f17ce3de4481e3365b959ffc40ceff3abe74cd01eeeb19c343b")
        #expect(quotation["issuedAt"] == "2026-06-01T08:30:00Z" && quotation["validUntil"] == "2026-06-08T08:30:00Z")
        #expect(quotation["estimate"]?.objectValue?["total"] == "4250.00")
        let file = try Self.temporary(quoted.stdout)
        defer { try? FileManager.default.removeItem(at: file) }
        let valid = try CLIRunner.run(["quote", "verify", file.path, "--as-of", "2026-06-08T08:30:00Z"], environment: Self.key)
        #expect(valid.status == 0 && valid.member("status") == "valid")
        let expired = try CLIRunner.run(["quote", "verify", file.path, "--as-of", "2026-06-08T08:30:01Z"], environment: Self.key)
        #expect(expired.status == 1 && expired.member("status") == "expired")
        let accepted = try CLIRunner.run(["quote", "decide", file.path, "--accept", "--as-of", "2026-06-02"], environment: Self.key)
        #expect(accepted.status == 0 && accepted.member("status") == "accepted")
        let late = try CLIRunner.run(["quote", "decide", file.path, "--reject", "--as-of", "2026-06-09"], environment: Self.key)
        #expect(late.status == 2 && late.member("error")?.objectValue?["code"] == "invalid_quotation")
    }

    @Test("a changed total is tampered, another key wrong_key (both exit 1); no key is invalid_value (exit 2)")
    func refusals() throws {
        let text = String(decoding: Fixtures.bytes("quotation/pneo-oneday.json"), as: UTF8.self)
        let changed = try Self.temporary(text.replacingOccurrences(of: #""total":"5308.78""#, with: #""total":"5308.77""#))
        defer { try? FileManager.default.removeItem(at: changed) }
        let tampered = try CLIRunner.run(["quote", "verify", changed.path, "--as-of", "2026-12-01"], environment: Self.key)
        #expect(tampered.status == 1 && tampered.member("status") == "tampered")
        let otherKey = try Self.temporary(String(repeating: "k", count: 40))
        defer { try? FileManager.default.removeItem(at: otherKey) }
        let wrong = try CLIRunner.run(
            ["quote", "verify", Fixtures.path("quotation/pneo-oneday.json"), "--as-of", "2026-12-01"], environment: ["GEOPRICE_QUOTE_KEY_FILE": otherKey.path])
        #expect(wrong.status == 1 && wrong.member("status") == "wrong_key")
        let keyless = try CLIRunner.run([
            "estimate", "--aoi", Fixtures.path("cases/beauce_polygon_with_hole.json"), "--product", "PNEO-TASKING-30CM", "--quote",
        ])
        #expect(keyless.status == 2 && keyless.member("error")?.objectValue?["code"] == "invalid_value")
        let airbus = try CLIRunner.run(["estimate", "--request", Fixtures.path("stat/cloud-and-priority.json"), "--quote", "--format", "airbus"])
        #expect(airbus.status == 64)
    }

    @Test("a STAT request quoted with --contract digests the file's JSON with the contract; our request refuses the flags it carries itself")
    func requestDigestWithFlags() throws {
        let quoted = try CLIRunner.run([
            "estimate", "--request", Fixtures.path("stat/cloud-and-priority.json"), "--contract", "NGO-2026", "--as-of", "2026-06-01T08:30:00Z", "--quote",
        ], environment: Self.key)
        #expect(quoted.status == 0, "\(quoted.stderr)")
        // Python: hashlib.sha256(json.dumps({"request": json.load(file), "captures": None, "contract": "NGO-2026",
        // "vouchers": []}, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()
        #expect(quoted.member("requestSha256") == "3c91c74a447917a53fd8c0e7a97bb0d9b544d51a594ab0d0686af4b72fbc8331")
        let ours = try Self.temporary(#"{"aois": {"type": "Polygon", "coordinates": [[[1.6, 48.3], [1.7, 48.3], [1.7, 48.38], [1.6, 48.3]]]}, "items": [{"product": "PNEO-TASKING-30CM"}]}"#)
        defer { try? FileManager.default.removeItem(at: ours) }
        for extra in [["--contract", "NGO-2026"], ["--voucher", "X"], ["--priority", "oneday"], ["--product", "SKYSAT-TASKING"], ["--split-by-date"]] {
            let refused = try CLIRunner.run(["estimate", "--request", ours.path, "--json"] + extra)
            #expect(refused.status == 2 && refused.member("error")?.objectValue?["code"] == "conflicting_options", "\(extra)")
        }
        #expect(try CLIRunner.run(["estimate", "--request", ours.path, "--json"]).status == 0)
    }

    @Test("the same flags give the same requestSha256; another product another")
    func flagRequestDigest() throws {
        func digest(_ product: String) throws -> JSONValue? {
            let result = try CLIRunner.run([
                "estimate", "--aoi", Fixtures.path("cases/beauce_polygon_with_hole.json"), "--product", product, "--as-of", "2026-11-30", "--quote",
            ], environment: Self.key)
            return try result.json().objectValue?["requestSha256"]
        }
        let first = try digest("PNEO-TASKING-30CM")
        let again = try digest("PNEO-TASKING-30CM")
        let other = try digest("SAR-SPOT-TASKING")
        #expect(first != nil && first == again)
        #expect(first != other)
    }
}

extension CLIRunner.Result {
    /// A member of the JSON object printed, `nil` when there is none.
    func member(_ key: String) -> JSONValue? { (try? json())?.objectValue?[key] }
}
