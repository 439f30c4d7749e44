/// The strategies a run can use, by unique id, in registration order.
///
/// The built-in strategies are registered by the `GradCheck` module; a plugin is any
/// ``DifferentiationStrategy`` registered under an id of its own.
public struct StrategyRegistry: Sendable {
    public private(set) var strategies: [any DifferentiationStrategy] = []

    public init() {}

    /// A registry holding `strategies`; throws on a duplicate id.
    public init(_ strategies: [any DifferentiationStrategy]) throws {
        for strategy in strategies { try register(strategy) }
    }

    /// Adds `strategy`. Throws ``RegistryError/duplicateID(_:)`` when its id is taken and
    /// ``RegistryError/invalidID(_:)`` when the id is empty or has characters other than a–z, 0–9 and '-'.
    public mutating func register(_ strategy: any DifferentiationStrategy) throws {
        let id = strategy.id
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard !id.isEmpty, allowed else { throw RegistryError.invalidID(id) }
        guard self[id] == nil else { throw RegistryError.duplicateID(id) }
        strategies.append(strategy)
    }

    /// The strategy registered under `id`, if any.
    public subscript(id: String) -> (any DifferentiationStrategy)? {
        strategies.first { $0.id == id }
    }

    /// The registered ids in order.
    public var ids: [String] { strategies.map(\.id) }
}

/// A registration that was refused.
public enum RegistryError: Error, Equatable, CustomStringConvertible {
    case duplicateID(String)
    case invalidID(String)

    public var description: String {
        switch self {
        case .duplicateID(let id): "a strategy with id '\(id)' is already registered"
        case .invalidID(let id): "'\(id)' is not a valid strategy id (use lower-case letters, digits and '-')"
        }
    }
}
