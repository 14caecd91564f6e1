import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `-march=native` resolves to on this machine, as text for the libraries' cache key: a
/// library built for one processor's vector instructions must not be reused on another.
///
/// Linux: the first processor's vendor, model name and flags from `/proc/cpuinfo`. macOS: the
/// same from `sysctl` (`machdep.cpu.*`; an Apple processor has only a brand string). Empty
/// elsewhere.
enum MachineDescription {
    static let current: String = {
        #if os(Linux)
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "" }
        let firstCPU = text.components(separatedBy: "\n\n").first ?? ""
        return firstCPU.split(separator: "\n")
            .filter { $0.hasPrefix("model name") || $0.hasPrefix("flags") || $0.hasPrefix("vendor_id") }
            .joined(separator: "\n")
        #elseif os(macOS)
        return ["machdep.cpu.vendor", "machdep.cpu.brand_string", "machdep.cpu.features", "machdep.cpu.leaf7_features"]
            .compactMap(sysctlText).joined(separator: "\n")
        #else
        return ""
        #endif
    }()

    #if os(macOS)
    /// `name: value` for a string-valued `sysctl` entry; nil when the machine has no such entry.
    private static func sysctlText(_ name: String) -> String? {
        var size = 0
        guard sysctlbyname(name, nil, &size, nil, 0) == 0, size > 0 else { return nil }
        var buffer = [CChar](repeating: 0, count: size)
        guard sysctlbyname(name, &buffer, &size, nil, 0) == 0 else { return nil }
        return name + ": " + String(cString: buffer)
    }
    #endif
}
