import Foundation
import GeoPriceServer
import GeoPricing
import HummingbirdTesting
import NIOCore
import Testing

/// `/openapi.json` is an OpenAPI 3.1 document that names every route the server has, and nothing else.
@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("every route is in the document with its method, a 200 and the error answers; every documented path is a route")
    func routesMatch() async throws {
        let document = try #require(try JSONReader().read(OpenAPIDocument.bytes()).objectValue)
        #expect(document["openapi"] == "3.1.0")
        #expect(document["info"]?.objectValue?["title"] != nil)
        let paths = try #require(document["paths"]?.objectValue)
        let routes = GeoPriceApplication.routes
        for route in routes {
            let operation = paths[route.path]?.objectValue?[route.method.lowercased()]?.objectValue
            #expect(operation != nil, "\(route.method) \(route.path) is not documented")
            #expect(operation?["responses"]?.objectValue?["200"] != nil, "\(route.path)")
            if route.method == "POST" {
                #expect(operation?["requestBody"] != nil, "\(route.path)")
                for status in ["400", "413", "422", "503"] {
                    #expect(operation?["responses"]?.objectValue?[status] != nil, "\(route.path) \(status)")
                }
            }
        }
        for (path, item) in paths.members {
            for method in item.objectValue?.keys ?? [] {
                #expect(routes.contains { $0.path == path && $0.method.lowercased() == method }, "\(method) \(path) documented but not served")
            }
        }
        // Every $ref resolves.
        func references(_ value: JSONValue) -> [String] {
            switch value {
            case .object(let object): object.members.flatMap { $0.key == "$ref" ? [$0.value.stringValue ?? ""] : references($0.value) }
            case .array(let array): array.flatMap(references)
            default: []
            }
        }
        for reference in references(.object(document)) {
            let parts = reference.split(separator: "/").dropFirst().map(String.init)
            var node: JSONValue? = .object(document)
            for part in parts { node = node?.objectValue?[part] }
            #expect(node != nil, "\(reference) does not resolve")
        }
    }

    @Test("the server serves it, and every documented GET answers without a 5xx")
    func served() async throws {
        try await ServerHarness.withServer { client, _ in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.bytes == (try OpenAPIDocument.bytes()))
            for route in GeoPriceApplication.routes where route.method == "GET" {
                let uri = route.path.replacingOccurrences(of: "{id}", with: "PNEO-TASKING-30CM")
                let answer = try await client.execute(uri: uri, method: .get)
                #expect(answer.status == .ok, "\(uri)")
            }
        }
    }
}
