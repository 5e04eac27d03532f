import GeoJSON

/// What a STAT filter or constraint allows of one queryable: numbers as a union of intervals, strings as a set or
/// everything but a set. `nil` bounds are unbounded.
enum _AllowedValues: Sendable, Equatable {
    /// Disjoint intervals, in order.
    case numbers([_Interval])
    /// `only`: exactly these; otherwise every string except these.
    case strings(Set<String>, only: Bool)

    static let anyNumber = _AllowedValues.numbers([_Interval(low: nil, lowClosed: false, high: nil, highClosed: false)])
    static let anyString = _AllowedValues.strings([], only: false)

    var isEmpty: Bool {
        switch self {
        case .numbers(let intervals): intervals.isEmpty
        case .strings(let set, let only): only && set.isEmpty
        }
    }

    func intersection(_ other: _AllowedValues) -> _AllowedValues? {
        switch (self, other) {
        case (.numbers(let a), .numbers(let b)):
            var result: [_Interval] = []
            for x in a { for y in b { if let both = x.intersection(y) { result.append(both) } } }
            return .numbers(_Interval.merged(result))
        case (.strings(let a, true), .strings(let b, true)): return .strings(a.intersection(b), only: true)
        case (.strings(let a, true), .strings(let b, false)), (.strings(let b, false), .strings(let a, true)):
            return .strings(a.subtracting(b), only: true)
        case (.strings(let a, false), .strings(let b, false)): return .strings(a.union(b), only: false)
        default: return nil
        }
    }

    func union(_ other: _AllowedValues) -> _AllowedValues? {
        switch (self, other) {
        case (.numbers(let a), .numbers(let b)): return .numbers(_Interval.merged(a + b))
        case (.strings(let a, true), .strings(let b, true)): return .strings(a.union(b), only: true)
        case (.strings(let a, true), .strings(let b, false)), (.strings(let b, false), .strings(let a, true)):
            return .strings(b.subtracting(a), only: false)
        case (.strings(let a, false), .strings(let b, false)): return .strings(a.intersection(b), only: false)
        default: return nil
        }
    }

    /// The least upper bound of allowed numbers, `nil` when unbounded (or for strings).
    var supremum: Double? {
        guard case .numbers(let intervals) = self, let last = intervals.last else { return nil }
        return last.high
    }

    /// For rules: `≤ 10`, `[5, 20]`, `oneday | standard`, `any but onenow`.
    var description: String {
        switch self {
        case .numbers(let intervals): return intervals.isEmpty ? "none" : intervals.map(\.description).joined(separator: " ∪ ")
        case .strings(let set, true): return set.isEmpty ? "none" : set.sorted().joined(separator: " | ")
        case .strings(let set, false): return set.isEmpty ? "any" : "any but " + set.sorted().joined(separator: " | ")
        }
    }
}

/// An interval of numbers; `nil` bounds are infinite.
struct _Interval: Sendable, Equatable {
    var low: Double?
    var lowClosed: Bool
    var high: Double?
    var highClosed: Bool

    static func atMost(_ value: Double, closed: Bool) -> _Interval { _Interval(low: nil, lowClosed: false, high: value, highClosed: closed) }
    static func atLeast(_ value: Double, closed: Bool) -> _Interval { _Interval(low: value, lowClosed: closed, high: nil, highClosed: false) }
    static func exactly(_ value: Double) -> _Interval { _Interval(low: value, lowClosed: true, high: value, highClosed: true) }

    var isEmpty: Bool {
        guard let low, let high else { return false }
        return low > high || (low == high && !(lowClosed && highClosed))
    }

    func intersection(_ other: _Interval) -> _Interval? {
        var result = self
        if let otherLow = other.low, low.map({ otherLow > $0 || (otherLow == $0 && !other.lowClosed) }) ?? true {
            result.low = otherLow
            result.lowClosed = other.lowClosed && (low != otherLow || lowClosed)
        }
        if let otherHigh = other.high, high.map({ otherHigh < $0 || (otherHigh == $0 && !other.highClosed) }) ?? true {
            result.high = otherHigh
            result.highClosed = other.highClosed && (high != otherHigh || highClosed)
        }
        return result.isEmpty ? nil : result
    }

    /// Sorted, with overlapping or touching intervals joined.
    static func merged(_ intervals: [_Interval]) -> [_Interval] {
        let sorted = intervals.filter { !$0.isEmpty }.sorted { ($0.low ?? -.infinity) < ($1.low ?? -.infinity) }
        var result: [_Interval] = []
        for interval in sorted {
            guard var last = result.last else { result.append(interval); continue }
            let lastHigh = last.high ?? .infinity
            let low = interval.low ?? -.infinity
            if low < lastHigh || (low == lastHigh && (last.highClosed || interval.lowClosed)) {
                if (interval.high ?? .infinity) > lastHigh || ((interval.high ?? .infinity) == lastHigh && interval.highClosed) {
                    last.high = interval.high
                    last.highClosed = interval.highClosed
                }
                result[result.count - 1] = last
            } else {
                result.append(interval)
            }
        }
        return result
    }

    var description: String {
        func text(_ value: Double) -> String { JSONWriter.numberText(value) }
        switch (low, high) {
        case (nil, nil): return "any"
        case (nil, let high?): return (highClosed ? "≤ " : "< ") + text(high)
        case (let low?, nil): return (lowClosed ? "≥ " : "> ") + text(low)
        case (let low?, let high?) where low == high: return "= " + text(low)
        case (let low?, let high?): return (lowClosed ? "[" : "(") + text(low) + ", " + text(high) + (highClosed ? "]" : ")")
        }
    }
}
