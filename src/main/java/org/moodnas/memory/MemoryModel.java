package org.moodnas.memory;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.stddev_pop;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.PolynomialExpansion;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The published GPU-memory predictor as an MLlib pipeline: (model size in millions of parameters,
 * batch size) → degree-2 polynomial expansion → ridge regression → GPU MB. A standard {@link
 * PipelineModel}, saved and loaded with MLlib; predictions for single inputs run locally (on
 * executors too) through the pipeline's own stages.
 */
public final class MemoryModel implements Serializable {

  /** scikit-learn Ridge(alpha=0.5), as published. */
  public static final double PUBLISHED_ALPHA = 0.5;

  public static final String MODEL_SIZE = "model_size_mb";
  public static final String BATCH_SIZE = "batch_size";
  public static final String GPU_MB = "gpu_mb";
  public static final String PREDICTION = "predicted_gpu_mb";

  private static final StructType INPUT =
      new StructType()
          .add(MODEL_SIZE, DataTypes.DoubleType, false)
          .add(BATCH_SIZE, DataTypes.IntegerType, false)
          .add(GPU_MB, DataTypes.DoubleType, false);

  private static volatile MemoryModel published;

  private final PipelineModel pipeline;
  private final PolynomialExpansion expansion;
  private final LinearRegressionModel regression;

  private MemoryModel(PipelineModel pipeline, String where) {
    Transformer[] stages = pipeline.stages();
    if (stages.length != 3
        || !(stages[0] instanceof VectorAssembler)
        || !(stages[1] instanceof PolynomialExpansion p)
        || !(stages[2] instanceof LinearRegressionModel r)) {
      throw new IllegalArgumentException(
          where + " is not a memory model (assembler, polynomial expansion, linear regression)");
    }
    this.pipeline = pipeline;
    this.expansion = p;
    this.regression = r;
  }

  /**
   * Fits on a frame with columns model_size_mb, batch_size and gpu_mb. scikit-learn's Ridge(alpha)
   * penalizes alpha·‖w‖² against the plain squared error; MLlib scales its penalty by the label's
   * standard deviation and divides the error by 2n, so regParam = alpha·σ(y)/n matches it.
   */
  public static MemoryModel fit(Dataset<Row> samples, double alpha) {
    if (!(alpha >= 0)) {
      throw new IllegalArgumentException("ridge alpha " + alpha + " is not ≥ 0");
    }
    Row stats = samples.agg(count(GPU_MB), stddev_pop(GPU_MB)).first();
    long n = stats.getLong(0);
    if (n < 6) {
      throw new IllegalArgumentException(
          n + " memory samples; a degree-2 model of 2 inputs needs at least 6");
    }
    double sigma = stats.getDouble(1);
    Pipeline pipeline =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new VectorAssembler()
                      .setInputCols(new String[] {MODEL_SIZE, BATCH_SIZE})
                      .setOutputCol("inputs"),
                  new PolynomialExpansion()
                      .setDegree(2)
                      .setInputCol("inputs")
                      .setOutputCol("features"),
                  new LinearRegression()
                      .setLabelCol(GPU_MB)
                      .setFeaturesCol("features")
                      .setPredictionCol(PREDICTION)
                      .setRegParam(alpha * sigma / n)
                      .setElasticNetParam(0)
                      .setStandardization(false)
                      .setSolver("normal")
                });
    return new MemoryModel(pipeline.fit(samples), "the fitted pipeline");
  }

  public static MemoryModel fit(SparkSession spark, List<MemorySample> samples, double alpha) {
    return fit(frame(spark, samples), alpha);
  }

  /** The published model: Ridge(0.5) on the published samples; fitted once per JVM. */
  public static MemoryModel published(SparkSession spark) {
    MemoryModel m = published;
    if (m == null) {
      synchronized (MemoryModel.class) {
        if (published == null) {
          published = fit(spark, MemorySamplesCsv.published(), PUBLISHED_ALPHA);
        }
        m = published;
      }
    }
    return m;
  }

  /** Samples as a frame with the model's input columns. */
  public static Dataset<Row> frame(SparkSession spark, List<MemorySample> samples) {
    List<Row> rows = new ArrayList<>();
    for (MemorySample s : samples) {
      rows.add(RowFactory.create(s.modelSizeMb(), s.batchSize(), s.gpuMb()));
    }
    return spark.createDataFrame(rows, INPUT);
  }

  public static MemoryModel load(String path) {
    PipelineModel loaded;
    try {
      loaded = PipelineModel.load(path);
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes
      throw new IllegalArgumentException(
          "memory model " + path + ": cannot load an MLlib PipelineModel (" + e.getMessage() + ")");
    }
    return new MemoryModel(loaded, "memory model " + path);
  }

  public void save(String path) {
    try {
      pipeline.write().overwrite().save(path);
    } catch (IOException e) {
      throw new UncheckedIOException("memory model " + path + ": " + e.getMessage(), e);
    }
  }

  public PipelineModel pipeline() {
    return pipeline;
  }

  /** Adds {@value #PREDICTION} to a frame with model_size_mb and batch_size. */
  public Dataset<Row> transform(Dataset<Row> inputs) {
    return pipeline.transform(inputs).drop("inputs", "features");
  }

  /** Predicted GPU MB for one network and batch, computed locally by the pipeline's stages. */
  public double predictMb(double modelSizeMb, int batchSize) {
    Vector expanded = expansion.createTransformFunc().apply(Vectors.dense(modelSizeMb, batchSize));
    return regression.predict(expanded);
  }

  /** Mean and largest absolute error and mean absolute percentage error over samples. */
  public FitQuality quality(List<MemorySample> samples) {
    double sumAbs = 0;
    double max = 0;
    double sumPct = 0;
    for (MemorySample s : samples) {
      double err = Math.abs(predictMb(s.modelSizeMb(), s.batchSize()) - s.gpuMb());
      sumAbs += err;
      max = Math.max(max, err);
      sumPct += err / s.gpuMb();
    }
    int n = samples.size();
    return new FitQuality(n, sumAbs / n, max, 100 * sumPct / n);
  }
}
