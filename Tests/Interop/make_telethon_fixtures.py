#!/usr/bin/env python3
"""Generate TL byte fixtures with Telethon, an independent TL implementation.

Builds a fixed set of Telegram API objects and requests with `telethon.tl.types`
and `telethon.tl.functions`, serializes each one with `bytes(obj)` and writes
Tests/TLTests/Fixtures/telethon.jsonl (one JSON object per line).

Telethon 1.45.0 speaks layer 229; tgcron implements layer 228. A fixture is only
valid for us if every constructor id in it (the top-level one and every nested
TLObject, including wrapped queries) exists with the same id in
../shared/tl/telegram.tl. This script parses that schema and refuses to write
anything (exit status 1) if any fixture contains an id the schema lacks.

Deterministic: fixed values only (no clock, no randomness); fixtures are written
in construction order.

Usage: .venv/bin/python Tests/Interop/make_telethon_fixtures.py [--schema PATH] [--out PATH]
"""

import argparse
import inspect
import json
import os
import re
import sys

try:
    import telethon
    from telethon.tl import types as T
    from telethon.tl import functions as F
    from telethon.tl.tlobject import TLObject, TLRequest
    from telethon.extensions import BinaryReader
except ImportError:  # pragma: no cover - environment problem, not a fixture problem
    sys.exit("make_telethon_fixtures: telethon is not installed; run "
             "scripts/python-venv.sh and use .venv/bin/python")

TELETHON_VERSION = "1.45.0"
SCHEMA_LAYER = 228

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_SCHEMA = os.path.normpath(os.path.join(ROOT, "..", "shared", "tl", "telegram.tl"))
DEFAULT_OUT = os.path.join(ROOT, "Tests", "TLTests", "Fixtures", "telethon.jsonl")

BOOL_TRUE = 0x997275B5
BOOL_FALSE = 0xBC799737


# ---------------------------------------------------------------------------
# Schema
# ---------------------------------------------------------------------------

class Schema:
    """Constructor and function ids of telegram.tl: id -> (name, section)."""

    LINE = re.compile(r"^([A-Za-z_][\w.]*)#([0-9a-fA-F]{1,8})\b")

    def __init__(self, path):
        self.path = path
        self.by_id = {}
        self.layer = None
        section = "types"
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line == "---functions---":
                    section = "functions"
                    continue
                if line == "---types---":
                    section = "types"
                    continue
                m = re.match(r"^//\s*LAYER\s+(\d+)", line)
                if m:
                    self.layer = int(m.group(1))
                    continue
                m = self.LINE.match(line)
                if m:
                    cid = int(m.group(2), 16)
                    # A few legacy lines repeat a name with an older id; ids stay unique.
                    self.by_id.setdefault(cid, (m.group(1), section))
        if self.layer != SCHEMA_LAYER:
            fail(f"{path}: expected '// LAYER {SCHEMA_LAYER}', found layer {self.layer}")

    def name(self, cid):
        return self.by_id[cid][0]


def fail(message):
    print(f"make_telethon_fixtures: error: {message}", file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------------------
# Checking a Telethon object against the schema
# ---------------------------------------------------------------------------

def generated_class(obj):
    """The Telethon-generated class of obj (skipping patched/custom subclasses)."""
    for cls in type(obj).__mro__:
        if cls.__module__.startswith(("telethon.tl.types", "telethon.tl.functions")):
            return cls
    raise TypeError(f"not a generated Telethon TL class: {type(obj)!r}")


def telethon_tl_name(cls):
    """TL name Telethon generated cls from, e.g. 'messages.getHistory'."""
    parts = cls.__module__.split(".")  # telethon.tl.types[.ns]
    ns = parts[3] if len(parts) > 3 else None
    name = cls.__name__
    if parts[2] == "functions" and name.endswith("Request"):
        name = name[: -len("Request")]
    name = name[0].lower() + name[1:]
    return f"{ns}.{name}" if ns else name


def tl_fields(cls):
    """TL argument names of a generated class, from its __init__ signature."""
    return [p for p in inspect.signature(cls.__init__).parameters if p != "self"]


def check_object(obj, schema, path="$"):
    """Return a list of problems: ids missing from layer 228, name or kind mismatches."""
    problems = []
    cls = generated_class(obj)
    cid = cls.CONSTRUCTOR_ID
    want = telethon_tl_name(cls)
    entry = schema.by_id.get(cid)
    if entry is None:
        problems.append(f"{path}: {want}#{cid:08x} is not in layer {SCHEMA_LAYER} "
                        f"({schema.path})")
    else:
        name, section = entry
        if name.lower() != want.lower():
            problems.append(f"{path}: id {cid:08x} is {name} in the schema but {want} in Telethon")
        is_request = isinstance(obj, TLRequest)
        if is_request != (section == "functions"):
            problems.append(f"{path}: {name}#{cid:08x} is in the schema's {section} section "
                            f"but Telethon has it as a {'request' if is_request else 'type'}")
    for field in tl_fields(cls):
        value = getattr(obj, field, None)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            sub = f"{path}.{field}" + (f"[{i}]" if isinstance(value, list) else "")
            if isinstance(item, TLObject):
                problems += check_object(item, schema, sub)
    return problems


def check_round_trip(name, data):
    """Telethon's own reader must parse the bytes back to the same bytes, fully."""
    try:
        with BinaryReader(data) as reader:
            again = reader.tgread_object()
            rest = reader.read()
    except Exception as e:
        return [f"{name}: Telethon cannot read its own bytes back: {e!r}"]
    if rest or bytes(again) != data:
        return [f"{name}: bytes do not round-trip through Telethon's reader"]
    return []


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------

def u16(s):
    """Length of s in UTF-16 code units (what entity offsets count)."""
    return len(s.encode("utf-16-le")) // 2


def span(text, part, start=0):
    """(offset, length) of the first occurrence of part in text, in UTF-16 units."""
    i = text.index(part, start)
    return u16(text[:i]), u16(part)


def pattern(n, seed):
    """n deterministic bytes (covers every byte value, no randomness)."""
    return bytes((seed + i * 37) % 256 for i in range(n))


I64_MAX = 2**63 - 1
I64_MIN = -(2**63)
I32_MAX = 2**31 - 1
I32_MIN = -(2**31)

CHANNEL_ID = 1_987_654_321_012          # > 2^32, fits the 52-bit peer id space
CHANNEL_HASH = -6_917_529_027_641_081_857
MEGAGROUP_ID = 2_100_000_000_777
MEGAGROUP_HASH = 4_611_686_018_427_387_903
USER_ID = 7_123_456_789
USER_HASH = -1_234_567_890_123_456_789
BOT_ID = 6_500_000_001
BOT_HASH = 8_070_450_532_247_928_832
CHAT_ID = 987_654_321
D0 = 1_735_689_600                      # 2025-01-01T00:00:00Z
D1 = 1_767_225_599                      # 2025-12-31T23:59:59Z

TEXT_RU = "Привет, мир! 👋 Это канал «Хроника» 🇺🇦🇬🇧"
LONG_TEXT = ("Длинный текст для проверки формы длины 0xFE. " * 8).strip()   # > 253 bytes
assert len(LONG_TEXT.encode()) > 253
HUGE_TEXT = "Ж" * 33_000 + " end 🏁"                                      # > 65535 bytes
assert len(HUGE_TEXT.encode()) > 65_535


def peer_channel(cid=CHANNEL_ID):
    return T.PeerChannel(channel_id=cid)


def peer_user(uid=USER_ID):
    return T.PeerUser(user_id=uid)


def input_channel(cid=CHANNEL_ID, h=CHANNEL_HASH):
    return T.InputChannel(channel_id=cid, access_hash=h)


def input_peer_channel(cid=CHANNEL_ID, h=CHANNEL_HASH):
    return T.InputPeerChannel(channel_id=cid, access_hash=h)


def photo(pid=5_001_002_003_004_005_006, file_reference=b""):
    return T.Photo(
        id=pid,
        access_hash=-4_242_424_242_424_242_424,
        file_reference=file_reference,
        date=D0 + 3600,
        sizes=[
            T.PhotoStrippedSize(type="i", bytes=b"\x01\x28\x1e"),          # 3 bytes
            T.PhotoSize(type="m", w=320, h=240, size=18_432),
            T.PhotoSizeProgressive(type="y", w=1280, h=960,
                                   sizes=[10_240, 40_960, 81_920, 163_840, 262_144]),
        ],
        dc_id=2,
        has_stickers=True,
    )


def document(did, mime, size, attributes, thumbs=None, file_reference=None):
    return T.Document(
        id=did,
        access_hash=I64_MIN + 1,
        file_reference=pattern(254, 7) if file_reference is None else file_reference,
        date=D0 + 7200,
        mime_type=mime,
        size=size,
        dc_id=4,
        attributes=attributes,
        thumbs=thumbs,
    )


def chat_photo():
    return T.ChatPhoto(photo_id=3_141_592_653_589_793_238, dc_id=2, has_video=True,
                       stripped_thumb=pattern(40, 3))


def channel_broadcast():
    return T.Channel(
        id=CHANNEL_ID,
        title="Хроника 📰 Chronicle",
        photo=chat_photo(),
        date=D0 - 86_400 * 365,
        broadcast=True,
        verified=True,
        signatures=True,
        has_link=True,
        noforwards=True,
        restricted=True,
        stories_hidden=True,
        signature_profiles=True,
        autotranslation=True,
        access_hash=CHANNEL_HASH,
        username="chronicle_news",
        restriction_reason=[T.RestrictionReason(platform="ios", reason="porn",
                                                text="Недоступно на iOS")],
        admin_rights=T.ChatAdminRights(post_messages=True, edit_messages=True,
                                       delete_messages=True, invite_users=True,
                                       post_stories=True),
        participants_count=1_234_567,
        usernames=[
            T.Username(username="chronicle_news", editable=True, active=True),
            T.Username(username="chronicle", active=True),
            T.Username(username="old_chronicle"),
        ],
        color=T.PeerColor(color=5, background_emoji_id=5_368_324_170_671_202_286),
        profile_color=T.PeerColor(color=2),
        emoji_status=T.EmojiStatus(document_id=5_431_449_001_532_594_346, until=D1),
        level=42,
        send_paid_messages_stars=0,
    )


def channel_megagroup_min():
    return T.Channel(
        id=MEGAGROUP_ID,
        title="",
        photo=T.ChatPhotoEmpty(),
        date=0,
        megagroup=True,
        min=True,
        forum=True,
        join_request=True,
        slowmode_enabled=True,
        default_banned_rights=T.ChatBannedRights(until_date=I32_MAX, send_media=True,
                                                 send_polls=True, embed_links=True),
    )


def user_person():
    return T.User(
        id=USER_ID,
        contact=True,
        mutual_contact=True,
        premium=True,
        close_friend=True,
        access_hash=USER_HASH,
        first_name="Алёна",
        last_name="Ёлкина 🌲",
        username="alyona_e",
        phone="79991234567",
        photo=T.UserProfilePhoto(photo_id=I64_MAX, dc_id=1, personal=True,
                                 stripped_thumb=b"\x01\x08\x08"),
        status=T.UserStatusOffline(was_online=D1),
        lang_code="ru",
        usernames=[T.Username(username="alyona_e", editable=True, active=True),
                   T.Username(username="alyona", active=False)],
        color=T.PeerColor(color=3),
    )


def user_bot():
    return T.User(
        id=BOT_ID,
        bot=True,
        bot_chat_history=True,
        bot_inline_geo=True,
        verified=True,
        bot_has_main_app=True,
        access_hash=BOT_HASH,
        first_name="Cron Bot 🤖",
        username="tgcron_bot",
        status=T.UserStatusRecently(by_me=True),
        bot_info_version=17,
        bot_inline_placeholder="Поиск…",
        bot_active_users=250_000,
        usernames=[T.Username(username="tgcron_bot", editable=True, active=True)],
    )


def user_online():
    return T.User(id=42, is_self=True, access_hash=0, first_name="Me",
                  phone="", status=T.UserStatusOnline(expires=D0 + 300))


def msg(id, **kw):
    """A channel message with sensible defaults."""
    kw.setdefault("peer_id", peer_channel())
    kw.setdefault("date", D0 + id)
    kw.setdefault("message", "")
    return T.Message(id=id, **kw)


# ---------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------

def build():
    out = []

    def add(name, description, obj):
        out.append((name, description, obj))

    # --- peers --------------------------------------------------------------
    add("peer_user", "peerUser with a user id above 2^32.", peer_user())
    add("peer_chat", "peerChat with a basic-group id.", T.PeerChat(chat_id=CHAT_ID))
    add("peer_channel", "peerChannel with a 41-bit channel id.", peer_channel())
    add("peer_channel_max_id", "peerChannel with the largest int64 id.",
        T.PeerChannel(channel_id=I64_MAX))

    # --- messages: text and entities ---------------------------------------
    add("message_text_cyrillic_emoji",
        "Outgoing channel message with Cyrillic, emoji and flag text, from_id set.",
        msg(101, out=True, from_id=peer_user(), message=TEXT_RU))

    t = ("Bold italic underline strike https://example.org link @durov #tgcron "
         "$TON /start@tgcron_bot mail@example.com +79991234567")
    add("message_entities_basic",
        "Message with bold, italic, underline, strike, url, text_url, mention, hashtag, "
        "cashtag, bot_command, email and phone entities.",
        msg(102, message=t, entities=[
            T.MessageEntityBold(*span(t, "Bold")),
            T.MessageEntityItalic(*span(t, "italic")),
            T.MessageEntityUnderline(*span(t, "underline")),
            T.MessageEntityStrike(*span(t, "strike")),
            T.MessageEntityUrl(*span(t, "https://example.org")),
            T.MessageEntityTextUrl(*span(t, "link"), url="https://t.me/tgcron?start=ЖЖ"),
            T.MessageEntityMention(*span(t, "@durov")),
            T.MessageEntityHashtag(*span(t, "#tgcron")),
            T.MessageEntityCashtag(*span(t, "$TON")),
            T.MessageEntityBotCommand(*span(t, "/start@tgcron_bot")),
            T.MessageEntityEmail(*span(t, "mail@example.com")),
            T.MessageEntityPhone(*span(t, "+79991234567")),
        ]))

    t = "Run `swift test`:\nlet x = 1\nprint(x)\nraw block"
    add("message_entities_code",
        "Message with code, pre with a language and pre with an empty language.",
        msg(103, message=t, entities=[
            T.MessageEntityCode(*span(t, "swift test")),
            T.MessageEntityPre(*span(t, "let x = 1\nprint(x)"), language="swift"),
            T.MessageEntityPre(*span(t, "raw block"), language=""),
        ]))

    t = "👍 Цитата: «всё будет» — спойлер 🤫 и @Алёна"
    add("message_entities_rich",
        "Message with custom_emoji over a surrogate pair, collapsed blockquote, spoiler "
        "and mention_name; offsets in UTF-16 units.",
        msg(104, message=t, entities=[
            T.MessageEntityCustomEmoji(*span(t, "👍"), document_id=5_368_324_170_671_202_286),
            T.MessageEntityBlockquote(*span(t, "Цитата: «всё будет»"), collapsed=True),
            T.MessageEntityBlockquote(*span(t, "спойлер"), collapsed=False),
            T.MessageEntitySpoiler(*span(t, "спойлер 🤫")),
            T.MessageEntityMentionName(*span(t, "@Алёна"), user_id=USER_ID),
            T.MessageEntityUnknown(offset=0, length=0),
        ]))

    add("message_long_text",
        "Message whose text is longer than 253 bytes (0xFE length prefix).",
        msg(105, message=LONG_TEXT, silent=True, noforwards=True))

    add("message_huge_text",
        "Message whose text is longer than 65535 bytes (third length byte in use).",
        msg(106, message=HUGE_TEXT))

    add("message_empty_text_flags2",
        "Message with empty text, several flag bits, flags2.offline, effect and from_boosts_applied.",
        msg(107, message="", offline=True, pinned=True, media_unread=True, mentioned=True,
            effect=5_104_841_245_755_180_586, from_boosts_applied=3))

    # --- messages: edit, post, counts, reactions ----------------------------
    add("message_edited",
        "Edited message with edit_date and edit_hide.",
        msg(110, message="исправлено ✏️", edit_date=D1, edit_hide=True))

    add("message_channel_post_counters",
        "Channel post with post_author, views, forwards, messageReplies (comments), "
        "and reactions with emoji, custom emoji and paid reactions.",
        msg(111, post=True, message="Новость дня 🗞", post_author="Редакция",
            views=1_048_576, forwards=4_321,
            replies=T.MessageReplies(replies=87, replies_pts=123_456, comments=True,
                                     recent_repliers=[peer_user(), peer_channel(MEGAGROUP_ID)],
                                     channel_id=MEGAGROUP_ID, max_id=9_001, read_max_id=8_999),
            reactions=T.MessageReactions(
                results=[
                    T.ReactionCount(reaction=T.ReactionEmoji(emoticon="👍"), count=1_234,
                                    chosen_order=0),
                    T.ReactionCount(reaction=T.ReactionEmoji(emoticon="❤️"), count=56),
                    T.ReactionCount(reaction=T.ReactionCustomEmoji(
                        document_id=5_431_449_001_532_594_346), count=7, chosen_order=1),
                    T.ReactionCount(reaction=T.ReactionPaid(), count=100),
                ],
                can_see_list=False,
                recent_reactions=[T.MessagePeerReaction(
                    peer_id=peer_user(), date=D0 + 500,
                    reaction=T.ReactionEmoji(emoticon="🔥"), big=True, unread=True)],
            )))

    add("message_reactions_min",
        "messageReactions with min flag and a single reactionEmoji count.",
        T.MessageReactions(min=True, results=[
            T.ReactionCount(reaction=T.ReactionEmoji(emoticon="😂"), count=I32_MAX)]))

    add("message_replies_plain",
        "messageReplies for a non-comment thread: zero replies and a negative replies_pts.",
        T.MessageReplies(replies=0, replies_pts=-1))

    # --- replies ------------------------------------------------------------
    add("message_reply_simple",
        "Reply with a messageReplyHeader carrying only reply_to_msg_id.",
        msg(120, message="ответ", reply_to=T.MessageReplyHeader(reply_to_msg_id=119)))

    t = "цитата"
    add("message_reply_topic_quote",
        "Reply in a forum topic with reply_to_top_id, reply_to_peer_id and a quote "
        "with entities and offset.",
        msg(121, peer_id=peer_channel(MEGAGROUP_ID), from_id=peer_user(),
            message="Согласен 💯",
            reply_to=T.MessageReplyHeader(
                forum_topic=True, quote=True, reply_to_msg_id=77,
                reply_to_peer_id=peer_channel(), reply_to_top_id=2,
                quote_text=t, quote_entities=[T.MessageEntityItalic(0, u16(t))],
                quote_offset=12)))

    add("reply_header_from_other_chat",
        "messageReplyHeader for a reply to a message in another chat, with reply_from "
        "and reply_media.",
        T.MessageReplyHeader(reply_from=T.MessageFwdHeader(date=D0, from_name="Аноним"),
                             reply_media=T.MessageMediaGeo(geo=T.GeoPointEmpty()),
                             reply_to_peer_id=T.PeerChat(chat_id=CHAT_ID)))

    # --- forwards -----------------------------------------------------------
    add("message_fwd_from_channel",
        "Forward from a channel post with channel_post, post_author and saved_from fields.",
        msg(130, peer_id=peer_user(), from_id=peer_user(BOT_ID), message="переслано",
            fwd_from=T.MessageFwdHeader(date=D0 - 1, from_id=peer_channel(),
                                        channel_post=111, post_author="Редакция",
                                        saved_from_peer=peer_channel(), saved_from_msg_id=111)))

    add("message_fwd_hidden_user",
        "Forward from a user who hides their account: from_name only, plus psa_type.",
        msg(131, message="", fwd_from=T.MessageFwdHeader(
            date=D0 - 2, from_name="Скрытый Пользователь 🙈", imported=True,
            psa_type="covid")))

    # --- media --------------------------------------------------------------
    add("message_media_photo",
        "Message with messageMediaPhoto: photo with stripped, plain and progressive sizes, "
        "empty file_reference, spoiler and ttl.",
        msg(140, message="фото 📷", media=T.MessageMediaPhoto(
            photo=photo(), spoiler=True, ttl_seconds=60)))

    add("photo_standalone",
        "A photo object with a 300-byte file_reference and extra cached/path sizes.",
        T.Photo(id=1, access_hash=-1, file_reference=pattern(300, 11), date=D1,
                sizes=[T.PhotoCachedSize(type="s", w=90, h=67, bytes=pattern(254, 5)),
                       T.PhotoPathSize(type="j", bytes=b"\x00\x01\x02"),
                       T.PhotoSizeEmpty(type="")],
                dc_id=5,
                video_sizes=[T.VideoSize(type="u", w=640, h=640, size=123_456,
                                         video_start_ts=1.25)]))

    add("message_album_item",
        "Album item: grouped_id with a photo.",
        msg(141, message="", grouped_id=13_579_246_801_357_924,
            media=T.MessageMediaPhoto(photo=photo(pid=5_001_002_003_004_005_007))))

    add("message_media_document_video",
        "Message with a video document: video attribute with double duration, codec, "
        "preload size, filename and a thumb.",
        msg(142, message="видео 🎬", media=T.MessageMediaDocument(
            video=True,
            document=document(
                6_000_000_000_000_000_001, "video/mp4", 3_221_225_472,   # > 2^31 bytes
                [T.DocumentAttributeVideo(duration=93.75, w=1920, h=1080,
                                          supports_streaming=True,
                                          preload_prefix_size=524_288,
                                          video_start_ts=0.5, video_codec="h264"),
                 T.DocumentAttributeFilename(file_name="клип 2025.mp4")],
                thumbs=[T.PhotoSize(type="m", w=320, h=180, size=9_999)]),
            video_timestamp=30)))

    add("message_media_document_voice",
        "Voice note: audio attribute with voice flag and a 63-byte waveform.",
        msg(143, message="", media=T.MessageMediaDocument(
            voice=True,
            document=document(6_000_000_000_000_000_002, "audio/ogg", 48_000,
                              [T.DocumentAttributeAudio(duration=17, voice=True,
                                                        waveform=pattern(63, 1))],
                              file_reference=b"")),
            media_unread=True))

    add("document_audio_music",
        "Music document with audio title and performer and a filename.",
        document(6_000_000_000_000_000_003, "audio/mpeg", 7_340_032,
                 [T.DocumentAttributeAudio(duration=245, title="Кино — Группа крови",
                                           performer="Кино"),
                  T.DocumentAttributeFilename(file_name="gruppa_krovi.mp3")]))

    add("message_media_document_sticker",
        "Sticker document: sticker attribute with stickerset id and mask coords, image size.",
        msg(144, message="", media=T.MessageMediaDocument(document=document(
            6_000_000_000_000_000_004, "image/webp", 23_456,
            [T.DocumentAttributeImageSize(w=512, h=512),
             T.DocumentAttributeSticker(alt="😀", mask=True,
                                        stickerset=T.InputStickerSetID(
                                            id=773_947_703_670_341_676,
                                            access_hash=-2_636_143_427_209_418_426),
                                        mask_coords=T.MaskCoords(n=1, x=-0.5, y=0.25,
                                                                 zoom=1.5))]))))

    add("message_media_document_animated",
        "GIF-style animation: animated + video + filename attributes, nopremium flag.",
        msg(145, message="", media=T.MessageMediaDocument(nopremium=True, document=document(
            6_000_000_000_000_000_005, "video/mp4", 1_024,
            [T.DocumentAttributeAnimated(),
             T.DocumentAttributeVideo(duration=2.0, w=480, h=270, nosound=True),
             T.DocumentAttributeFilename(file_name="")]))))

    add("message_media_webpage_empty",
        "Message with messageMediaWebPage wrapping webPageEmpty with a url.",
        msg(146, message="https://example.org/страница", media=T.MessageMediaWebPage(
            force_large_media=True,
            webpage=T.WebPageEmpty(id=-7_777_777_777_777_777_777,
                                   url="https://example.org/страница"))))

    add("message_media_webpage_pending",
        "messageMediaWebPage wrapping webPagePending.",
        T.MessageMediaWebPage(webpage=T.WebPagePending(id=12_345, date=D0,
                                                       url="https://t.me/s/chronicle")))

    add("message_media_webpage_full",
        "messageMediaWebPage with a full webPage including photo and description.",
        T.MessageMediaWebPage(manual=True, safe=True, webpage=T.WebPage(
            id=9_876_543_210, url="https://example.org/a?b=c", display_url="example.org/a",
            hash=-559_038_737, type="article", site_name="Example", title="Заголовок",
            description=LONG_TEXT, photo=photo(), author="Автор")))

    add("message_media_geo",
        "Message with messageMediaGeo: negative longitude, accuracy radius.",
        msg(147, message="", media=T.MessageMediaGeo(geo=T.GeoPoint(
            long=-73.985428, lat=40.748817, access_hash=I64_MAX, accuracy_radius=25))))

    add("message_media_poll",
        "Quiz poll with entities in question and answers, results with voters and "
        "a solution.",
        msg(148, message="", media=T.MessageMediaPoll(
            poll=T.Poll(id=5_555_555_555_555, hash=-3, quiz=True, public_voters=True,
                        closed=True,
                        question=T.TextWithEntities(
                            text="Столица Австралии? 🇦🇺",
                            entities=[T.MessageEntityBold(0, 7)]),
                        answers=[T.PollAnswer(text=T.TextWithEntities("Сидней", []),
                                              option=b"0"),
                                 T.PollAnswer(text=T.TextWithEntities("Канберра", []),
                                              option=b"1")],
                        close_period=300, close_date=D0 + 300),
            results=T.PollResults(
                results=[T.PollAnswerVoters(option=b"0", voters=10, recent_voters=[]),
                         T.PollAnswerVoters(option=b"1", chosen=True, correct=True,
                                            voters=90, recent_voters=[peer_user()])],
                total_voters=100, recent_voters=[peer_user()],
                solution="Канберра — столица с 1913 года",
                solution_entities=[T.MessageEntityBold(0, 8)]))))

    add("message_media_misc",
        "messageMediaContact, messageMediaVenue, messageMediaDice and "
        "messageMediaUnsupported in a messages.messages.",
        T.messages.Messages(messages=[
            msg(150, media=T.MessageMediaContact(phone_number="+79991234567", first_name="Алёна",
                                                 last_name="", vcard="BEGIN:VCARD\nEND:VCARD",
                                                 user_id=USER_ID)),
            msg(151, media=T.MessageMediaVenue(geo=T.GeoPoint(long=37.6173, lat=55.7558,
                                                              access_hash=0),
                                               title="Красная площадь", address="Москва",
                                               provider="foursquare", venue_id="4b",
                                               venue_type="")),
            msg(152, media=T.MessageMediaDice(value=6, emoticon="🎲")),
            msg(153, media=T.MessageMediaUnsupported()),
        ], topics=[], chats=[], users=[]))

    # --- messageEmpty and service messages ---------------------------------
    add("message_empty", "messageEmpty with flags = 0 and only an id.", T.MessageEmpty(id=1, peer_id=None))
    add("message_empty_with_peer", "messageEmpty with peer_id (flags.0).",
        T.MessageEmpty(id=I32_MAX, peer_id=peer_channel()))

    def service(id, action, **kw):
        kw.setdefault("peer_id", peer_channel())
        return T.MessageService(id=id, date=D0 + id, action=action, **kw)

    add("service_channel_create", "messageService with messageActionChannelCreate.",
        service(1, T.MessageActionChannelCreate(title="Хроника 📰"), post=True))
    add("service_chat_add_user",
        "messageService in a basic group with messageActionChatAddUser (vector of longs).",
        service(200, T.MessageActionChatAddUser(users=[USER_ID, BOT_ID, 1]),
                peer_id=T.PeerChat(chat_id=CHAT_ID), from_id=peer_user(), out=True))
    add("service_pin_message", "messageService with messageActionPinMessage and reply_to.",
        service(201, T.MessageActionPinMessage(), from_id=peer_user(),
                reply_to=T.MessageReplyHeader(reply_to_msg_id=111), silent=True))
    add("service_edit_title", "messageService with messageActionChatEditTitle.",
        service(202, T.MessageActionChatEditTitle(title="Новое название ✨")))
    add("service_joined_by_link", "messageService with messageActionChatJoinedByLink.",
        service(203, T.MessageActionChatJoinedByLink(inviter_id=USER_ID),
                peer_id=peer_channel(MEGAGROUP_ID), from_id=peer_user(BOT_ID)))
    add("service_topic_create", "messageService with messageActionTopicCreate and ttl_period.",
        service(204, T.MessageActionTopicCreate(title="Обсуждение", icon_color=0x6FB9F0,
                                                icon_emoji_id=5_312_536_423_851_630_001),
                peer_id=peer_channel(MEGAGROUP_ID), ttl_period=86_400))
    add("service_phone_call", "messageService with messageActionPhoneCall (video, missed).",
        service(205, T.MessageActionPhoneCall(call_id=-1, video=True,
                                              reason=T.PhoneCallDiscardReasonMissed(),
                                              duration=0),
                peer_id=peer_user(), out=True))
    add("service_group_call", "messageService with messageActionGroupCall and duration.",
        service(206, T.MessageActionGroupCall(call=T.InputGroupCall(id=1, access_hash=-2),
                                              duration=3_600)))

    # --- chats and users ----------------------------------------------------
    add("channel_broadcast_full",
        "Broadcast channel with username, photo, usernames vector, restriction reasons, "
        "admin rights and flags2 fields (color, emoji status, level).",
        channel_broadcast())
    add("channel_megagroup_min",
        "Min megagroup/forum channel without access_hash, empty photo, banned rights.",
        channel_megagroup_min())
    add("channel_forbidden", "channelForbidden of a broadcast channel with until_date.",
        T.ChannelForbidden(id=CHANNEL_ID, access_hash=CHANNEL_HASH, title="Закрыто 🔒",
                           broadcast=True, until_date=D1))
    add("channel_forbidden_plain", "channelForbidden of a megagroup without until_date.",
        T.ChannelForbidden(id=MEGAGROUP_ID, access_hash=0, title="", megagroup=True))
    add("user_person",
        "Non-bot user: contact, premium, Cyrillic names, phone, profile photo, "
        "offline status, usernames, color.",
        user_person())
    add("user_bot", "Bot user with bot_info_version, inline placeholder, active users.",
        user_bot())
    add("user_self_online", "The self user with userStatusOnline and an empty phone.",
        user_online())
    add("user_deleted", "Deleted user with only id and access_hash.",
        T.User(id=1, deleted=True, access_hash=I64_MIN))
    add("user_empty", "userEmpty.", T.UserEmpty(id=USER_ID))
    add("chat_basic",
        "Basic group chat with photo, participants, version, migration and rights.",
        T.Chat(id=CHAT_ID, title="Семья 👨‍👩‍👧", photo=chat_photo(), participants_count=5,
               date=D0, version=12, creator=True, call_active=True,
               migrated_to=input_channel(MEGAGROUP_ID, MEGAGROUP_HASH),
               admin_rights=T.ChatAdminRights(change_info=True, ban_users=True,
                                              pin_messages=True, add_admins=True),
               default_banned_rights=T.ChatBannedRights(until_date=0, send_stickers=True)))
    add("chat_forbidden", "chatForbidden.", T.ChatForbidden(id=CHAT_ID, title="Забанен"))

    # --- message containers ---------------------------------------------------
    ch_msgs = [
        msg(300, message="первое", post=True, views=10, forwards=0,
            post_author="Редакция"),
        msg(299, message="", media=T.MessageMediaPhoto(photo=photo()),
            grouped_id=-1_000_000_000_000_001),
        T.MessageService(id=298, peer_id=peer_channel(), date=D0,
                         action=T.MessageActionChannelCreate(title="Хроника")),
        T.MessageEmpty(id=297, peer_id=peer_channel()),
    ]
    add("channel_messages_full",
        "messages.channelMessages with inexact, offset_id_offset, messages, chats and users.",
        T.messages.ChannelMessages(pts=1_000_001, count=300, inexact=True,
                                   offset_id_offset=-5, messages=ch_msgs, topics=[],
                                   chats=[channel_broadcast()],
                                   users=[user_person(), user_bot()]))
    add("channel_messages_empty",
        "messages.channelMessages with zero count and empty vectors.",
        T.messages.ChannelMessages(pts=0, count=0, messages=[], topics=[], chats=[], users=[]))

    album = [msg(400 + i, grouped_id=I64_MAX - 7, message="альбом" if i == 0 else "",
                 media=T.MessageMediaPhoto(photo=photo(pid=7_000 + i)))
             for i in range(3)]
    add("messages_messages_album",
        "messages.messages holding a three-photo album sharing one grouped_id.",
        T.messages.Messages(messages=album, topics=[], chats=[channel_broadcast()],
                            users=[]))
    add("messages_slice",
        "messages.messagesSlice with inexact, next_rate and offset_id_offset.",
        T.messages.MessagesSlice(count=12_345, inexact=True, next_rate=D0,
                                 offset_id_offset=100,
                                 messages=[msg(500, peer_id=T.PeerChat(chat_id=CHAT_ID),
                                               from_id=peer_user(), message="в группе")],
                                 topics=[],
                                 chats=[T.Chat(id=CHAT_ID, title="Группа",
                                               photo=T.ChatPhotoEmpty(),
                                               participants_count=3, date=D0, version=1)],
                                 users=[user_person()]))
    add("messages_not_modified", "messages.messagesNotModified.",
        T.messages.MessagesNotModified(count=777))

    add("resolved_peer_channel",
        "contacts.resolvedPeer resolving a channel username.",
        T.contacts.ResolvedPeer(peer=peer_channel(), chats=[channel_broadcast()], users=[]))
    add("resolved_peer_bot",
        "contacts.resolvedPeer resolving a bot username.",
        T.contacts.ResolvedPeer(peer=peer_user(BOT_ID), chats=[], users=[user_bot()]))

    # --- updates ------------------------------------------------------------
    add("channel_difference",
        "updates.channelDifference with new messages, edit/delete updates, chats and users.",
        T.updates.ChannelDifference(
            pts=1_000_050, final=True, timeout=30,
            new_messages=[msg(301, message="новое"), msg(302, message=LONG_TEXT)],
            other_updates=[
                T.UpdateEditChannelMessage(message=msg(300, message="первое (изм.)",
                                                       edit_date=D1),
                                           pts=1_000_049, pts_count=1),
                T.UpdateDeleteChannelMessages(channel_id=CHANNEL_ID, messages=[297, 296],
                                              pts=1_000_048, pts_count=2),
                T.UpdateNewChannelMessage(message=msg(303, message="ещё"), pts=1_000_050,
                                          pts_count=1),
            ],
            chats=[channel_broadcast()], users=[user_person()]))
    add("channel_difference_empty", "updates.channelDifferenceEmpty with final and timeout.",
        T.updates.ChannelDifferenceEmpty(pts=1_000_050, final=True, timeout=I32_MAX))
    add("channel_difference_empty_min", "updates.channelDifferenceEmpty with no flags.",
        T.updates.ChannelDifferenceEmpty(pts=1))
    add("channel_difference_too_long",
        "updates.channelDifferenceTooLong with a dialog, messages, chats and users.",
        T.updates.ChannelDifferenceTooLong(
            timeout=5,
            dialog=T.Dialog(peer=peer_channel(), top_message=303, read_inbox_max_id=300,
                            read_outbox_max_id=0, unread_count=3, unread_mentions_count=0,
                            unread_reactions_count=1, unread_poll_votes_count=0,
                            notify_settings=T.PeerNotifySettings(show_previews=True,
                                                                 silent=False,
                                                                 mute_until=I32_MAX),
                            pts=1_000_050, pinned=True, folder_id=1),
            messages=[msg(303, message="ещё")], chats=[channel_broadcast()], users=[]))

    # --- auth and account ---------------------------------------------------
    add("auth_sent_code_app",
        "auth.sentCode via the app with next_type sms and a timeout.",
        T.auth.SentCode(type=T.auth.SentCodeTypeApp(length=5),
                        phone_code_hash="a1b2c3d4e5f60718", next_type=T.auth.CodeTypeSms(),
                        timeout=120))
    add("auth_sent_code_sms", "auth.sentCode via SMS without next_type.",
        T.auth.SentCode(type=T.auth.SentCodeTypeSms(length=6), phone_code_hash=""))
    add("auth_authorization",
        "auth.authorization with a user, tmp_sessions and a 300-byte future_auth_token.",
        T.auth.Authorization(user=user_online(), setup_password_required=True,
                             otherwise_relogin_days=7, tmp_sessions=0,
                             future_auth_token=pattern(300, 99)))
    add("auth_authorization_minimal", "auth.authorization with no optional fields.",
        T.auth.Authorization(user=user_person()))

    srp_algo = T.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow(
        salt1=pattern(40, 17), salt2=pattern(16, 33), g=3, p=pattern(256, 200))
    add("account_password_srp",
        "account.password with the SHA256-PBKDF2-ModPow current algo, 256-byte srp_B, "
        "srp_id, hint and recovery.",
        T.account.Password(has_recovery=True, has_password=True, current_algo=srp_algo,
                           srp_B=pattern(256, 0), srp_id=-8_000_000_000_000_000_000,
                           hint="кот 🐈", email_unconfirmed_pattern="a***@example.org",
                           new_algo=srp_algo,
                           new_secure_algo=T.SecurePasswordKdfAlgoSHA512(salt=pattern(8, 1)),
                           secure_random=pattern(32, 5), pending_reset_date=D1,
                           login_email_pattern=""))
    add("account_password_none",
        "account.password for an account without a password (unknown algos, empty bytes).",
        T.account.Password(new_algo=T.PasswordKdfAlgoUnknown(),
                           new_secure_algo=T.SecurePasswordKdfAlgoUnknown(),
                           secure_random=b""))

    add("config",
        "config with IPv4/IPv6/media/CDN/secret dc options and optional strings.",
        T.Config(date=D0, expires=D0 + 3_600, test_mode=False, this_dc=2,
                 dc_options=[
                     T.DcOption(id=1, ip_address="149.154.175.53", port=443),
                     T.DcOption(id=1, ip_address="2001:b28:f23d:f001::a", port=443, ipv6=True),
                     T.DcOption(id=2, ip_address="149.154.167.151", port=443,
                                media_only=True, static=True),
                     T.DcOption(id=4, ip_address="149.154.167.92", port=8888,
                                this_port_only=True, tcpo_only=True,
                                secret=pattern(17, 0xEE)),
                     T.DcOption(id=203, ip_address="91.105.192.100", port=443, cdn=True),
                 ],
                 dc_txt_domain_name="apv3.stel.com", chat_size_max=200,
                 megagroup_size_max=200_000, forwarded_count_max=100,
                 online_update_period_ms=210_000, offline_blur_timeout_ms=5_000,
                 offline_idle_timeout_ms=30_000, online_cloud_timeout_ms=300_000,
                 notify_cloud_delay_ms=30_000, notify_default_delay_ms=1_500,
                 push_chat_period_ms=60_000, push_chat_limit=2, edit_time_limit=172_800,
                 revoke_time_limit=I32_MAX, revoke_pm_time_limit=I32_MAX,
                 rating_e_decay=2_419_200, stickers_recent_limit=200,
                 channels_read_media_period=604_800, tmp_sessions=None,
                 call_receive_timeout_ms=20_000, call_ring_timeout_ms=90_000,
                 call_connect_timeout_ms=30_000, call_packet_timeout_ms=10_000,
                 me_url_prefix="https://t.me/", caption_length_max=1_024,
                 message_length_max=4_096, webfile_dc_id=4,
                 default_p2p_contacts=True, revoke_pm_inbox=True, force_try_ipv6=True,
                 autoupdate_url_prefix="", gif_search_username="gif",
                 venue_search_username="foursquare", img_search_username="bing",
                 static_maps_provider="telegram", suggested_lang_code="ru",
                 lang_pack_version=1_234, base_lang_pack_version=1_200,
                 reactions_default=T.ReactionEmoji(emoticon="👍")))

    # --- requests -----------------------------------------------------------
    def history(**kw):
        base = dict(peer=input_peer_channel(), offset_id=0, offset_date=0, add_offset=0,
                    limit=100, max_id=0, min_id=0, hash=0)
        base.update(kw)
        return F.messages.GetHistoryRequest(**base)

    add("get_history_latest", "messages.getHistory for the newest 100 messages of a channel.",
        history())
    add("get_history_backward",
        "messages.getHistory paging backwards from offset_id with a hash.",
        history(offset_id=1_000, limit=50, hash=-6_148_914_691_236_517_206))
    add("get_history_forward_negative_offset",
        "messages.getHistory paging forwards: negative add_offset equal to -limit.",
        history(offset_id=1_000, add_offset=-100, limit=100))
    add("get_history_around",
        "messages.getHistory around an id: add_offset -limit/2, min_id and max_id bounds.",
        history(offset_id=5_000, add_offset=-25, limit=50, max_id=5_100, min_id=4_900))
    add("get_history_by_date", "messages.getHistory with offset_date for a user peer.",
        history(peer=T.InputPeerUser(user_id=USER_ID, access_hash=USER_HASH),
                offset_date=D1, limit=1))
    add("get_history_self", "messages.getHistory of Saved Messages (inputPeerSelf) with int32 min/max values.",
        history(peer=T.InputPeerSelf(), limit=I32_MAX, add_offset=I32_MIN))

    add("resolve_username", "contacts.resolveUsername without referer.",
        F.contacts.ResolveUsernameRequest(username="chronicle_news"))
    add("resolve_username_referer", "contacts.resolveUsername with a referer (flags.0).",
        F.contacts.ResolveUsernameRequest(username="tgcron_bot", referer="ref_ЖЖ_2025"))
    add("get_channels", "channels.getChannels with two input channels.",
        F.channels.GetChannelsRequest(id=[input_channel(),
                                          input_channel(MEGAGROUP_ID, MEGAGROUP_HASH)]))
    add("get_full_channel", "channels.getFullChannel.",
        F.channels.GetFullChannelRequest(channel=input_channel()))
    add("channels_get_messages",
        "channels.getMessages with inputMessageID, inputMessageReplyTo and inputMessagePinned.",
        F.channels.GetMessagesRequest(channel=input_channel(), id=[
            T.InputMessageID(id=1), T.InputMessageID(id=I32_MAX),
            T.InputMessageReplyTo(id=300), T.InputMessagePinned()]))
    add("get_channel_difference",
        "updates.getChannelDifference with force and channelMessagesFilterEmpty.",
        F.updates.GetChannelDifferenceRequest(channel=input_channel(),
                                              filter=T.ChannelMessagesFilterEmpty(),
                                              pts=1_000_000, limit=100, force=True))
    add("get_channel_difference_ranges",
        "updates.getChannelDifference with a channelMessagesFilter of message ranges.",
        F.updates.GetChannelDifferenceRequest(
            channel=input_channel(MEGAGROUP_ID, MEGAGROUP_HASH),
            filter=T.ChannelMessagesFilter(ranges=[T.MessageRange(min_id=1, max_id=10),
                                                   T.MessageRange(min_id=100, max_id=I32_MAX)],
                                           exclude_new_messages=True),
            pts=1, limit=100_000))
    add("send_code",
        "auth.sendCode with codeSettings flags, logout tokens and a 32-char api_hash.",
        F.auth.SendCodeRequest(phone_number="+79991234567", api_id=123_456,
                               api_hash="0123456789abcdef0123456789abcdef",
                               settings=T.CodeSettings(allow_flashcall=True,
                                                       current_number=True,
                                                       allow_app_hash=True,
                                                       allow_missed_call=True,
                                                       logout_tokens=[pattern(3, 1),
                                                                      pattern(254, 2), b""])))
    add("send_code_default_settings", "auth.sendCode with empty codeSettings.",
        F.auth.SendCodeRequest(phone_number="", api_id=1, api_hash="", settings=T.CodeSettings()))
    add("sign_in", "auth.signIn with phone, hash and code.",
        F.auth.SignInRequest(phone_number="+79991234567", phone_code_hash="a1b2c3d4e5f60718",
                             phone_code="12345"))
    add("check_password_srp",
        "auth.checkPassword with inputCheckPasswordSRP (256-byte A, 32-byte M1).",
        F.auth.CheckPasswordRequest(password=T.InputCheckPasswordSRP(
            srp_id=-8_000_000_000_000_000_000, A=pattern(256, 77), M1=pattern(32, 88))))
    add("check_password_empty", "auth.checkPassword with inputCheckPasswordEmpty.",
        F.auth.CheckPasswordRequest(password=T.InputCheckPasswordEmpty()))
    add("get_users", "users.getUsers with inputUserSelf and an inputUser.",
        F.users.GetUsersRequest(id=[T.InputUserSelf(),
                                    T.InputUser(user_id=BOT_ID, access_hash=BOT_HASH)]))
    add("help_get_config", "help.getConfig (no arguments).", F.help.GetConfigRequest())
    add("init_takeout_session",
        "account.initTakeoutSession for channels and files with a file size limit.",
        F.account.InitTakeoutSessionRequest(message_channels=True, message_megagroups=True,
                                            files=True, file_max_size=4_294_967_296))
    add("finish_takeout_session", "account.finishTakeoutSession with success.",
        F.account.FinishTakeoutSessionRequest(success=True))
    add("get_password", "account.getPassword.", F.account.GetPasswordRequest())
    add("updates_get_state", "updates.getState.", F.updates.GetStateRequest())
    add("export_authorization", "auth.exportAuthorization to DC 4.",
        F.auth.ExportAuthorizationRequest(dc_id=4))
    add("import_authorization", "auth.importAuthorization with 254 bytes.",
        F.auth.ImportAuthorizationRequest(id=USER_ID, bytes=pattern(254, 13)))
    add("upload_get_file",
        "upload.getFile of a document with a large offset (int64) and 1 MiB limit.",
        F.upload.GetFileRequest(location=T.InputDocumentFileLocation(
            id=6_000_000_000_000_000_001, access_hash=I64_MIN + 1,
            file_reference=pattern(254, 7), thumb_size=""),
            offset=3_220_176_896, limit=1_048_576, precise=True, cdn_supported=True))

    init = dict(api_id=123_456, device_model="tgcron (Linux x86_64)",
                system_version="Linux 6.8", app_version="0.1.0", system_lang_code="en-US",
                lang_pack="", lang_code="en")
    add("invoke_with_layer_init_connection",
        "invokeWithLayer(228, initConnection(..., query=help.getConfig())).",
        F.InvokeWithLayerRequest(layer=SCHEMA_LAYER, query=F.InitConnectionRequest(
            query=F.help.GetConfigRequest(), **init)))
    add("init_connection_proxy_params",
        "initConnection with proxy and JSON params wrapping users.getUsers.",
        F.InitConnectionRequest(
            query=F.users.GetUsersRequest(id=[T.InputUserSelf()]),
            proxy=T.InputClientProxy(address="proxy.example.org", port=1080),
            params=T.JsonObject(value=[
                T.JsonObjectValue(key="tz_offset", value=T.JsonNumber(value=10_800.0)),
                T.JsonObjectValue(key="device", value=T.JsonString(value="сервер")),
                T.JsonObjectValue(key="flags", value=T.JsonArray(value=[
                    T.JsonBool(value=True), T.JsonBool(value=False), T.JsonNull()])),
            ]),
            **dict(init, lang_pack="tdesktop", system_lang_code="ru-RU", lang_code="ru")))
    add("invoke_without_updates",
        "invokeWithoutUpdates wrapping messages.getHistory.",
        F.InvokeWithoutUpdatesRequest(query=history(offset_id=42, limit=10)))
    add("invoke_with_takeout",
        "invokeWithTakeout wrapping channels.getMessages with a negative takeout id.",
        F.InvokeWithTakeoutRequest(takeout_id=-5_764_607_523_034_234_880,
                                   query=F.channels.GetMessagesRequest(
                                       channel=input_channel(), id=[T.InputMessageID(id=5)])))
    add("invoke_after_msg",
        "invokeAfterMsg wrapping contacts.resolveUsername.",
        F.InvokeAfterMsgRequest(msg_id=7_453_120_405_213_417_476,
                                query=F.contacts.ResolveUsernameRequest(username="durov")))
    add("invoke_after_msgs", "invokeAfterMsgs wrapping updates.getState.",
        F.InvokeAfterMsgsRequest(msg_ids=[7_453_120_405_213_417_476,
                                          7_453_120_405_213_417_480],
                                 query=F.updates.GetStateRequest()))
    add("invoke_nested_wrappers",
        "invokeWithLayer(initConnection(invokeWithTakeout(invokeWithoutUpdates("
        "messages.getHistory)))) nesting.",
        F.InvokeWithLayerRequest(layer=SCHEMA_LAYER, query=F.InitConnectionRequest(
            query=F.InvokeWithTakeoutRequest(
                takeout_id=1, query=F.InvokeWithoutUpdatesRequest(
                    query=history(add_offset=-10, limit=10))),
            **init)))

    return out


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--schema", default=DEFAULT_SCHEMA, help="layer-228 telegram.tl")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output .jsonl path")
    args = ap.parse_args(argv)

    if telethon.__version__ != TELETHON_VERSION:
        fail(f"telethon {TELETHON_VERSION} required, found {telethon.__version__}")
    schema = Schema(args.schema)
    for cid, what in ((BOOL_TRUE, "boolTrue"), (BOOL_FALSE, "boolFalse")):
        if cid not in schema.by_id:
            fail(f"{what}#{cid:08x} missing from {args.schema}")

    fixtures = build()
    problems = []
    seen = set()
    lines = []
    for name, description, obj in fixtures:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            problems.append(f"{name}: name is not snake_case")
        if name in seen:
            problems.append(f"{name}: duplicate name")
        seen.add(name)
        problems += check_object(obj, schema, name)
        cls = generated_class(obj)
        cid = cls.CONSTRUCTOR_ID
        try:
            data = bytes(obj)
        except Exception as e:  # Telethon asserts flag consistency while serializing
            problems.append(f"{name}: Telethon cannot serialize it: {e!r}")
            continue
        if data[:4] != cid.to_bytes(4, "little"):
            problems.append(f"{name}: serialized bytes do not start with {cid:08x}")
        problems += check_round_trip(name, data)
        lines.append({
            "name": name,
            "kind": "request" if isinstance(obj, TLRequest) else "object",
            "constructor": schema.by_id[cid][0] if cid in schema.by_id else telethon_tl_name(cls),
            "constructor_id": f"{cid:08x}",
            "description": description,
            "hex": data.hex(),
        })

    if problems:
        print(f"make_telethon_fixtures: refusing to write {args.out}: "
              f"{len(problems)} problem(s) against layer {SCHEMA_LAYER}:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 1

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False, separators=(", ", ": ")) + "\n")
    os.replace(tmp, args.out)
    print(f"wrote {len(lines)} fixtures to {os.path.relpath(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
