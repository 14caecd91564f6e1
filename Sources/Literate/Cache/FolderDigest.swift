import Foundation

/// The content of every file a chapter's program can read in its folder tree, as one digest:
/// part of the chapter's cache key, so editing `data/digits/train.csv` or a file beside the
/// chapter runs it again.
///
/// Rule: every regular file below the chapter's folder, at any depth, by relative path and
/// bytes; except the chapters themselves (`*.md` directly in the folder, each keyed by its
/// parsed content) and hidden files and folders (`.name`: editor swap files, `.git`). A
/// symbolic link is followed to the file it names. A file's bytes are read again only when its
/// size, inode, modification or change time (nanoseconds; no program can set the change time
/// back) differ from when it was last read, or when it changed so recently (under 2 s before
/// that read) that a second edit could hide behind unchanged dates. What was read is kept in
/// `.build/book/files.tsv` between checks.
enum FolderDigest {
    private struct Seen {
        var stamp: String
        var digest: String
        var readAt: Date
    }

    private static let seen = Locked<[String: Seen]>([:])
    /// Where the record of read files is kept, once `load(from:)` has read it.
    private static let record = Locked<(path: String?, dirty: Bool)>((nil, false))

    /// Reads the record of earlier checks from `file` (once per process).
    static func load(from file: String) {
        guard record.mutate({ state -> Bool in
            defer { state.path = state.path ?? file }
            return state.path == nil
        }) else { return }
        guard let data = FileManager.default.contents(atPath: file) else { return }
        var loaded: [String: Seen] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let readAt = Double(fields[3]) else { continue }
            loaded[String(fields[0])] = Seen(stamp: String(fields[1]), digest: String(fields[2]), readAt: Date(timeIntervalSince1970: readAt))
        }
        seen.mutate { $0.merge(loaded) { current, _ in current } }
    }

    /// Writes the record back when a file was read since; a failure only costs reading again.
    static func save() {
        guard let file = record.mutate({ state -> String? in
            defer { state.dirty = false }
            return state.dirty ? state.path : nil
        }) else { return }
        let text = seen.value.sorted { $0.key < $1.key }.map { path, entry in
            "\(path)\t\(entry.stamp)\t\(entry.digest)\t\(entry.readAt.timeIntervalSince1970)\n"
        }.joined()
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    /// The digest of the files below `folder` under the rule above.
    static func digest(of folder: String) -> String {
        var hash = SHA256()
        for file in files(in: folder) {
            hash.update(file)
            hash.update(contentDigest(of: folder + "/" + file))
        }
        return hash.hexDigest()
    }

    /// Relative paths of the files the rule keeps, sorted.
    static func files(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            if !relative.contains("/") && name.hasSuffix(".md") { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                found.append(relative)
            }
        }
        return found.sorted()
    }

    /// SHA-256 of one file's bytes, reusing the last one while the file is provably unchanged.
    static func fileDigest(of path: String) -> String { contentDigest(of: path) }

    private static func contentDigest(of path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return "unreadable" }
        let stamp = "\(status.st_size) \(status.st_ino) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)"
        let modified = Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
        if let known = seen.value[path], known.stamp == stamp, known.readAt.timeIntervalSince(modified) > 2 {
            return known.digest
        }
        let now = Date()
        guard let data = FileManager.default.contents(atPath: path) else { return "unreadable" }
        var hash = SHA256()
        hash.update(data)
        let digest = hash.hexDigest()
        seen.mutate { $0[path] = Seen(stamp: stamp, digest: digest, readAt: now) }
        record.mutate { $0.dirty = true }
        return digest
    }
}
