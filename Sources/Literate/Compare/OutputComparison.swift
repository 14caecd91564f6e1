/// Compares what a block printed with its ```` ```output ```` block, line by line and number by
/// number, and says where every difference is.
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

    /// Every difference between the expected text and `actual`, in the block's order; empty
    /// when they match.
    ///
    /// Lines are paired in order, so a wrong line does not hide the ones after it: each
    /// mismatching line is reported (every wrong number in it, when the line's text matches).
    /// A printed line missing from the block, or one the program did not print, is recognised
    /// when the next line pairs up again, so one such line is one mismatch, not a cascade.
    /// After a `...` whose next line no printed line matches, or past the end of either side,
    /// the pairing is lost: that is the last mismatch reported.
    func mismatches(actual: String) -> [Mismatch] {
        let want = OutputComparison.lines(expected.text)
        let got = OutputComparison.lines(actual)
        var found: [Mismatch] = []
        var i = 0, j = 0
        while i < want.count {
            if want[i] == "..." {
                i += 1
                guard i < want.count else { return found }
                if want[i] == "..." { continue }
                // Skip printed lines up to the first that matches the line after `...`.
                guard let match = (j..<got.count).first(where: { compare(want[i], got[$0], line: i).isEmpty }) else {
                    return found + [Mismatch(location: at(line: i, offset: 0),
                                             message: "expected \(quote(want[i])) after the skipped lines, but no printed line matches it")]
                }
                j = match
            }
            guard j < got.count else {
                return found + [Mismatch(location: at(line: i, offset: 0),
                                         message: "expected \(quote(want[i])), but the block printed nothing more")]
            }
            let problems = compare(want[i], got[j], line: i)
            // When the two sides differ in length, one line in excess on one side is recognised
            // by the next line pairing up again.
            if !problems.isEmpty, got.count - j > want.count - i, j + 1 < got.count,
               compare(want[i], got[j + 1], line: i).isEmpty {
                found.append(Mismatch(location: at(line: i, offset: 0),
                                      message: "the block printed \(quote(got[j])) before this line; add it to the output block"))
                j += 1
                continue
            }
            if !problems.isEmpty, want.count - i > got.count - j, i + 1 < want.count, want[i + 1] != "...",
               compare(want[i + 1], got[j], line: i + 1).isEmpty {
                found.append(Mismatch(location: at(line: i, offset: 0),
                                      message: "expected \(quote(want[i])), but the program did not print this line"))
                i += 1
                continue
            }
            found += problems
            i += 1
            j += 1
        }
        if j < got.count {
            found.append(Mismatch(location: Location(line: expected.firstLine + want.count, column: expected.column),
                                  message: "the block printed more: \(quote(got[j])); add it to the output block, or end the block with a line '...'"))
        }
        return found
    }

    /// Compares one expected line with one printed line: every wrong number when the text
    /// around the numbers matches, else one mismatch for the line.
    private func compare(_ want: String, _ got: String, line: Int) -> [Mismatch] {
        let expectedTokens = WrittenNumber.tokens(in: want)
        let actualTokens = WrittenNumber.tokens(in: got)
        let wholeLine = "expected \(quote(want)), got \(quote(got))"
        var found: [Mismatch] = []
        for (index, token) in expectedTokens.enumerated() {
            guard index < actualTokens.count else {
                return [Mismatch(location: at(line: line, offset: offset(token)), message: wholeLine)]
            }
            switch (token, actualTokens[index]) {
            case (.number(let written), .number(let printed)):
                if !written.matches(printed.value, tolerance: expected.tolerance) {
                    found.append(Mismatch(location: at(line: line, offset: written.offset),
                                          message: "expected \(written.text) (\(written.claim(expected.tolerance))), got \(printed.text)"))
                } else if expected.tolerance == nil, !printed.matches(written.value) {
                    found.append(Mismatch(location: at(line: line, offset: written.offset),
                                          message: OutputComparison.roundedMessage(written: written, printed: printed)))
                }
            case (.text(let a, _), .text(let b, _)) where a == b:
                continue
            default:
                var shared = 0
                if case .text(let a, _) = token, case .text(let b, _) = actualTokens[index] { shared = commonPrefix(a, b) }
                return [Mismatch(location: at(line: line, offset: offset(token) + shared), message: wholeLine)]
            }
        }
        if actualTokens.count > expectedTokens.count {
            return [Mismatch(location: at(line: line, offset: want.utf8.count), message: wholeLine)]
        }
        return found
    }

    /// The message for a block that shows fewer digits than the program printed: it names the
    /// call that prints that many decimals (`Learning`'s `formatted(decimals:)`, on a `Double`
    /// or a `Matrix`), so the block and the program can agree.
    static func roundedMessage(written: WrittenNumber, printed: WrittenNumber) -> String {
        let mantissa = written.text.prefix { $0 != "e" && $0 != "E" }
        let decimals = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        let how = mantissa.count == written.text.count
            ? "print \(decimals) decimal\(decimals == 1 ? "" : "s") in the code with `.formatted(decimals: \(decimals))`"
            : "print fewer digits in the code"
        return "the block shows \(written.text), but the program printed \(printed.text); write the printed digits, or "
            + how + " (an output block shows what the program prints; give it a tolerance to compare approximately)"
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
