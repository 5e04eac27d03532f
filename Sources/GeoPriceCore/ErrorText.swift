/// Input echoed in error messages, kept small: a 1 MB WKT given as a CRS must not come back twice in the answer.
public enum ErrorText {
    /// Characters of echoed input kept in a detail.
    public static let detailLimit = 200
    /// Characters kept in a whole message or path.
    public static let messageLimit = 600

    /// The text as it is when short, else its start and end around "…(n characters)".
    public static func excerpt(_ text: String, limit: Int = detailLimit) -> String {
        guard text.utf8.count > limit else { return text }
        let count = text.count
        guard count > limit else { return text }
        let tail = limit / 5
        return String(text.prefix(limit - tail)) + "…(\(count) characters)…" + String(text.suffix(tail))
    }

    /// A JSON value as it would be written, cut like ``excerpt(_:limit:)``.
    public static func excerpt(of value: JSONValue) -> String {
        switch value {
        case .string(let text): return "\"" + excerpt(text) + "\""
        case .object, .array: return excerpt(JSONWriter().string(value))
        default: return JSONWriter().string(value)
        }
    }
}
