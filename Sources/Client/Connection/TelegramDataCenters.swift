/// The IPv4 addresses of Telegram's production data centers, used until `help.getConfig` answers.
///
/// Facts from Telegram Desktop's `kBuiltInDcs` in Telegram/SourceFiles/mtproto/mtproto_dc_options.cpp
/// (github.com/telegramdesktop/tdesktop), the first address listed for each DC.
enum TelegramDataCenters {
    /// DC 1–5, port 443.
    static let production: [DataCenterAddress] = [
        DataCenterAddress(dc: 1, host: "149.154.175.50", port: 443),
        DataCenterAddress(dc: 2, host: "149.154.167.51", port: 443),
        DataCenterAddress(dc: 3, host: "149.154.175.100", port: 443),
        DataCenterAddress(dc: 4, host: "149.154.167.91", port: 443),
        DataCenterAddress(dc: 5, host: "149.154.171.5", port: 443),
    ]
}
