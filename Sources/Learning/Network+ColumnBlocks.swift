import Dispatch

/// Prediction for many examples, block of columns by block of columns, the blocks shared
/// among the cores.
///
/// Every number of A^[L] = g^[L](W^[L] ... g^[1](W^[1] X + b^[1]) ... + b^[L]) in column j
/// depends only on column j of X, as long as each activation works column by column
/// (element-wise ones, and softmax): the products add over k for each column on its own, in
/// the order Matrix+Product.swift documents, whatever columns are computed with it. So the
/// columns can be cut into blocks, each block carried through all the layers by one core
/// while it is still in that core's caches, and the result is the same to the last bit as
/// the whole matrix layer by layer. (Per layer, only the product of the first layer was shared
/// among the cores, and only when it was large; the activations, the other products and the
/// bias ran on one core, each over the whole matrix.)
extension Network {
    /// The columns of one block: enough that the work of a block repays handing it to a core,
    /// few enough that a layer's output for the block stays in the core's own caches.
    static let columnBlock = 256

    /// A^[L] for `inputs` computed block by block of columns, or nil when that does not apply:
    /// fewer than two blocks, less work than repays a second core (`ProductWork.parallelThreshold`
    /// multiply-adds), a layer whose activation is not known to work column by column, or shapes
    /// that do not chain (then the layer-by-layer pass reports the mismatch).
    func predictInColumnBlocks(_ inputs: Matrix) -> Matrix? {
        let m = inputs.columns, blocks = (m + Network.columnBlock - 1) / Network.columnBlock
        guard blocks >= 2, let last = layers.last else { return nil }
        var rows = inputs.rows, work = 0
        for layer in layers {
            guard layer.weights.columns == rows,
                  layer.activation is any ElementwiseActivation || layer.activation is Softmax else { return nil }
            rows = layer.weights.rows
            work += layer.weights.count
        }
        guard work &* m >= ProductWork.parallelThreshold else { return nil }
        // Blocks of a multiple of 8 columns, so that only the last one has columns left over
        // from the product kernel's vectors.
        let width = ((m + blocks - 1) / blocks + 7) & ~7
        let outputs = last.outputCount
        guard outputs > 0 else { return nil }
        let elements = [Double](unsafeUninitializedCapacity: outputs * m) { result, count in
            let target = UnsafeSendable(result.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: (m + width - 1) / width) { block in
                let start = block * width, end = Swift.min(m, start + width)
                var a = inputs.columns(in: start..<end)
                for layer in layers { a = layer(a) }
                a.elements.withUnsafeBufferPointer { a in
                    for i in 0..<outputs {
                        (target.pointer + (i * m + start)).initialize(from: a.baseAddress! + i * (end - start), count: end - start)
                    }
                }
            }
            count = outputs * m
        }
        return Matrix(rows: outputs, columns: m, elements: elements)
    }
}

extension Matrix {
    /// The columns in `range`, (rows, range.count), each row's part copied at once.
    func columns(in range: Range<Int>) -> Matrix {
        let width = columns, count = range.count
        let elements = [Double](unsafeUninitializedCapacity: rows * count) { result, initialized in
            self.elements.withUnsafeBufferPointer { m in
                for i in 0..<rows {
                    (result.baseAddress! + i * count).initialize(from: m.baseAddress! + (i * width + range.lowerBound), count: count)
                }
            }
            initialized = rows * count
        }
        return Matrix(rows: rows, columns: count, elements: elements)
    }
}

/// A pointer the blocks of one prediction write through, each to its own columns.
private struct UnsafeSendable: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
    init(_ pointer: UnsafeMutablePointer<Double>) { self.pointer = pointer }
}
