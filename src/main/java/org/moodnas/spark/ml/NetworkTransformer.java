package org.moodnas.spark.ml;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.moodnas.core.DeviceSpec;

/**
 * A trained network as a Spark ML {@link Transformer}: adds its logits ({@code array<float>}), the
 * predicted class ({@code int}) and an error column to every row of a DataFrame of images, run on
 * the executors. The network is an evaluation checkpoint as {@code train} and {@code train-one}
 * write them; each executor JVM loads it once and its tasks share it. A partition's rows are taken
 * {@code batchSize} at a time through the network's test-time input: the normalization the
 * checkpoint recorded and its dataset's evaluation transform (ImageNet's centre 224 of the image
 * resized to 256; the image as it is otherwise, resized to the network's side when it has another).
 *
 * <p>The input column holds either an encoded image file ({@code binary}: the {@code content} of
 * Spark's {@code binaryFile} source) or decoded pixels in Spark's image schema (the {@code image}
 * source, {@link ImageFrames}). A row whose image cannot be read gets null logits and prediction
 * and says why in the error column, naming its file (the {@code pathCol} column when the frame has
 * it, else the image's origin); the job goes on. Saved and loaded with a {@code PipelineModel} (its
 * parameters only: the checkpoint is referred to by path).
 *
 * <p>Long: nine Spark ML parameters, each a field, a getter (Spark finds them by reflection) and a
 * setter.
 */
public class NetworkTransformer extends Transformer implements DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> checkpoint;
  private final Param<String> inputCol;
  private final Param<String> pathCol;
  private final Param<String> logitsCol;
  private final Param<String> predictionCol;
  private final Param<String> errorCol;
  private final IntParam batchSize;
  private final Param<String> device;
  private final IntParam cpuThreads;

  public NetworkTransformer() {
    this(Identifiable$.MODULE$.randomUID("networkTransformer"));
  }

  public NetworkTransformer(String uid) {
    this.uid = uid;
    checkpoint =
        new Param<>(this, "checkpoint", "path of the evaluation checkpoint (any Hadoop path)");
    inputCol =
        new Param<>(
            this, "inputCol", "image column: encoded file bytes (binary) or Spark's image struct");
    pathCol =
        new Param<>(
            this, "pathCol", "column naming each row's file in errors, when the frame has it");
    logitsCol = new Param<>(this, "logitsCol", "output column of the logits (array<float>)");
    predictionCol =
        new Param<>(this, "predictionCol", "output column of the predicted class (int)");
    errorCol =
        new Param<>(this, "errorCol", "output column saying why a row has no logits (null if any)");
    batchSize = new IntParam(this, "batchSize", "images per forward pass", ParamValidators.gtEq(1));
    device = new Param<>(this, "device", "where the network runs: cpu or gpu:N");
    cpuThreads =
        new IntParam(
            this,
            "cpuThreads",
            "PyTorch threads per task on the CPU (at most the executor's cores)",
            ParamValidators.gtEq(1));
    setDefault(inputCol, "image");
    setDefault(pathCol, "path");
    setDefault(logitsCol, "logits");
    setDefault(predictionCol, "prediction");
    setDefault(errorCol, "error");
    setDefault(batchSize, 64);
    setDefault(device, "cpu");
    setDefault(cpuThreads, 1);
  }

  /** What {@code PipelineModel.load} calls to read a saved transformer. */
  public static MLReader<NetworkTransformer> read() {
    return new DefaultParamsReader<>();
  }

  public static NetworkTransformer load(String path) {
    return read().load(path);
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> checkpoint() {
    return checkpoint;
  }

  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> pathCol() {
    return pathCol;
  }

  public Param<String> logitsCol() {
    return logitsCol;
  }

  public Param<String> predictionCol() {
    return predictionCol;
  }

  public Param<String> errorCol() {
    return errorCol;
  }

  public IntParam batchSize() {
    return batchSize;
  }

  public Param<String> device() {
    return device;
  }

  public IntParam cpuThreads() {
    return cpuThreads;
  }

  public NetworkTransformer setCheckpoint(String value) {
    set(checkpoint, value);
    return this;
  }

  public NetworkTransformer setInputCol(String value) {
    set(inputCol, value);
    return this;
  }

  public NetworkTransformer setPathCol(String value) {
    set(pathCol, value);
    return this;
  }

  public NetworkTransformer setLogitsCol(String value) {
    set(logitsCol, value);
    return this;
  }

  public NetworkTransformer setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  public NetworkTransformer setErrorCol(String value) {
    set(errorCol, value);
    return this;
  }

  public NetworkTransformer setBatchSize(int value) {
    set(batchSize, value);
    return this;
  }

  public NetworkTransformer setDevice(String value) {
    set(device, value);
    return this;
  }

  public NetworkTransformer setCpuThreads(int value) {
    set(cpuThreads, value);
    return this;
  }

  private String string(Param<String> p) {
    return getOrDefault(p);
  }

  private int integer(IntParam p) {
    return (Integer) getOrDefault(p);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (!isDefined(checkpoint)) {
      throw new IllegalArgumentException(uid + ": the checkpoint parameter is not set");
    }
    DeviceSpec.parse(string(device));
    String in = string(inputCol);
    List<String> columns = Arrays.asList(schema.fieldNames());
    if (!columns.contains(in)) {
      throw new IllegalArgumentException(uid + ": no input column " + in + " among " + columns);
    }
    if (!RowImages.readable(schema.apply(in).dataType())) {
      throw new IllegalArgumentException(
          uid
              + ": column "
              + in
              + " is "
              + schema.apply(in).dataType().simpleString()
              + ", neither binary (an encoded image) nor Spark's image struct");
    }
    StructType out = schema;
    for (String c : List.of(string(logitsCol), string(predictionCol), string(errorCol))) {
      if (columns.contains(c)) {
        throw new IllegalArgumentException(uid + ": output column " + c + " already exists");
      }
    }
    out =
        out.add(
                new StructField(
                    string(logitsCol),
                    DataTypes.createArrayType(DataTypes.FloatType, false),
                    true,
                    org.apache.spark.sql.types.Metadata.empty()))
            .add(string(predictionCol), DataTypes.IntegerType, true)
            .add(string(errorCol), DataTypes.StringType, true);
    return out;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType schema = dataset.schema();
    StructType out = transformSchema(schema);
    String in = string(inputCol);
    List<String> columns = Arrays.asList(schema.fieldNames());
    Inference f =
        new Inference(
            string(checkpoint),
            DeviceSpec.parse(string(device)),
            columns.indexOf(in),
            RowImages.structFields(schema.apply(in).dataType()),
            columns.indexOf(string(pathCol)),
            integer(batchSize),
            integer(cpuThreads));
    return dataset.toDF().mapPartitions(f, Encoders.row(out));
  }

  @Override
  public NetworkTransformer copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
