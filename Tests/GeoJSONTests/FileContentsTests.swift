import Foundation
import GeoJSON
import Testing
import TestSupport

@Suite("File contents, read within the byte limit")
struct FileContentsTests {
    @Test("a file's bytes are read whole, as Foundation reads them")
    func wholeFile() throws {
        let path = Fixtures.path("reference.json")
        let bytes = try FileContents.bytes(atPath: path)
        #expect(bytes.count > 10_000)
        #expect(bytes == Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test("an empty file is no bytes; a missing file or a folder is unreadable_input naming it")
    func emptyMissingAndDirectory() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("geoprice-empty-\(getpid()).json").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(try FileContents.bytes(atPath: empty) == [])
        let missing = rejection { _ = try FileContents.bytes(atPath: Fixtures.path("no-such-file.json")) }
        #expect(missing?.code == .unreadableInput)
        #expect(missing?.details["reason"] == "No such file or directory")
        let folder = rejection { _ = try FileContents.bytes(atPath: Fixtures.path("cases")) }
        #expect(folder?.code == .unreadableInput)
        #expect(folder?.details["reason"] == "it is a folder")
    }

    @Test("a file larger than the limit is refused from its size, before it is read")
    func largeFile() throws {
        let path = Fixtures.path("reference.json")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let error = rejection { _ = try FileContents.bytes(atPath: path, limit: size - 1) }
        #expect(error?.code == .limitExceeded)
        #expect(error?.details["limit"] == "maxBytes")
        #expect(error?.details["value"] == .number(Double(size)))
        #expect(try FileContents.bytes(atPath: path, limit: size).count == size)
    }

    @Test("an endless device is refused after the limit and one chunk")
    func endlessDevice() throws {
        let error = rejection { _ = try FileContents.bytes(atPath: "/dev/zero", limit: 1 << 20) }
        #expect(error?.code == .limitExceeded)
        let seen = try #require(error?.details["value"]?.numberValue)
        #expect(seen > Double(1 << 20) && seen <= Double((1 << 20) + (1 << 16)))
    }

    @Test("a pipe, whose size is not known ahead, is read to its end, and refused past the limit")
    func pipe() throws {
        for (count, limit) in [(200_000, 200_000), (200_001, 200_000)] {
            let pipe = Pipe()
            let writer = Thread {
                pipe.fileHandleForWriting.write(Data(repeating: 7, count: count))
                try? pipe.fileHandleForWriting.close()
            }
            writer.start()
            let result = Result { try FileContents.bytes(of: pipe.fileHandleForReading.fileDescriptor, named: "pipe", limit: limit) }
            if count <= limit {
                let bytes = try result.get()
                #expect(bytes.count == count)
                #expect(bytes.allSatisfy { $0 == 7 })
            } else {
                #expect((try? result.get()) == nil)
                // Drain what the writer still has to give, so that it finishes.
                _ = pipe.fileHandleForReading.readDataToEndOfFile()
            }
        }
    }

    @Test("NDJSON lines: a last line without a break counts, a line over the limit is reported at once and skipped")
    func lines() throws {
        let text = "{\"a\":1}\n\n" + String(repeating: "x", count: 300) + "\n{\"b\":2}\r\n{\"c\":3}"
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(text.utf8))
        try pipe.fileHandleForWriting.close()
        var reader = NDJSONLines(descriptor: pipe.fileHandleForReading.fileDescriptor, name: "pipe", maxLineBytes: 100)
        var seen: [String] = []
        while let batch = try reader.nextBatch(maxLines: 2) {
            #expect(batch.count <= 2)
            for line in batch {
                switch line {
                case .text(let bytes, let number): seen.append("\(number):" + String(decoding: bytes, as: UTF8.self))
                case .tooLong(let number, let bytes): seen.append("\(number):too long \(bytes)")
                }
            }
        }
        #expect(seen == ["1:{\"a\":1}", "2:", "3:too long 300", "4:{\"b\":2}\r", "5:{\"c\":3}"])
    }

    @Test("an endless line is reported once it passes the limit, with memory bounded by one chunk")
    func endlessLine() throws {
        let descriptor = open("/dev/zero", O_RDONLY)
        defer { close(descriptor) }
        var reader = NDJSONLines(descriptor: descriptor, name: "/dev/zero", maxLineBytes: 1 << 20)
        let batch = try #require(try reader.nextBatch())
        guard case .tooLong(let number, let bytes) = batch.first else { Issue.record("expected a line too long"); return }
        #expect(number == 1)
        #expect(bytes > 1 << 20 && bytes <= (1 << 20) + (1 << 16))
    }
}
