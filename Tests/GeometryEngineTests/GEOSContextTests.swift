import GeometryEngine
import Testing

@Suite("GEOS context messages")
struct GEOSContextTests {
    @Test("a failure takes GEOS' message, so the next failure never carries it")
    func messageTaken() {
        let context = GEOSContext.current
        context.lastMessage = "TopologyException: side location conflict"
        #expect("\(context.failure("GEOSUnaryUnion_r"))" == "GEOSUnaryUnion_r failed: TopologyException: side location conflict")
        #expect(context.lastMessage == nil)
        #expect("\(context.failure("GEOSIntersection_r"))" == "GEOSIntersection_r failed: no message")
    }
}
