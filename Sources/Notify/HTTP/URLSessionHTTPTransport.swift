import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// HTTP and HTTPS through Foundation's `URLSession` (libcurl on Linux, which brings TLS): the transport for
/// HTTPS endpoints such as the real Bot API, since the package has no TLS library of its own for NIO.
///
/// Errors carry the host and the `URLError` code only: a URLSession error's text quotes the whole URL, and
/// the Bot API's URL holds the token.
public struct URLSessionHTTPTransport: HTTPTransport {
    /// How long a POST may take.
    public var timeout: Duration

    /// A transport with `timeout`.
    public init(timeout: Duration = .seconds(10)) {
        self.timeout = timeout
    }

    /// POSTs `body` to `target`.
    public func post(_ body: [UInt8], contentType: String, to target: HTTPTarget) async throws(NotifyError) -> HTTPResponse {
        let host = target.authority
        guard let url = URL(string: "\(target.scheme)://\(host)\(target.pathAndQuery)") else {
            throw .invalidURL(reason: "cannot form a URL for \(host)")
        }
        var request = URLRequest(url: url)
        request.timeoutInterval = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        request.httpMethod = "POST"
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body)
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            guard let http = response as? HTTPURLResponse else {
                throw NotifyError.connectionFailed(host: host, reason: "not an HTTP response")
            }
            return HTTPResponse(status: http.statusCode, body: [UInt8](data))
        } catch let error as NotifyError {
            throw error
        } catch let error as URLError where error.code == .timedOut {
            throw .timeout(host: host)
        } catch let error as URLError {
            throw .connectionFailed(host: host, reason: "URLError \(error.code.rawValue)")
        } catch {
            throw .connectionFailed(host: host, reason: "the request failed")
        }
    }
}
