/// Reading numeric CSV files: one example per line, numbers separated by commas.
///
/// Header rule: the first line is skipped as a header when it holds something that is not a
/// number, or when its number of fields differs from the next line's. This covers the
/// scikit-learn style first line `150,4,setosa,versicolor,virginica` (which gives the counts
/// and class names) and an ordinary line of column names. Blank lines are ignored; every
/// other line must have as many numbers as the first data line.
public enum CSV {
    /// The numbers of the file at `path`, one array per data line.
    ///
    /// - Throws: `CSVError` naming the file and line when the file cannot be read, a field is
    ///   not a number, or a line has the wrong number of fields.
    public static func read(_ path: String) throws -> [[Double]] {
        guard let text = TextFile.read(path) else {
            throw CSVError(path: path, line: 0, message: "cannot read the file: check the path (relative to the working directory)")
        }
        return try parse(text, path: path)
    }

    /// The numbers of CSV `text`; `path` names it in errors.
    public static func parse(_ text: String, path: String = "<text>") throws -> [[Double]] {
        // (line number, fields) of every non-blank line.
        var lines: [(number: Int, fields: [Substring])] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift, and a newline like "\n".
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            lines.append((lineNumber, line.split(separator: ",", omittingEmptySubsequences: false)))
        }
        guard let first = lines.first else {
            throw CSVError(path: path, line: 0, message: "no data: the file is empty")
        }
        let firstIsNumeric = first.fields.allSatisfy { number(in: $0) != nil }
        let countDiffers = lines.count > 1 && lines[1].fields.count != first.fields.count
        if !firstIsNumeric || countDiffers {
            lines.removeFirst()
        }
        guard let width = lines.first?.fields.count else {
            throw CSVError(path: path, line: first.number, message: "no data: only a header line")
        }
        var rows: [[Double]] = []
        rows.reserveCapacity(lines.count)
        for (line, fields) in lines {
            if fields.count != width {
                throw CSVError(path: path, line: line, message: "expected \(width) fields, found \(fields.count): fix or remove this line")
            }
            var row: [Double] = []
            row.reserveCapacity(width)
            for (column, field) in fields.enumerated() {
                guard let value = number(in: field) else {
                    throw CSVError(path: path, line: line, message: "field \(column + 1), '\(field)', is not a number")
                }
                row.append(value)
            }
            rows.append(row)
        }
        return rows
    }

    /// The number written in `field`, spaces around it allowed; nil if it is not one.
    static func number(in field: Substring) -> Double? {
        let trimmed = field.drop(while: { $0 == " " || $0 == "\t" })
        var end = trimmed.endIndex
        while end > trimmed.startIndex, trimmed[trimmed.index(before: end)] == " " || trimmed[trimmed.index(before: end)] == "\t" {
            end = trimmed.index(before: end)
        }
        let text = trimmed[..<end]
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

/// A CSV file that could not be read: the file, the line (counted from 1; 0 for the whole
/// file) and what is wrong. Prints as `data/iris.csv:12: field 3, 'x', is not a number`.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path as given.
    public let path: String
    /// The line, counted from 1 (0 when the problem is the whole file).
    public let line: Int
    /// What is wrong and what to do.
    public let message: String

    /// An error at `line` of `path`.
    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: message`.
    public var description: String {
        line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
    }
}
