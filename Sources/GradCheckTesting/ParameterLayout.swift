/// How a flat parameter vector is cut into named blocks, so that a failure names `W1[2,3]` instead of
/// `x[11]`.
///
/// Written as an ordered dictionary literal, block by block, each with its shape (row-major, the last
/// index fastest):
///
/// ```swift
/// let layout: ParameterLayout = ["W1": [4, 3], "b1": [4], "W2": [1, 4], "b2": [1]]
/// // x[0] is W1[0,0], x[2] is W1[0,2], x[3] is W1[1,0], …, x[12] is b1[0], …, x[20] is b2[0]
/// ```
///
/// A block of shape `[]` is one scalar, named by the block's name alone. The layout must cover the
/// input exactly: a check given a layout whose ``count`` differs from the number of coordinates fails
/// with a message that lists the blocks and their sizes (``mismatch(inputCount:)``).
public struct ParameterLayout: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// One named block: `shape.reduce(1, *)` consecutive coordinates.
    public struct Block: Sendable, Hashable {
        public var name: String
        public var shape: [Int]
        /// The block's first coordinate in the flat vector.
        public var offset: Int

        /// How many coordinates the block holds (1 for a scalar block).
        public var count: Int { shape.reduce(1, *) }
    }

    /// The blocks, in order.
    public private(set) var blocks: [Block]

    /// The blocks `(name, shape)` in order.
    public init(_ blocks: [(name: String, shape: [Int])]) {
        var offset = 0
        self.blocks = []
        for (name, shape) in blocks {
            let block = Block(name: name, shape: shape, offset: offset)
            self.blocks.append(block)
            offset += Swift.max(0, block.count)
        }
    }

    /// `["W1": [4, 8], "b1": [8]]`: the literal's order is the layout's order.
    public init(dictionaryLiteral elements: (String, [Int])...) {
        self.init(elements.map { (name: $0.0, shape: $0.1) })
    }

    /// The number of coordinates the layout covers: the sum of its blocks' sizes.
    public var count: Int { blocks.reduce(0) { $0 + Swift.max(0, $1.count) } }

    /// The block holding coordinate `index`, nil outside the layout.
    public func block(containing index: Int) -> Block? {
        blocks.first { index >= $0.offset && index < $0.offset + $0.count }
    }

    /// The name of coordinate `index`: `W1[2,3]` (row-major within the block), `b1[5]`, `scale` for a
    /// scalar block; `x[index]` outside the layout.
    public func name(of index: Int) -> String {
        guard let block = block(containing: index) else { return "x[\(index)]" }
        guard !block.shape.isEmpty else { return block.name }
        var rest = index - block.offset
        var subscripts = [Int](repeating: 0, count: block.shape.count)
        for axis in block.shape.indices.reversed() {
            subscripts[axis] = rest % block.shape[axis]
            rest /= block.shape[axis]
        }
        return "\(block.name)[\(subscripts.map(String.init).joined(separator: ","))]"
    }

    /// The names of all coordinates in order.
    public var names: [String] { (0..<count).map(name(of:)) }

    /// Why the layout cannot describe a point of `inputCount` coordinates, or nil when it can: "the
    /// layout covers 40 coordinates (W1: 4×8 = 32, b1: 8) but the point has 36", or a block with a
    /// negative or zero extent, or two blocks with the same name.
    public func mismatch(inputCount: Int) -> String? {
        if let bad = blocks.first(where: { $0.shape.contains { $0 <= 0 } }) {
            return "layout block '\(bad.name)' has shape \(bad.shape): every extent must be at least 1"
        }
        var seen = Set<String>()
        if let twice = blocks.first(where: { !seen.insert($0.name).inserted }) {
            return "layout block name '\(twice.name)' is used twice"
        }
        guard count != inputCount else { return nil }
        let sizes = blocks.map { block in
            block.shape.count <= 1
                ? "\(block.name): \(block.count)"
                : "\(block.name): \(block.shape.map(String.init).joined(separator: "×")) = \(block.count)"
        }
        return "the layout covers \(count) \(count == 1 ? "coordinate" : "coordinates") (\(sizes.joined(separator: ", "))) "
            + "but the point has \(inputCount)"
    }
}
