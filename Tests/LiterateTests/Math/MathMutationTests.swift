import Foundation
import Markdown
import Testing
@testable import Literate

/// Over every chapter of the book: moving the result of any numeric chain by one unit of its
/// last digit, away from the value the chain computes (two units after `\approx`, which allows
/// one), makes the math check fail at that side's line and column. `book check` reports exactly
/// these diagnostics (`Checker` adds `MathCheck.check(_:)` of each parsed chapter to every report).
@Suite struct MathMutationTests {
    static let chapters = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("chapters").path

    /// A chain's result: where its side starts, the file bytes of the number to change, and the
    /// number's text after the change.
    struct Mutation: Hashable { var location: Location; var range: Range<Int>; var replacement: String }

    /// One mutation per run of at least two numeric sides, on the last number with decimals of
    /// the run's last side (its last number when it has none).
    static func mutations(in text: String) -> [Mutation] {
        let lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { Array($0) }
        var starts = [0]
        for line in lines { starts.append(starts.last! + line.count + 1) }
        var found: [Mutation] = []
        for source in ChapterParser.parse(text, path: "mutated.md").math {
            let bytes = Array(source.text.utf8)
            for chain in MathChains.chains(MathLexer.tokens(source.text)) {
                let steps = MathChainRule.check(chain, text: bytes, locate: source.location(of:)).steps
                var run: [NumericSide] = []
                func close() {
                    defer { run = [] }
                    guard run.count >= 2, let side = run.last else { return }
                    let location = source.location(of: side.side.offset)
                    guard let step = steps.last(where: { $0.location == location }) else { return }
                    let order = side.literals.indices.sorted { side.literals[$0].offset < side.literals[$1].offset }
                    guard let index = order.last(where: { side.literals[$0].halfUnit > 0 }) ?? order.last else { return }
                    let literal = side.literals[index]
                    let decimals = literal.text.split(separator: ".").dropFirst().first?.count ?? 0
                    let unit = (side.side.relation == .approx ? 2 : 1) * pow(10, -Double(decimals))
                    // Whichever direction moves the side farther from what the chain computes.
                    func distance(_ delta: Double) -> Double {
                        var values = side.literals.map(\.value)
                        values[index] += delta
                        guard let moved = try? side.expression.evaluate(values), moved.isFinite else { return 0 }
                        return zip(moved.elements, step.computed).map { abs($0 - $1) }.max() ?? 0
                    }
                    let delta = distance(unit) >= distance(-unit) || literal.value < unit ? unit : -unit
                    let replacement = String(format: "%.\(decimals)f", literal.value + delta)
                    let at = source.location(of: literal.offset)
                    let start = starts[at.line - 1] + at.column - 1
                    found.append(Mutation(location: location, range: start..<start + literal.text.utf8.count, replacement: replacement))
                }
                for side in chain {
                    if side.relation == .unchecked { close() }
                    if let numeric = (try? NumericSide(side)) ?? nil { run.append(numeric) } else { close() }
                }
                close()
            }
        }
        return found
    }

    @Test func movingAnyChainsResultByOneUnitFailsAtItsLine() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: MathMutationTests.chapters).filter { $0.hasSuffix(".md") }.sorted()
        #expect(names.count >= 10)
        var total = 0
        var missed: [String] = []
        for name in names {
            let text = try String(contentsOfFile: MathMutationTests.chapters + "/" + name, encoding: .utf8)
            #expect(MathCheck.check(text: text, path: name).diagnostics.isEmpty, "\(name) must pass before it is changed")
            for mutation in MathMutationTests.mutations(in: text) {
                var bytes = Array(text.utf8)
                bytes.replaceSubrange(mutation.range, with: Array(mutation.replacement.utf8))
                let changed = MathCheck.check(text: String(decoding: bytes, as: UTF8.self), path: name)
                total += 1
                if !changed.diagnostics.contains(where: { $0.location == mutation.location }) {
                    missed.append("\(name):\(mutation.location) (\(mutation.replacement))")
                }
            }
        }
        #expect(total >= 250, "only \(total) chain results found")
        #expect(missed.isEmpty, "a changed result went unnoticed at \(missed)")
        print("math mutations: \(total) chain results moved by one unit of their last digit, \(total - missed.count) failed at their line")
    }
}
