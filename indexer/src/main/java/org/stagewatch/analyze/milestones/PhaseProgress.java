package org.stagewatch.analyze.milestones;

/** A phase at a point in time: how many of its milestones are achieved, and whether all are. */
public record PhaseProgress(String id, String title, int order, int achieved, int total, boolean complete) {
}
