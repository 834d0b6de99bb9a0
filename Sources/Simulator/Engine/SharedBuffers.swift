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

/// Result slots that parallel workers fill at disjoint indices; read `values` once all have
/// finished. The storage is allocated once, so concurrent writes never touch shared bookkeeping
/// (an `Array` would check its uniqueness on every write — a data race).
public final class ResultSlots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element?>

    public init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        _ = storage.deinitialize()
        storage.deallocate()
    }

    public var count: Int { storage.count }

    public subscript(index: Int) -> Element {
        get { storage[index]! }
        set { storage[index] = newValue }
    }

    /// Every slot, in index order. - Precondition: all were filled.
    public var values: [Element] { storage.map { $0! } }
}
