/// Stops the program with `message` when `condition` is false.
///
/// Unlike `precondition`, whose message an optimised build drops, this message survives
/// `-O`: `book` compiles Plot with optimisation, and a chapter author who passes a wrong
/// shape must still read what to fix.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
             file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
