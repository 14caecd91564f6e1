/// A problem that stops `book` before it can check anything: a usage or environment problem
/// (exit status 2), as opposed to a `Diagnostic` in a chapter (exit status 1).
public enum BookError: Error, Equatable, CustomStringConvertible {
    /// A chapter file given on the command line does not exist.
    case noSuchFile(String)
    /// A chapter given by number or name matches no file in `chapters/`.
    case noSuchChapter(String)
    /// No folder above the current one holds Package.swift and Sources/Learning.
    case noProjectRoot(String)
    /// `swiftc` could not be found or run.
    case compilerMissing(String)
    /// Building the Learning and Plot libraries for chapters failed.
    case libraryFailed(String)
    /// Reading or writing a file inside `.build/` failed.
    case io(String)

    public var description: String {
        switch self {
        case .noSuchFile(let path): return "error: no such file: \(path)"
        case .noSuchChapter(let name): return "error: no chapter matches '\(name)'; give a path, a file name or a number like 4"
        case .noProjectRoot(let folder):
            return "error: no project found above \(folder); run book inside the repository (the folder with Package.swift and Sources/Learning)"
        case .compilerMissing(let detail): return "error: swiftc not found (\(detail)); install Swift 6 and put swiftc on PATH"
        case .libraryFailed(let output): return "error: could not compile Learning and Plot for the chapters:\n\(output)"
        case .io(let detail): return "error: \(detail)"
        }
    }
}
