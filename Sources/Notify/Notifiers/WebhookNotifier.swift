import Foundation

/// Sends notifications as a JSON POST to a URL: `{"event": "job_failed", "subject": "<job>", "text": "…",
/// "at": "2024-05-01T12:00:00Z"}`. Any 2xx status is success.
///
/// Errors name the host only: webhook URLs often carry a token in their path.
public struct WebhookNotifier: Notifier {
    private let target: HTTPTarget
    private let transport: any HTTPTransport

    /// A notifier posting to `url`.
    public init(url: String, transport: any HTTPTransport = SchemeRoutingTransport()) throws(NotifyError) {
        target = try HTTPTarget(url: url)
        self.transport = transport
    }

    /// Posts the notification.
    public func send(_ notification: NotificationMessage) async throws(NotifyError) {
        let body = JSONBody.encode([
            "event": notification.kind.rawValue, "subject": notification.subject, "text": notification.text,
            "at": ISO8601DateFormatter().string(from: notification.at),
        ])
        let response = try await transport.post(body, contentType: "application/json", to: target)
        guard (200..<300).contains(response.status) else {
            throw .rejected(host: target.authority, status: response.status, detail: "")
        }
    }
}
