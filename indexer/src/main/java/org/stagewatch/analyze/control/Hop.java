package org.stagewatch.analyze.control;

/**
 * One step of a route: whoever satisfies the step's gate acts as {@code node} through
 * {@code relation} ("owner", "EXECUTOR_ROLE", "9-of-12 signers", "message path", …), and the
 * action takes effect {@code delaySeconds} later (a timelock's min delay, a challenge period).
 *
 * @param label the node's name from the config, or its address when it has none
 */
public record Hop(Node node, String label, String relation, long delaySeconds) {
}
