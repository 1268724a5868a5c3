package org.moodnas.core;

import java.io.Serializable;
import java.time.Instant;
import org.moodnas.space.Genotype;

/**
 * One row of the warehouse's profiles: what a genotype's evaluation network costs at a width, depth
 * and number of classes. {@code name}: the registry or arch name, null for an anonymous genotype;
 * parameters without and with the auxiliary head, multiply-accumulates for one image; {@code
 * latency} null when not measured; {@code source}: "profile" or the train run that recorded it.
 */
public record ProfileRecord(
    Genotype genotype,
    String name,
    NetworkKind network,
    int initChannels,
    int layers,
    int classes,
    long params,
    long paramsWithAux,
    long flops,
    Latency latency,
    String source,
    Instant measuredAt)
    implements Serializable {

  /** Where a profile came from when the profile command recorded it. */
  public static final String PROFILE_SOURCE = "profile";

  public ProfileRecord {
    if (genotype == null || network == null || source == null || measuredAt == null) {
      throw new IllegalArgumentException("a profile needs its genotype, network, source and time");
    }
  }

  /** Parameters in millions: the published model size in MB. */
  public double paramSizeMb() {
    return params / 1e6;
  }

  /** The same profile, recorded by {@code source}. */
  public ProfileRecord withSource(String source) {
    return new ProfileRecord(
        genotype,
        name,
        network,
        initChannels,
        layers,
        classes,
        params,
        paramsWithAux,
        flops,
        latency,
        source,
        measuredAt);
  }
}
