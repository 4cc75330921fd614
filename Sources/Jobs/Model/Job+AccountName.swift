extension Job {
    /// The account whose jobs this one is among: every job is the default account's until jobs can name
    /// theirs (the "Several accounts" part of issue #19 replaces this).
    public var accountName: String { "default" }
}
