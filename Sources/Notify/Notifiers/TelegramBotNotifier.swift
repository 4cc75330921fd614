/// Sends notifications as Telegram messages from a bot: `POST <api>/bot<TOKEN>/sendMessage` with `chat_id`
/// and `text` as JSON.
///
/// The token (from `TGCRON_BOT_TOKEN`) appears only in the request path; errors name the host alone and
/// redact the token from the Bot API's answer. The real Bot API is HTTPS-only: the default transport sends
/// `https` URLs through `URLSession` (TLS from libcurl) and `http` ones (tests, a local proxy) over SwiftNIO.
public struct TelegramBotNotifier: Notifier {
    /// The default Bot API address.
    public static let defaultAPIURL = "https://api.telegram.org"

    private let endpoint: HTTPTarget
    private let chatID: String
    private let transport: any HTTPTransport
    private let redactor: SecretRedactor

    /// A notifier posting to `chatID` (a numeric id or `@channelname`) as the bot with `token`.
    public init(token: String, chatID: String, apiURL: String = Self.defaultAPIURL,
                transport: any HTTPTransport = SchemeRoutingTransport()) throws(NotifyError) {
        endpoint = try HTTPTarget(url: apiURL).appending(path: "/bot\(token)/sendMessage")
        self.chatID = chatID
        self.transport = transport
        redactor = SecretRedactor(secrets: [token])
    }

    /// Sends the notification's text to the chat.
    public func send(_ notification: NotificationMessage) async throws(NotifyError) {
        let body = JSONBody.encode(["chat_id": chatID, "text": notification.text, "disable_web_page_preview": true])
        let response = try await transport.post(body, contentType: "application/json", to: endpoint)
        guard (200..<300).contains(response.status) else {
            throw .rejected(host: endpoint.authority, status: response.status,
                            detail: redactor.redact(JSONBody.description(in: response.body)))
        }
    }
}
