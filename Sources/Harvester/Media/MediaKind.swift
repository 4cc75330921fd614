import TL

/// What kind of file a message carries, named as job files name it (`media.types`).
public enum MediaKind: String, CaseIterable, Hashable, Sendable {
    case photo, video, document, audio, voice
    case videoNote = "video_note"
    case animation, sticker

    /// The kind of `document`, from its attributes: a sticker, a GIF-like animation, a round video note,
    /// a video, a voice note, audio, or else a plain document.
    static func of(_ document: Api.Document.Document) -> MediaKind {
        var kind = MediaKind.document
        for attribute in document.attributes {
            switch attribute {
            case .documentAttributeSticker: return .sticker
            case .documentAttributeAnimated: return .animation
            case .documentAttributeVideo(let video): kind = video.roundMessage ? .videoNote : .video
            case .documentAttributeAudio(let audio) where kind == .document: kind = audio.voice ? .voice : .audio
            default: continue
            }
        }
        return kind
    }
}
