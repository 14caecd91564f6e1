import Foundation

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
    /// An option's value is out of range: the option, the value as given, what it must be.
    case badOption(String, String, String)
    /// There is nothing to check: no chapter files in the folder named.
    case noChapters(String)

    public var description: String {
        switch self {
        case .noSuchFile(let path): return "error: no such file: \(path)"
        case .noSuchChapter(let name): return "error: no chapter matches '\(name)'; give a path, a file name or a number like 4"
        case .noProjectRoot(let folder):
            return "error: no project found above \(folder); run book inside the repository (the folder with Package.swift and Sources/Learning)"
        case .compilerMissing(let detail): return "error: swiftc not found (\(detail)); install Swift 6 and put swiftc on PATH"
        case .libraryFailed(let output): return "error: could not compile Learning and Plot for the chapters:\n\(output)"
        case .io(let detail): return "error: \(detail)"
        case .badOption(let option, let value, let rule): return "error: \(option) \(value) is not allowed; give \(rule)"
        case .noChapters(let folder): return "error: no chapters found in \(folder); add NN-name.md files there, or name the files to check"
        }
    }
}

extension BookError {
    /// A failed write as one line for the user: what could not be written and why (the
    /// system's reason, not Foundation's error dump), and what to do.
    static func cannotWrite(_ path: String, _ error: Error) -> BookError {
        .io("cannot write \(path): \(reason(error, path: path)); make the folder writable, or remove it")
    }

    /// The system's reason behind a Foundation error, e.g. "permission denied"; with `path`,
    /// a file standing where a folder must be is named.
    static func reason(_ error: Error, path: String? = nil) -> String {
        var current = error as NSError
        while current.domain != NSPOSIXErrorDomain, let underlying = current.userInfo[NSUnderlyingErrorKey] as? NSError {
            current = underlying
        }
        if current.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(current.code))).lowercased() }
        if let path {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty && folder != "/" {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
                    if !isFolder.boolValue { return "\(folder) is a file, not a folder" }
                    if access(folder, W_OK) != 0 { return "\(folder) is not writable" }
                    break
                }
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        // Foundation's text without its "(NSCocoaErrorDomain error 512.)" tail.
        var text = current.localizedDescription
        if let tail = text.range(of: " (", options: .backwards), text.hasSuffix(".)") { text = String(text[..<tail.lowerBound]) }
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
