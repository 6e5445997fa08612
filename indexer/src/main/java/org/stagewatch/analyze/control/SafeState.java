package org.stagewatch.analyze.control;

import java.util.List;

/**
 * A Safe at one block: who signs, how many must, which modules act alone, which guards check.
 *
 * @param version  VERSION() read at the start block, else the event layout seen ("1.1–1.3 layout" / "1.4–1.5 layout"), else null
 * @param guard    the transaction guard, null when none; {@code moduleGuard} likewise (v1.5)
 * @param history  every change at or before the block, oldest first, starting with the start-block reading if any
 */
public record SafeState(Node safe, String version, int threshold, List<String> owners, List<String> modules,
                        String guard, String moduleGuard, List<Change> history) {

    public SafeState {
        owners = List.copyOf(owners);
        modules = List.copyOf(modules);
        history = List.copyOf(history);
    }
}
