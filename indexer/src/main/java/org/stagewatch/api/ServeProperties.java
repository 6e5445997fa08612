package org.stagewatch.api;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What {@code stagewatch serve} was asked to serve ({@code stagewatch.serve.*}).
 *
 * @param db          the SQLite file or JDBC URL the API reads (read-only) and {@code --index} writes
 * @param config      the YAML config, or null when a preset is used
 * @param preset      the packaged preset's name, or null when a config file is used
 * @param index       whether this process also backfills and follows every chain
 * @param headMaxAge  how long a client may keep an answer about the indexed head (it changes with every block)
 * @param answerCache how much memory the answers kept for reuse may take ({@link AnswerCache})
 */
@ConfigurationProperties("stagewatch.serve")
public record ServeProperties(String db, Path config, String preset, @DefaultValue("false") boolean index,
                              @DefaultValue("5s") Duration headMaxAge, @DefaultValue("64MB") DataSize answerCache) {
}
