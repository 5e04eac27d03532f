import GeoPricing

/// The benchmark's inputs, made from a seed.
enum Inputs {
    /// `count` small AOIs: quadrilaterals of 0.5 to 2 km a side (corners jittered) over Europe, between 0° and 18° E
    /// (UTM zones 31 to 33) and 36° to 60° N. Seed 7 unless given.
    static func smallAOIs(count: Int, seed: UInt64 = 7) -> [AOI] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            let longitude = Double.random(in: 0...18, using: &generator)
            let latitude = Double.random(in: 36...60, using: &generator)
            let size = Double.random(in: 0.0045...0.018, using: &generator)
            var ring: [Position] = [
                Position(longitude, latitude), Position(longitude + size * 1.4, latitude),
                Position(longitude + size * 1.4, latitude + size), Position(longitude, latitude + size),
            ]
            for corner in ring.indices {
                ring[corner].longitude += Double.random(in: -0.1...0.1, using: &generator) * size
                ring[corner].latitude += Double.random(in: -0.1...0.1, using: &generator) * size
            }
            ring.append(ring[0])
            return AOI(id: .number(Double(index)), index: index, polygons: [Polygon(rings: [ring])])
        }
    }
}
