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
        let lines = splitLines(Array(text.utf8))
        guard let first = lines.first else {
            throw CSVError(path: path, line: 0, message: "no data: the file is empty")
        }
        let firstIsNumeric = first.fields.allSatisfy { number(in: $0) != nil }
        let countDiffers = lines.count > 1 && lines[1].fields.count != first.fields.count
        let data = (!firstIsNumeric || countDiffers) ? lines.dropFirst() : lines[...]
        guard let width = data.first?.fields.count else {
            throw CSVError(path: path, line: first.number, message: "no data: only a header line")
        }
        var rows: [[Double]] = []
        rows.reserveCapacity(data.count)
        for (line, fields) in data {
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

    /// The non-blank lines of `bytes` as (line number from 1, fields split at commas, each
    /// trimmed of spaces and tabs). Lines end at "\n", "\r\n" or "\r".
    static func splitLines(_ bytes: [UInt8]) -> [(number: Int, fields: [String])] {
        var lines: [(number: Int, fields: [String])] = []
        var fields: [String] = []
        var lineNumber = 1
        var fieldStart = 0
        var blank = true
        var k = 0
        func endField(_ end: Int) {
            var low = fieldStart, high = end
            while low < high && (bytes[low] == 32 || bytes[low] == 9) { low += 1 }
            while high > low && (bytes[high - 1] == 32 || bytes[high - 1] == 9) { high -= 1 }
            if low < high { blank = false }
            fields.append(String(decoding: bytes[low..<high], as: UTF8.self))
        }
        func endLine(_ end: Int) {
            endField(end)
            if !blank { lines.append((lineNumber, fields)) }
            fields = []
            blank = true
            lineNumber += 1
        }
        while k < bytes.count {
            switch bytes[k] {
            case 44:  // ","
                endField(k)
                blank = false
                fieldStart = k + 1
            case 10, 13:  // "\n", "\r"
                endLine(k)
                if bytes[k] == 13 && k + 1 < bytes.count && bytes[k + 1] == 10 { k += 1 }
                fieldStart = k + 1
            default:
                break
            }
            k += 1
        }
        if fieldStart < bytes.count { endLine(bytes.count) }
        return lines
    }

    /// The number written in `field` (already trimmed); nil if it is not a finite number.
    static func number(in field: String) -> Double? {
        guard let value = Double(field), value.isFinite else { return nil }
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
