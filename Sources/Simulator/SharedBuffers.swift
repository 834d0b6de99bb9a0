/// A fixed-size buffer of numbers that parallel workers write at disjoint indices, then read once
/// all have finished. The caller guarantees the disjointness; that is what makes it `Sendable`.
final class SharedBuffer: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Double>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: 0)
    }

    deinit { storage.deallocate() }

    subscript(index: Int) -> Double {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    var array: [Double] { Array(storage) }

    func slice(_ range: Range<Int>) -> [Double] { Array(storage[range]) }
}

/// Result slots that parallel workers fill at disjoint indices; read `values` once all have finished.
final class ResultSlots<Element>: @unchecked Sendable {
    private var slots: [Element?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    var count: Int { slots.count }

    subscript(index: Int) -> Element {
        get { slots[index]! }
        set { slots.withUnsafeMutableBufferPointer { $0[index] = newValue } }
    }

    /// Every slot, in index order. - Precondition: all were filled.
    var values: [Element] { slots.map { $0! } }
}
