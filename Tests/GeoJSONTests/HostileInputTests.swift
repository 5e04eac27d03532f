import GeoJSON
import Testing
import TestSupport

/// Inputs shaped to take a reader down: many keys, unreadable `crs` members, huge echoed strings.
@Suite("Hostile input to the readers")
struct HostileInputTests {
    @Test("an object of 200,000 keys reads, and a key repeated at its end is found with its path")
    func manyKeys() throws {
        let members = (0..<200_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let value = try JSONReader().read(Array("{\(members)}".utf8))
        #expect(value.objectValue?.members.count == 200_000)
        #expect(value.objectValue?["k199999"] == .number(199_999))
        let error = rejection { _ = try JSONReader().read(Array("{\"a\":{\(members),\"k77\":1}}".utf8)) }
        #expect(error?.code == .invalidJSON)
        #expect(error?.message.contains("duplicate key 'k77'") == true)
        #expect(error?.path == "$.a")
    }

    @Test("a feature with 100,000 foreign members keeps them all, in order")
    func manyForeignMembers() throws {
        let members = (0..<100_000).map { "\"f\($0)\":\($0)" }.joined(separator: ",")
        let text = #"{"type":"Feature","properties":null,"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"# + members + "}"
        guard case .feature(let feature) = try GeoJSONReader().read(text) else { Issue.record("not a feature"); return }
        #expect(feature.foreignMembers.members.count == 100_000)
        #expect(feature.foreignMembers.members.last?.key == "f99999")
    }

    @Test("a GeoJSON 2008 crs object names its CRS; null is no crs; the CRS84 and EPSG::4326 URNs are lon/lat")
    func crsObjects() throws {
        let square = #""type":"Polygon","coordinates":[[[0,0],[70,0],[70,70],[0,70],[0,0]]]"#
        let named = try GeoJSONReader().read(#"{"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"# + square + "}")
        #expect(try named.crs == "urn:ogc:def:crs:EPSG::3857")
        #expect(try GeoJSONReader().read(#"{"crs":null,"# + square + "}").crs == nil)
        #expect(try GeoJSONReader().read(#"{"crs":"EPSG:32632","# + square + "}").crs == "EPSG:32632")
        for lonLat in ["urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326", "OGC:CRS84"] {
            #expect(CRSName.isLonLatWGS84(lonLat), "\(lonLat)")
        }
        for other in ["urn:ogc:def:crs:EPSG::3857", "EPSG:4269", "urn:ogc:def:crs:EPSG::43260"] {
            #expect(!CRSName.isLonLatWGS84(other), "\(other)")
        }
    }

    @Test("a crs member that names no CRS is unknown_crs at $.crs, never ignored", arguments: [
        #"4326"#, #"{"type":"link","properties":{"href":"http://example.com/crs"}}"#, #"{"type":"name"}"#,
        #"{"type":"name","properties":{"name":7}}"#, #"["EPSG:3857"]"#, #"true"#,
    ])
    func unreadableCRS(member: String) throws {
        let text = #"{"type":"FeatureCollection","crs":"# + member + #","features":[]}"#
        let error = rejection { _ = try GeoJSONReader().read(text) }
        #expect(error?.code == .unknownCRS)
        #expect(error?.path == "$.crs")
    }

    @Test("a crs member below the top level is unknown_crs where it stands, never ignored", arguments: [
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","crs":"EPSG:3857","properties":{},"geometry":null}]}"#, "$.features[0].crs"),
        (#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","crs":{"type":"link"},"coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#,
         "$.geometry.crs"),
    ])
    func nestedCRS(text: String, path: String) throws {
        let error = rejection { _ = try GeoJSONReader().read(text) }
        #expect(error?.code == .unknownCRS)
        #expect(error?.path == path)
    }

    @Test("echoed input is cut to a few hundred characters in message, path and details")
    func smallErrors() throws {
        let huge = String(repeating: "W", count: 1_000_000)
        let error = GeoPriceError(.unknownCRS, "unknown CRS '\(huge)': '\(huge)'", path: "$['\(huge)']", details: ["crs": .string(huge)])
        #expect(error.message.count <= ErrorText.messageLimit + 40)
        #expect(error.path!.count <= ErrorText.messageLimit + 40)
        #expect(error.details["crs"]!.stringValue!.count <= ErrorText.detailLimit + 40)
        #expect(error.message.hasPrefix("unknown CRS 'WWW"))
        #expect(error.message.contains("characters)"))
        var changed = error
        changed.details = ["again": .string(huge)]
        #expect(changed.details["again"]!.stringValue!.count <= ErrorText.detailLimit + 40)
        let short = GeoPriceError(.unknownCRS, "unknown CRS 'EPSG:99999'", details: ["crs": "EPSG:99999"])
        #expect(short.message == "unknown CRS 'EPSG:99999'")
        #expect(short.details["crs"] == "EPSG:99999")
    }
}
