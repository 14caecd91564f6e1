import Foundation
import Testing
@testable import Literate

@Suite struct ShardTests {
    /// Sizes of a made-up book: uneven on purpose, with ties.
    static let sizes = ["01-a.md": 900, "02-b.md": 12_000, "03-c.md": 4_000, "04-d.md": 4_000, "05-e.md": 300,
                        "06-f.md": 7_500, "07-g.md": 4_000, "08-h.md": 11_000, "09-i.md": 2_200, "10-j.md": 6_100, "11-k.md": 50]
    static let paths = sizes.keys.sorted()

    @Test(arguments: 1...5) func everyChapterIsInExactlyOneShard(count: Int) {
        let shards = (1...count).map { Shard("\($0)/\(count)")!.select(Self.paths) { Self.sizes[$0]! } }
        #expect(shards.flatMap { $0 }.sorted() == Self.paths)
        #expect(Set(shards.flatMap { $0 }).count == Self.paths.count)
        // Balanced: no shard carries more than the largest chapter beyond another.
        let loads = shards.map { $0.reduce(0) { $0 + Self.sizes[$1]! } }
        #expect(loads.max()! - loads.min()! <= Self.sizes.values.max()!, "loads \(loads)")
        // Each shard keeps the order it was given.
        for shard in shards { #expect(shard == shard.sorted()) }
    }

    @Test(arguments: 1...5) func theRealChaptersSplitTheSameWayEveryTime(count: Int) throws {
        let project = try Project.locate(from: URL(fileURLWithPath: #filePath).deletingLastPathComponent().path)
        let paths = project.chapterPaths(currentDirectory: project.root)
        let first = (1...count).map { Shard("\($0)/\(count)")!.select(paths.map { project.root + "/" + $0 }) }
        let again = (1...count).map { Shard("\($0)/\(count)")!.select(paths.reversed().map { project.root + "/" + $0 }) }
        #expect(first.flatMap { $0 }.count == paths.count)
        #expect(Set(first.flatMap { $0 }) == Set(paths.map { project.root + "/" + $0 }))
        // The partition depends on the chapters, not on the order they were listed in.
        #expect(first.map(Set.init) == again.map(Set.init))
    }

    /// By hand, largest first to the lighter shard: b 12000 → 1; h 11000 → 2; f 7500 → 2
    /// (18500); j 6100 → 1 (18100); c 4000 → 1 (22100); d 4000 → 2 (22500); g 4000 → 1
    /// (26100); then i, a, e, k all → 2 (24700, 25600, 25900, 25950).
    @Test func theLargestChaptersAreDealtFirst() {
        #expect(Shard.partition(Self.paths, count: 2) { Self.sizes[$0]! } == [
            ["02-b.md", "03-c.md", "07-g.md", "10-j.md"],
            ["01-a.md", "04-d.md", "05-e.md", "06-f.md", "08-h.md", "09-i.md", "11-k.md"],
        ])
    }

    @Test func moreShardsThanChaptersLeavesSomeEmpty() {
        let shards = Shard.partition(["a.md", "b.md"], count: 4) { _ in 10 }
        #expect(shards == [["a.md"], ["b.md"], [], []])
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "2", "a/b", "1/2/3", "-1/2", ""]) func malformedShardsAreRejected(text: String) {
        #expect(Shard(text) == nil)
    }
}
