extension ChapterReport {
    /// The closing line of `book check`: chapters passed and failed, then what was checked, e.g.
    /// `12 passed, 0 failed (735 printed numbers, 103 prose numbers, 20 claims, 472 math steps checked;
    /// 3 steps marked unchecked)`.
    ///
    /// Printed numbers are the numbers of the output blocks of blocks that ran; prose numbers
    /// the `check:` links compared with a recorded value; claims the `check:` links whose code
    /// recorded a `Bool` (an experiment's outcome); math steps the `P = C` steps of the
    /// math's chains; steps marked unchecked the `\mathrel{=}` the authors wrote.
    public static func summary(_ reports: [ChapterReport]) -> String {
        let failed = reports.filter { !$0.passed }.count
        let printed = reports.reduce(0) { $0 + $1.printedNumbers }
        let prose = reports.reduce(0) { $0 + $1.checks.filter { $0.computed != nil && !$0.claim }.count }
        let claims = reports.reduce(0) { $0 + $1.checks.filter(\.claim).count }
        let steps = reports.reduce(0) { $0 + $1.math.count }
        let unchecked = reports.reduce(0) { $0 + $1.uncheckedMath.count }
        return "\(reports.count - failed) passed, \(failed) failed (\(count(printed, "printed number")), "
            + "\(count(prose, "prose number")), \(count(claims, "claim")), \(count(steps, "math step")) checked; "
            + "\(count(unchecked, "step")) marked unchecked)"
    }

    /// The numbers in the output blocks of the blocks that ran.
    var printedNumbers: Int {
        guard let chapter else { return 0 }
        let ran = Set(blocks.filter(\.ran).map(\.index))
        return chapter.blocks.reduce(0) { total, block in
            guard ran.contains(block.index), let expected = block.expected else { return total }
            return total + WrittenNumber.tokens(in: expected.text).filter {
                if case .number = $0 { return true } else { return false }
            }.count
        }
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
