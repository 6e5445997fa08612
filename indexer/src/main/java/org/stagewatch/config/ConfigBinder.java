package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the immutable config records from a tree that {@link ConfigValidator} has passed, filling
 * in the defaults of config/SCHEMA.md. It checks nothing itself: a {@link Values.BadValue} here
 * means the validator let something through, a bug, not a user error.
 */
final class ConfigBinder {
    private ConfigBinder() {
    }

    static StagewatchConfig bind(Path source, JsonNode root) {
        Map<String, ChainConfig> chains = new LinkedHashMap<>();
        root.get("chains").properties().forEach(entry -> chains.put(entry.getKey(), chain(entry.getKey(), entry.getValue())));
        List<DaoConfig> daos = new ArrayList<>();
        root.get("daos").properties().forEach(entry -> daos.add(dao(entry.getKey(), entry.getValue())));
        return new StagewatchConfig(source, chains, daos);
    }

    private static ChainConfig chain(String name, JsonNode chain) {
        return new ChainConfig(name,
                Values.wholeNumber(chain.get("chainId")),
                Values.textOrList(chain.get("rpc")),
                optional(chain, "confirmations", Values::intNumber, 0),
                optional(chain, "maxBlockRange", Values::intNumber, ChainConfig.DEFAULT_MAX_BLOCK_RANGE),
                optional(chain, "finalityDepth", Values::intNumber, null),
                optional(chain, "pollIntervalMs", Values::intNumber, ChainConfig.DEFAULT_POLL_INTERVAL_MS),
                optional(chain, "timeoutSeconds", Values::intNumber, ChainConfig.DEFAULT_TIMEOUT_SECONDS),
                optional(chain, "maxRetries", Values::intNumber, ChainConfig.DEFAULT_MAX_RETRIES),
                optional(chain, "requestsPerSecond", Values::intNumber, 0),
                optional(chain, "maxConcurrency", Values::intNumber, ChainConfig.DEFAULT_MAX_CONCURRENCY),
                optional(chain, "parent", Values::text, null),
                optional(chain, "probeInterval", Values::wholeNumber, ChainConfig.DEFAULT_PROBE_INTERVAL));
    }

    private static DaoConfig dao(String id, JsonNode dao) {
        List<ContractConfig> contracts = new ArrayList<>();
        dao.get("contracts").forEach(contract -> contracts.add(contract(contract)));
        List<MessagePath> paths = new ArrayList<>();
        JsonNode declared = dao.get("messagePaths");
        if (declared != null && !declared.isNull()) {
            declared.forEach(path -> paths.add(messagePath(path)));
        }
        return new DaoConfig(id, optional(dao, "name", Values::text, id), contracts, paths, stage(dao.get("stage")),
                milestones(dao.get("milestones")), list(dao.get("decisions"), ConfigBinder::decision));
    }

    private static MilestonesConfig milestones(JsonNode section) {
        if (section == null || section.isNull()) {
            return MilestonesConfig.NONE;
        }
        List<MilestonesConfig.Phase> phases = new ArrayList<>();
        JsonNode declared = section.get("phases");
        for (int index = 0; index < declared.size(); index++) {
            JsonNode phase = declared.get(index);
            phases.add(new MilestonesConfig.Phase(Values.text(phase.get("id")), Values.text(phase.get("title")),
                    optional(phase, "order", Values::intNumber, index)));
        }
        return new MilestonesConfig(phases, list(section.get("milestones"), milestone -> new MilestonesConfig.Milestone(
                Values.text(milestone.get("id")), Values.text(milestone.get("title")), Values.text(milestone.get("phase")),
                list(milestone.get("after"), Values::text), optional(milestone, "source", Values::text, null),
                check(milestone.get("check")))));
    }

    private static MilestoneCheck check(JsonNode check) {
        String kind = Values.keys(check).get(0);
        JsonNode body = check.get(kind);
        return switch (kind) {
            case "stage" -> new MilestoneCheck.StageAtLeast(Values.intNumber(body.get("atLeast")));
            case "requirement" -> new MilestoneCheck.RequirementPassed(Values.text(body));
            case "route" -> new MilestoneCheck.RouteCheck(optional(body, "chain", Values::text, null),
                    optional(body, "address", node -> Addresses.check(Values.text(node)), null), optional(body, "permission", Values::text, null),
                    optional(body, "every", Values::text, null), optional(body, "minDelaySeconds", Values::wholeNumber, null),
                    optional(body, "minKeys", Values::intNumber, null));
            case "owner" -> new MilestoneCheck.OwnerCheck(Values.text(body.get("chain")), Addresses.check(Values.text(body.get("address"))),
                    list(body.get("in"), ConfigBinder::ref));
            case "role" -> new MilestoneCheck.RoleCheck(Values.text(body.get("chain")), Addresses.check(Values.text(body.get("address"))),
                    Values.text(body.get("role")), list(body.get("in"), ConfigBinder::ref));
            case "metric" -> new MilestoneCheck.MetricCheck(Values.text(body.get("name")),
                    optional(body, "atLeast", MilestoneValidator::decimal, null), optional(body, "atMost", MilestoneValidator::decimal, null));
            case "activity" -> new MilestoneCheck.ActivityCheck(Values.text(body.get("count")), Values.wholeNumber(body.get("atLeast")),
                    optional(body, "windowDays", Values::wholeNumber, null));
            case "probe" -> {
                String returns = Values.text(body.get("returns"));
                String call = Values.text(body.get("call"));
                yield new MilestoneCheck.ProbeCheck(Values.text(body.get("chain")), Addresses.check(Values.text(body.get("address"))), call,
                        returns, ProbeValues.normalize(returns, Values.text(body.get("expect"))), optional(body, "label", Values::text, call));
            }
            case "assertion" -> new MilestoneCheck.AssertionCheck(Values.flag(body.get("value")), Values.text(body.get("source")));
            case "all" -> new MilestoneCheck.All(list(body, ConfigBinder::check));
            case "any" -> new MilestoneCheck.Any(list(body, ConfigBinder::check));
            default -> throw new Values.BadValue("unknown check kind '" + kind + "'", null);
        };
    }

    private static DecisionConfig decision(JsonNode decision) {
        return new DecisionConfig(Values.text(decision.get("id")), Values.text(decision.get("title")),
                optional(decision, "source", Values::text, null), list(decision.get("permissions"), permission -> new DecisionConfig.Permission(
                        Values.text(permission.get("chain")), Addresses.check(Values.text(permission.get("address"))),
                        Values.text(permission.get("permission")), optional(permission, "role", Values::text, null),
                        optional(permission, "function", Values::text, null))));
    }

    private static StageConfig.ContractRef ref(JsonNode ref) {
        return new StageConfig.ContractRef(Values.text(ref.get("chain")), Addresses.check(Values.text(ref.get("address"))));
    }

    private static StageConfig stage(JsonNode stage) {
        if (stage == null || stage.isNull()) {
            return StageConfig.NONE;
        }
        List<StageConfig.ExitDelay> exitDelay = list(stage.get("exitDelay"), part -> new StageConfig.ExitDelay(
                optional(part, "label", Values::text, "exit delay"), Values.wholeNumber(part.get("seconds")),
                optional(part, "source", Values::text, null)));
        List<StageConfig.Council> councils = list(stage.get("councils"), council -> new StageConfig.Council(
                Values.text(council.get("chain")), Addresses.check(Values.text(council.get("address"))),
                optional(council, "announced", Values::text, null), optional(council, "outsideTeam", Values::flag, null),
                optional(council, "source", Values::text, null),
                list(council.get("entities"), entity -> new StageConfig.Entity(Values.text(entity.get("name")),
                        optional(entity, "outsideTeam", Values::flag, null),
                        list(entity.get("signers"), signer -> Addresses.check(Values.text(signer)))))));
        Map<String, StageConfig.Assertion> assertions = new LinkedHashMap<>();
        JsonNode asserted = stage.get("assertions");
        if (asserted != null && !asserted.isNull()) {
            asserted.properties().forEach(entry -> assertions.put(entry.getKey(), new StageConfig.Assertion(
                    ProbeValues.assertedValue(entry.getValue().get("value")), Values.text(entry.getValue().get("source")))));
        }
        List<StageConfig.Probe> probes = list(stage.get("probes"), probe -> {
            String returns = Values.text(probe.get("returns"));
            String call = Values.text(probe.get("call"));
            return new StageConfig.Probe(Values.text(probe.get("chain")), Addresses.check(Values.text(probe.get("address"))), call,
                    returns, ProbeValues.normalizeAll(returns, probe.get("expect")),
                    list(probe.get("requirements"), Values::text), optional(probe, "label", Values::text, call));
        });
        List<StageConfig.ContractRef> treasuries = list(stage.get("treasuries"), ref -> new StageConfig.ContractRef(
                Values.text(ref.get("chain")), Addresses.check(Values.text(ref.get("address")))));
        return new StageConfig(exitDelay, councils, assertions, probes, treasuries);
    }

    private static <T> List<T> list(JsonNode node, Function<JsonNode, T> convert) {
        List<T> items = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(item -> items.add(convert.apply(item)));
        }
        return items;
    }

    private static MessagePath messagePath(JsonNode path) {
        String fromChain = Values.text(path.get("fromChain"));
        String toChain = Values.text(path.get("toChain"));
        return new MessagePath(fromChain, Addresses.check(Values.text(path.get("from"))), toChain,
                Addresses.check(Values.text(path.get("sender"))), Values.wholeNumber(path.get("delaySeconds")),
                optional(path, "label", Values::text, "message path " + fromChain + " → " + toChain));
    }

    private static ContractConfig contract(JsonNode contract) {
        ContractKind kind = ContractKind.fromConfigName(Values.text(contract.get("kind"))).orElseThrow();
        return new ContractConfig(
                Values.text(contract.get("chain")),
                kind,
                Addresses.check(Values.text(contract.get("address"))),
                optional(contract, "label", Values::text, kind.configName()),
                optional(contract, "startBlock", Values::wholeNumber, ContractConfig.UNKNOWN_START_BLOCK),
                optional(contract, "critical", Values::flag, false),
                optional(contract, "transfers", Values::flag, false),
                optional(contract, "council", Values::flag, false),
                optional(contract, "slotReadInterval", Values::wholeNumber, 0L),
                optional(contract, "proxy", Values::flag, false));
    }

    /** An absent or empty key takes the schema's default. */
    private static <T> T optional(JsonNode map, String key, Function<JsonNode, T> convert, T fallback) {
        JsonNode node = map.get(key);
        return node == null || node.isNull() ? fallback : convert.apply(node);
    }
}
