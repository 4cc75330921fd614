"""`tgcron export --format html` (#16) opened in a real browser: Debian's Chromium, headless, renders the
exported pages of sandbox channels; the test counts message blocks against the archive, checks that every
image the page shows loads, that pagination and media links resolve to files, and that markup in message
text is shown as text. Skips when Chromium is missing, except under CI=true, where it fails."""

import json
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import zlib
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import Account

UNGOVERNED = "  rate_governor: false\n"
HOSTILE = "<script>document.title='pwned'</script> Tom & Jerry <b>bold?</b>"
# Writes each image's decoded width into the DOM once the page has loaded, for --dump-dom to show.
PROBE = ("<script>window.addEventListener('load', function () { document.querySelectorAll('img').forEach("
         "function (image) { image.setAttribute('data-natural-width', image.naturalWidth); }); });</script>")
BLOCK = re.compile(r'<div class="message (?:default clearfix(?: joined)?|service)" id="message(\d+)"')


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium package", pytrace=False)
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path


def render(page: Path) -> str:
    """The DOM of `page` after Chromium loaded it (scripts run, images decoded)."""
    out = subprocess.run([chromium(), "--headless", "--disable-gpu", "--no-sandbox", "--allow-file-access-from-files",
                          f"--user-data-dir={page.parent.parent / 'chromium-profile'}", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def png(width: int, height: int) -> bytes:
    """A valid grey PNG, so the browser has something to decode (the sandbox's files are random bytes)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def exported_ids(account, channel: str) -> list[int]:
    return [row[0] for row in account.query(
        "SELECT m.id FROM messages m JOIN channels c ON c.id = m.channel_id WHERE lower(c.username) = ? "
        "AND m.kind != 'empty' ORDER BY m.id", channel)]


def test_html_export_of_a_media_channel_renders_in_chromium_with_images_and_escaped_text(tmp_path, sandbox):
    chromium()
    account = Account(tmp_path / "alice", sandbox, settings_extra=UNGOVERNED)
    account.login()
    account.run("backfill", "@sandbox_media", "--media", "all", "--max-size", "2MB", check=0)

    # The sandbox writes no markup into texts: give one message without entities a hostile text in the archive.
    desktop = json.loads(account.run("export", "--channel", "@sandbox_media", "--format", "desktop-json",
                                     check=0).stdout)
    plain = next(m["id"] for m in desktop["messages"] if m["type"] == "message"
                 and all(part["type"] == "plain" for part in m["text_entities"]))
    with sqlite3.connect(account.db) as db:
        db.execute("UPDATE messages SET text = ? WHERE id = ? AND channel_id = (SELECT id FROM channels "
                   "WHERE lower(username) = 'sandbox_media')", (HOSTILE, plain))

    folder = tmp_path / "html"
    account.run("export", "--channel", "@sandbox_media", "--format", "html", "--with-media", str(folder),
                "--out", str(folder), check=0)
    page = folder / "messages.html"
    source = page.read_text()
    assert not (folder / "messages2.html").exists()
    for asset in ("css/style.css", "js/script.js"):
        assert (folder / asset).is_file()

    # Every link to a file of the export resolves; photos shown are the ones placed in photos/.
    links = [unquote(href) for href in re.findall(r'(?:href|src)="([^"#:]+)"', source)]
    assert links, "no links to media"
    for link in links:
        assert (folder / link).is_file(), link
    photos = sorted(set(unquote(src) for src in re.findall(r'<img class="photo" src="([^"]+)"', source)))
    assert photos and all(p.startswith("photos/photo_") for p in photos)
    # The sandbox's photos are random bytes no browser decodes: swap in real PNGs (new files: the placed ones are
    # hard links into the media store) so a naturalWidth of 0 can only mean a path the browser did not find.
    for photo in photos:
        (folder / photo).unlink()
        (folder / photo).write_bytes(png(4, 3))
    (folder / "probe.html").write_text(source.replace("</body>", PROBE + "</body>"))

    dom = render(folder / "probe.html")

    ids = [int(i) for i in BLOCK.findall(dom)]
    assert ids == exported_ids(account, "sandbox_media")
    widths = re.findall(r'<img class="photo" src="[^"]+" style="[^"]*" data-natural-width="(\d+)"', dom)
    assert len(widths) == len(re.findall(r'<img class="photo"', dom)) > 0
    assert set(widths) == {"4"}, "an image did not load"
    assert "<title>Exported Data</title>" in dom, "a script from the message text ran"
    escaped = "&lt;script&gt;document.title='pwned'&lt;/script&gt; Tom &amp; Jerry &lt;b&gt;bold?&lt;/b&gt;"
    assert escaped in dom
    assert f'id="message{plain}"' in dom

    shot = tmp_path / "messages.png"
    subprocess.run([chromium(), "--headless", "--disable-gpu", "--no-sandbox", f"--user-data-dir={tmp_path / 'profile'}",
                    f"--screenshot={shot}", "--window-size=900,1200", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_html_export_pages_hold_a_thousand_messages_and_their_links_resolve_in_chromium(tmp_path, sandbox):
    chromium()
    account = Account(tmp_path / "alice", sandbox, settings_extra=UNGOVERNED)
    account.login()
    account.run("backfill", "@sandbox_interop", "--limit", "2100", check=0)
    folder = tmp_path / "html"
    account.run("export", "--channel", "@sandbox_interop", "--format", "html", "--out", str(folder), check=0)

    ids = exported_ids(account, "sandbox_interop")
    assert len(ids) > 2000
    names = ["messages.html"] + [f"messages{n}.html" for n in range(2, (len(ids) + 999) // 1000 + 1)]
    assert sorted(p.name for p in folder.glob("messages*.html")) == sorted(names)
    seen = []
    for index, name in enumerate(names):
        dom = render(folder / name)
        page_ids = [int(i) for i in BLOCK.findall(dom)]
        assert page_ids == ids[index * 1000:(index + 1) * 1000], name
        seen += page_ids
        pagination = re.findall(r'<a class="pagination block_link" href="([^"]+)">(Previous|Next) messages</a>', dom)
        expected = ([(names[index - 1], "Previous")] if index > 0 else []) \
            + ([(names[index + 1], "Next")] if index + 1 < len(names) else [])
        assert pagination == expected, name
        # Replies to exported messages point at an anchor on the page they name (the others at none, as Desktop).
        for target, message in re.findall(r'<a href="([^"#]*)#go_to_message(\d+)"', dom):
            if int(message) not in ids:
                continue
            holder = (folder / (target or name)).read_text()
            assert f'id="message{message}"' in holder, (name, target, message)
    assert seen == ids
