import Foundation

/// Why a program stopped early, read from its standard error: the runtime's message and the
/// innermost backtrace frame in the chapter.
struct Trap: Hashable, Sendable {
    /// e.g. `Fatal error: Index out of range`.
    var message: String
    /// The Markdown line and column of the innermost chapter frame, if the backtrace has one.
    var location: Location?

    init(stderr: String, path: String, signal: Int32?) {
        let lines = stderr.split(separator: "\n")
        let kinds = ["Fatal error", "Precondition failed", "Assertion failed", "Unexpectedly found nil"]
        if let line = lines.first(where: { line in kinds.contains { line.contains($0) } }),
           let start = kinds.compactMap({ line.range(of: $0)?.lowerBound }).min() {
            message = String(line[start...])
        } else if let crash = lines.first(where: { $0.contains("*** Program crashed: ") }) {
            let text = crash.components(separatedBy: "*** Program crashed: ").last ?? ""
            message = "crashed: " + (text.components(separatedBy: " at 0x").first ?? text)
                .replacingOccurrences(of: " ***", with: "")
        } else if let signal {
            message = "crashed with signal \(signal)"
        } else {
            message = "crashed"
        }
        location = nil
        // A frame reads `... in program at /path/chapter.md:10:9`; the backtracer may show the
        // path relative to the folder the program was compiled in, so a suffix matches too.
        for line in lines {
            guard let at = line.range(of: " at ", options: .backwards) else { continue }
            let place = line[at.upperBound...].split(separator: ":", omittingEmptySubsequences: false)
            guard place.count >= 3, let lineNumber = Int(place[place.count - 2]),
                  let column = Int(place[place.count - 1].prefix { $0.isNumber }) else { continue }
            let file = place.dropLast(2).joined(separator: ":")
            if file == path || path.hasSuffix("/" + file) {
                location = Location(line: lineNumber, column: max(1, column))
                break
            }
        }
    }
}
