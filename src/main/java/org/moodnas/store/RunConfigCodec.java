package org.moodnas.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.moodnas.core.BatchSizing;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.EnsembleSpec;
import org.moodnas.core.RunConfig;
import org.moodnas.core.RunKind;
import org.moodnas.core.SweepSpec;
import org.moodnas.core.TrainJobSpec;

/**
 * runs.config: a run's configuration record as JSON (snake_case keys, enums and devices as users
 * write them: "l2", "fashion-mnist", "gpu:0") and back as the same record, by the run's kind.
 */
final class RunConfigCodec {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
          .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
          .addMixIn(BatchSizing.class, RetiredBatchSizing.class)
          .registerModule(
              new SimpleModule("mood-nas")
                  .addSerializer(DeviceSpec.class, new DeviceSerializer())
                  .addDeserializer(DeviceSpec.class, new DeviceDeserializer()));

  private RunConfigCodec() {}

  /** Fields runs once recorded that no longer exist: read and ignored. */
  @JsonIgnoreProperties({"injected_ooms"})
  private abstract static class RetiredBatchSizing {}

  static String write(RunConfig config) {
    try {
      return JSON.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the config of a " + config.kind() + " run", e);
    }
  }

  /** The config of a run of {@code kind}; an error names the run when it cannot be read. */
  static RunConfig read(String runId, RunKind kind, String json) {
    Class<? extends RunConfig> type =
        switch (kind) {
          case SEARCH -> SweepSpec.class;
          case TRAIN -> TrainJobSpec.class;
          case ENSEMBLE -> EnsembleSpec.class;
        };
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "run " + runId + ": its recorded config is unreadable: " + e.getOriginalMessage());
    }
  }

  private static final class DeviceSerializer extends StdSerializer<DeviceSpec> {
    DeviceSerializer() {
      super(DeviceSpec.class);
    }

    @Override
    public void serialize(DeviceSpec d, JsonGenerator gen, SerializerProvider p)
        throws IOException {
      gen.writeString(d.toString());
    }
  }

  private static final class DeviceDeserializer extends JsonDeserializer<DeviceSpec> {
    @Override
    public DeviceSpec deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      return DeviceSpec.parse(p.getValueAsString());
    }
  }
}
