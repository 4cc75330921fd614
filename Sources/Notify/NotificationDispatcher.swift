import Foundation

/// Turns events into notifications: asks the policy, redacts secrets, sends to every notifier. Delivery
/// failures are returned, not thrown: a notification that cannot go out must not fail the job it reports.
public actor NotificationDispatcher {
    /// What became of one event.
    public enum Delivery: Sendable, Equatable {
        /// The policy held it back (below a threshold, or rate-limited).
        case suppressed
        /// Sent; `failures` lists the notifiers that could not deliver it.
        case sent(NotificationMessage, failures: [NotifyError])
    }

    private var policy: NotificationPolicy
    private let notifiers: [any Notifier]
    private let redactor: SecretRedactor
    private let clock: @Sendable () -> Date

    /// A dispatcher; `secrets` are the values (bot token, API hash, phone…) never to send, `clock` tells the
    /// time for the rate limit (tests pass their own).
    public init(policy: NotificationPolicy, notifiers: [any Notifier], secrets: [String],
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.policy = policy
        self.notifiers = notifiers
        redactor = SecretRedactor(secrets: secrets)
        self.clock = clock
    }

    /// Reports `event`: sends it to every notifier if the policy admits it.
    @discardableResult
    public func report(_ event: NotificationEvent) async -> Delivery {
        let now = clock()
        guard policy.admit(event, at: now) else { return .suppressed }
        let notification = NotificationMessage(kind: event.kind, subject: redactor.redact(event.subject),
                                        text: redactor.redact(event.text), at: now)
        var failures: [NotifyError] = []
        for notifier in notifiers {
            do {
                try await notifier.send(notification)
            } catch {
                failures.append(error)
            }
        }
        return .sent(notification, failures: failures)
    }
}
