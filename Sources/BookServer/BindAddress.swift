/// Where `book serve` may listen: loopback, unless the user says otherwise in so many words.
public enum BindAddress {
    /// The loopback addresses, as the user may write them.
    static let loopback: Set<String> = ["127.0.0.1", "::1", "localhost"]

    /// The address to listen on for `requested`, and a warning to print when it is not
    /// loopback; throws when it is not loopback and `allowRemote` is false.
    public static func choose(_ requested: String, allowRemote: Bool) throws -> (address: String, warning: String?) {
        let address = requested == "localhost" ? "127.0.0.1" : requested
        if loopback.contains(requested) { return (address, nil) }
        guard allowRemote else {
            throw AccessPolicy.Refusal(status: 0, message: "--bind \(requested) is not a loopback address: pages served there could run code on this machine; add --allow-remote if that is what you want")
        }
        return (address, "warning: serving on \(requested), not loopback: whoever reaches this address and learns the token can run code as you")
    }
}
