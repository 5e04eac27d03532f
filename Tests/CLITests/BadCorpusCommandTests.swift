import GeoJSON
import Testing
import TestSupport

/// The corpus of bad inputs (fixtures/bad/expected.json), through the CLI: exit 2 and the JSON error alone.
@Suite("Bad input corpus, through the CLI")
struct BadCorpusCommandTests {
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var command: String
        var args: [String]
        var code: String
        var path: String?
        var description: String { "\(command) \(file) \(args.joined(separator: " "))" }
    }

    static let cases: [Case] = Fixtures.json("bad/expected.json").objectValue!["cases"]!.arrayValue!.map { value in
        let object = value.objectValue!
        return Case(
            file: object["file"]!.stringValue!, command: object["command"]!.stringValue!,
            args: object["args"]?.arrayValue?.compactMap(\.stringValue) ?? [], code: object["code"]!.stringValue!,
            path: object["path"]?.stringValue)
    }

    @Test("each bad input: exit 2, its code, nothing else on stdout", arguments: cases)
    func rejected(entry: Case) throws {
        let file = Fixtures.path("bad/\(entry.file)")
        let args = entry.args.map { $0.hasSuffix(".json") ? Fixtures.path("bad/\($0)") : $0 }
        let arguments = switch entry.command {
        case "area", "reproject": [entry.command, "--json", file] + args
        case "coverage": ["coverage", "--json", "--aoi", file, "--captures", file] + args
        default: [entry.command, "--json", "--aoi", file] + args
        }
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 2, "\(entry)")
        #expect(result.stdout.split(separator: "\n").count == 1)
        let error = try #require(try result.json().objectValue?["error"]?.objectValue)
        #expect(error["code"] == .string(entry.code), "\(entry): \(error)")
        if let path = entry.path { #expect(error["path"] == .string(path)) }
    }
}
