import Jobs
import MTProtoNIO
import MTProtoTransport

extension ClientTransport {
    /// The transport `telegram_client.transport` names.
    init(_ choice: TransportChoice) {
        self = switch choice {
        case .obfuscatedPaddedIntermediate: .obfuscatedPaddedIntermediate
        case .obfuscatedIntermediate: .obfuscatedIntermediate
        case .obfuscatedAbridged: .obfuscatedAbridged
        case .paddedIntermediate: .plain(.paddedIntermediate)
        case .intermediate: .plain(.intermediate)
        case .abridged: .plain(.abridged)
        case .full: .plain(.full)
        }
    }
}
