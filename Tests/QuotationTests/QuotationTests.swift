import Foundation
import GeoPricing
import Quotation
import Testing
import TestSupport

/// Quotations: the fixtures signed with the test key (their signatures checked with Python's hmac, see
/// fixtures/quotation/README.md), verified at, before and after `validUntil`, each byte changed once, another key.
@Suite("Signed quotations")
struct QuotationTests {
    static let key = try! QuotationKey(bytes: Array(0..<32))
    static let pneo = Fixtures.bytes("quotation/pneo-oneday.json").filter { $0 != UInt8(ascii: "\n") }
    static let skysat = Fixtures.bytes("quotation/skysat.json").filter { $0 != UInt8(ascii: "\n") }

    static func instant(_ text: String) -> Date { RFC3339.date(text)! }

    @Test("the fixture verifies with the key Python's hmac signed it with: valid up to validUntil, expired a second after")
    func validity() throws {
        let quotation = try Quotation(reading: Self.pneo)
        // hashlib.sha256(b"geoprice-quotation-key:" + bytes(range(32))).hexdigest()[:16]
        #expect(Self.key.id == "c6cbb122b8bf041a")
        #expect(quotation.keyID == Self.key.id)
        #expect(quotation.status(key: Self.key, asOf: Self.instant("2026-11-30T10:00:00Z")) == .valid)
        #expect(quotation.status(key: Self.key, asOf: Self.instant("2026-12-07T10:00:00Z")) == .valid)
        #expect(quotation.status(key: Self.key, asOf: Self.instant("2026-12-07T10:00:01Z")) == .expired)
        #expect(quotation.estimate["total"] == "5308.78")
        #expect(quotation.verificationJSON(.valid)["status"] == "valid")
    }

    @Test("every byte of the quotation changed once is caught: tampered, a wrong key where it is the key id, or unreadable")
    func everyByte() throws {
        let text = String(decoding: Self.pneo, as: UTF8.self)
        let keyIdRange = try #require(text.utf8.firstRange(of: Array(#""keyId":"c6cbb122b8bf041a""#.utf8)))
        let asOf = Self.instant("2026-12-01T00:00:00Z")
        var counts: [String: Int] = [:]
        for index in Self.pneo.indices {
            var changed = Self.pneo
            changed[index] ^= 0x01
            let outcome: String
            do {
                let status = try Quotation(reading: changed).status(key: Self.key, asOf: asOf)
                outcome = status.rawValue
                let keyId = text.utf8.distance(from: text.utf8.startIndex, to: keyIdRange.lowerBound) + #""keyId":""#.utf8.count
                let inKeyId = (keyId..<keyId + 16).contains(index)
                #expect(status == (inKeyId ? .wrongKey : .tampered), "byte \(index)")
            } catch {
                outcome = error.code.rawValue
                #expect(error.code == .invalidJSON || error.code == .invalidQuotation, "byte \(index): \(error)")
            }
            counts[outcome, default: 0] += 1
        }
        #expect(counts["valid"] == nil && counts["expired"] == nil)
        #expect(counts["wrong_key"] == 16)
        #expect((counts["tampered"] ?? 0) > Self.pneo.count / 2)
    }

    @Test("whitespace between tokens keeps a quotation valid; the same values spelled otherwise make it tampered")
    func spelling() throws {
        let asOf = Self.instant("2026-12-01T00:00:00Z")
        func status(_ text: String) throws -> Quotation.Status { try Quotation(reading: Array(text.utf8)).status(key: Self.key, asOf: asOf) }
        let text = String(decoding: Self.pneo, as: UTF8.self)
        #expect(text.contains(#""currency":"EUR""#))
        let spaced = "\n " + text.replacingOccurrences(of: #"":""#, with: "\": \"").replacingOccurrences(of: #"",""#, with: "\",\n\t\"") + "\r\n"
        #expect(try status(spaced) == .valid)
        // "\u0045UR" reads as "EUR": the values are unchanged, the signed text is not.
        #expect(try status(text.replacingOccurrences(of: #""currency":"EUR""#, with: #""currency":"\u0045UR""#)) == .tampered)
        #expect(try Quotation(reading: Array(text.replacingOccurrences(of: #""currency":"EUR""#, with: #""currency":"\u0045UR""#).utf8)).estimate["currency"] == "EUR")
    }

    @Test("another key is wrong_key; a short key or none is refused")
    func keys() throws {
        let quotation = try Quotation(reading: Self.pneo)
        let other = try QuotationKey(bytes: Array(repeating: 7, count: 32))
        #expect(quotation.status(key: other, asOf: Self.instant("2026-12-01T00:00:00Z")) == .wrongKey)
        #expect(rejection { _ = try QuotationKey(bytes: Array(repeating: 7, count: 31)) }?.code == .invalidValue)
        #expect(rejection { _ = try QuotationKey.fromEnvironment([:]) }?.code == .invalidValue)
        #expect(rejection { _ = try QuotationKey.fromEnvironment(["GEOPRICE_QUOTE_KEY_FILE": "/nonexistent/key"]) }?.code == .unreadableInput)
    }

    @Test("decisions: accepted, reserved where payment comes first, rejected; never on an expired or changed quotation")
    func decisions() throws {
        let pneo = try Quotation(reading: Self.pneo)
        let skysat = try Quotation(reading: Self.skysat)
        let day = Self.instant("2026-12-01T00:00:00Z")
        #expect(try pneo.decide(accept: true, key: Self.key, asOf: day) == "accepted")
        #expect(try pneo.decide(accept: false, key: Self.key, asOf: day) == "rejected")
        #expect(try skysat.decide(accept: true, key: Self.key, asOf: day) == "reserved")
        #expect(skysat.validUntil == Self.instant("2026-12-03T10:00:00Z"))
        let late = rejection { _ = try skysat.decide(accept: true, key: Self.key, asOf: Self.instant("2026-12-03T10:00:01Z")) }
        #expect(late?.code == .invalidQuotation && late?.details["status"] == "expired")
        var changed = pneo
        changed.statusOnAccept = "reserved"
        #expect(rejection { _ = try changed.decide(accept: true, key: Self.key, asOf: day) }?.details["status"] == "tampered")
    }

    @Test("issuing: the signature covers the estimate's bytes as geoprice writes them; days are the fewest of the products; archive is refused")
    func issuing() throws {
        let estimator = Estimator(catalog: try .bundledDefault())
        let document = try GeoJSONReader().read(Fixtures.bytes("cases/beauce_polygon_with_hole.json"))
        let request = EstimateRequest(
            aois: try document.lonLatAOIs(), items: [.init(product: "PNEO-TASKING-30CM"), .init(product: "SAR-SPOT-TASKING")],
            asOf: try CalendarDate(parsing: "2026-11-30"))
        let estimate = try estimator.estimate(request)
        let issued = Self.instant("2026-11-30T10:00:00.750Z")
        let quotation = try Quotation(issuing: estimate, request: Array("the request".utf8), catalog: estimator.catalog, key: Self.key, issuedAt: issued)
        #expect(quotation.issuedAt == Self.instant("2026-11-30T10:00:00Z"))
        #expect(quotation.validUntil == Self.instant("2026-12-02T10:00:00Z"))
        // SHA-256("the request"), from `printf 'the request' | sha256sum`.
        #expect(quotation.requestSHA256 == "e05da7415785d85884c1170fc1d7b1a0b87056a90a312c3c2957ed0eba9571be")
        var written: [UInt8] = []
        JSONWriter().write(.object(quotation.jsonObject), into: &written)
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains(#""estimate":"# + estimate.jsonText + #","signature":""#))
        #expect(try Quotation(reading: written).status(key: Self.key, asOf: issued) == .valid)
        let aoi = try #require(try document.lonLatAOIs().first)
        let capture = Capture(id: "DS_1", footprint: aoi.polygons)
        let archive = try estimator.estimate(EstimateRequest(
            aois: [aoi], items: [.init(product: "PHR-ARCHIVE-50CM", captures: [capture])], asOf: try CalendarDate(parsing: "2026-11-30")))
        #expect(rejection {
            _ = try Quotation(issuing: archive, request: [], catalog: estimator.catalog, key: Self.key, issuedAt: issued)
        }?.code == .invalidRequest)
    }

    @Test("a file that is no quotation is invalid_quotation at the member")
    func reading() throws {
        for (text, path) in [
            (#"[]"#, "$"), (#"{"quotationId": "x"}"#, "$.issuedAt"),
            (#"{"quotationId": "x", "issuedAt": "2026-11-30", "validUntil": "", "keyId": "", "requestSha256": "", "statusOnAccept": "", "estimate": {}, "signature": ""}"#, "$.issuedAt"),
            (#"{"extra": 1}"#, "$.extra"),
        ] {
            let error = rejection { _ = try Quotation(reading: Array(text.utf8)) }
            #expect(error?.code == .invalidQuotation && error?.path == path, "\(text): \(String(describing: error))")
        }
    }
}
