/// Compares what a block printed with its ```` ```output ```` block, line by line and number by
/// number, and says where the first difference is.
///
/// Rules: trailing spaces and trailing blank lines are ignored; each line is cut into numbers and
/// text (`WrittenNumber.tokens`); text must be equal, and each written number must match the
/// printed one at its written precision, widened by the block's tolerance; an expected line that
/// is exactly `...` matches zero or more printed lines.
///
/// Without a tolerance, a block shows what the program printed: a written number must also
/// match the printed one at the printed precision, so `0.5866` for a printed `0.586612` is a
/// mismatch (a reader of the Markdown takes the block for the program's output), while `0.50`
/// for `0.5` and `1.2e-3` for `0.0012` pass (the same value).
struct OutputComparison {
    /// A difference: where in the output block, and what to say.
    struct Mismatch: Hashable, Sendable {
        var location: Location
        var message: String
    }

    let expected: ExpectedOutput

    /// The first difference between the expected text and `actual`, or nil when they match.
    func firstMismatch(actual: String) -> Mismatch? {
        let want = OutputComparison.lines(expected.text)
        let got = OutputComparison.lines(actual)
        var i = 0, j = 0
        while i < want.count {
            if want[i] == "..." {
                i += 1
                guard i < want.count else { return nil }
                if want[i] == "..." { continue }
                // Skip printed lines up to the first that matches the line after `...`.
                guard let found = (j..<got.count).first(where: { compare(want[i], got[$0], line: i) == nil }) else {
                    return Mismatch(location: at(line: i, offset: 0),
                                    message: "expected \(quote(want[i])) after the skipped lines, but no printed line matches it")
                }
                j = found
            }
            guard j < got.count else {
                return Mismatch(location: at(line: i, offset: 0),
                                message: "expected \(quote(want[i])), but the block printed nothing more")
            }
            if let mismatch = compare(want[i], got[j], line: i) { return mismatch }
            i += 1
            j += 1
        }
        if j < got.count {
            return Mismatch(location: Location(line: expected.firstLine + want.count, column: expected.column),
                            message: "the block printed more: \(quote(got[j])); add it to the output block, or end the block with a line '...'")
        }
        return nil
    }

    /// Compares one expected line with one printed line.
    private func compare(_ want: String, _ got: String, line: Int) -> Mismatch? {
        let expectedTokens = WrittenNumber.tokens(in: want)
        let actualTokens = WrittenNumber.tokens(in: got)
        for (index, token) in expectedTokens.enumerated() {
            guard index < actualTokens.count else {
                return Mismatch(location: at(line: line, offset: offset(token)), message: "expected \(quote(want)), got \(quote(got))")
            }
            switch (token, actualTokens[index]) {
            case (.number(let written), .number(let printed)):
                if !written.matches(printed.value, tolerance: expected.tolerance) {
                    let allowance = WrittenNumber.format(written.allowance(expected.tolerance))
                    return Mismatch(location: at(line: line, offset: written.offset),
                                    message: "expected \(written.text) (±\(allowance)), got \(printed.text)")
                }
                if expected.tolerance == nil, !printed.matches(written.value) {
                    return Mismatch(location: at(line: line, offset: written.offset),
                                    message: "the block shows \(written.text), but the program printed \(printed.text); "
                                        + "write the printed digits, or print fewer decimals in the code (an output block shows "
                                        + "what the program prints; give it a tolerance to compare approximately)")
                }
            case (.text(let a, _), .text(let b, _)) where a == b:
                continue
            default:
                var shared = 0
                if case .text(let a, _) = token, case .text(let b, _) = actualTokens[index] { shared = commonPrefix(a, b) }
                return Mismatch(location: at(line: line, offset: offset(token) + shared), message: "expected \(quote(want)), got \(quote(got))")
            }
        }
        if actualTokens.count > expectedTokens.count {
            return Mismatch(location: at(line: line, offset: want.utf8.count), message: "expected \(quote(want)), got \(quote(got))")
        }
        return nil
    }

    private func at(line: Int, offset: Int) -> Location {
        Location(line: expected.firstLine + line, column: expected.column + offset)
    }

    private func offset(_ token: OutputToken) -> Int {
        switch token {
        case .number(let number): return number.offset
        case .text(_, let offset): return offset
        }
    }

    /// Bytes shared at the start of both strings.
    private func commonPrefix(_ a: String, _ b: String) -> Int {
        zip(a.utf8, b.utf8).prefix { $0 == $1 }.count
    }

    private func quote(_ line: String) -> String {
        let shown = line.count > 80 ? String(line.prefix(77)) + "..." : line
        return "\"\(shown)\""
    }

    /// Lines with trailing spaces removed, without trailing blank lines.
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            return String(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
