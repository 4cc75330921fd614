import Jobs
import TL

extension MediaType {
    /// The kind of `document`, from its attributes: a sticker, a GIF-like animation, a round video note,
    /// a video, a voice note, audio, or else a plain document.
    static func of(_ document: Api.Document.Document) -> MediaType {
        var kind = MediaType.document
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
