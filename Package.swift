// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "HowNeuralNetworksLearn",
    products: [
        .executable(name: "book", targets: ["book"]),
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "Plot", targets: ["Plot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libcmark, the CommonMark reference parser (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The only module that imports CCmark: Markdown in, plain Swift values out.
        .target(name: "Markdown", dependencies: ["CCmark"]),
        // The neural-network library the chapters teach and use. Pure Swift, never prints.
        .target(name: "Learning"),
        // SVG figures drawn by chapter code. Pure Swift, no dependencies.
        .target(name: "Plot", exclude: ["README.md"]),
        // The engine: chapters -> code blocks -> program -> run -> checks -> diagnostics.
        .target(name: "Literate", dependencies: ["Markdown"]),
        // The website: chapters and check results -> HTML pages.
        .target(name: "Site", dependencies: ["Markdown", "Literate"]),
        // The thin command-line tool.
        .executableTarget(
            name: "book",
            dependencies: [
                "Literate", "Site",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Trains the benchmark workloads with Learning; compared with NumPy by Benchmarks/learning.sh.
        .executableTarget(name: "learning-benchmark", dependencies: ["Learning"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot"]),
        .testTarget(name: "LiterateTests", dependencies: ["Literate"], exclude: ["Fixtures"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Literate"]),
    ]
)
