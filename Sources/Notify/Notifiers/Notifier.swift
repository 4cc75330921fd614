/// Delivers notifications somewhere people see them.
public protocol Notifier: Sendable {
    /// Sends `notification`; its text is already free of secrets.
    func send(_ notification: NotificationMessage) async throws(NotifyError)
}
