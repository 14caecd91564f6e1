import Foundation
import Learning

// learning-benchmark DIGITS_CSV [wide|tiny|digits|product ...]
//
// Trains the benchmark workloads with Learning and prints one line each, in the format of
// Benchmarks/numpy_reference.py: `<name> seconds=<s> loss=<final cost>`; `product` times
// the wide network's big product W X alone and prints its GFLOP/s.
let arguments = CommandLine.arguments.dropFirst()
guard let csv = arguments.first else {
    print("usage: learning-benchmark DIGITS_CSV [wide|tiny|digits|product ...]")
    exit(2)
}
let names = arguments.count > 1 ? Array(arguments.dropFirst()) : Workload.allCases.map(\.rawValue) + ["product"]
for name in names {
    do {
        switch Workload(rawValue: name) {
        case .wide: report(name, try trainWide())
        case .tiny: report(name, try trainTiny())
        case .digits: report(name, try trainDigits(csv: csv))
        case nil where name == "product":
            let time = timeWideProduct()
            let flops = 2.0 * 8 * 12288 * 209
            print("product seconds=\(formatted(time, 6)) gflops=\(formatted(flops / time / 1e9, 2))")
        case nil:
            print("unknown workload '\(name)': use wide, tiny, digits or product")
            exit(2)
        }
    } catch {
        print("\(name): \(error)")
        exit(1)
    }
}

func report(_ name: String, _ outcome: Outcome) {
    print("\(name) seconds=\(formatted(outcome.seconds, 4)) loss=\(formatted(outcome.cost, 10))")
}
