import Projection
import Testing

@Suite("UTM zone rule")
struct UTMZoneTests {
    @Test("zone = floor((lon + 180) / 6) + 1, hemisphere by latitude", arguments: [
        (SIMD2(9.0, 45.0), 32632), (SIMD2(-180.0, 10.0), 32601), (SIMD2(180.0, 10.0), 32601), (SIMD2(179.99, -16.5), 32760),
        (SIMD2(-0.0001, 0.0), 32630), (SIMD2(0.0, -0.0001), 32731), (SIMD2(185.0, 5.0), 32601), (SIMD2(-186.0, 5.0), 32660),
        (SIMD2(5.0, 60.0), 32631), (SIMD2(15.0, 78.0), 32633),
    ])
    func standardGrid(point: SIMD2<Double>, epsg: Int) {
        #expect(UTMZone(containing: point).epsg == epsg)
    }

    @Test("the Norway and Svalbard exceptions apply only when asked", arguments: [
        (SIMD2(5.0, 60.0), 32632), (SIMD2(2.0, 60.0), 32631), (SIMD2(15.0, 78.0), 32633), (SIMD2(8.0, 78.0), 32631),
        (SIMD2(10.0, 78.0), 32633), (SIMD2(22.0, 78.0), 32635), (SIMD2(40.0, 78.0), 32637),
    ])
    func exceptions(point: SIMD2<Double>, epsg: Int) {
        #expect(UTMZone(containing: point, norwaySvalbard: true).epsg == epsg)
    }
}

@Suite("UTM zones built by number")
struct UTMZoneNumberTests {
    @Test("numbers 1…60 make zones; anything else is nil, not a trap", arguments: [-1, 0, 61, Int.max, Int.min])
    func outOfRange(number: Int) {
        #expect(UTMZone(number: number, isNorth: true) == nil)
    }

    @Test("zone 1 south and zone 60 north")
    func ends() throws {
        #expect(try #require(UTMZone(number: 1, isNorth: false)).epsg == 32701)
        #expect(try #require(UTMZone(number: 60, isNorth: true)).epsg == 32660)
        #expect(try #require(UTMZone(number: 32, isNorth: true)).centralMeridian == 9)
    }
}
