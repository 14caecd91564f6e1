extension Matrix {
    /// One-hot encoding of a (1, m) row of class numbers 0..<classes: a (classes, m) matrix
    /// whose column j is 1 in row labels_j and 0 elsewhere.
    public func oneHot(classes: Int) -> Matrix {
        if rows != 1 { fatalError("one-hot needs a (1, m) row of class numbers, got \(shape)") }
        var result = Matrix(rows: classes, columns: columns, repeating: 0)
        for j in 0..<columns {
            let label = elements[j]
            guard label >= 0, label < Double(classes), label == label.rounded() else {
                fatalError("label \(label) of example \(j) is not a class number in 0..<\(classes)")
            }
            result[Int(label), j] = 1
        }
        return result
    }

    /// The class of each column: the argmax for several rows (see `columnArgmax()`), or
    /// for a single row (a sigmoid output) 1 where the value is at least 0.5 and 0 otherwise.
    ///
    /// The threshold is `a >= 0.5`, chosen so that the classes split where z does: σ(z) ≥ 0.5
    /// exactly when z ≥ 0, so the decision boundary z = 0 (W x + b = 0) belongs to class 1,
    /// as a step unit's does. Many references write `a > 0.5`; the two differ only for an
    /// output of exactly 0.5, which for a sigmoid means z = 0 exactly.
    public func predictedClasses() -> [Int] {
        rows == 1 ? elements.map { $0 >= 0.5 ? 1 : 0 } : columnArgmax()
    }
}

/// The fraction of examples classified correctly, between 0 and 1.
///
/// Both matrices have one column per example. With one row, a prediction is class 1 when
/// it is at least 0.5 (`a >= 0.5`, see `predictedClasses()`) and the target row holds 0 or
/// 1; with several rows,
/// the predicted class is the row of the largest output and the target is one-hot.
public func accuracy(predicted: Matrix, expected: Matrix) -> Double {
    if predicted.shape != expected.shape {
        fatalError("shape mismatch: predictions \(predicted.shape) and targets \(expected.shape) must have the same shape")
    }
    if predicted.columns == 0 { fatalError("no examples: predictions have shape \(predicted.shape)") }
    let right = zip(predicted.predictedClasses(), expected.predictedClasses()).filter { $0 == $1 }.count
    return Double(right) / Double(predicted.columns)
}
