import Foundation
import GeoJSON
import Testing
import TestSupport

@Suite("File contents")
struct FileContentsTests {
    @Test("a file's bytes are read whole, as Foundation reads them")
    func wholeFile() throws {
        let path = Fixtures.path("reference.json")
        let bytes = try #require(FileContents.bytes(atPath: path))
        #expect(bytes.count > 10_000)
        #expect(bytes == Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test("an empty file is no bytes; a missing file or a directory is nil")
    func emptyMissingAndDirectory() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("geoprice-empty-\(getpid()).json").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(FileContents.bytes(atPath: empty) == [])
        #expect(FileContents.bytes(atPath: Fixtures.path("no-such-file.json")) == nil)
        #expect(FileContents.bytes(atPath: Fixtures.path("cases")) == nil)
    }

    @Test("a pipe, whose size is not known ahead, is read to its end")
    func pipe() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/head")
        process.arguments = ["-c", "200000", "/dev/zero"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let bytes = FileContents.bytes(atPath: "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)")
        process.waitUntilExit()
        #expect(bytes?.count == 200_000)
        #expect(bytes?.allSatisfy { $0 == 0 } == true)
    }
}
