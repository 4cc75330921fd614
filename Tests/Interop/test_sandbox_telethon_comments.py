"""Telethon 1.45 against the sandbox's discussion group (@sandbox_talk and @sandbox_talk_chat): the group
is a megagroup linked to its channel, `iter_messages(channel, reply_to=post)` (messages.getReplies) gives
each sampled thread as `tgcron sandbox truth --comments` holds it, and `iter_messages(group)` the whole group."""

from collections import Counter

from telethon.tl.functions.channels import GetFullChannelRequest

from test_sandbox_telethon import client_for, run


def test_client_reads_threads_and_the_discussion_group_as_the_truth_holds_them(frozen_sandbox):
    alice = frozen_sandbox.account("Alice")
    truth = frozen_sandbox.comments_truth("@sandbox_talk")
    comments = Counter(t["post"] for t in truth if t["kind"] == "comment")
    busiest = [post for post, _ in comments.most_common(3)]
    quiet = sorted(post for post, count in comments.items() if 0 < count < 5)[:3]
    empty = [t["post"] for t in truth if t["kind"] == "copy" and t["post"] not in comments][:2]
    sampled = busiest + quiet + empty
    assert comments[busiest[0]] >= 100 and len(sampled) == 8

    async def scenario():
        client = client_for(frozen_sandbox, alice["dc"])
        await client.start(phone=alice["phone"], code_callback=lambda: alice["code"])
        try:
            channel = await client.get_entity("@sandbox_talk")
            group = await client.get_entity("@sandbox_talk_chat")
            full = await client(GetFullChannelRequest(channel))
            threads = {post: [m async for m in client.iter_messages(channel, reply_to=post, limit=None, wait_time=0)]
                       for post in sampled}
            whole = [m async for m in client.iter_messages(group, limit=None, wait_time=0)]
            return channel, group, full, threads, whole
        finally:
            await client.disconnect()

    channel, group, full, threads, whole = run(scenario())
    assert group.megagroup and not group.broadcast
    assert full.full_chat.linked_chat_id == group.id
    for post in sampled:
        expected = [t for t in truth if t["kind"] == "comment" and t["post"] == post]
        served = sorted(threads[post], key=lambda m: m.id)
        assert [m.id for m in served] == [t["id"] for t in expected], post
        assert [m.message for m in served] == [t["text"] for t in expected], post
        assert [m.reply_to.reply_to_msg_id for m in served] == [t["reply_to_msg_id"] for t in expected], post
    served = sorted(whole, key=lambda m: m.id)
    assert [m.id for m in served] == [t["id"] for t in truth]
    assert [int(m.date.timestamp()) for m in served] == [t["date"] for t in truth]
    assert [m.edit_date and int(m.edit_date.timestamp()) for m in served] == [t.get("edit_date") for t in truth]
    assert [m.message for m in served] == [t["text"] for t in truth]
    senders = [m.sender_id for m in served if m.fwd_from is None]
    assert all(s is not None for s in senders)
    copies = [m for m in served if m.fwd_from is not None]
    assert all(m.fwd_from.channel_post == t["post"] for m, t in zip(copies, [t for t in truth if t["kind"] == "copy"]))
