package org.moodnas.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.moodnas.data.Normalization;
import org.moodnas.nn.eval.EvalNetwork;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.space.Genotype;

/**
 * A trained evaluation network that an ensemble can reload: a header (the network spec, the input
 * normalization and the training settings as JSON) followed by DJL's parameter stream. Written to a
 * temporary file and renamed, so a reader never sees half a checkpoint. Any Hadoop path.
 */
public record EvalCheckpoint(
    NetworkSpec spec, Normalization normalization, Map<String, Object> settings) {

  private static final String MAGIC = "MOOD-NAS checkpoint 1";
  private static final ObjectMapper JSON = new ObjectMapper();

  public void save(String path, EvalNetwork network) {
    Path target = new Path(path);
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try {
      FileSystem fs = target.getFileSystem(new Configuration());
      try (FSDataOutputStream out = fs.create(tmp, true);
          DataOutputStream data = new DataOutputStream(out)) {
        data.writeUTF(MAGIC);
        byte[] header = JSON.writeValueAsBytes(header());
        data.writeInt(header.length);
        data.write(header);
        network.saveParameters(data);
      }
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + path + ": " + e.getMessage(), e);
    }
  }

  private ObjectNode header() {
    ObjectNode h = JSON.createObjectNode();
    h.set("genotype", readTree(spec.genotype().toJson()));
    h.put("init_channels", spec.initChannels());
    h.put("layers", spec.layers());
    h.put("classes", spec.classes());
    h.put("auxiliary", spec.auxiliary());
    h.put("kind", spec.kind().name());
    h.put("input_channels", spec.inputChannels());
    h.put("image_size", spec.imageSize());
    h.set("mean", JSON.valueToTree(normalization.mean()));
    h.set("std", JSON.valueToTree(normalization.std()));
    h.set("settings", JSON.valueToTree(settings));
    return h;
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A checkpoint's network, rebuilt and loaded into {@code manager}, with its header. */
  public record Loaded(EvalCheckpoint checkpoint, EvalNetwork network) {}

  public static Loaded load(String path, NDManager manager) {
    Path source = new Path(path);
    try (DataInputStream in =
        new DataInputStream(source.getFileSystem(new Configuration()).open(source))) {
      if (!MAGIC.equals(in.readUTF())) {
        throw new IllegalArgumentException(path + ": not a MOOD-NAS checkpoint");
      }
      byte[] header = new byte[in.readInt()];
      in.readFully(header);
      JsonNode h = JSON.readTree(header);
      NetworkSpec spec =
          new NetworkSpec(
              Genotype.fromJson(h.get("genotype").toString()),
              h.get("init_channels").asInt(),
              h.get("layers").asInt(),
              h.get("classes").asInt(),
              h.get("auxiliary").asBoolean(),
              NetworkSpec.Kind.valueOf(h.get("kind").asText()),
              h.get("input_channels").asInt(),
              h.get("image_size").asInt(),
              true);
      Normalization norm =
          new Normalization(
              JSON.treeToValue(h.get("mean"), float[].class),
              JSON.treeToValue(h.get("std"), float[].class));
      @SuppressWarnings("unchecked")
      Map<String, Object> settings = JSON.treeToValue(h.get("settings"), Map.class);
      EvalNetwork network = spec.build();
      network.initialize(manager, DataType.FLOAT32, spec.inputShape(1));
      network.loadParameters(manager, in);
      return new Loaded(new EvalCheckpoint(spec, norm, settings), network);
    } catch (IOException | MalformedModelException e) {
      throw new IllegalArgumentException(path + ": unreadable checkpoint: " + e.getMessage(), e);
    }
  }
}
