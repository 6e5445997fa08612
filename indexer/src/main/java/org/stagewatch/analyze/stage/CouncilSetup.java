package org.stagewatch.analyze.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stagewatch.config.StageConfig;

/**
 * L2BEAT's "Security Council properly set up" for one council at one point in time, counted per
 * entity: signers the config groups under one entity count once. With n entities and threshold t
 * signers, the entity threshold k is the fewest entities whose signers together reach t (largest
 * first). Checks: n ≥ 8; k/n ≥ 75%; at least half of the entities outside the team; members
 * publicly announced (a link). Size and threshold are read on chain; independence and the
 * announcement come from the config.
 */
public record CouncilSetup(StageFacts.CouncilFacts council, int entities, int entityThreshold, int outsideTeam, int independenceUnknown,
                           Map<String, List<String>> signersByEntity) {
    public static final int MIN_MEMBERS = 8;

    public static CouncilSetup of(StageFacts.CouncilFacts council) {
        StageConfig.Council details = council.details();
        Map<String, String> entityOf = new LinkedHashMap<>();
        Map<String, Boolean> outside = new LinkedHashMap<>();
        if (details != null) {
            for (StageConfig.Entity entity : details.entities()) {
                entity.signers().forEach(signer -> entityOf.put(signer.toLowerCase(Locale.ROOT), entity.name()));
                outside.put(entity.name(), entity.outsideTeam() != null ? entity.outsideTeam() : details.outsideTeam());
            }
        }
        Map<String, List<String>> signersByEntity = new LinkedHashMap<>();
        Map<String, Boolean> outsideByEntity = new LinkedHashMap<>();
        for (String owner : council.owners()) {
            String entity = entityOf.getOrDefault(owner, owner);
            signersByEntity.computeIfAbsent(entity, key -> new ArrayList<>()).add(owner);
            outsideByEntity.put(entity, entityOf.containsKey(owner) ? outside.get(entity) : details == null ? null : details.outsideTeam());
        }
        List<Integer> sizes = signersByEntity.values().stream().map(List::size).sorted(Comparator.reverseOrder()).toList();
        int reached = 0;
        int needed = 0;
        while (needed < sizes.size() && reached < council.threshold()) {
            reached += sizes.get(needed++);
        }
        int outsideCount = (int) outsideByEntity.values().stream().filter(Boolean.TRUE::equals).count();
        int unknown = (int) outsideByEntity.values().stream().filter(value -> value == null).count();
        return new CouncilSetup(council, signersByEntity.size(), needed, outsideCount, unknown, signersByEntity);
    }

    public boolean mergesSigners() {
        return entities != council.owners().size();
    }

    public Status size() {
        return Status.of(entities >= MIN_MEMBERS);
    }

    public Status threshold() {
        return Status.of(entities > 0 && (long) entityThreshold * 4 >= (long) entities * 3);
    }

    public Status independence() {
        if ((long) outsideTeam * 2 >= entities && entities > 0) {
            return Status.PASSED;
        }
        return (long) (outsideTeam + independenceUnknown) * 2 < entities ? Status.FAILED : Status.UNKNOWN;
    }

    public Status announcement() {
        return council.details() != null && council.details().announced() != null ? Status.PASSED : Status.UNKNOWN;
    }

    public Status status() {
        return size().and(threshold()).and(independence()).and(announcement());
    }

    /** Onchain when size or threshold decides it (or everything passes), asserted when only the declared parts fall short. */
    public Source source() {
        boolean onchainFails = size() == Status.FAILED || threshold() == Status.FAILED;
        return onchainFails || status() == Status.PASSED ? Source.ONCHAIN : Source.ASSERTED;
    }

    public List<Evidence> evidence() {
        String unit = mergesSigners() ? "entities" : "signers";
        String name = council.label() + " ";
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.at(name + "members", entities + " " + unit + (mergesSigners() ? " (" + council.owners().size()
                + " signers)" : "") + ": " + size() + " (need ≥ " + MIN_MEMBERS + ")", council.chainId(), council.address(), council.block()));
        evidence.add(Evidence.at(name + "threshold", council.threshold() + " of " + council.owners().size() + " signers"
                + (mergesSigners() ? " = " + entityThreshold + " of " + entities + " entities" : "") + " ("
                + percent(entityThreshold, entities) + "): " + threshold() + " (need ≥ 75%)", council.chainId(), council.address(),
                council.block()));
        String source = council.details() == null ? null : council.details().source();
        evidence.add(new Evidence(name + "outside the team", outsideTeam + " of " + entities + " " + unit
                + (independenceUnknown > 0 ? ", " + independenceUnknown + " unknown" : "") + ": " + independence() + " (need ≥ half)",
                null, null, null, source));
        String announced = council.details() == null ? null : council.details().announced();
        evidence.add(announced == null ? Evidence.fact(name + "members announced", "no link in stage.councils[].announced: unknown")
                : Evidence.link(name + "members announced", "passed", announced));
        return evidence;
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
