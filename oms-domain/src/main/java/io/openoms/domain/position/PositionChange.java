package io.openoms.domain.position;

/** What one fill did to a position. */
public enum PositionChange {
    /** Opened a new position from flat. */
    OPENED,
    /** Added to the position in its own direction. */
    INCREASED,
    /** Took part of the position off, leaving it open on the same side. */
    REDUCED,
    /** Brought the position back to flat; it is now closed and kept in the history. */
    CLOSED,
    /** Closed the whole position and opened the other side with the rest of the fill. */
    REVERSED,
    /** The fill's trade id was already applied to this key; nothing changed. */
    DUPLICATE
}
