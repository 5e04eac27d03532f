import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of a command as a process: wall time, CPU time and peak resident memory of that process alone.
struct ProcessRun {
    var seconds: Double
    var cpuSeconds: Double
    var peakMB: Double
    var status: Int32
    var outputBytes: Int

    /// CPU time over wall time, percent (200 % is both cores busy all along).
    var cpuPercent: Double { cpuSeconds / seconds * 100 }

    /// Runs `arguments` (the first is the executable, looked up in `PATH` when it has no slash) with standard input
    /// from /dev/null, standard output into `output` and standard error into `output + ".err"`.
    static func run(_ arguments: [String], output: String) throws -> ProcessRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, output + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let start = Timing.now()
        let pid = try spawn(arguments, actions: &actions)
        var status: Int32 = 0
        var usage = rusage()
        // The kernel's ru_maxrss of a spawned child starts from its parent's resident memory at the spawn; the
        // child's own high-water mark is read from /proc while it runs.
        var peakKB = 0
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { throw BenchError("wait4 failed") }
            peakKB = max(peakKB, highWaterKB(of: pid) ?? 0)
            usleep(2_000)
        }
        let seconds = Timing.now() - start
        var info = stat()
        stat(output, &info)
        return ProcessRun(
            seconds: seconds, cpuSeconds: usage.ru_utime.seconds + usage.ru_stime.seconds,
            peakMB: Double(peakKB > 0 ? peakKB : usage.ru_maxrss) / 1024, status: exitStatus(status), outputBytes: Int(info.st_size))
    }

    /// `VmHWM` of a running process, KB.
    private static func highWaterKB(of pid: pid_t) -> Int? {
        guard let file = fopen("/proc/\(pid)/status", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") { return Int(text.dropFirst(6).filter(\.isNumber)) }
        }
        return nil
    }

    /// Starts `arguments` reading from a pipe, writes `first` (one NDJSON line) and keeps the pipe open: the seconds
    /// from that write until the first answer line comes out. The rest of `lines` follows, then the pipe closes.
    static func firstLineLatency(_ arguments: [String], first: [UInt8], then lines: [UInt8]) throws -> Double {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw BenchError("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addclose(&actions, input[1])
        posix_spawn_file_actions_addclose(&actions, output[0])
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let pid = try spawn(arguments, actions: &actions)
        close(input[0])
        close(output[1])
        let start = Timing.now()
        try writeAll(first, to: input[1])
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var latency: Double?
        while latency == nil {
            let count = read(output[0], &buffer, buffer.count)
            guard count > 0 else { break }
            if buffer[..<count].contains(UInt8(ascii: "\n")) { latency = Timing.now() - start }
        }
        // The rest is written while the answers are drained, or both ends would wait on full pipes.
        let writer = DispatchGroup()
        let inputEnd = input[1]
        DispatchQueue.global().async(group: writer) {
            try? writeAll(lines, to: inputEnd)
            close(inputEnd)
        }
        while read(output[0], &buffer, buffer.count) > 0 {}
        writer.wait()
        close(output[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard let latency else { throw BenchError("\(arguments.joined(separator: " ")) wrote no line") }
        return latency
    }

    private static func spawn(_ arguments: [String], actions: inout posix_spawn_file_actions_t) throws -> pid_t {
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard status == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        return pid
    }

    private static func exitStatus(_ status: Int32) -> Int32 { status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f) }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw BenchError("write to the pipe failed") }
            offset += written
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension timeval {
    var seconds: Double { Double(tv_sec) + Double(tv_usec) / 1e6 }
}
