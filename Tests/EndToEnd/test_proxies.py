"""Proxies (issue #20): a harvest through a local SOCKS5 server (RFC 1928/1929) and through an MTProxy-style
relay that reads the obfuscated header with the proxy's secret, checks the DC id in bytes 60-61 and relays
to the sandbox's DC; settings that name a proxy badly are refused with their place, never showing a secret."""

import hashlib
import os
import socket
import struct
import threading

import pyaes

from conftest import Account

SECRET = "0123456789abcdef0123456789abcdef"


def pump(source, target, transform=lambda data: data):
    try:
        while data := source.recv(65536):
            target.sendall(transform(data))
    except OSError:
        pass
    finally:
        for end in (source, target):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def read_exactly(connection, count):
    data = b""
    while len(data) < count:
        chunk = connection.recv(count - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


class Listener:
    """A loopback TCP server handling each connection on its own thread with `handle`."""

    def __init__(self, handle):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.handle = handle
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            threading.Thread(target=self.handle, args=(connection,), daemon=True).start()

    def close(self):
        self.socket.close()


class Socks5Server(Listener):
    """RFC 1928 CONNECT by domain name or IPv4, with RFC 1929 username/password required."""

    def __init__(self, username, password):
        self.credentials = (username.encode(), password.encode())
        self.tunnels = []
        super().__init__(self.serve)

    def serve(self, client):
        version, count = read_exactly(client, 2)
        methods = read_exactly(client, count)
        if version != 5 or 2 not in methods:
            client.sendall(b"\x05\xff")
            return client.close()
        client.sendall(b"\x05\x02")
        _, user_length = read_exactly(client, 2)
        user = read_exactly(client, user_length)
        password = read_exactly(client, read_exactly(client, 1)[0])
        if (user, password) != self.credentials:
            client.sendall(b"\x01\x01")
            return client.close()
        client.sendall(b"\x01\x00")
        _, command, _, kind = read_exactly(client, 4)
        host = read_exactly(client, read_exactly(client, 1)[0]).decode() if kind == 3 else \
            socket.inet_ntoa(read_exactly(client, 4))
        port = struct.unpack(">H", read_exactly(client, 2))[0]
        upstream = socket.create_connection((host, port))
        self.tunnels.append((host, port))
        client.sendall(b"\x05\x00\x00\x01" + socket.inet_aton("127.0.0.1") + struct.pack(">H", port))
        threading.Thread(target=pump, args=(upstream, client), daemon=True).start()
        pump(client, upstream)


def ctr(key, iv):
    return pyaes.AESModeOfOperationCTR(key, counter=pyaes.Counter(int.from_bytes(iv, "big")))


class MTProxyRelay(Listener):
    """Reads the client's obfuscated header keyed with the secret, records its tag and DC id (bytes 56-59 and
    60-61, little-endian int16), then relays the decrypted stream to that DC of the sandbox inside a fresh
    obfuscated connection of its own (as MTProxy does to Telegram's DCs)."""

    def __init__(self, secret_hex, dc_ports):
        self.secret = bytes.fromhex(secret_hex)[-16:]  # a dd secret: the 16 bytes after the dd
        self.dc_ports = dc_ports
        self.seen = []
        super().__init__(self.serve)

    def serve(self, client):
        header = read_exactly(client, 64)
        reverse = header[8:56][::-1]
        receive = ctr(hashlib.sha256(header[8:40] + self.secret).digest(), header[40:56])
        send = ctr(hashlib.sha256(reverse[:32] + self.secret).digest(), reverse[32:48])
        plain = receive.encrypt(header)
        tag, dc = plain[56:60], struct.unpack("<h", plain[60:62])[0]
        self.seen.append((tag.hex(), dc))
        if dc not in self.dc_ports:
            return client.close()
        upstream = socket.create_connection(("127.0.0.1", self.dc_ports[dc]))
        while True:  # a header the sandbox cannot mistake for another protocol
            own = bytearray(os.urandom(64))
            if own[0] != 0xEF and own[4:8] != b"\0\0\0\0" and bytes(own[:4]) not in (b"\xee" * 4, b"\xdd" * 4):
                break
        own[56:60] = tag
        own_reverse = bytes(own[8:56])[::-1]
        up_send = ctr(bytes(own[8:40]), bytes(own[40:56]))
        up_receive = ctr(own_reverse[:32], own_reverse[32:48])
        encrypted = up_send.encrypt(bytes(own))
        upstream.sendall(bytes(own[:56]) + encrypted[56:])
        threading.Thread(target=pump, args=(upstream, client, lambda d: send.encrypt(up_receive.decrypt(d))),
                         daemon=True).start()
        pump(client, upstream, lambda d: up_send.encrypt(receive.decrypt(d)))


def harvest_through(tmp_path, sandbox, proxy_line):
    account = Account(tmp_path / "proxied", sandbox, settings_extra=f"  proxy: {proxy_line}\n")
    account.run("login", "--code", "22222", check=0)
    result = account.run("backfill", "@sandbox_news", check=0)
    assert account.archived_ids("sandbox_news") == sandbox.truth_ids("@sandbox_news")
    return result


def test_a_harvest_through_a_socks5_proxy_with_a_password(tmp_path, sandbox):
    server = Socks5Server("ops", "s3cret-pass")
    try:
        result = harvest_through(tmp_path, sandbox, f"socks5://ops:s3cret-pass@127.0.0.1:{server.port}")
        assert ("127.0.0.1", sandbox.manifest["dcs"]["2"]) in server.tunnels
        assert "s3cret-pass" not in result.stderr and "socks5://ops:***@" in result.stderr
    finally:
        server.close()


def test_a_harvest_through_an_mtproxy_relay_that_checks_the_dc_id(tmp_path, sandbox):
    ports = {int(dc): port for dc, port in sandbox.manifest["dcs"].items()}
    relay = MTProxyRelay("dd" + SECRET, ports)
    try:
        result = harvest_through(tmp_path, sandbox, f"'mtproxy://127.0.0.1:{relay.port}?secret=dd{SECRET}'")
        assert relay.seen and all(seen == ("dddddddd", 2) for seen in relay.seen), relay.seen
        assert SECRET not in result.stderr
    finally:
        relay.close()


def test_bad_proxy_settings_are_refused_with_their_place_and_without_the_secret(tmp_path, sandbox):
    cases = {
        "'ftp://127.0.0.1:1'": "none of socks5, mtproxy",
        "'socks5://127.0.0.1'": "port",
        f"'mtproxy://127.0.0.1:443?secret=zz{SECRET[2:]}'": "hexadecimal",
        f"'mtproxy://127.0.0.1:443?secret=ee{SECRET}6578616d706c652e636f6d'": "fake-TLS",
        "'mtproxy://127.0.0.1:443'": "secret",
    }
    for line, problem in cases.items():
        account = Account(tmp_path / str(abs(hash(line))), sandbox, settings_extra=f"  proxy: {line}\n")
        result = account.run("status")
        assert result.returncode == 78, result
        assert f"{account.settings}:7:10: 'telegram_client.proxy'" in result.stderr and problem in result.stderr, result.stderr
        assert SECRET[4:] not in result.stderr
