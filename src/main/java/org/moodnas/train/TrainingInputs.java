package org.moodnas.train;

import java.io.PrintWriter;
import org.moodnas.data.Dataset;
import org.moodnas.data.DatasetKind;
import org.moodnas.data.Datasets;
import org.moodnas.data.ImageSet;
import org.moodnas.data.Split;
import org.moodnas.data.Splits;
import org.moodnas.nn.eval.NetworkSpec;

/** Loads a data source into a trainer's data, saying what it loaded. */
public final class TrainingInputs {

  private TrainingInputs() {}

  private static Dataset load(DataSource source, long seed, PrintWriter log) {
    DatasetKind kind = DatasetKind.byName(source.dataset());
    String path =
        source.path() != null
            ? source.path()
            : kind.defaultPath()
                .orElseThrow(() -> new IllegalArgumentException("--data is required for " + kind));
    Dataset d = Datasets.load(kind, path);
    ImageSet train =
        source.subsample() < 1
            ? Splits.stratifiedSubsample(d.train(), source.subsample(), seed)
            : d.train();
    log.printf(
        "data: %s from %s: %d training images (of %d), %d test, %d×%d×%d, %d classes%n",
        kind,
        path,
        train.size(),
        d.train().size(),
        d.test().size(),
        train.channels(),
        train.height(),
        train.width(),
        train.classes());
    log.flush();
    return new Dataset(d.name(), train, d.test(), d.normalization());
  }

  private static DataFeed feed(DataSource source, Dataset d, boolean cutout, int cutoutLength) {
    return DataFeed.of(
        DatasetKind.byName(source.dataset()), d.normalization(), cutout ? cutoutLength : 0);
  }

  public static SearchData searchData(DataSource source, SearchConfig config, PrintWriter log) {
    Dataset d = load(source, config.seed(), log);
    Split split = Splits.trainPortion(d.train(), config.trainPortion());
    return new SearchData(
        split.first(), split.rest(), feed(source, d, config.cutout(), config.cutoutLength()));
  }

  public static EvalData evalData(DataSource source, EvalConfig config, PrintWriter log) {
    Dataset d = load(source, config.seed(), log);
    DataFeed feed = feed(source, d, config.cutout(), config.cutoutLength());
    NetworkSpec.Kind kind =
        DatasetKind.byName(source.dataset()) == DatasetKind.IMAGENET
            ? NetworkSpec.Kind.IMAGENET
            : NetworkSpec.Kind.CIFAR;
    if (config.trainPortion() >= 1) {
      return new EvalData(d.train(), null, d.test(), feed, kind);
    }
    Split split = Splits.trainPortion(d.train(), config.trainPortion());
    return new EvalData(split.first(), split.rest(), d.test(), feed, kind);
  }
}
