import GeoJSON

/// What a STAT request's `filter` (CQL2 JSON) and `constraints` allow of each of a product's queryables.
///
/// The filter is brought to negation normal form and multiplied out into alternatives (at most
/// ``maxAlternatives``), each met with the constraints; a queryable may be what some surviving alternative allows of
/// it, and no surviving alternative is `unsatisfiable_filter`. `isNull` constrains nothing. CQL2 JSON operators
/// read: `and`, `or`, `not`, `=`, `<>`, `<`, `<=`, `>`, `>=`, `between`, `in`, `isNull`. Constraints are a map of
/// queryable to a list of values, a Range Object `{minimum, maximum}`, or a JSON Schema object within `type`, `enum`,
/// `const`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`.
struct _STATConstraints {
    enum Kind: Sendable { case number, string }

    /// Each queryable's kind.
    let queryables: [String: Kind]
    /// What the filter and constraints allow, per queryable they name.
    private(set) var allowed: [String: _AllowedValues] = [:]

    init(queryables: [String: Kind], filter: JSONValue?, constraints: JSONValue?) throws(GeoPriceError) {
        self.queryables = queryables
        if let constraints, constraints != .null { try read(constraints: constraints, at: JSONPath.root.appending("constraints")) }
        if let filter, filter != .null {
            let path = JSONPath.root.appending("filter")
            let expression = try Self.normal(filter, negated: false, at: path)
            let names = try named(in: expression, at: path)
            // The filter multiplied out into alternatives, each met by the constraints too; a queryable may then be
            // what some surviving alternative allows of it.
            var surviving: [[String: _AllowedValues]] = []
            for clause in try alternatives(of: expression, at: path) {
                guard let met = try Self.meet(clause, allowed, at: path) else { continue }
                surviving.append(met)
            }
            guard !surviving.isEmpty else {
                throw GeoPriceError(
                    .unsatisfiableFilter, "no acquisition satisfies the request's filter and constraints together", path: path.description)
            }
            for name in names {
                let everything: _AllowedValues = allowed[name] ?? (queryables[name]! == .number ? .anyNumber : .anyString)
                allowed[name] = try Self.union(surviving.map { $0[name] ?? everything }, at: path)
            }
        }
    }

    /// At most this many alternatives (the filter's `or`s multiplied out through its `and`s), and values in a list.
    static let maxAlternatives = 4_096

    /// The filter as alternatives, each what it allows per queryable; contradictory ones dropped.
    private func alternatives(of expression: Expression, at path: JSONPath) throws(GeoPriceError) -> [[String: _AllowedValues]] {
        func tooMany() -> GeoPriceError {
            GeoPriceError(.invalidFilter, "the filter has more than \(Self.maxAlternatives) alternatives (or values in a list)", path: path.description,
                details: ["limit": .number(Double(Self.maxAlternatives))])
        }
        switch expression {
        case .anything: return [[:]]
        case .compare(let name, let op, let value, let at):
            return [[name: try Self.comparison(op, value, kind: queryables[name]!, at: at)]]
        case .within(let name, let values, let negated, let at):
            guard values.count <= Self.maxAlternatives else { throw tooMany() }
            return [[name: try Self.within(values, negated: negated, kind: queryables[name]!, at: at)]]
        case .or(let parts):
            var result: [[String: _AllowedValues]] = []
            for part in parts {
                result += try alternatives(of: part, at: path)
                if result.count > Self.maxAlternatives { throw tooMany() }
            }
            return result
        case .and(let parts):
            var result: [[String: _AllowedValues]] = [[:]]
            for part in parts {
                let next = try alternatives(of: part, at: path)
                var product: [[String: _AllowedValues]] = []
                for left in result {
                    for right in next {
                        if let met = try Self.meet(left, right, at: path) { product.append(met) }
                        if product.count > Self.maxAlternatives { throw tooMany() }
                    }
                }
                result = product
            }
            return result
        }
    }

    /// Two alternatives together, or `nil` when they contradict.
    private static func meet(_ left: [String: _AllowedValues], _ right: [String: _AllowedValues], at path: JSONPath)
        throws(GeoPriceError) -> [String: _AllowedValues]?
    {
        var result = left
        for (name, values) in right {
            guard let current = result[name] else { result[name] = values; continue }
            guard let both = current.intersection(values) else {
                throw GeoPriceError(.invalidFilter, "'\(name)' is compared with values of another type", path: path.description)
            }
            if both.isEmpty { return nil }
            result[name] = both
        }
        return result
    }

    /// Many sets joined at once (intervals sorted and merged once).
    private static func union(_ sets: [_AllowedValues], at path: JSONPath) throws(GeoPriceError) -> _AllowedValues {
        if case .numbers? = sets.first {
            var intervals: [_Interval] = []
            for set in sets {
                guard case .numbers(let more) = set else {
                    throw GeoPriceError(.invalidFilter, "a queryable is compared with values of two types", path: path.description)
                }
                intervals += more
            }
            return .numbers(_Interval.merged(intervals))
        }
        var result = sets.first ?? .anyString
        for set in sets.dropFirst() {
            guard let joined = result.union(set) else {
                throw GeoPriceError(.invalidFilter, "a queryable is compared with values of two types", path: path.description)
            }
            result = joined
        }
        return result
    }

    var queryableList: String { queryables.keys.sorted().joined(separator: ", ") }

    private mutating func restrict(_ name: String, to values: _AllowedValues, at path: JSONPath) throws(GeoPriceError) {
        let kind = queryables[name]!
        let current = allowed[name] ?? (kind == .number ? .anyNumber : .anyString)
        guard let both = current.intersection(values) else {
            throw GeoPriceError(.invalidFilter, "'\(name)' is compared with values of another type", path: path.description)
        }
        if both.isEmpty {
            throw GeoPriceError(
                .unsatisfiableFilter, "no value of '\(name)' satisfies the request's filter and constraints",
                path: path.description, details: ["queryable": .string(name)])
        }
        allowed[name] = both
    }

    // MARK: - Constraints

    private mutating func read(constraints: JSONValue, at path: JSONPath) throws(GeoPriceError) {
        guard case .object(let map) = constraints else {
            throw GeoPriceError(.invalidParameter, "'constraints' is an object of queryable names", path: path.description)
        }
        for member in map.members {
            let memberPath = path.appending(member.key)
            let kind = try kind(of: member.key, at: memberPath)
            switch member.value {
            case .array(let values):
                try restrict(member.key, to: try Self.list(values, kind: kind, at: memberPath), at: memberPath)
            case .object(let schema):
                try restrict(member.key, to: try Self.schema(schema, kind: kind, at: memberPath), at: memberPath)
            default:
                throw GeoPriceError(
                    .invalidParameter, "a constraint is a list of values, a Range Object or a JSON Schema object", path: memberPath.description)
            }
        }
    }

    /// A Range Object or a JSON Schema object, within the subset read here.
    private static func schema(_ schema: JSONObject, kind: Kind, at path: JSONPath) throws(GeoPriceError) -> _AllowedValues {
        var result: _AllowedValues = kind == .number ? .anyNumber : .anyString
        for member in schema.members {
            let keyPath = path.appending(member.key)
            func number() throws(GeoPriceError) -> Double {
                guard kind == .number, let value = member.value.numberValue, value.isFinite else {
                    throw GeoPriceError(.invalidParameter, "'\(member.key)' takes a finite number here", path: keyPath.description,
                        details: ["keyword": .string(member.key)])
                }
                return value
            }
            let part: _AllowedValues
            switch member.key {
            case "type":
                let expected = kind == .number ? ["number", "integer"] : ["string"]
                guard let type = member.value.stringValue, expected.contains(type) else {
                    throw GeoPriceError(.invalidParameter, "'type' is \(expected.joined(separator: " or ")) for this queryable",
                        path: keyPath.description, details: ["keyword": "type"])
                }
                continue
            case "minimum": part = .numbers([.atLeast(try number(), closed: true)])
            case "maximum": part = .numbers([.atMost(try number(), closed: true)])
            case "exclusiveMinimum": part = .numbers([.atLeast(try number(), closed: false)])
            case "exclusiveMaximum": part = .numbers([.atMost(try number(), closed: false)])
            case "const": part = try single(member.value, kind: kind, at: keyPath)
            case "enum":
                guard case .array(let values) = member.value else {
                    throw GeoPriceError(.invalidParameter, "'enum' lists values", path: keyPath.description, details: ["keyword": "enum"])
                }
                part = try list(values, kind: kind, at: keyPath)
            case "$ref":
                throw GeoPriceError(.unsupportedReference, "JSON References are not followed", path: keyPath.description)
            default:
                throw GeoPriceError(
                    .invalidParameter, "the JSON Schema keyword '\(member.key)' is not one geoprice reads (type, enum, const, minimum, maximum, exclusiveMinimum, exclusiveMaximum)",
                    path: keyPath.description, details: ["keyword": .string(member.key)])
            }
            result = result.intersection(part) ?? result
        }
        return result
    }

    private static func single(_ value: JSONValue, kind: Kind, at path: JSONPath) throws(GeoPriceError) -> _AllowedValues {
        switch (kind, value) {
        case (.number, .number(let number)) where number.isFinite: return .numbers([.exactly(number)])
        case (.string, .string(let text)): return .strings([text], only: true)
        default:
            throw GeoPriceError(.invalidParameter, "expected a \(kind == .number ? "number" : "string")", path: path.description)
        }
    }

    private func kind(of name: String, at path: JSONPath) throws(GeoPriceError) -> Kind {
        guard let kind = queryables[name] else {
            throw GeoPriceError(
                .unknownQueryable, "'\(name)' is not a queryable of this product (queryables: \(queryableList.isEmpty ? "none" : queryableList))",
                path: path.description, details: ["queryable": .string(name), "queryables": .array(queryables.keys.sorted().map(JSONValue.string))])
        }
        return kind
    }

    // MARK: - CQL2 JSON

    /// A filter in negation normal form.
    indirect enum Expression {
        case and([Expression])
        case or([Expression])
        /// `property op value`, `op` one of = <> < <= > >=.
        case compare(String, String, JSONValue, JSONPath)
        case within(String, [JSONValue], negated: Bool, JSONPath)
        case anything
    }

    private static let flipped = ["=": "<>", "<>": "=", "<": ">=", "<=": ">", ">": "<=", ">=": "<"]

    static func normal(_ value: JSONValue, negated: Bool, at path: JSONPath) throws(GeoPriceError) -> Expression {
        if case .object(let object) = value, object["$ref"] != nil {
            throw GeoPriceError(.unsupportedReference, "JSON References are not followed", path: path.description)
        }
        guard case .object(let object) = value, let op = object["op"]?.stringValue, case .array(let args)? = object["args"] else {
            throw GeoPriceError(.invalidFilter, "a CQL2 JSON expression is {\"op\": …, \"args\": […]}", path: path.description)
        }
        let argsPath = path.appending("args")
        func property(_ index: Int) throws(GeoPriceError) -> String {
            guard index < args.count, case .object(let reference) = args[index], let name = reference["property"]?.stringValue else {
                throw GeoPriceError(.invalidFilter, "'\(op)' takes {\"property\": name} first", path: argsPath.appending(index).description)
            }
            return name
        }
        func count(_ expected: Int) throws(GeoPriceError) {
            guard args.count == expected else {
                throw GeoPriceError(.invalidFilter, "'\(op)' takes \(expected) arguments, found \(args.count)", path: argsPath.description)
            }
        }
        switch op {
        case "and", "or":
            guard !args.isEmpty else { throw GeoPriceError(.invalidFilter, "'\(op)' takes arguments", path: argsPath.description) }
            var parts: [Expression] = []
            for (index, arg) in args.enumerated() { parts.append(try normal(arg, negated: negated, at: argsPath.appending(index))) }
            return (op == "and") != negated ? .and(parts) : .or(parts)
        case "not":
            try count(1)
            return try normal(args[0], negated: !negated, at: argsPath.appending(0))
        case "=", "<>", "<", "<=", ">", ">=":
            try count(2)
            return .compare(try property(0), negated ? flipped[op]! : op, args[1], argsPath.appending(1))
        case "between":
            try count(3)
            let name = try property(0)
            let low = Expression.compare(name, negated ? "<" : ">=", args[1], argsPath.appending(1))
            let high = Expression.compare(name, negated ? ">" : "<=", args[2], argsPath.appending(2))
            return negated ? .or([low, high]) : .and([low, high])
        case "in":
            try count(2)
            guard case .array(let list) = args[1] else {
                throw GeoPriceError(.invalidFilter, "'in' takes a list of values second", path: argsPath.appending(1).description)
            }
            return .within(try property(0), list, negated: negated, argsPath.appending(1))
        case "isNull":
            try count(1)
            _ = try property(0)
            return .anything
        default:
            throw GeoPriceError(
                .invalidFilter, "the CQL2 operator '\(op)' is not one geoprice reads (and, or, not, =, <>, <, <=, >, >=, between, in, isNull)",
                path: path.appending("op").description, details: ["op": .string(op)])
        }
    }

    private func named(in expression: Expression, at path: JSONPath) throws(GeoPriceError) -> Set<String> {
        var names = Set<String>()
        func visit(_ expression: Expression) throws(GeoPriceError) {
            switch expression {
            case .and(let parts), .or(let parts): for part in parts { try visit(part) }
            case .compare(let name, _, _, let at), .within(let name, _, _, let at):
                // The path is the value's (args[1] or args[2]); the property is args[0].
                var components = at.components
                components.removeLast()
                _ = try kind(of: name, at: JSONPath(components: components).appending(0))
                names.insert(name)
            case .anything: break
            }
        }
        try visit(expression)
        return names
    }

    /// What a list of values allows (`invalid_parameter` for a value of the wrong type).
    private static func list(_ values: [JSONValue], kind: Kind, at path: JSONPath) throws(GeoPriceError) -> _AllowedValues {
        guard values.count <= maxAlternatives else {
            throw GeoPriceError(.invalidParameter, "a list has more than \(maxAlternatives) values", path: path.description,
                details: ["limit": .number(Double(maxAlternatives))])
        }
        switch kind {
        case .number:
            var intervals: [_Interval] = []
            for (index, value) in values.enumerated() {
                guard case .numbers(let one) = try single(value, kind: kind, at: path.appending(index)) else { continue }
                intervals += one
            }
            return .numbers(_Interval.merged(intervals))
        case .string:
            var texts = Set<String>()
            for (index, value) in values.enumerated() {
                guard case .strings(let one, _) = try single(value, kind: kind, at: path.appending(index)) else { continue }
                texts.formUnion(one)
            }
            return .strings(texts, only: true)
        }
    }

    /// What `in` (or `not in`) a list allows.
    private static func within(_ values: [JSONValue], negated: Bool, kind: Kind, at path: JSONPath) throws(GeoPriceError) -> _AllowedValues {
        let set: _AllowedValues
        do {
            set = try list(values, kind: kind, at: path)
        } catch {
            throw GeoPriceError(.invalidFilter, error.message, path: error.path)
        }
        guard negated else { return set }
        switch set {
        case .numbers(let intervals):
            // Outside every value: the gaps between them.
            var outside: [_Interval] = []
            var low: Double? = nil
            var lowClosed = false
            for interval in intervals {
                outside.append(_Interval(low: low, lowClosed: lowClosed, high: interval.low, highClosed: !interval.lowClosed))
                low = interval.high
                lowClosed = !interval.highClosed
            }
            outside.append(_Interval(low: low, lowClosed: lowClosed, high: nil, highClosed: false))
            return .numbers(_Interval.merged(outside))
        case .strings(let texts, _): return .strings(texts, only: false)
        }
    }

    private static func comparison(_ op: String, _ value: JSONValue, kind: Kind, at path: JSONPath) throws(GeoPriceError) -> _AllowedValues {
        switch (kind, value) {
        case (.number, .number(let number)) where !number.isFinite:
            throw GeoPriceError(.invalidFilter, "a number here is finite", path: path.description)
        case (.number, .number(let number)):
            switch op {
            case "=": return .numbers([.exactly(number)])
            case "<>": return .numbers([.atMost(number, closed: false), .atLeast(number, closed: false)])
            case "<": return .numbers([.atMost(number, closed: false)])
            case "<=": return .numbers([.atMost(number, closed: true)])
            case ">": return .numbers([.atLeast(number, closed: false)])
            default: return .numbers([.atLeast(number, closed: true)])
            }
        case (.string, .string(let text)) where op == "=" || op == "<>":
            return .strings([text], only: op == "=")
        default:
            throw GeoPriceError(
                .invalidFilter, "'\(op)' with \(value.typeName) does not apply to a \(kind == .number ? "number" : "string") queryable",
                path: path.description)
        }
    }
}
