import ArgumentParser
import Foundation
import GeoPricing

/// Reads the bytes of a file named on the command line, `-` meaning standard input.
enum InputFile {
    static func bytes(_ path: String) throws -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let bytes = FileContents.bytes(atPath: path) else {
            throw ValidationError("cannot read '\(path)': no such file, or not readable")
        }
        return bytes
    }

    /// The catalog of `--catalog PATH`, else the bundled default.
    static func catalog(_ path: String?) throws -> Catalog {
        try path.map { try CatalogReader.read(bytes($0)) } ?? .bundledDefault()
    }
}
