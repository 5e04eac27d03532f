import ArgumentParser
import Foundation
import GeoPricing

/// Writing answers and rejections the same way in every command.
enum Output {
    /// Writes one line to standard output at once (NDJSON consumers read line by line).
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes a JSON value on one line.
    static func json(_ value: JSONValue) {
        line(JSONWriter().string(value))
    }

    /// Writes to standard error.
    static func diagnostic(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
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
}
