import TL

extension SandboxAPI {
    /// `help.getConfig`: the sandbox's own DC list (DC 1 and 2 on the configured host and ports) and plausible limits.
    func config(context: RequestContext) -> Api.Config {
        let options = configuration.dcPorts.keys.sorted().compactMap { dc in
            configuration.dcPorts[dc].map { Api.DcOption(id: Int32(dc), ipAddress: configuration.host, port: Int32($0)) }
        }
        let now = Int32(clamping: context.unixNow)
        return Api.Config(
            date: now, expires: now + 3_600, testMode: true, thisDc: Int32(context.caller.dc), dcOptions: options,
            dcTxtDomainName: "sandbox.invalid", chatSizeMax: 200, megagroupSizeMax: 200_000, forwardedCountMax: 100,
            onlineUpdatePeriodMs: 210_000, offlineBlurTimeoutMs: 5_000, offlineIdleTimeoutMs: 30_000,
            onlineCloudTimeoutMs: 300_000, notifyCloudDelayMs: 30_000, notifyDefaultDelayMs: 1_500,
            pushChatPeriodMs: 60_000, pushChatLimit: 2, editTimeLimit: 172_800, revokeTimeLimit: 2_147_483_647,
            revokePmTimeLimit: 2_147_483_647, ratingEDecay: 2_419_200, stickersRecentLimit: 200,
            channelsReadMediaPeriod: 604_800, callReceiveTimeoutMs: 20_000, callRingTimeoutMs: 90_000,
            callConnectTimeoutMs: 30_000, callPacketTimeoutMs: 10_000, meUrlPrefix: "https://t.me/",
            captionLengthMax: 1_024, messageLengthMax: 4_096, webfileDcId: 2)
    }
}
