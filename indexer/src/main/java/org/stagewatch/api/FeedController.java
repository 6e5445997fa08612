package org.stagewatch.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.stage.StageHistory;
import org.stagewatch.analyze.stage.StageReport;
import org.stagewatch.query.Answers;
import org.stagewatch.store.Store;

/**
 * What forum posts and feed readers take: an Atom feed of a DAO's stage history (Rome writes it; one entry per
 * point where the stage or a requirement changed, with block, time, what changed, the cause, and links to the
 * stage report at that block, the evidence) and an SVG badge of the current stage.
 */
@RestController
@RequestMapping("/api/v1")
class FeedController {
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

    private final Store store;
    private final Freshness freshness;

    FeedController(Store store, Freshness freshness) {
        this.store = store;
        this.freshness = freshness;
    }

    @Operation(summary = "Atom feed of the stage history: one entry per stage or requirement change, with block, time, cause and evidence link")
    @GetMapping(path = "/daos/{dao}/stage/history.atom", produces = {"application/atom+xml", "*/*"})
    ResponseEntity<String> historyFeed(@PathVariable String dao) throws FeedException {
        DaoScope scope = DaoScope.load(store, dao);
        StageHistory.Report history = Answers.stageHistory(store, scope);
        String api = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/daos/").toUriString()
                + UriUtils.encodePathSegment(dao, StandardCharsets.UTF_8);
        String site = ServletUriComponentsBuilder.fromCurrentContextPath().path("/").toUriString();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("Stage history of DAO '" + dao + "' (Stagewatch)");
        feed.setDescription("Every point where the stage or one of its requirements changed, from the indexed chain history");
        feed.setUri(api + "/stage/history.atom");
        feed.setLinks(List.of(link(api + "/stage/history.atom", "self", "application/atom+xml"),
                link(site + "?dao=" + dao, "alternate", "text/html")));
        List<SyndEntry> entries = new ArrayList<>();
        StageHistory.Entry previous = null;
        for (StageHistory.Entry change : history.changes()) {
            entries.add(entry(api, site, dao, change, previous == null));
            previous = change;
        }
        Collections.reverse(entries); // newest first, as readers expect
        feed.setEntries(entries);
        feed.setPublishedDate(entries.isEmpty() ? new Date(0) : entries.get(0).getUpdatedDate());
        String xml = new SyndFeedOutput().outputString(feed, true);
        return ResponseEntity.ok().cacheControl(freshness.head()).contentType(ATOM).body(xml);
    }

    private static SyndEntry entry(String api, String site, String dao, StageHistory.Entry change, boolean first) {
        SyndEntry entry = new SyndEntryImpl();
        String where = "chain %d block %d".formatted(change.chainId(), change.block());
        String stage = change.previousStage() == null && !first && change.stage() != null
                ? "now " + change.stageLabel() : change.stageLabel();
        entry.setTitle(first ? "First rated point, " + where + ": " + change.stageLabel()
                : where + ": " + stage + (change.changed().isEmpty() ? "" : " — " + change.changed().stream()
                .map(moved -> moved.id() + " " + moved.to()).collect(Collectors.joining(", "))));
        entry.setUri("urn:stagewatch:" + dao + ":stage:" + change.chainId() + ":" + change.block());
        String evidence = api + "/stage?chain=" + change.chainId() + "&block=" + change.block();
        entry.setLink(evidence);
        entry.setLinks(List.of(link(evidence, "related", "application/json"),
                link(site + "?dao=" + dao + "&chain=" + change.chainId() + "&block=" + change.block(), "alternate", "text/html")));
        Date time = change.time() == null ? new Date(0) : Date.from(Instant.ofEpochSecond(change.time()));
        entry.setUpdatedDate(time);
        entry.setPublishedDate(time);
        StringBuilder text = new StringBuilder();
        text.append(where).append(change.time() == null ? "" : " (" + Instant.ofEpochSecond(change.time()) + ")").append(": ")
                .append(change.stageLabel()).append('\n');
        change.changed().forEach(moved -> text.append("changed: ").append(moved.id()).append(' ')
                .append(moved.from() == null ? "" : moved.from() + " → ").append(moved.to()).append('\n'));
        change.events().forEach(event -> text.append("cause: ").append(event).append('\n'));
        text.append("evidence: ").append(evidence);
        SyndContent content = new SyndContentImpl();
        content.setType("text/plain");
        content.setValue(text.toString());
        entry.setDescription(content);
        return entry;
    }

    private static SyndLink link(String href, String rel, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        link.setType(type);
        return link;
    }

    @Operation(summary = "SVG badge of the current stage, for forum posts and READMEs")
    @GetMapping(path = "/daos/{dao}/stage.svg", produces = {"image/svg+xml", "*/*"})
    ResponseEntity<String> badge(@PathVariable String dao) {
        DaoScope scope = DaoScope.load(store, dao);
        StageReport report = Answers.stage(store, scope, ChainPoints.resolve(store, scope, null, null, null));
        return ResponseEntity.ok().cacheControl(freshness.head()).contentType(SVG).body(Badge.svg("stage", badgeText(report),
                Badge.color(report.stage())));
    }

    static String badgeText(StageReport report) {
        return report.stage() == null ? "not rated" : "Stage " + report.stage();
    }

    /** A flat two-part badge (label | value) in the shields.io layout; text widths estimated from Verdana's. */
    static final class Badge {
        private Badge() {
        }

        static String color(Integer stage) {
            if (stage == null) {
                return "#9f9f9f";
            }
            return switch (stage) {
                case 0 -> "#fe7d37";
                case 1 -> "#dfb317";
                default -> "#4c1";
            };
        }

        static String svg(String label, String value, String color) {
            int left = width(label);
            int right = width(value);
            int total = left + right;
            return """
                    <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s: %s">
                    <title>%s: %s</title>
                    <linearGradient id="s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
                    <clipPath id="r"><rect width="%d" height="20" rx="3" fill="#fff"/></clipPath>
                    <g clip-path="url(#r)"><rect width="%d" height="20" fill="#555"/><rect x="%d" width="%d" height="20" fill="%s"/><rect width="%d" height="20" fill="url(#s)"/></g>
                    <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
                    <text x="%.1f" y="14">%s</text><text x="%.1f" y="14">%s</text></g>
                    </svg>
                    """.formatted(total, escape(label), escape(value), escape(label), escape(value), total, left, left, right, color, total,
                    left / 2.0, escape(label), left + right / 2.0, escape(value));
        }

        private static int width(String text) {
            return (int) Math.round(text.length() * 6.6 + 12);
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
