import Foundation
import Learning

/// What went wrong reading the digits file.
struct DigitsError: Error, CustomStringConvertible {
    var description: String
}

/// The handwritten digits from `csv` (one example per line: 64 pixels 0...16, then the
/// digit): inputs (64, m) scaled to [0, 1] by dividing by 16, one-hot targets (10, m).
func digitsData(csv path: String) throws -> (inputs: Matrix, targets: Matrix) {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw DigitsError(description: "\(path): cannot read the digits file; pass its path as the first argument")
    }
    let lines = text.split(whereSeparator: \.isNewline)
    let m = lines.count
    var pixels = [Double](repeating: 0, count: 64 * m)
    var targets = [Double](repeating: 0, count: 10 * m)
    for (j, line) in lines.enumerated() {
        let fields = line.split(separator: ",").compactMap { Double($0) }
        guard fields.count == 65, let digit = Int(exactly: fields[64]), (0..<10).contains(digit) else {
            throw DigitsError(description: "\(path):\(j + 1): expected 64 pixels and a digit 0-9")
        }
        for i in 0..<64 { pixels[i * m + j] = fields[i] / 16 }
        targets[digit * m + j] = 1
    }
    return (Matrix(rows: 64, columns: m, elements: pixels), Matrix(rows: 10, columns: m, elements: targets))
}
