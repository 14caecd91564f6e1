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

    /// A^[L] for `inputs` computed block by block of columns, or nil when the blocks do not
    /// apply (`blockWidth`).
    func predictInColumnBlocks(_ inputs: Matrix) -> Matrix? {
        guard let outputs = layers.last?.outputCount, let width = blockWidth(inputs) else { return nil }
        let m = inputs.columns
        let elements = [Double](unsafeUninitializedCapacity: outputs * m) { result, count in
            let target = UnsafeSendable(result.baseAddress!)
            forEachColumnBlock(inputs, width: width) { start, count, block in
                block.elements.withUnsafeBufferPointer { a in
                    for i in 0..<outputs {
                        (target.pointer + (i * m + start)).initialize(from: a.baseAddress! + i * block.columns, count: count)
                    }
                }
            }
            count = outputs * m
        }
        return Matrix(rows: outputs, columns: m, elements: elements)
    }

    /// The cost J = (1/m) Σ_examples L of the prediction, with the blocks, or nil when they
    /// do not apply (`costsInColumnBlocks`). With `serially`, the blocks are computed one
    /// after another on the calling thread (for a caller that keeps the other cores busy), to
    /// the same bits.
    ///
    /// Each block gives its examples' losses L_j, which are then added in order of j, as
    /// `ElementwiseLoss.cost` adds them, and divided by m.
    func costInColumnBlocks(inputs: Matrix, expected: Matrix, loss: some Loss, serially: Bool = false) -> Double? {
        guard costsInColumnBlocks(inputs: inputs, expected: expected, loss: loss),
              let loss = loss as? any ElementwiseLoss, let width = blockWidth(inputs) else { return nil }
        var losses = [Double](repeating: 0, count: inputs.columns)
        losses.withUnsafeMutableBufferPointer { losses in
            let target = UnsafeSendable(losses.baseAddress!)
            forEachColumnBlock(inputs, width: width, serially: serially) { start, count, a in
                let predicted = a.columns == count ? a : a.columns(in: 0..<count)
                let row = loss.losses(predicted: predicted, expected: expected.columns(in: start..<start + count))
                row.elements.withUnsafeBufferPointer { (target.pointer + start).update(from: $0.baseAddress!, count: count) }
            }
        }
        var total = 0.0
        for l in losses { total += l }
        return total / Double(inputs.columns)
    }

    /// Whether `costInColumnBlocks` computes the cost: the blocks apply (`blockWidth`), the
    /// loss is one of the library's element-wise ones (whose cost is the mean of `losses`, to
    /// the last bit), and the targets have the prediction's shape.
    func costsInColumnBlocks(inputs: Matrix, expected: Matrix, loss: some Loss) -> Bool {
        guard loss is CrossEntropy || loss is BinaryCrossEntropy || loss is MeanSquaredError,
              loss is any ElementwiseLoss, let outputs = layers.last?.outputCount,
              expected.shape == Shape(outputs, inputs.columns) else { return false }
        return blockWidth(inputs) != nil
    }

    /// The columns of a block, a multiple of 8 so the product kernel's vectors cover them
    /// all, or nil when the blocks do not apply: fewer than two blocks, less work than repays
    /// a second core (`ProductWork.parallelThreshold` multiply-adds), a layer whose activation
    /// is not known to work column by column, or shapes that do not chain (then the
    /// layer-by-layer pass reports the mismatch).
    private func blockWidth(_ inputs: Matrix) -> Int? {
        let m = inputs.columns, blocks = (m + Network.columnBlock - 1) / Network.columnBlock
        guard blocks >= 2, !layers.isEmpty else { return nil }
        var rows = inputs.rows, work = 0
        for layer in layers {
            guard layer.weights.columns == rows,
                  layer.activation is any ElementwiseActivation || layer.activation is Softmax else { return nil }
            rows = layer.weights.rows
            work += layer.weights.count
        }
        guard rows > 0, work &* m >= ProductWork.parallelThreshold else { return nil }
        return ((m + blocks - 1) / blocks + 7) & ~7
    }

    /// Carries each block of `width` columns of `inputs` through every layer, the blocks
    /// taken by the cores as they become free (or one after another on this thread,
    /// `serially`), and hands `body` the block's first column, its number of columns and its
    /// A^[L]. The last block, when narrower, is padded with columns of zeros to a multiple of 8
    /// (so its product runs on whole vectors too): its A^[L] then has more columns than the
    /// block, and only the first ones are the block's.
    private func forEachColumnBlock(_ inputs: Matrix, width: Int, serially: Bool = false,
                                    _ body: @Sendable (Int, Int, Matrix) -> Void) {
        let m = inputs.columns, blocks = (m + width - 1) / width
        @Sendable func carry(_ block: Int) {
            let start = block * width, count = Swift.min(m, start + width) - start
            var a = inputs.columns(in: start..<start + count, padding: (count + 7) & ~7)
            for layer in layers { a = layer(a) }
            body(start, count, a)
        }
        if serially {
            for block in 0..<blocks { carry(block) }
        } else {
            DispatchQueue.concurrentPerform(iterations: blocks, execute: carry)
        }
    }
}

extension Matrix {
    /// The columns in `range`, (rows, range.count), each row's part copied at once; with
    /// `padding` larger than the range, that many columns, the last ones zero.
    func columns(in range: Range<Int>, padding: Int = 0) -> Matrix {
        let width = columns, count = Swift.max(range.count, padding)
        let elements = [Double](unsafeUninitializedCapacity: rows * count) { result, initialized in
            self.elements.withUnsafeBufferPointer { m in
                for i in 0..<rows {
                    let target = result.baseAddress! + i * count
                    target.initialize(from: m.baseAddress! + (i * width + range.lowerBound), count: range.count)
                    (target + range.count).initialize(repeating: 0, count: count - range.count)
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
