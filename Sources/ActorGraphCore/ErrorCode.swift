/// The code of an ``ActorGraphError``: a name a program compares and switches on, one family of
/// codes per error type (`Domain`), so one error's code never compares equal to another's.
///
/// Each error type declares `typealias Code = ErrorCode<ItsType>` and its codes as static members
/// of an `extension ErrorCode where Domain == ItsType`. A struct rather than an enum, so codes can
/// be added without breaking a `switch` in client code (write a `default:` case).
public struct ErrorCode<Domain>: Hashable, Sendable, CustomStringConvertible {
    /// The code's name, as written in source: `invalidWeight`, `notFound`.
    public let name: String

    /// A code named `name`; only the modules of this package declare codes.
    package init(_ name: String) { self.name = name }

    public var description: String { name }
}
