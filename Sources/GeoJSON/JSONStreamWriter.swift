/// Writes compact JSON member by member into a byte buffer, for answers produced at volume: the same text as
/// building a ``JSONValue`` and writing it with ``JSONWriter``, without building the tree.
///
/// The buffer is the writer's own memory, so an append is a bounds check and a copy (an `Array` would check its
/// uniqueness on every append). Member names written in the source are `StaticString`s: no `String` to look into.
/// Package-internal and not `Sendable`: one caller at a time owns a writer, and answers leave as bytes.
package final class JSONStreamWriter {
    // A writer is used by one caller at a time, never reentrantly: the run-time exclusivity checks on these would
    // cost more than the copies they guard.
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var capacity: Int
    // Whether the container open at each level has a member yet: a bit per level, in a list past 64 levels.
    @exclusivity(unchecked) private var depth = 0
    @exclusivity(unchecked) private var hasMember: UInt64 = 0
    @exclusivity(unchecked) private var deeperHasMember: [Bool] = []

    /// An empty writer.
    package init(capacity: Int = 1_024) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// The text so far (UTF-8).
    package var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// The text so far.
    package var string: String { String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self) }

    /// Opens an object (as a value, or as the value of the key just written).
    package func beginObject() {
        append(UInt8(ascii: "{"))
        open()
    }

    /// Closes the innermost object.
    package func endObject() {
        close()
        append(UInt8(ascii: "}"))
    }

    /// Opens an array.
    package func beginArray() {
        append(UInt8(ascii: "["))
        open()
    }

    /// Closes the innermost array.
    package func endArray() {
        close()
        append(UInt8(ascii: "]"))
    }

    /// Writes a member name; its value follows.
    package func key(_ name: StaticString) {
        separate()
        name.withUTF8Buffer { appendQuoted($0, colon: true) }
    }

    /// Writes a member name that is only known at run time; its value follows.
    package func key(named name: String) {
        separate()
        var name = name
        name.withUTF8 { appendQuoted($0, colon: true) }
    }

    /// Marks the start of an array element (call before an element that is an object or array).
    package func element() { separate() }

    /// Writes a whole value (after a key, or as an array element).
    package func value(_ value: JSONValue, asElement: Bool = false) {
        if asElement { separate() }
        switch value {
        case .string(let text): appendQuoted(text)
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let number): append(JSONWriter.numberText(number))
        case .array, .object:
            var text: [UInt8] = []
            JSONWriter().write(value, into: &text)
            text.withUnsafeBufferPointer { append($0) }
        }
    }

    /// Writes a string value.
    package func string(_ text: String, asElement: Bool = false) {
        if asElement { separate() }
        appendQuoted(text)
    }

    /// Writes `"name": "text"`.
    package func member(_ name: StaticString, _ text: String) {
        key(name)
        appendQuoted(text)
    }

    /// Writes `"name": value`.
    package func member(_ name: StaticString, _ value: JSONValue) {
        key(name)
        self.value(value)
    }

    /// Writes `"name": value` for a name only known at run time.
    package func member(named name: String, _ value: JSONValue) {
        key(named: name)
        self.value(value)
    }

    // MARK: - The buffer

    private func open() {
        if depth < 64 { hasMember &= ~(1 << depth) } else { deeperHasMember.append(false) }
        depth += 1
    }

    private func close() {
        depth -= 1
        if depth >= 64 { deeperHasMember.removeLast() }
    }

    /// A comma before every member or element but the first of its container.
    private func separate() {
        guard depth > 0 else { return }
        let level = depth - 1
        let seen: Bool
        if level < 64 {
            seen = hasMember & (1 << level) != 0
            hasMember |= 1 << level
        } else {
            seen = deeperHasMember[level - 64]
            deeperHasMember[level - 64] = true
        }
        if seen { append(UInt8(ascii: ",")) }
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: extra) }
    }

    private func grow(toHold extra: Int) {
        let grown = max(2 * capacity, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = grown
    }

    private func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (storage + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    private func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    private func appendQuoted(_ text: String) {
        var text = text
        text.withUTF8 { appendQuoted($0) }
    }

    /// `"…"` with JSON's escapes, as ``JSONWriter/writeString(_:into:)`` writes them, and the `:` of a member name.
    private func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, colon: Bool = false) {
        guard Self.holdsByteToEscape(bytes) else {
            // The common case: one reservation, one copy.
            reserve(bytes.count + 3)
            storage[count] = UInt8(ascii: "\"")
            if let source = bytes.baseAddress { (storage + count + 1).initialize(from: source, count: bytes.count) }
            storage[count + 1 + bytes.count] = UInt8(ascii: "\"")
            storage[count + 2 + bytes.count] = UInt8(ascii: ":")
            count += bytes.count + (colon ? 3 : 2)
            return
        }
        defer { if colon { append(UInt8(ascii: ":")) } }
        append(UInt8(ascii: "\""))
        var start = 0
        for index in bytes.indices where JSONWriter.needsEscape(bytes[index]) {
            append(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            var escaped: [UInt8] = []
            JSONWriter.appendEscaped(bytes[index], to: &escaped)
            escaped.withUnsafeBufferPointer { append($0) }
            start = index + 1
        }
        append(UnsafeBufferPointer(rebasing: bytes[start...]))
        append(UInt8(ascii: "\""))
    }

    /// Whether any byte is a control character, a quote or a backslash: eight bytes at a time, then one by one.
    private static func holdsByteToEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        while index + 8 <= bytes.count {
            if holdsByteToEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { return true }
            index += 8
        }
        for byte in UnsafeBufferPointer(rebasing: bytes[index...]) where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            return true
        }
        return false
    }

    /// Whether eight bytes hold a control character, a quote or a backslash (exact, with the classic word tricks:
    /// a byte below n, a byte equal to zero after an exclusive or).
    private static func holdsByteToEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        return hasControl || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }
}
