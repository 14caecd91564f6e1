import Foundation

/// Removes what `book check` no longer needs from `.build/book/`, after a check that finished.
///
/// Every entry's modification date is its last use: `Toolchain.prepare` refreshes the library
/// folder it uses and `ReportCache.load` the report it answers with. The rules:
/// - `lib/`: every folder except the current libraries, once unused for `libraryGrace` (an hour).
///   Not at once: another check may have started on an older Learning a moment ago (a teammate
///   editing Learning, a test run that compiled its libraries before the edit), and compiling
///   Learning again costs a minute, so an hour-old spare is cheap to keep.
/// - `reports/`: every report unused for `reportAge` (7 days). Reports of chapters that are
///   back to an old state are worth keeping for a while; nothing cheaper tells them apart.
/// - `work/`: folders a killed check left behind, once unused for `libraryGrace`.
///
/// Nothing outside `<cache>/lib`, `<cache>/reports` and `<cache>/work` is touched, and nothing
/// at all unless the cache folder is a `.build/book` folder. Failures to remove are ignored:
/// pruning only saves space.
struct CachePruning: Sendable {
    /// The cache folder, `<root>/.build/book`.
    let folder: String
    /// How long a library or work folder other than the current one is kept after its last use.
    var libraryGrace: TimeInterval = 60 * 60
    /// How long a report is kept after its last use.
    var reportAge: TimeInterval = 7 * 24 * 60 * 60

    init(project: Project) {
        folder = project.cacheFolder
    }

    /// Removes the stale entries, keeping the library folder `currentLibrary` whatever its age;
    /// returns the paths removed.
    @discardableResult
    func prune(keepingLibrary currentLibrary: String, now: Date = Date()) -> [String] {
        guard URL(fileURLWithPath: folder).standardizedFileURL.path.hasSuffix("/.build/book") else { return [] }
        let current = (currentLibrary as NSString).lastPathComponent
        var removed: [String] = []
        removed += remove(in: folder + "/lib", olderThan: now.addingTimeInterval(-libraryGrace)) { $0 != current }
        removed += remove(in: folder + "/reports", olderThan: now.addingTimeInterval(-reportAge)) { $0.hasSuffix(".json") }
        removed += remove(in: folder + "/work", olderThan: now.addingTimeInterval(-libraryGrace)) { _ in true }
        return removed
    }

    /// Removes at once what a check that has ended (killed, even by SIGKILL) left: the staging
    /// folders of a library build (`lib/<key>.tmp-<pid>-<id>`) and work folders
    /// (`work/<key>-<pid>`) whose process no longer runs. Returns the paths removed.
    @discardableResult
    func removeLeftoversOfEndedChecks() -> [String] {
        guard URL(fileURLWithPath: folder).standardizedFileURL.path.hasSuffix("/.build/book") else { return [] }
        var removed: [String] = []
        for (subfolder, marker) in [("lib", ".tmp-"), ("work", "-")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + subfolder)) ?? []
            for name in names {
                guard let range = name.range(of: marker, options: subfolder == "work" ? .backwards : []) else { continue }
                let digits = name[range.upperBound...].prefix { $0.isNumber }
                guard let pid = pid_t(digits), EndedProcess.hasEnded(pid) else { continue }
                let path = folder + "/" + subfolder + "/" + name
                if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
            }
        }
        return removed
    }

    /// Removes the direct entries of `subfolder` that `include` accepts and that were last
    /// modified before `cutoff`. A symbolic link is removed itself, never what it points to.
    private func remove(in subfolder: String, olderThan cutoff: Date, where include: (String) -> Bool) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: subfolder)) ?? []
        var removed: [String] = []
        for name in names.sorted() where include(name) {
            let path = subfolder + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let date = attributes[.modificationDate] as? Date, date < cutoff else { continue }
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed
    }

    /// Marks `path` as used now, so pruning keeps it.
    static func markUsed(_ path: String) {
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
    }
}
