import Foundation

/// One of N CI jobs that together check every chapter exactly once: `book check --shard K/N`.
///
/// The partition is deterministic and balanced by chapter: chapters are dealt largest first
/// (by file size, ties by path), each to the shard with the fewest bytes so far (ties to the
/// lowest K), the longest-processing-time rule. Every job computes the same partition from the
/// same checkout, so no chapter is missed or checked twice, and no shard carries more than
/// one chapter's worth of bytes beyond another.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    /// K: which shard, from 1.
    public var index: Int
    /// N: how many shards.
    public var count: Int

    /// The most shards a check may be split into (a CI matrix has at most 256 jobs).
    public static let maximumCount = 1000

    /// A shard from `K/N` with 1 <= K <= N <= 1000; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              (1...Shard.maximumCount).contains(count), (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// What to say when `--shard` is not `K/N`.
    public static let usage = "wants K/N with 1 <= K <= N <= 1000, e.g. 2/4"

    /// This shard's chapters among `paths`, in the order given.
    public func select(_ paths: [String], size: (String) -> Int = Shard.fileSize) -> [String] {
        Shard.partition(paths, count: count, size: size)[index - 1]
    }

    /// `paths` split into `count` shards, each in the order given; together they hold every
    /// path exactly once (duplicates in `paths` go to one shard together).
    public static func partition(_ paths: [String], count: Int, size: (String) -> Int = Shard.fileSize) -> [[String]] {
        let unique = paths.enumerated().filter { paths.firstIndex(of: $0.element) == $0.offset }.map(\.element)
        let sizes = Dictionary(uniqueKeysWithValues: unique.map { ($0, size($0)) })
        let dealt = unique.sorted { (-sizes[$0]!, $0) < (-sizes[$1]!, $1) }
        var loads = [Int](repeating: 0, count: max(1, count))
        var owner: [String: Int] = [:]
        for path in dealt {
            let lightest = loads.indices.min { (loads[$0], $0) < (loads[$1], $1) }!
            owner[path] = lightest
            loads[lightest] += sizes[path]!
        }
        var shards = [[String]](repeating: [], count: loads.count)
        for path in paths { shards[owner[path]!].append(path) }
        return shards
    }

    /// A chapter's size in bytes; 0 when it cannot be read (the check then reports it).
    public static func fileSize(_ path: String) -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }
}
