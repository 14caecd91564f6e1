import Foundation

/// The digest a `Content-Security-Policy` names an inline script by (`'sha256-…'`), so the
/// served pages may keep the template's one inline script and run no other.
public enum ScriptDigest {
    /// SHA-256 of the script's UTF-8 text, in base64.
    public static func sha256Base64(_ text: String) -> String {
        let hex = SHA256.hex(text)
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return Data(bytes).base64EncodedString()
    }
}
