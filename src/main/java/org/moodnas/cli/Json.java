package org.moodnas.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.moodnas.core.EvalResult;
import org.moodnas.core.TrialResult;
import org.moodnas.space.Genotype;
import org.moodnas.store.EvalRecords;
import org.moodnas.store.SearchRecords;

/**
 * Output as one-line JSON with snake_case keys: results in the column names of their Delta tables
 * (genotypes as canonical JSON strings), plus their epochs.
 */
final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
          .registerModule(
              new SimpleModule("mood-nas").addSerializer(Genotype.class, new GenotypeAsJson()));

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /** A search trial as search_trials' columns, with its epochs. */
  static String write(TrialResult r) {
    Map<String, Object> out = new LinkedHashMap<>(SearchRecords.columns(r));
    out.put("epochs", r.epochs());
    return write(out);
  }

  /** An evaluation as eval_trials' result columns, with its epochs (test split included). */
  static String write(EvalResult r) {
    Map<String, Object> out = new LinkedHashMap<>(EvalRecords.columns(r));
    out.put("epochs", r.epochs());
    return write(out);
  }

  /** A genotype as its canonical JSON text, the form the tables keep. */
  private static final class GenotypeAsJson extends StdSerializer<Genotype> {
    GenotypeAsJson() {
      super(Genotype.class);
    }

    @Override
    public void serialize(Genotype g, JsonGenerator gen, SerializerProvider p) throws IOException {
      gen.writeString(g.toJson());
    }
  }
}
