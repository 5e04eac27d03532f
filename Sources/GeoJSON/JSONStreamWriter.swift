/// Writes compact JSON member by member into a byte buffer, for answers produced at volume: the same text as
/// building a ``JSONValue`` and writing it with ``JSONWriter``, without building the tree.
public struct JSONStreamWriter {
    /// The text so far (UTF-8).
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    /// An empty writer.
    public init() { bytes.reserveCapacity(1_024) }

    /// The text so far.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separate() {
        guard let last = needsComma.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    /// Opens an object (as a value, or as the value of the key just written).
    public mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    /// Opens an array.
    public mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes a member name; its value follows.
    public mutating func key(_ name: String) {
        separate()
        JSONWriter.writeString(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Marks the start of an array element (call before an element that is an object or array).
    public mutating func element() { separate() }

    /// Writes a whole value (after a key, or as an array element).
    public mutating func value(_ value: JSONValue, asElement: Bool = false) {
        if asElement { separate() }
        JSONWriter().write(value, into: &bytes)
    }

    /// Writes a string value.
    public mutating func string(_ text: String, asElement: Bool = false) {
        if asElement { separate() }
        JSONWriter.writeString(text, into: &bytes)
    }

    /// Writes `"name": "text"`.
    public mutating func member(_ name: String, _ text: String) {
        key(name)
        JSONWriter.writeString(text, into: &bytes)
    }

    /// Writes `"name": value`.
    public mutating func member(_ name: String, _ value: JSONValue) {
        key(name)
        JSONWriter().write(value, into: &bytes)
    }
}
