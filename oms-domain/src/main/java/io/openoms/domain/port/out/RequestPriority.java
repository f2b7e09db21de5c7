package io.openoms.domain.port.out;

/**
 * Who goes first when a broker's budget is short: cancels, then orders that reduce exposure, then
 * everything else. A higher priority is never starved by a lower one.
 */
public enum RequestPriority {
    CANCEL,
    REDUCING,
    NORMAL
}
