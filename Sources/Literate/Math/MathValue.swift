import Foundation

/// The value of a numeric side: a number, a matrix (`pmatrix`, `bmatrix`) or a tuple `(a, b, c)`.
///
/// A number is a 1×1 matrix. Sums and differences are element by element on equal shapes; a
/// product is a scalar multiple when either factor is a number, a dot product of two tuples of
/// one length, or a matrix product when the inner sizes agree.
struct MathValue: Hashable, Sendable {
    var rows: Int
    var columns: Int
    /// Row by row.
    var elements: [Double]
    /// Written as a tuple `(a, b)` rather than a matrix.
    var isTuple: Bool
    /// The two branches of a side with `\pm`, upper then lower (`MathPlusMinus`).
    var isPlusMinus = false

    init(_ scalar: Double) {
        rows = 1
        columns = 1
        elements = [scalar]
        isTuple = false
    }

    init(rows: Int, columns: Int, elements: [Double], isTuple: Bool = false, isPlusMinus: Bool = false) {
        self.rows = rows
        self.columns = columns
        self.elements = elements
        self.isTuple = isTuple
        self.isPlusMinus = isPlusMinus
    }

    var isScalar: Bool { rows == 1 && columns == 1 && !isTuple }
    var scalar: Double { elements[0] }
    var isFinite: Bool { elements.allSatisfy(\.isFinite) }

    /// `2×1 matrix`, `3-tuple` or `number`, for messages.
    var shapeName: String {
        if isScalar { return "number" }
        if isPlusMinus { return "± pair" }
        return isTuple ? "\(elements.count)-tuple" : "\(rows)×\(columns) matrix"
    }

    func sameShape(_ other: MathValue) -> Bool {
        rows == other.rows && columns == other.columns && isTuple == other.isTuple && isPlusMinus == other.isPlusMinus
    }

    func map(_ transform: (Double) -> Double) -> MathValue {
        MathValue(rows: rows, columns: columns, elements: elements.map(transform), isTuple: isTuple, isPlusMinus: isPlusMinus)
    }

    static func elementwise(_ a: MathValue, _ b: MathValue, _ combine: (Double, Double) -> Double) throws -> MathValue {
        if a.isScalar && b.isScalar { return MathValue(combine(a.scalar, b.scalar)) }
        guard a.sameShape(b) else { throw MathParser.NotNumeric() }
        return MathValue(rows: a.rows, columns: a.columns, elements: zip(a.elements, b.elements).map(combine), isTuple: a.isTuple)
    }

    static func product(_ a: MathValue, _ b: MathValue) throws -> MathValue {
        if a.isScalar { return b.map { a.scalar * $0 } }
        if b.isScalar { return a.map { $0 * b.scalar } }
        if a.isTuple && b.isTuple {
            guard a.elements.count == b.elements.count else { throw MathParser.NotNumeric() }
            return MathValue(zip(a.elements, b.elements).reduce(0) { $0 + $1.0 * $1.1 })
        }
        guard !a.isTuple, !b.isTuple, a.columns == b.rows else { throw MathParser.NotNumeric() }
        var result = [Double](repeating: 0, count: a.rows * b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var sum = 0.0
                for k in 0..<a.columns { sum += a.elements[i * a.columns + k] * b.elements[k * b.columns + j] }
                result[i * b.columns + j] = sum
            }
        }
        return MathValue(rows: a.rows, columns: b.columns, elements: result)
    }

    var transposed: MathValue {
        var result = elements
        for i in 0..<rows {
            for j in 0..<columns { result[j * rows + i] = elements[i * columns + j] }
        }
        return MathValue(rows: columns, columns: rows, elements: result)
    }
}
