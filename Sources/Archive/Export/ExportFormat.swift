/// The export formats, by the names the command line uses.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// One JSON object per line: the full decoded TL message plus archive metadata.
    case jsonl
    /// A spreadsheet-friendly table of the main fields.
    case csv
    /// Telegram Desktop's `result.json` (one channel).
    case desktopJSON = "desktop-json"
    /// Telegram Desktop's HTML pages (`messages.html`, …), one channel, written into a folder.
    case html
}
