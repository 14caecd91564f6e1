/// One frame of a figure in frames: a complete figure and the value of the parameter it
/// was drawn for, as the reader should see it (`α = 0.4`).
public struct Frame: Equatable, Sendable {
    /// The parameter's value for this frame, shown beside the slider: `α = 0.4`.
    public var label: String
    /// The drawing for this value; its `alt` describes this frame.
    public var figure: Figure

    /// A frame showing `figure`, labelled `label`.
    public init(_ label: String, _ figure: Figure) {
        self.label = label
        self.figure = figure
    }
}

/// A figure in frames, one per value of a parameter, which the website shows one at a time
/// under a slider: gradient descent on a parabola for several learning rates, say.
///
/// ```swift
/// let frames = Frames(parameter: "learning rate α", caption: "What to watch for.",
///                     alt: "What the frames show, together.",
///                     frames: [0.1, 0.4, 0.9].map { alpha in Frame("α = \(alpha)", drawing(alpha)) })
/// show(frames)
/// ```
/// Every frame is drawn by the chapter's code, at the same size and with the same axes (give
/// the plots `xRange:` and `yRange:`), so moving the slider changes only the data, never
/// the layout. Without JavaScript, and in print, the website shows every frame, labelled.
public struct Frames: Equatable, Sendable {
    /// What the slider changes, as its label reads: `learning rate α`.
    public var parameter: String
    /// One or two sentences printed under the figure: what to watch for as the slider moves.
    public var caption: String
    /// What the frames show together, for readers who cannot see them.
    public var alt: String
    /// The frames, in slider order.
    public private(set) var frames: [Frame]

    /// A figure in `frames`, in slider order; stops the program with a message saying what to
    /// fix when there are fewer than two frames, a label is empty or repeated, two frames are
    /// the same drawing, or the frames differ in size or axes.
    public init(parameter: String, caption: String, alt: String, frames: [Frame]) {
        if let problem = Self.problem(parameter: parameter, frames: frames) { require(false, problem) }
        self.parameter = parameter
        self.caption = caption
        self.alt = alt
        self.frames = frames
    }

    /// What is wrong with these frames, as a message that says what to fix; nil when nothing is.
    static func problem(parameter: String, frames: [Frame]) -> String? {
        if parameter.isEmpty { return "frames need a parameter: name what the slider changes, e.g. parameter: \"learning rate α\"" }
        guard let first = frames.first else {
            return "frames for \"\(parameter)\" are empty; give one Frame(label, figure) per value of \(parameter)"
        }
        if frames.count == 1 {
            return "frames for \"\(parameter)\" have only one frame (\"\(first.label)\"); a slider needs at least two, or show the figure alone with show(figure)"
        }
        var seen: Set<String> = []
        var drawings: [String: String] = [:]
        for (index, frame) in frames.enumerated() {
            if frame.label.isEmpty { return "frame \(index + 1) of \"\(parameter)\" has an empty label; label it with its value, e.g. \"α = 0.4\"" }
            if !seen.insert(frame.label).inserted { return "two frames are labelled \"\(frame.label)\"; give each frame its own value" }
            // The same drawing twice would also repeat its ids on the page.
            if let other = drawings.updateValue(frame.label, forKey: frame.figure.svg) {
                return "frames \"\(other)\" and \"\(frame.label)\" are the same drawing; draw each frame from its own value"
            }
            if frame.figure.viewBox != first.figure.viewBox {
                return "frame \"\(frame.label)\" is \(size(frame.figure)) but frame \"\(first.label)\" is \(size(first.figure)); "
                    + "draw every frame at the same size, so the page does not jump as the slider moves"
            }
            if frame.figure.axes != first.figure.axes {
                return "frame \"\(frame.label)\" has \(frame.figure.axes ?? "no axes") but frame \"\(first.label)\" has \(first.figure.axes ?? "no axes"); "
                    + "fix the axes with xRange: and yRange: (and the same legend), so they stay put as the slider moves"
            }
        }
        return nil
    }

    /// `640 × 420`, from the viewBox, for messages.
    private static func size(_ figure: Figure) -> String {
        guard let box = figure.viewBox else { return "without a viewBox" }
        let parts = box.split(separator: " ")
        return parts.count == 4 ? "\(parts[2]) × \(parts[3])" : "viewBox \"\(box)\""
    }
}
