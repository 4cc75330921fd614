import MTProto
import MTProtoCrypto
import NIOCore
import NIOPosix

extension MTProtoConnection {
    /// Keeps a link up until the connection stops: connect, serve until the link is lost, wait
    /// the policy's backoff, again. After the policy's number of consecutive attempts on which the
    /// server never proved it shares the key, it gives up: pending calls fail with the last error,
    /// and the next call starts connecting afresh.
    func superviseLinks() async {
        var failures = 0
        while !isStopped, !Task.isCancelled {
            let (error, worked) = await runLink()
            guard !isStopped, !Task.isCancelled else { return }
            failures = worked ? 0 : failures + 1
            if worked { keyRejections = 0 }
            logger.warning("link lost", metadata: ["reason": "\(error)", "failed_attempts": "\(failures)"])
            eventSink.yield(.disconnected(error))
            if configuration.reconnect.isExhausted(afterFailures: failures) {
                suspend(reason: error)
                return
            }
            let delay = configuration.reconnect.delay(afterFailures: failures, random: &random)
            logger.info("reconnecting", metadata: [
                "dc": "\(configuration.dataCenterID)", "after": "\(delay)", "failed_attempts": "\(failures)",
                "gives_up_after": "\(configuration.reconnect.maximumFailedAttempts.map(String.init) ?? "never")",
            ])
            eventSink.yield(.reconnecting(after: delay))
            do {
                try await Task.sleep(for: delay)
            } catch {
                return
            }
        }
    }

    /// Fails pending calls with `reason` and ends supervision until the next call.
    private func suspend(reason: ConnectionError) {
        logger.error("giving up reconnecting", metadata: ["reason": "\(reason)"])
        for call in calls.removeAll() {
            call.finish(.failure(reason))
        }
        eventSink.yield(.suspended(reason))
        supervisor = nil
    }

    /// Connects and serves one link; returns why it ended and whether it worked (`Link.hasWorked`).
    private func runLink() async -> (error: ConnectionError, worked: Bool) {
        let generation = linkGenerations
        linkGenerations += 1
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            try await loadStoredSessionIfNeeded()
            channel = try await connectChannel()
        } catch {
            return (ConnectionError(error), false)
        }
        return await serve(channel, generation: generation)
    }

    /// Opens the TCP connection, to the data center or to the proxy, and through a SOCKS5 proxy the tunnel.
    private func connectChannel() async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        let (host, port) = configuration.proxy?.endpoint ?? (configuration.host, configuration.port)
        logger.debug("connecting", metadata: [
            "host": "\(host)", "port": "\(port)", "proxy": "\(configuration.proxy.map(String.init(describing:)) ?? "none")",
        ])
        let socks: (credentials: SOCKS5Credentials?, Void)? = if case .socks5(_, _, let credentials) = configuration.proxy {
            (credentials, ())
        } else {
            nil
        }
        let (target, targetPort) = (configuration.host, configuration.port)
        let (channel, opened) = try await ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    var opened: EventLoopFuture<Void>?
                    if let socks {
                        let promise = channel.eventLoop.makePromise(of: Void.self)
                        try channel.pipeline.syncOperations.addHandler(SOCKS5HandshakeHandler(
                            host: target, port: targetPort, credentials: socks.credentials, opened: promise))
                        opened = promise.futureResult
                    }
                    return (try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel), opened)
                }
            }
        if let opened {
            do {
                try await opened.get()
            } catch {
                try? await channel.channel.close()
                throw error
            }
        }
        return channel
    }

    /// Starts the session from the stored key, if there is no session and a key is stored.
    private func loadStoredSessionIfNeeded() async throws(ConnectionError) {
        guard session == nil else { return }
        let stored: StoredAuthKey?
        do {
            stored = try await storage.authKey(forDataCenter: configuration.dataCenterID)
        } catch {
            throw .storage(String(describing: error))
        }
        guard let stored, session == nil else { return }
        guard let key = try? AuthKey(stored.authKey) else {
            logger.warning("ignoring a stored auth key of the wrong length", metadata: ["length": "\(stored.authKey.count)"])
            return
        }
        session = ClientSession(
            authKey: key, salt: stored.salt, timeOffset: stored.timeOffset,
            configuration: configuration.session, random: &random)
        persisted = stored
        pushWaitingCalls()
        logger.debug("using the stored auth key", metadata: ["auth_key_id": "\(key.id)"])
    }

    /// Saves the session's key, salt and time offset if they changed since the last save.
    func persistSessionIfChanged() async {
        guard let session else { return }
        let current = StoredAuthKey(authKey: session.authKey.bytes, salt: session.salt, timeOffset: session.timeOffset)
        guard current != persisted else { return }
        persisted = current
        do {
            try await storage.save(current, forDataCenter: configuration.dataCenterID)
        } catch {
            logger.error("cannot save the auth key", metadata: ["error": "\(error)"])
        }
    }

    /// Counts a link the server answered -404 ("unknown auth key"). The key is kept and tried again on
    /// the next link; only after `keyRejectionsBeforeNewKey` such links in a row is it retired.
    func keyRejected() async {
        keyRejections += 1
        let limit = configuration.keyRejectionsBeforeNewKey
        guard keyRejections >= limit else {
            logger.warning("the server answered -404 (unknown auth key); keeping the key and trying a new connection",
                           metadata: ["rejections": "\(keyRejections)", "limit": "\(limit)"])
            return
        }
        logger.error("""
            the server rejected the auth key on \(keyRejections) connections in a row; retiring it (kept aside \
            in the storage) and creating a new one, which needs `tgcron login`
            """)
        keyRejections = 0
        await forgetAuthKey()
    }

    /// Drops the session and retires its key after the server repeatedly said it does not know the key:
    /// pending calls wait for a new key exchange, then go out again.
    func forgetAuthKey() async {
        session = nil
        persisted = nil
        calls.detachFromSession()
        do {
            try await storage.removeAuthKey(forDataCenter: configuration.dataCenterID)
        } catch {
            logger.error("cannot remove the rejected auth key", metadata: ["error": "\(error)"])
        }
    }
}
