/// The style sheet, script and icons the HTML pages link, written beside them into the folders Telegram
/// Desktop's export has (`css/style.css`, `js/script.js`, `images/`); our own, small, no network.
enum HTMLExportAssets {
    /// Files by path relative to the export folder.
    static let files: [(path: String, text: String)] = [
        ("css/style.css", style),
        ("js/script.js", script),
        ("images/media_file.svg", icon("M7 3h7l5 5v13H7z")),
        ("images/media_play.svg", icon("M8 5v14l11-7z")),
        ("images/media_location.svg", icon("M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7z")),
    ]

    private static func icon(_ path: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"24\" height=\"24\" viewBox=\"0 0 24 24\">"
            + "<path fill=\"#ffffff\" d=\"\(path)\"/></svg>\n"
    }

    private static let style = """
        body { margin: 0; font: 14px/1.4 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #000; background: #fff; }
        a { color: #168acd; text-decoration: none; }
        a:hover { text-decoration: underline; }
        .page_wrap { max-width: 720px; margin: 0 auto; }
        .page_header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #e3e6e8; padding: 12px 16px; }
        .bold { font-weight: 700; }
        .details { color: #70777b; font-size: 12px; }
        .clearfix::after { content: ""; display: table; clear: both; }
        .pull_left { float: left; }
        .pull_right { float: right; }
        .block_link { display: block; }
        .pagination { padding: 12px 16px; text-align: center; background: #f5f7f8; margin: 8px 0; border-radius: 6px; }
        .history { padding: 8px 12px; }
        .message { padding: 6px 4px; border-radius: 6px; }
        .message.selected { background: #e7f3fb; transition: background 0.6s; }
        .message.service { text-align: center; }
        .message.service .body { display: inline-block; background: #f1f3f4; border-radius: 12px; padding: 3px 12px; }
        .message.joined { padding-top: 0; }
        .message .body { margin-left: 54px; }
        .message .forwarded.body { margin-left: 54px; border-left: 2px solid #c6d6e2; padding-left: 8px; }
        .userpic_wrap { margin-right: 12px; }
        .userpic { border-radius: 50%; color: #fff; text-align: center; font-weight: 700; overflow: hidden; }
        .userpic1 { background: #ff5555; } .userpic2 { background: #64bf47; } .userpic3 { background: #ffab00; }
        .userpic4 { background: #4f9cd9; } .userpic5 { background: #9884e8; } .userpic6 { background: #e671a5; }
        .userpic7 { background: #47bcd1; } .userpic8 { background: #ff8c44; }
        .from_name { color: #3892db; font-weight: 700; padding-bottom: 2px; }
        .date, .edited { margin-left: 8px; }
        .reply_to { padding-bottom: 4px; }
        .text { word-wrap: break-word; white-space: normal; }
        .text pre, .text code { font-family: Menlo, Consolas, monospace; background: #f5f7f8; }
        .text blockquote { margin: 4px 0; padding-left: 8px; border-left: 2px solid #3892db; }
        .spoiler { background: #70777b; color: transparent; border-radius: 3px; }
        .spoiler:hover { background: transparent; color: inherit; }
        .media_wrap { padding: 4px 0; }
        .photo_wrap .photo { display: block; border-radius: 6px; object-fit: cover; background: #f1f3f4; }
        .media { padding: 4px 0; }
        .media .fill { width: 48px; height: 48px; border-radius: 50%; margin-right: 12px; background: #4f9cd9 no-repeat center; }
        .media_file .fill, .media_photo .fill { background-image: url(../images/media_file.svg); }
        .media_video .fill, .media_voice_message .fill, .media_audio_file .fill { background-image: url(../images/media_play.svg); }
        .media_location .fill { background-image: url(../images/media_location.svg); }
        .media .description { color: #70777b; }
        .reactions .reaction { display: inline-block; margin: 4px 4px 0 0; padding: 1px 8px; border-radius: 12px; background: #e7f3fb; }
        .reactions .count { margin-left: 4px; }
        .signature { padding-top: 2px; }

        """

    private static let script = """
        // Scrolls to a message of this page and marks it for a moment; false stops the link when it is here.
        function GoToMessage(id) {
            var element = document.getElementById("message" + id);
            if (!element) { return true; }
            element.scrollIntoView({ block: "center" });
            element.classList.add("selected");
            setTimeout(function () { element.classList.remove("selected"); }, 1500);
            return false;
        }

        // Opens the message a link from another page asked for (#go_to_messageN).
        function CheckLocation() {
            var match = /^#go_to_message(\\d+)$/.exec(window.location.hash);
            if (match) { GoToMessage(match[1]); }
        }

        """
}
