package org.moodnas.cli;

import java.io.PrintWriter;
import org.moodnas.data.Dataset;
import org.moodnas.data.DatasetKind;
import org.moodnas.data.Datasets;
import org.moodnas.data.ImageSet;
import org.moodnas.data.Split;
import org.moodnas.data.Splits;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.train.DataFeed;
import org.moodnas.train.EvalConfig;
import org.moodnas.train.EvalData;
import org.moodnas.train.SearchConfig;
import org.moodnas.train.SearchData;

/** Turns the data options of a training command into a trainer's data, saying what it loaded. */
final class TrainingInputs {

  private TrainingInputs() {}

  private static Dataset load(DataOptions o, long seed, PrintWriter err) {
    DatasetKind kind = DatasetKind.byName(o.dataset);
    String path =
        o.data != null
            ? o.data
            : kind.defaultPath()
                .orElseThrow(() -> new IllegalArgumentException("--data is required for " + kind));
    Dataset d = Datasets.load(kind, path);
    ImageSet train =
        o.subsample < 1 ? Splits.stratifiedSubsample(d.train(), o.subsample, seed) : d.train();
    err.printf(
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
    err.flush();
    return new Dataset(d.name(), train, d.test(), d.normalization());
  }

  private static DataFeed feed(DataOptions o, Dataset d, boolean cutout, int cutoutLength) {
    return DataFeed.of(DatasetKind.byName(o.dataset), d.normalization(), cutout ? cutoutLength : 0);
  }

  static SearchData searchData(DataOptions o, SearchConfig config, PrintWriter err) {
    Dataset d = load(o, config.seed(), err);
    Split split = Splits.trainPortion(d.train(), config.trainPortion());
    return new SearchData(
        split.first(), split.rest(), feed(o, d, config.cutout(), config.cutoutLength()));
  }

  static EvalData evalData(DataOptions o, EvalConfig config, PrintWriter err) {
    Dataset d = load(o, config.seed(), err);
    DataFeed feed = feed(o, d, config.cutout(), config.cutoutLength());
    NetworkSpec.Kind kind =
        DatasetKind.byName(o.dataset) == DatasetKind.IMAGENET
            ? NetworkSpec.Kind.IMAGENET
            : NetworkSpec.Kind.CIFAR;
    if (config.trainPortion() >= 1) {
      return new EvalData(d.train(), null, d.test(), feed, kind);
    }
    Split split = Splits.trainPortion(d.train(), config.trainPortion());
    return new EvalData(split.first(), split.rest(), d.test(), feed, kind);
  }
}
