import Foundation
import Learning

// learning-benchmark DIGITS_CSV [--repeat N] [wide|tiny|digits|wide10|product|peak ...]
//
// Trains the benchmark workloads with Learning and prints one line each, in the format of
// Benchmarks/numpy_reference.py: `<name> seconds=<s> loss=<final cost>`, the time being the
// fastest of N runs (default 1); `wide10` is `wide` cut to 10 iterations, for instruction
// counts under valgrind (Benchmarks/kernel-counts.sh); `product` times the wide network's two big products alone
// (W X and dZ Xᵀ, fastest of 20) and prints their GFLOP/s; `peak` measures the machine's peak
// GFLOP/s for separate multiplies and adds, on one core and on all of them, with the vector
// width and chains that reached it, then each micro-kernel's rates (Peak.swift).
let usage = "usage: learning-benchmark DIGITS_CSV [--repeat N] [wide|tiny|digits|wide10|product|peak ...]"
var arguments = Array(CommandLine.arguments.dropFirst())
guard !arguments.isEmpty else {
    print(usage)
    exit(2)
}
let csv = arguments.removeFirst()
var repeats = 1
if arguments.first == "--repeat" {
    guard arguments.count >= 2, let n = Int(arguments[1]), n > 0 else {
        print("--repeat needs a positive number; " + usage)
        exit(2)
    }
    repeats = n
    arguments.removeFirst(2)
}
let names = arguments.isEmpty ? Workload.allCases.map(\.rawValue) + ["product", "peak"] : arguments
for name in names {
    do {
        switch Workload(rawValue: name) {
        case .wide: report(name, try fastest(of: repeats) { try trainWide() })
        case .tiny: report(name, try fastest(of: repeats, trainTiny))
        case .digits: report(name, try fastest(of: repeats) { try trainDigits(csv: csv) })
        case nil where name == "wide10":
            report(name, try trainWide(iterations: 10))
        case nil where name == "product":
            let (forward, gradient) = timeWideProducts()
            let flops = 2.0 * 8 * 12288 * 209
            print("product seconds=\(formatted(forward, 6)) gflops=\(formatted(flops / forward / 1e9, 2))")
            print("gradient seconds=\(formatted(gradient, 6)) gflops=\(formatted(flops / gradient / 1e9, 2))")
        case nil where name == "peak":
            let cores = ProcessInfo.processInfo.activeProcessorCount
            let one = Peak.measure(threads: 1), all = Peak.measure(threads: cores)
            let best = all.indices.max { all[$0] < all[$1] }!
            print("peak cores=\(cores) gflops1=\(formatted(one.max()!, 2)) gflops=\(formatted(all[best], 2))"
                  + " width=\(Peak.shapes[best].width) chains=\(Peak.shapes[best].chains)")
            for (index, shape) in Peak.shapes.enumerated() {
                print("shape width=\(shape.width) chains=\(shape.chains) gflops1=\(formatted(one[index], 2)) gflops=\(formatted(all[index], 2))")
            }
        case nil:
            print("unknown workload '\(name)': use wide, tiny, digits, wide10, product or peak")
            exit(2)
        }
    } catch {
        print("\(name): \(error)")
        exit(1)
    }
}

/// The run with the shortest time among `count` runs of `training` (all reach the same cost).
func fastest(of count: Int, _ training: () throws -> Outcome) rethrows -> Outcome {
    var best = try training()
    for _ in 1..<count {
        let outcome = try training()
        if outcome.seconds < best.seconds { best = outcome }
    }
    return best
}

func report(_ name: String, _ outcome: Outcome) {
    print("\(name) seconds=\(formatted(outcome.seconds, 4)) loss=\(formatted(outcome.cost, 10))")
}
