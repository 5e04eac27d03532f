#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GeoPricing

/// Reads what a file named on the command line holds, `-` meaning standard input, never past the input limit.
enum InputFile {
    /// The whole input, up to ``InputLimits/maxBytes``.
    /// - Throws: ``GeoPriceError`` `unreadable_input` (missing, a folder, no permission) or `limit_exceeded`.
    static func bytes(_ path: String, limits: InputLimits = .standard) throws(GeoPriceError) -> [UInt8] {
        if path == "-" { return try FileContents.bytes(of: STDIN_FILENO, named: "standard input", limit: limits.maxBytes) }
        return try FileContents.bytes(atPath: path, limit: limits.maxBytes)
    }

    /// The input's lines as they arrive, each held to the input limits on its own.
    /// - Throws: ``GeoPriceError`` `unreadable_input`.
    static func lines(_ path: String, limits: InputLimits = .standard) throws(GeoPriceError) -> NDJSONLines {
        if path == "-" { return NDJSONLines(descriptor: STDIN_FILENO, name: "standard input", maxLineBytes: limits.maxBytes) }
        // Open until the process ends: the command reads it to its end.
        return NDJSONLines(descriptor: try FileContents.openForReading(path), name: path, maxLineBytes: limits.maxBytes)
    }

    /// The catalog of `--catalog PATH`, else the bundled default.
    static func catalog(_ path: String?) throws(GeoPriceError) -> Catalog {
        guard let path else { return try .bundledDefault() }
        return try CatalogReader.read(bytes(path))
    }
}
