import Crypto
import Foundation
import GeoJSON

/// The secret a service signs its quotations with: the bytes of a file (at least 32), never a default baked into the
/// binary. Its ``id``, a short digest, travels in each quotation, so that a quotation signed with another key is told
/// apart from a tampered one.
public struct QuotationKey: Sendable {
    /// The environment variable naming the key file.
    public static let environmentVariable = "GEOPRICE_QUOTE_KEY_FILE"
    /// The fewest bytes a key has (HMAC-SHA256's block of security).
    public static let minimumBytes = 32

    /// The key's bytes (CryptoKit's `SymmetricKey` is not `Sendable` in swift-crypto 3).
    private let bytes: [UInt8]
    var key: SymmetricKey { SymmetricKey(data: bytes) }
    /// The first 16 hex digits of SHA-256 over `geoprice-quotation-key:` and the key.
    public let id: String

    /// A key of these bytes.
    /// - Throws: ``GeoPriceError`` `invalid_value` for fewer than ``minimumBytes`` bytes.
    public init(bytes: [UInt8]) throws(GeoPriceError) {
        guard bytes.count >= Self.minimumBytes else {
            throw GeoPriceError(
                .invalidValue, "a quotation key has at least \(Self.minimumBytes) bytes; this one has \(bytes.count)",
                path: Self.environmentVariable, details: ["bytes": .number(Double(bytes.count)), "minimum": .number(Double(Self.minimumBytes))])
        }
        self.bytes = bytes
        id = Hex.string(SHA256.hash(data: Array("geoprice-quotation-key:".utf8) + bytes).prefix(8))
    }

    /// The key in the file ``environmentVariable`` names.
    /// - Throws: ``GeoPriceError`` `invalid_value` (the variable unset, or the key too short), `unreadable_input`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(GeoPriceError) -> QuotationKey {
        guard let path = environment[environmentVariable], !path.isEmpty else {
            throw GeoPriceError(
                .invalidValue, "quotations are signed with the key in the file \(environmentVariable) names (at least \(minimumBytes) random bytes); it is not set",
                path: environmentVariable)
        }
        return try QuotationKey(bytes: FileContents.bytes(atPath: path, limit: 1 << 16))
    }
}

/// Lower-case hexadecimal text of bytes, and back.
enum Hex {
    static func string(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes { text += [digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of lower-case hex text, `nil` for anything else.
    static func bytes(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        for index in stride(from: 0, to: utf8.count, by: 2) {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}
