import Foundation

/// An event the policy let through, with its text already redacted: what notifiers send.
public struct NotificationMessage: Sendable, Equatable {
    /// The kind of event.
    public var kind: NotificationKind
    /// The job concerned (`account` for account-wide events).
    public var subject: String
    /// The message for people, free of secrets.
    public var text: String
    /// When the event happened.
    public var at: Date

    /// A notification.
    public init(kind: NotificationKind, subject: String, text: String, at: Date) {
        self.kind = kind
        self.subject = subject
        self.text = text
        self.at = at
    }
}
