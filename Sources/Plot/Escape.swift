/// Text made safe inside XML or HTML: the one escaper of this project, used by Plot's SVG, the
/// site's pages and `book check`'s JUnit report.
///
/// - `&`, `<`, `>` and `"` become `&amp;`, `&lt;`, `&gt;` and `&quot;`. That covers element
///   content and attribute values written in double quotes, which is how every attribute here
///   is written, so `'` stays as it is.
/// - A character XML 1.0 cannot hold at all (a control character other than tab, line feed and
///   carriage return; U+FFFE; U+FFFF) becomes U+FFFD, so an SVG file or a report stays
///   well-formed (HTML would only warn).
/// - With `attribute` true, tab, line feed and carriage return become `&#9;`, `&#10;` and
///   `&#13;`: an XML parser turns them into spaces in an attribute value when written raw.
///
/// It lives in Plot because Plot is compiled on its own for chapter code and may depend on
/// nothing; the engine and the site import it from here.
public func escapeXML(_ text: String, attribute: Bool = false) -> String {
    let utf8 = text.utf8
    guard utf8.contains(where: { needsEscaping($0, attribute: attribute) }) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count + 32)
    appendEscapedXML(utf8, to: &out, attribute: attribute)
    return String(decoding: out, as: UTF8.self)
}

/// `escapeXML` for UTF-8 bytes, appended to `out` (the site builds its pages as bytes).
public func appendEscapedXML<Bytes: Sequence>(_ bytes: Bytes, to out: inout [UInt8], attribute: Bool = false)
    where Bytes.Element == UInt8 {
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF: the two lead bytes wait for the third.
    var pending = 0
    for byte in bytes {
        if pending == 2 {
            pending = 0
            if byte == 0xBE || byte == 0xBF {
                out.append(contentsOf: replacement)
                continue
            }
            out.append(contentsOf: [0xEF, 0xBF])
        } else if pending == 1 {
            if byte == 0xBF {
                pending = 2
                continue
            }
            pending = 0
            out.append(0xEF)
        }
        switch byte {
        case 0x26: out.append(contentsOf: "&amp;".utf8)
        case 0x3C: out.append(contentsOf: "&lt;".utf8)
        case 0x3E: out.append(contentsOf: "&gt;".utf8)
        case 0x22: out.append(contentsOf: "&quot;".utf8)
        case 0x09, 0x0A, 0x0D:
            if attribute { out.append(contentsOf: "&#\(byte);".utf8) } else { out.append(byte) }
        case 0xEF: pending = 1
        case 0x00..<0x20: out.append(contentsOf: replacement)
        default: out.append(byte)
        }
    }
    if pending >= 1 { out.append(0xEF) }
    if pending == 2 { out.append(0xBF) }
}

/// U+FFFD REPLACEMENT CHARACTER in UTF-8.
private let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

/// Whether `byte` may change in `appendEscapedXML` (0xEF may start U+FFFE or U+FFFF).
private func needsEscaping(_ byte: UInt8, attribute: Bool) -> Bool {
    switch byte {
    case 0x26, 0x3C, 0x3E, 0x22, 0xEF: return true
    case 0x09, 0x0A, 0x0D: return attribute
    default: return byte < 0x20
    }
}
