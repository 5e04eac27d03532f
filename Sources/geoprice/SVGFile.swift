#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GeoPricing

/// Writing `--svg PATH`: to a regular file only, created or overwritten in place. A device node, a folder, a FIFO or
/// a symbolic link at PATH is refused, never replaced (renaming over `/dev/null` as root would destroy it).
enum SVGFile {
    /// Checks, before any work, that PATH can be written: absent in a writable folder, or a writable regular file.
    /// - Throws: ``GeoPriceError`` `unwritable_output`.
    static func checkWritable(_ path: String) throws(GeoPriceError) {
        var status = stat()
        if lstat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFREG else { throw refused(path, "it is not a regular file") }
            guard access(path, W_OK) == 0 else { throw refused(path, String(cString: strerror(errno))) }
            return
        }
        guard errno == ENOENT else { throw refused(path, String(cString: strerror(errno))) }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        guard access(folder.isEmpty ? "/" : folder, W_OK) == 0 else { throw refused(path, "its folder cannot be written: \(String(cString: strerror(errno)))") }
    }

    /// Writes the text to PATH (created with mode 0644, or a regular file truncated), never following a link.
    /// - Throws: ``GeoPriceError`` `unwritable_output`.
    static func save(_ text: String, to path: String) throws(GeoPriceError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw refused(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { throw refused(path, "it is not a regular file") }
        guard ftruncate(descriptor, 0) == 0 else { throw refused(path, String(cString: strerror(errno))) }
        if let failure = FileContents.write(Array(text.utf8), to: descriptor) { throw refused(path, String(cString: strerror(failure))) }
    }

    private static func refused(_ path: String, _ reason: String) -> GeoPriceError {
        GeoPriceError(.unwritableOutput, "cannot write the SVG to '\(path)': \(reason)", path: "--svg", details: ["file": .string(path), "reason": .string(reason)])
    }
}
