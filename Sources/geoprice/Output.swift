import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GeoPricing

/// Writing answers and rejections the same way in every command.
enum Output {
    /// The exit status when standard output cannot be written (a full disk, a closed descriptor): sysexits'
    /// EX_IOERR, beside argument-parser's 64 (EX_USAGE) for a malformed command line.
    static let unwritableStatus: Int32 = 74

    /// Writes one line to standard output at once (NDJSON consumers read line by line).
    static func line(_ text: String) {
        emit(text + "\n")
    }

    /// Writes bytes to standard output at once.
    @Sendable static func bytes(_ bytes: [UInt8]) {
        emit(bytes)
    }

    /// Writes a JSON value on one line.
    static func json(_ value: JSONValue) {
        line(JSONWriter().string(value))
    }

    /// Writes to standard error (best effort: nothing is left to report a failure to).
    static func diagnostic(_ text: String) {
        _ = FileContents.write(Array((text + "\n").utf8), to: STDERR_FILENO)
    }

    /// Reports a rejection, as JSON on standard output with `--json`, else as a sentence on standard error, and
    /// returns the exit status for rejected input (2).
    static func reject(_ error: GeoPriceError, asJSON: Bool) -> ExitCode {
        if asJSON {
            json(error.jsonValue)
        } else {
            diagnostic("error: \(error)")
        }
        return ExitCode(2)
    }

    /// Writes to standard output; when that fails, says so on standard error and exits with ``unwritableStatus``
    /// (an answer cut short must not look like a whole one).
    private static func emit(_ text: String) {
        emit(Array(text.utf8))
    }

    private static func emit(_ bytes: [UInt8]) {
        if let failure = FileContents.write(bytes, to: STDOUT_FILENO) {
            let error = GeoPriceError(
                .unwritableOutput, "cannot write standard output: \(String(cString: strerror(failure)))",
                details: ["reason": .string(String(cString: strerror(failure)))])
            diagnostic("error: \(error)")
            exit(unwritableStatus)
        }
    }

}
