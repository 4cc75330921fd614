"""Telethon 1.45 against the sandbox's forum supergroup (@sandbox_forum) and private channel by invite link:
`iter_messages(forum)` gives every message as `tgcron sandbox truth` holds it, each in the topic the truth
says (Telethon's own reading of `reply_to.forum_topic`, `reply_to_top_id` and the topic creation actions);
`CheckChatInviteRequest` / `ImportChatInviteRequest` join the private channel, which then reads as its truth."""

from telethon.errors import InviteHashExpiredError
from telethon.tl.functions.messages import CheckChatInviteRequest, ImportChatInviteRequest
from telethon.tl.types import ChatInvite, ChatInviteAlready, MessageActionTopicCreate, PeerChannel, PeerUser

from test_sandbox_telethon import client_for, run


def topic_of(message) -> int:
    """The topic Telethon's message is in, by Telegram's rules (https://core.telegram.org/api/forum)."""
    if isinstance(getattr(message, "action", None), MessageActionTopicCreate):
        return message.id
    reply = message.reply_to
    if reply is not None and reply.forum_topic:
        return reply.reply_to_top_id or reply.reply_to_msg_id
    return 1


def test_client_reads_the_forum_with_every_message_in_its_topic(frozen_sandbox):
    alice = frozen_sandbox.account("Alice")
    truth = frozen_sandbox.truth("@sandbox_forum")

    async def scenario():
        client = client_for(frozen_sandbox, alice["dc"])
        await client.start(phone=alice["phone"], code_callback=lambda: alice["code"])
        try:
            forum = await client.get_entity("@sandbox_forum")
            return forum, [m async for m in client.iter_messages(forum, limit=None, wait_time=0)]
        finally:
            await client.disconnect()

    forum, served = run(scenario())
    assert forum.megagroup and forum.forum and not forum.broadcast
    served = sorted(served, key=lambda m: m.id)
    assert [m.id for m in served] == [t["id"] for t in truth]
    assert [int(m.date.timestamp()) for m in served] == [t["date"] for t in truth]
    assert [getattr(m, "message", None) for m in served] == [t.get("text") for t in truth]
    assert [topic_of(m) for m in served] == [t["topic_id"] for t in truth]
    assert len({t["topic_id"] for t in truth}) == 6
    senders = [m.from_id for m in served if m.from_id is not None]
    assert any(isinstance(s, PeerChannel) for s in senders) and any(isinstance(s, PeerUser) for s in senders)


def test_client_joins_the_private_channel_by_invite_link_and_reads_it(frozen_sandbox):
    alice = frozen_sandbox.account("Alice")
    truth = frozen_sandbox.truth("sandbox_private")

    async def scenario():
        client = client_for(frozen_sandbox, alice["dc"])
        await client.start(phone=alice["phone"], code_callback=lambda: alice["code"])
        try:
            try:
                await client(CheckChatInviteRequest("SbxExpiredLink02"))
                expired = False
            except InviteHashExpiredError:
                expired = True
            before = await client(CheckChatInviteRequest("SbxPrivateJoin01"))
            joined = await client(ImportChatInviteRequest("SbxPrivateJoin01"))
            after = await client(CheckChatInviteRequest("SbxPrivateJoin01"))
            channel = joined.updates.chats[0] if hasattr(joined, "updates") else joined.chats[0]
            messages = [m async for m in client.iter_messages(channel, limit=None, wait_time=0)]
            return expired, before, after, channel, messages
        finally:
            await client.disconnect()

    expired, before, after, channel, messages = run(scenario())
    assert expired
    assert isinstance(before, ChatInvite) and before.channel and before.title == "Sandbox Private"
    assert isinstance(after, ChatInviteAlready) and after.chat.id == channel.id
    assert channel.username is None
    assert [m.id for m in sorted(messages, key=lambda m: m.id)] == [t["id"] for t in truth]
