import GeometryEngine
import Testing
import TestSupport

@Suite("Envelope tree")
struct EnvelopeTreeTests {
    @Test("queries find exactly the envelopes a scan of all of them finds, on seeded boxes", arguments: [0, 1, 7, 16, 17, 1_000, 5_003])
    func againstScan(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count) &+ 11)
        func box(size: Double) -> Envelope {
            let x = Double.random(in: -180...180, using: &generator)
            let y = Double.random(in: -80...80, using: &generator)
            return Envelope(min: SIMD2(x, y), max: SIMD2(x + Double.random(in: 0...size, using: &generator), y + Double.random(in: 0...size, using: &generator)))
        }
        let envelopes = (0..<count).map { _ in box(size: 5) }
        let tree = EnvelopeTree(envelopes)
        for _ in 0..<200 {
            let query = box(size: 40)
            let expected = envelopes.indices.filter { envelopes[$0].intersects(query) }
            #expect(tree.query(query).sorted() == expected)
        }
        // Touching edges count as meeting.
        if let first = envelopes.first {
            #expect(tree.query(Envelope(min: first.max, max: first.max + SIMD2(1, 1))).contains(0))
        }
    }
}
