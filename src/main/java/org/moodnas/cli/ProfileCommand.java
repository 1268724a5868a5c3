package org.moodnas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.Latency;
import org.moodnas.core.LatencySpec;
import org.moodnas.core.LatencySync;
import org.moodnas.core.ProfileRecord;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.profile.Profiler;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.store.Profiles;
import org.moodnas.store.Warehouse;
import org.moodnas.train.Devices;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas profile}: parameters, FLOPs and latency of evaluation networks. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = {
      "Parameters, model size, FLOPs and, with --latency, the latency of evaluation networks.",
      "Parameters without the auxiliary head and with it; size in MB: params / 1e6; FLOPs: the"
          + " multiply-accumulates of conv and linear layers per image, no auxiliary head.",
      "--latency measures the mean milliseconds of one forward pass as the published tables"
          + " measured it: the network without batch normalization on zeros, --warmup passes,"
          + " then the total of --runs passes under one timer over --runs. --record also writes"
          + " the rows to the warehouse's profiles table."
    })
final class ProfileCommand implements Callable<Integer> {

  /** Which networks to profile. */
  static final class Selection {
    @Option(names = "--arch", arity = "1..*", paramLabel = "NAME", description = "registry names")
    List<String> archs;

    @Option(names = "--all", description = "every registry genotype")
    boolean all;

    @Option(names = "--genotype", paramLabel = "JSON", description = "a genotype as JSON")
    String genotypeJson;
  }

  enum Format {
    table,
    json
  }

  enum Network {
    cifar,
    imagenet
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selection selection;

  @Option(
      names = {"--init-channels", "--init_channels"},
      description = "channels of the first cell")
  int initChannels = 36;

  @Option(names = "--layers", description = "cells of the network")
  int layers = 20;

  @Option(names = "--classes", description = "classes of the classifier")
  int classes = 10;

  @Option(
      names = "--network",
      description = "cifar (3×32×32 input, CIFAR stem) or imagenet (3×224×224, ImageNet stem)")
  Network network = Network.cifar;

  @Option(
      names = "--latency",
      description = "also measure latency: the network without batch normalization, mean of --runs")
  boolean latency;

  @Option(
      names = {"--batch-size", "--batch_size"},
      description = "images per forward pass when measuring latency (default: 1 on cpu, 8 on gpu)")
  Integer batchSize;

  @Option(names = "--warmup", description = "unmeasured forward passes before the timed ones")
  int warmup = LatencySpec.DEFAULT_WARMUP;

  @Option(names = "--runs", description = "timed forward passes; latency is their mean")
  int runs = LatencySpec.DEFAULT_RUNS;

  @Option(
      names = "--latency-sync",
      converter = Converters.Sync.class,
      paramLabel = "none|every-pass",
      description = ProfilingOptions.SYNC_HELP)
  LatencySync sync = LatencySync.NONE;

  @Option(names = "--device", converter = Converters.Device.class, description = "cpu or gpu:N")
  DeviceSpec device = DeviceSpec.CPU;

  @Option(names = "--format", description = "table or json")
  Format format = Format.table;

  @Option(names = "--record", description = "also record the rows in profiles (once per key)")
  boolean record;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() throws JsonProcessingException {
    Map<String, Genotype> genotypes = selected();
    // Every setting is checked before the first line is printed or recorded.
    Map<String, NetworkSpec> nets = new LinkedHashMap<>();
    genotypes.forEach((name, g) -> nets.put(name, spec(g)));
    LatencySpec timing =
        new LatencySpec(
            device,
            batchSize == null ? LatencySpec.defaultBatchSize(device) : batchSize,
            warmup,
            runs,
            sync);
    if (latency) {
      Devices.requireVisible(device);
    }
    Profiles table = null;
    if (record) {
      Warehouse wh = sparkOptions.warehouse();
      wh.checkWritable();
      table = new Profiles(wh);
    }
    List<ProfileRecord> rows = profile(nets, latency ? timing : null);
    if (table != null) {
      table.record(rows);
      PrintWriter err = spec.commandLine().getErr();
      err.printf(
          "%d profile(s) recorded in %s (a row recorded before is not repeated)%n",
          rows.size(), table.where());
      err.flush();
    }
    return 0;
  }

  /** Profiles and prints each network as it is done; latency shows its progress on stderr. */
  private List<ProfileRecord> profile(Map<String, NetworkSpec> nets, LatencySpec timing)
      throws JsonProcessingException {
    Profiler profiler = new Profiler();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (format == Format.table) {
      out.printf(
          "%-34s %10s %16s %8s %12s%s%n",
          "NAME", "PARAMS", "PARAMS_WITH_AUX", "SIZE_MB", "FLOPS", latency ? "   LATENCY_MS" : "");
    }
    List<ProfileRecord> rows = new ArrayList<>();
    int done = 0;
    for (Map.Entry<String, NetworkSpec> e : nets.entrySet()) {
      if (timing != null) {
        // latency takes seconds to minutes per network: say what is being timed
        err.printf(
            "[%d/%d] %s: latency on %s, batch %d, mean of %d runs after %d warm-ups …%n",
            done + 1,
            nets.size(),
            e.getKey(),
            device,
            timing.batchSize(),
            timing.runs(),
            timing.warmup());
        err.flush();
      }
      String name = selection.genotypeJson == null ? e.getKey() : null;
      ProfileRecord p = profiler.profile(e.getValue(), name, timing, ProfileRecord.PROFILE_SOURCE);
      rows.add(p);
      print(out, e.getKey(), p);
      out.flush();
      done++;
      if (nets.size() > 1 && timing == null) {
        err.printf("[%d/%d] %s%n", done, nets.size(), e.getKey());
        err.flush();
      }
    }
    return rows;
  }

  private Map<String, Genotype> selected() {
    GenotypeRegistry registry = GenotypeRegistry.bundled();
    Map<String, Genotype> out = new LinkedHashMap<>();
    if (selection.genotypeJson != null) {
      Genotype g = Genotype.fromJson(selection.genotypeJson);
      out.put("genotype_" + g.hash(), g);
    } else {
      for (String name : selection.all ? registry.names() : selection.archs) {
        out.put(name, registry.get(name));
      }
    }
    return out;
  }

  private NetworkSpec spec(Genotype g) {
    return switch (network) {
      case cifar -> NetworkSpec.cifar(g, initChannels, layers, classes, false);
      case imagenet -> NetworkSpec.imagenet(g, initChannels, layers, classes, false);
    };
  }

  private void print(PrintWriter out, String name, ProfileRecord p) throws JsonProcessingException {
    String latencyKey = device.gpu() ? "latency_gpu_ms" : "latency_cpu_ms";
    Latency l = p.latency();
    if (format == Format.json) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", name);
      row.put("params", p.params());
      row.put("params_with_aux", p.paramsWithAux());
      row.put("param_size_mb", p.paramSizeMb());
      row.put("flops", p.flops());
      row.put("init_channels", initChannels);
      row.put("layers", layers);
      row.put("classes", classes);
      if (l != null) {
        row.put(latencyKey, l.meanMs());
        row.put("batch_size", l.spec().batchSize());
        row.put("warmup", l.spec().warmup());
        row.put("runs", l.spec().runs());
        row.put("device", l.device());
      }
      out.println(new ObjectMapper().writeValueAsString(row));
    } else {
      out.printf(
          "%-34s %10d %16d %8.6f %12d%s%n",
          name,
          p.params(),
          p.paramsWithAux(),
          p.paramSizeMb(),
          p.flops(),
          l == null ? "" : String.format("   %11.2f", l.meanMs()));
    }
  }
}
