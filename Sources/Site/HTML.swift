/// Text made safe for HTML element content and attribute values: `&`, `<`, `>` and `"`
/// become entities; everything else is kept.
public func escapeHTML(_ text: String) -> String {
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count + 32)
    appendEscaped(utf8, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// Appends UTF-8 text to `out` with `&`, `<`, `>` and `"` as entities.
func appendEscaped<Bytes: Sequence>(_ bytes: Bytes, to out: inout [UInt8]) where Bytes.Element == UInt8 {
    for byte in bytes {
        switch byte {
        case 0x26: out.append(contentsOf: "&amp;".utf8)
        case 0x3C: out.append(contentsOf: "&lt;".utf8)
        case 0x3E: out.append(contentsOf: "&gt;".utf8)
        case 0x22: out.append(contentsOf: "&quot;".utf8)
        default: out.append(byte)
        }
    }
}
