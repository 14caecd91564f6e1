import Plot

/// Text made safe for HTML element content and attribute values: Plot's `escapeXML`, the
/// project's one escaper (`&`, `<`, `>` and `"` as entities, characters XML cannot hold as
/// U+FFFD), under the name the renderer uses.
public func escapeHTML(_ text: String) -> String {
    escapeXML(text)
}

/// Appends UTF-8 text to `out`, escaped as `escapeHTML` does.
func appendEscaped<Bytes: Sequence>(_ bytes: Bytes, to out: inout [UInt8]) where Bytes.Element == UInt8 {
    appendEscapedXML(bytes, to: &out)
}
