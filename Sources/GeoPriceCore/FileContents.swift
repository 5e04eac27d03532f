#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a file, a pipe or a device, read straight into an array (one copy from the kernel, no `Data` in
/// between) and never past a limit: a 3 GB file, `/dev/zero` or an endless pipe costs at most the limit and one
/// chunk of memory before it is refused.
public enum FileContents {
    /// Bytes asked of the kernel per read when the size is not known ahead (pipes, devices).
    package static let chunkSize = 1 << 16

    /// The file's bytes.
    /// - Parameters:
    ///   - path: a file, a pipe or a device (`/dev/stdin`).
    ///   - limit: the most bytes accepted (``InputLimits/maxBytes``).
    /// - Throws: ``GeoPriceError`` `unreadable_input` (missing, a folder, no permission, a read error) naming the
    ///   path and the system's reason, or `limit_exceeded` (`maxBytes`) as soon as more than `limit` bytes are seen
    ///   — for a regular file from its size, before reading any.
    public static func bytes(atPath path: String, limit: Int = InputLimits.standard.maxBytes) throws(GeoPriceError) -> [UInt8] {
        let descriptor = try openForReading(path)
        defer { close(descriptor) }
        return try bytes(of: descriptor, named: path, limit: limit)
    }

    /// A descriptor open for reading on a file, a pipe or a device; the caller closes it.
    /// - Throws: ``GeoPriceError`` `unreadable_input` (missing, a folder, no permission) naming the path and the
    ///   system's reason.
    public static func openForReading(_ path: String) throws(GeoPriceError) -> Int32 {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw unreadable(path, reason: String(cString: strerror(errno))) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else {
            let reason = status.st_mode & S_IFMT == S_IFDIR ? "it is a folder" : String(cString: strerror(errno))
            close(descriptor)
            throw unreadable(path, reason: reason)
        }
        return descriptor
    }

    /// The bytes of an open descriptor (standard input is 0), read to its end; the descriptor stays open.
    /// - Throws: as ``bytes(atPath:limit:)``.
    public static func bytes(of descriptor: Int32, named name: String, limit: Int = InputLimits.standard.maxBytes) throws(GeoPriceError) -> [UInt8] {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unreadable(name, reason: String(cString: strerror(errno))) }
        let kind = status.st_mode & S_IFMT
        if kind == S_IFDIR { throw unreadable(name, reason: "it is a folder") }
        let announced = kind == S_IFREG ? Int(status.st_size) : 0
        if announced > limit { throw tooLarge(name, limit: limit, seen: announced) }
        // A regular file's announced bytes go straight into the array; what the size did not announce (a pipe, a
        // device, a file that grew meanwhile) comes in chunks.
        var failure: Int32 = 0
        // Nothing announced (a pipe, a device): an ordinary empty array. The uninitialized-capacity initializer with
        // capacity 0 writes its count into the one empty-array storage every thread shares (ThreadSanitizer
        // reports it as a race).
        var bytes: [UInt8] = announced == 0 ? [] : [UInt8](unsafeUninitializedCapacity: announced) { buffer, count in
            count = 0
            while count < announced {
                let got = read(descriptor, buffer.baseAddress! + count, announced - count)
                if got > 0 {
                    count += got
                } else if got == 0 {
                    return
                } else if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        if failure != 0 { throw unreadable(name, reason: String(cString: strerror(failure))) }
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got == 0 { return bytes }
            if got < 0 {
                if errno == EINTR { continue }
                throw unreadable(name, reason: String(cString: strerror(errno)))
            }
            if bytes.count + got > limit { throw tooLarge(name, limit: limit, seen: bytes.count + got) }
            bytes.append(contentsOf: chunk[..<got])
        }
    }

    /// The `unreadable_input` error for a named input and the system's reason.
    package static func unreadable(_ name: String, reason: String) -> GeoPriceError {
        GeoPriceError(.unreadableInput, "cannot read '\(name)': \(reason)", details: ["file": .string(name), "reason": .string(reason)])
    }

    private static func tooLarge(_ name: String, limit: Int, seen: Int) -> GeoPriceError {
        var error = InputLimits.exceeded("maxBytes", limit, seen, what: "bytes of '\(name)' (at least)", path: "$")
        error.details["file"] = .string(name)
        return error
    }

    /// Writes every byte to an open descriptor, retrying after interruptions and short writes.
    /// - Returns: the `errno` of a failure (`EIO` when nothing could be written), else `nil`.
    package static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return written < 0 ? errno : EIO
                }
            }
            return nil
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
