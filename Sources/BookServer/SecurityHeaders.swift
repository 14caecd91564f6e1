import FlyingFox
import Literate

/// Headers on every response of `book serve`: never framed by another page (clickjacking a
/// Run button), no content-type guessing, no referrer (the page's address holds the token).
/// No response carries an `Access-Control-*` header: other origins get nothing.
enum SecurityHeaders {
    static var common: HTTPHeaders {
        var headers = HTTPHeaders()
        headers[HTTPHeader("Content-Security-Policy")] = "frame-ancestors 'none'"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        headers[HTTPHeader("X-Frame-Options")] = "DENY"
        headers[HTTPHeader("Referrer-Policy")] = "no-referrer"
        return headers
    }

    /// The policy of an HTML page: its own files only, scripts from the site plus the page's
    /// inline scripts by digest (the template's theme switch), connections to itself only.
    static func policy(forPage html: String) -> String {
        let digests = inlineScripts(in: html).map { "'sha256-\(ScriptDigest.sha256Base64($0))'" }
        return ["default-src 'self'", "script-src 'self'" + digests.map { " " + $0 }.joined(),
                "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'",
                "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].joined(separator: "; ")
    }

    /// The text of every `<script>` element without a `src`.
    static func inlineScripts(in html: String) -> [String] {
        var scripts: [String] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<script") {
            guard let end = rest[open.upperBound...].range(of: ">") else { break }
            let attributes = rest[open.upperBound..<end.lowerBound]
            guard let close = rest[end.upperBound...].range(of: "</script>") else { break }
            if !attributes.contains("src=") { scripts.append(String(rest[end.upperBound..<close.lowerBound])) }
            rest = rest[close.upperBound...]
        }
        return scripts
    }
}
