#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a file, read straight into an array: one copy from the kernel, no `Data` in between (which
/// `Array(Data(contentsOf:))` would copy a second time).
public enum FileContents {
    /// The file's bytes, or `nil` when it cannot be opened or read (missing, a directory, no permission).
    public static func bytes(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let expected = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : 0
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < expected {
                let got = read(descriptor, buffer.baseAddress! + count, expected - count)
                if got > 0 {
                    count += got
                } else if got == 0 || errno != EINTR {
                    failed = got < 0
                    return
                }
            }
        }
        guard !failed else { return nil }
        // What the size did not announce: a pipe or a device, or a file that grew meanwhile.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got == 0 { return bytes }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes += chunk[..<got]
        }
    }
}
