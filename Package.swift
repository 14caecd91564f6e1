// swift-tools-version:6.0
import Foundation
import PackageDescription

// Learning's kernels are compiled for the vector instructions of the machine that builds
// them (AVX-512 or AVX2 on x86-64, not just the SSE2 every x86-64 has): the same flags as
// `book` uses for chapters (Sources/Literate/Run/Toolchain.swift, `libraryFlags`). Results do not
// depend on them, since no multiply is fused with its add; but a binary built here stops
// with "illegal instruction" on a CPU that lacks one of this CPU's extensions.
#if arch(x86_64)
let machineCode: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-march=native"])]
#else
let machineCode: [SwiftSetting] = []
#endif

// The Markdown reader, the engine and the site renderer are optimised in debug builds too,
// since `swift run book` is how authors and readers run them: a repeat check took 0.22 s
// unoptimised (a quarter of it in SHA-256 and the math checker) and 0.11 s so; rendering the
// site's pages, 0.44 s of processor time and 0.25 s so; parsing and rendering 25,000 inline
// formulas, 1.0 s of processor time in libcmark's tree alone unoptimised, 0.25 s in all so.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "HowNeuralNetworksLearn",
    products: [
        .executable(name: "book", targets: ["book"]),
        // `book serve`'s server, a product of its own: `swift run book` never builds it.
        .executable(name: "book-serve", targets: ["book-serve"]),
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "Plot", targets: ["Plot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // HTTP for `book serve` (a small async server on plain sockets; about 22 s to build
        // the first time, against about 190 s for Hummingbird's SwiftNIO).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libcmark, the CommonMark reference parser (Debian: libcmark-dev; Homebrew: cmark).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The only module that imports CCmark: Markdown in, plain Swift values out.
        .target(name: "Markdown", dependencies: ["CCmark"], swiftSettings: optimisedInDebug),
        // The neural-network library the chapters teach and use. Pure Swift, never prints.
        .target(name: "Learning", swiftSettings: machineCode),
        // SVG figures drawn by chapter code. Pure Swift, no dependencies. Optimised in debug
        // builds too: the site escapes every page's text with its `escapeXML` (a tenth of the
        // rendering unoptimised).
        .target(name: "Plot", exclude: ["README.md"], swiftSettings: optimisedInDebug),
        // What Swift cannot call: the code between fork and exec that confines a chapter's
        // program (Landlock, memory limit, death with book), and a watchdog that outlives book.
        .target(name: "CSandbox"),
        // The calls of the toolchain's libIndexStore (loaded at run time) that read which symbol
        // each name in a chapter's code refers to: Swift cannot declare them (struct returns).
        .target(name: "CIndexStore"),
        // The engine: chapters -> code blocks -> program -> run -> checks -> diagnostics.
        // It imports Plot for `escapeXML`, the one XML escaper (Plot stays dependency-free: it is
        // also compiled on its own for chapter code).
        .target(name: "Literate", dependencies: ["Markdown", "Plot", "CSandbox", "CIndexStore"], swiftSettings: optimisedInDebug),
        // The website: chapters and check results -> HTML pages.
        .target(name: "Site", dependencies: ["Markdown", "Literate", "Plot"], swiftSettings: optimisedInDebug),
        // The thin command-line tool.
        .executableTarget(
            name: "book",
            dependencies: [
                "Literate", "Site",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `book serve`: the site, live reload and runs of edited chapter code, behind the
        // protections of BookServer/AccessPolicy.swift. Built only when `book serve` asks.
        .target(
            name: "BookServer",
            dependencies: ["Literate", "Site", .product(name: "FlyingFox", package: "FlyingFox")],
            swiftSettings: optimisedInDebug
        ),
        .executableTarget(
            name: "book-serve",
            dependencies: ["BookServer", "Literate", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Trains the benchmark workloads with Learning; compared with NumPy by Benchmarks/learning.sh.
        .executableTarget(name: "learning-benchmark", dependencies: ["Learning"], swiftSettings: machineCode),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot"], exclude: ["Golden"]),
        .testTarget(name: "LiterateTests", dependencies: ["Literate"], exclude: ["Fixtures"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Literate"]),
        .testTarget(name: "BookServerTests", dependencies: ["BookServer", "Literate", "Site"], exclude: ["Fixtures"]),
    ]
)

// swift-docc-plugin, for `BOOK_DOCC=1 swift package generate-documentation --target Learning`
// (the DocC catalog is Sources/Learning/Learning.docc; the Swift Package Index adds the plugin
// itself). Only when asked: the quick start's `swift build` neither resolves nor fetches it.
if ProcessInfo.processInfo.environment["BOOK_DOCC"] != nil {
    package.dependencies.append(.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"))
}
