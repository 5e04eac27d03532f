/// An axis-aligned box: `min` and `max` corners.
public struct Envelope: Sendable, Hashable {
    /// The lower-left corner.
    public var min: SIMD2<Double>
    /// The upper-right corner.
    public var max: SIMD2<Double>

    /// A box from its corners.
    public init(min: SIMD2<Double>, max: SIMD2<Double>) {
        self.min = min
        self.max = max
    }

    /// The box around points (empty points give an inverted box that meets nothing). Inlinable, so that it is
    /// specialized for the caller's sequence rather than run through generic witnesses.
    @inlinable
    public init(of points: some Sequence<SIMD2<Double>>) {
        var low = SIMD2(Double.infinity, Double.infinity)
        var high = -low
        for point in points {
            low = pointwiseMin(low, point)
            high = pointwiseMax(high, point)
        }
        self.init(min: low, max: high)
    }

    /// Whether two boxes share any point.
    public func intersects(_ other: Envelope) -> Bool {
        all(min .<= other.max) && all(other.min .<= max)
    }

    /// The smallest box holding both.
    public func union(_ other: Envelope) -> Envelope {
        Envelope(min: pointwiseMin(min, other.min), max: pointwiseMax(max, other.max))
    }

    /// The box grown by `margin` on every side.
    public func expanded(by margin: SIMD2<Double>) -> Envelope { Envelope(min: min - margin, max: max + margin) }
}

/// A static R-tree over boxes, packed by Sort-Tile-Recursive: built once, then queried from any number of threads
/// (it is an immutable value). Shared by all AOIs of an order to find the captures near each in O(log n).
public struct EnvelopeTree: Sendable {
    private struct Node: Sendable {
        var envelope: Envelope
        /// Children's range in the level below (or item indices for leaves).
        var children: Range<Int>
    }

    private static let capacity = 16
    /// The boxes' indices in leaf order.
    private let items: [Int]
    private let itemEnvelopes: [Envelope]
    /// Levels from the leaves (0) up to the root.
    private let levels: [[Node]]

    /// Builds the tree over boxes; a query answers their indices.
    public init(_ envelopes: [Envelope]) {
        itemEnvelopes = envelopes
        let count = envelopes.count
        let sliceCount = Int(Double((count + Self.capacity - 1) / Self.capacity).squareRoot().rounded(.up))
        let byX = envelopes.indices.sorted { envelopes[$0].min.x + envelopes[$0].max.x < envelopes[$1].min.x + envelopes[$1].max.x }
        let sliceSize = Swift.max(1, sliceCount * Self.capacity)
        var ordered: [Int] = []
        ordered.reserveCapacity(count)
        var start = 0
        while start < count {
            let slice = byX[start..<Swift.min(count, start + sliceSize)]
            ordered += slice.sorted { envelopes[$0].min.y + envelopes[$0].max.y < envelopes[$1].min.y + envelopes[$1].max.y }
            start += sliceSize
        }
        items = ordered
        var levels: [[Node]] = []
        var current: [Node] = stride(from: 0, to: count, by: Self.capacity).map { start in
            let range = start..<Swift.min(count, start + Self.capacity)
            return Node(envelope: range.dropFirst().reduce(envelopes[ordered[start]]) { $0.union(envelopes[ordered[$1]]) }, children: range)
        }
        levels.append(current)
        while current.count > 1 {
            let below = current
            current = stride(from: 0, to: below.count, by: Self.capacity).map { start in
                let range = start..<Swift.min(below.count, start + Self.capacity)
                return Node(envelope: range.dropFirst().reduce(below[start].envelope) { $0.union(below[$1].envelope) }, children: range)
            }
            levels.append(current)
        }
        self.levels = levels
    }

    /// The indices of the boxes that meet `envelope`, ascending.
    public func query(_ envelope: Envelope) -> [Int] {
        guard let top = levels.last else { return [] }
        var found: [Int] = []
        var stack: [(level: Int, node: Int)] = top.indices.map { (levels.count - 1, $0) }
        while let (level, index) = stack.popLast() {
            let node = levels[level][index]
            guard node.envelope.intersects(envelope) else { continue }
            if level == 0 {
                for position in node.children where itemEnvelopes[items[position]].intersects(envelope) { found.append(items[position]) }
            } else {
                for child in node.children { stack.append((level - 1, child)) }
            }
        }
        return found.sorted()
    }
}
