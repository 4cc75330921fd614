import MTProtoCrypto

extension TransportProtocol {
    /// A new, unobfuscated framing of this kind for the `role` end of a connection. `random` supplies
    /// the padding of padded intermediate; the other framings ignore it.
    public func framing(
        role: TransportRole,
        random: some RandomSource,
        maxFrameLength: Int = TransportLimits.defaultMaxFrameLength
    ) -> any TransportFraming {
        framing(role: role, random: random, maxFrameLength: maxFrameLength, tagInStream: true)
    }

    /// As the public method; `tagInStream` is false when transport obfuscation carries the tag.
    func framing(
        role: TransportRole,
        random: any RandomSource,
        maxFrameLength: Int,
        tagInStream: Bool
    ) -> any TransportFraming {
        switch self {
        case .abridged:
            AbridgedFraming(role: role, maxFrameLength: maxFrameLength, tagInStream: tagInStream)
        case .intermediate:
            IntermediateFraming(role: role, maxFrameLength: maxFrameLength, tagInStream: tagInStream)
        case .paddedIntermediate:
            PaddedIntermediateFraming(role: role, random: random, maxFrameLength: maxFrameLength, tagInStream: tagInStream)
        case .full:
            FullFraming(role: role, maxFrameLength: maxFrameLength)
        }
    }
}
