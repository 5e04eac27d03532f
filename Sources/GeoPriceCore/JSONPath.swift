import Foundation

/// A location inside a JSON document, rendered in JSONPath form: `$.features[3].geometry.coordinates[0][5]`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step down: an object member or an array element.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document root.
    public private(set) var components: [Component]

    /// The document root, `$`.
    public static let root = JSONPath(components: [])

    /// `$.features[index]`: a feature of a collection.
    public static func feature(_ index: Int) -> JSONPath { JSONPath(components: [.key("features"), .index(index)]) }

    /// A path made of these steps.
    public init(components: [Component]) { self.components = components }

    /// This path followed by an object member.
    public func appending(_ key: String) -> JSONPath { appending(component: .key(key)) }

    /// This path followed by an array element.
    public func appending(_ index: Int) -> JSONPath { appending(component: .index(index)) }

    /// One step more, in a single allocation.
    private func appending(component: Component) -> JSONPath {
        var steps: [Component] = []
        steps.reserveCapacity(components.count + 1)
        steps += components
        steps.append(component)
        return JSONPath(components: steps)
    }

    /// This path followed by array elements.
    public func appending(_ indices: Int...) -> JSONPath {
        var copy = self
        copy.components.append(contentsOf: indices.map(Component.index))
        return copy
    }

    /// The JSONPath text; keys that are not plain identifiers are written as `['key']`.
    public var description: String {
        var text = "$"
        for component in components {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .key(let key) where key.isPlainIdentifier: text += ".\(key)"
            case .key(let key):
                let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
                text += "['\(escaped)']"
            }
        }
        return text
    }
}

extension String {
    fileprivate var isPlainIdentifier: Bool {
        guard let first = utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }
}
