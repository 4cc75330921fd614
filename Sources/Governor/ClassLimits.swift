/// One rate limit per method class.
public struct ClassLimits: Sendable, Equatable {
    /// Limit for `MethodClass.history`.
    public var history: RateLimit
    /// Limit for `MethodClass.resolve`.
    public var resolve: RateLimit
    /// Limit for `MethodClass.fullInfo`.
    public var fullInfo: RateLimit
    /// Limit for `MethodClass.files`.
    public var files: RateLimit
    /// Limit for `MethodClass.join`.
    public var join: RateLimit
    /// Limit for `MethodClass.other`.
    public var other: RateLimit

    /// Limits for each class; `files` and `join` default to `GovernorConfiguration.defaultFiles` and `.defaultJoin`.
    public init(
        history: RateLimit, resolve: RateLimit, fullInfo: RateLimit, files: RateLimit = GovernorConfiguration.defaultFiles,
        join: RateLimit = GovernorConfiguration.defaultJoin, other: RateLimit
    ) {
        self.history = history
        self.resolve = resolve
        self.fullInfo = fullInfo
        self.files = files
        self.join = join
        self.other = other
    }

    /// The limit of `methodClass`.
    public subscript(methodClass: MethodClass) -> RateLimit {
        get {
            switch methodClass {
            case .history: history
            case .resolve: resolve
            case .fullInfo: fullInfo
            case .files: files
            case .join: join
            case .other: other
            }
        }
        set {
            switch methodClass {
            case .history: history = newValue
            case .resolve: resolve = newValue
            case .fullInfo: fullInfo = newValue
            case .files: files = newValue
            case .join: join = newValue
            case .other: other = newValue
            }
        }
    }
}
