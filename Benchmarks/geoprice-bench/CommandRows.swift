import Foundation
import GeoPricing

/// A command a user runs, timed as a process from start to its last byte written, beside the peer's programs doing
/// the same job (`Benchmarks/peer/peer.py SUBCOMMAND …`, also as processes).
struct CommandRow {
    struct Peer {
        /// What the peer computes, for the table.
        var name: String
        /// `peer.py`'s arguments.
        var arguments: [String]
        /// The least peer time / geoprice time the project aims at, if any.
        var goal: Double?
    }

    var key: String
    var title: String
    /// `geoprice`'s arguments.
    var geoprice: [String]
    var peers: [Peer] = []
    /// The least CPU use (percent of one core) aimed at.
    var cpuGoal: Double?
    /// The most peak resident memory aimed at, MB.
    var memoryGoalMB: Double?
}

/// A row's figures: the median geoprice run and each peer's median run.
struct CommandResult {
    var row: CommandRow
    var geoprice: ProcessRun
    var peers: [(peer: CommandRow.Peer, run: ProcessRun)]
    var notes: [String: Double] = [:]
}

/// Runs command rows: geoprice's executable beside the bench's, the peer under `python` when given.
struct CommandRunner {
    let files: InputFiles
    let runs: Int
    let geoprice: String
    let python: String?
    let peerScript = "Benchmarks/peer/peer.py"

    func run(_ row: CommandRow) throws -> CommandResult {
        let output = files.path("out-\(row.key).txt")
        let ours = try median { try ProcessRun.run([geoprice] + row.geoprice, output: output) }
        guard ours.status == 0 else {
            throw BenchError("geoprice \(row.geoprice.joined(separator: " ")) exited \(ours.status): see \(output).err")
        }
        var peers: [(CommandRow.Peer, ProcessRun)] = []
        if let python {
            for (index, peer) in row.peers.enumerated() {
                let peerOutput = files.path("peer-\(row.key)-\(index).txt")
                let run = try median { try ProcessRun.run([python, peerScript] + peer.arguments, output: peerOutput) }
                guard run.status == 0 else { throw BenchError("peer \(peer.arguments.joined(separator: " ")) exited \(run.status): see \(peerOutput).err") }
                peers.append((peer, run))
            }
        }
        return CommandResult(row: row, geoprice: ours, peers: peers)
    }

    /// The run with the median wall time of `runs`.
    func median(_ body: () throws -> ProcessRun) throws -> ProcessRun {
        var results: [ProcessRun] = []
        for _ in 0..<runs { results.append(try body()) }
        return results.sorted { $0.seconds < $1.seconds }[results.count / 2]
    }

    /// The peer's densified-geodesic covered km² for an order (not timed): the reference geoprice's covered area is
    /// held to.
    func referenceCoveredKm2(aois: String, captures: String) throws -> Double? {
        guard let python else { return nil }
        let output = files.path("peer-reference.txt")
        let run = try ProcessRun.run([python, peerScript, "reference", files.path(aois), files.path(captures)], output: output)
        guard run.status == 0 else { throw BenchError("peer reference exited \(run.status): see \(output).err") }
        return Double(try String(contentsOfFile: output, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
