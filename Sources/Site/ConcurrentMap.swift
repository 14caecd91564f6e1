import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` with the elements transformed on all the machine's cores (`concurrentPerform`),
    /// the results in the elements' order. For the pages of the site, which render
    /// independently of each other: on two cores the rendering's wall time nearly halves.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                slots.set(index, transform(elements[index]))
            }
        }
        return slots.values.map { $0! }
    }
}

/// One slot per element, each written once by one thread.
private final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [T?]
    init(count: Int) { stored = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) { lock.withLock { stored[index] = value } }
    var values: [T?] { lock.withLock { stored } }
}
