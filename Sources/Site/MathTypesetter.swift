import Foundation

/// How the build turns every formula of the book into HTML: KaTeX run by node in one batch,
/// answered from the cache where it can, or not at all (the TeX is shown, with a note).
public struct MathTypesetter: Sendable {
    /// Files the pages need for typeset math (KaTeX's stylesheet and fonts).
    public var assets: [String: [UInt8]]
    /// Typesets a batch of formulas, one result each, in order; nil shows the TeX.
    var batch: (@Sendable ([MathRequest]) throws -> [MathResult])?
    /// Where earlier answers are kept; nil keeps none.
    var cacheFolder: URL?
    var katexScript: URL?
    /// Why math is not typeset, to tell the user; nil when it is.
    public var note: String?

    /// Shows every formula as TeX, with `note` as the reason.
    public static func none(note: String? = KaTeX.installHint) -> MathTypesetter {
        MathTypesetter(assets: [:], batch: nil, cacheFolder: nil, katexScript: nil, note: note)
    }

    /// A typesetter from a batch function (tests use one that needs no node).
    public init(assets: [String: [UInt8]], batch: (@Sendable ([MathRequest]) throws -> [MathResult])?) {
        self.init(assets: assets, batch: batch, cacheFolder: nil, katexScript: nil, note: nil)
    }

    init(assets: [String: [UInt8]], batch: (@Sendable ([MathRequest]) throws -> [MathResult])?,
         cacheFolder: URL?, katexScript: URL?, note: String?) {
        self.assets = assets
        self.batch = batch
        self.cacheFolder = cacheFolder
        self.katexScript = katexScript
        self.note = note
    }

    /// KaTeX from `folder` run by the `node` on `PATH`, with answers kept in `cacheFolder`;
    /// `none` (with the install hint) when either is missing.
    public static func katex(folder: URL = KaTeX.debianFolder, node: URL? = KaTeX.node(), cacheFolder: URL?) -> MathTypesetter {
        guard let node, let assets = KaTeX.files(in: folder) else { return .none() }
        let batch = KaTeXBatch(node: node, katex: KaTeX.script(in: folder))
        return MathTypesetter(assets: assets, batch: batch.typeset, cacheFolder: cacheFolder,
                              katexScript: batch.katex, note: nil)
    }

    /// Whether formulas come out typeset.
    public var typesets: Bool { batch != nil }

    /// Every request's result: from the cache where it has one (refusals included), the rest
    /// typeset in one batch; the cache is then left holding exactly these formulas. Empty when
    /// not typesetting.
    public func typeset(_ requests: Set<MathRequest>) throws -> [MathRequest: MathResult] {
        guard let batch else { return [:] }
        var cache = cacheFolder.flatMap { folder in katexScript.map { MathCache(folder: folder, katex: $0) } }
        var results: [MathRequest: MathResult] = [:]
        var missing: [MathRequest] = []
        for request in requests.sorted() {
            if let known = cache?.entries[request] { results[request] = known } else { missing.append(request) }
        }
        if !missing.isEmpty {
            for (request, result) in zip(missing, try batch(missing)) { results[request] = result }
        }
        cache?.store(results)
        return results
    }
}
