import TL

/// Builds message text with entities, offsets and lengths counted in UTF-16 code units as Telegram does.
struct TextComposer {
    private static let words = [
        "archive", "channel", "update", "report", "market", "weather", "science", "river", "signal",
        "night", "station", "harbor", "orbit", "engine", "garden", "letter", "summit", "mirror",
        "данные", "новости", "Grüße", "café", "naïve", "日本", "数据",
    ]
    private static let emoji = ["🚀", "📦", "🔥", "👍", "🌍"]

    private(set) var text = ""
    private(set) var entities: [Api.MessageEntity] = []
    private var utf16Length = 0

    /// Composes 5–30 tokens drawn from `draw`; `mention` is the username mentions point at.
    static func compose(draw: inout Draw, mention: String) -> TextComposer {
        var composer = TextComposer()
        let tokens = 5 + draw.below(26)
        for index in 0..<tokens {
            if index > 0 { composer.append(" ") }
            composer.appendToken(draw: &draw, mention: mention)
        }
        if draw.chance(0.05) {
            composer.append("\n")
            composer.append("let answer = \(draw.below(100))") { .messageEntityPre(.init(offset: $0, length: $1, language: "swift")) }
        }
        return composer
    }

    /// Appends an edit note ("Upd: …"), as channels do when correcting a post.
    mutating func appendEditNote(draw: inout Draw) {
        append("\n\n")
        append("Upd:") { .messageEntityBold(.init(offset: $0, length: $1)) }
        append(" \(draw.pick(Self.words)) \(draw.pick(Self.words))")
    }

    private mutating func appendToken(draw: inout Draw, mention: String) {
        let word = draw.pick(Self.words)
        switch draw.below(20) {
        case 0: append(word) { .messageEntityBold(.init(offset: $0, length: $1)) }
        case 1: append(word) { .messageEntityItalic(.init(offset: $0, length: $1)) }
        case 2: append("https://example.org/\(word)/\(draw.below(1000))") { .messageEntityUrl(.init(offset: $0, length: $1)) }
        case 3:
            let url = "https://example.net/\(draw.below(10_000))"
            append(word) { .messageEntityTextUrl(.init(offset: $0, length: $1, url: url)) }
        case 4: append("@\(mention)") { .messageEntityMention(.init(offset: $0, length: $1)) }
        case 5: append("#\(word)") { .messageEntityHashtag(.init(offset: $0, length: $1)) }
        case 6: append("x\(draw.below(100))") { .messageEntityCode(.init(offset: $0, length: $1)) }
        case 7: append(draw.pick(Self.emoji))
        default: append(word)
        }
    }

    private mutating func append(_ piece: String, entity: ((Int32, Int32) -> Api.MessageEntity)? = nil) {
        let length = piece.utf16.count
        if let entity { entities.append(entity(Int32(utf16Length), Int32(length))) }
        text += piece
        utf16Length += length
    }
}
