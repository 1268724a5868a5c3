package org.moodnas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.moodnas.core.DeviceSpec;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.profile.Profile;
import org.moodnas.profile.Profiler;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.train.Devices;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas profile}: parameters, FLOPs and latency of evaluation networks. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = {
      "Parameters (auxiliary head excluded, and included), model size in MB (params / 1e6),",
      "FLOPs (multiply-accumulates of conv and linear layers for one image, auxiliary head",
      "excluded) and, with --latency, the median milliseconds of one forward pass."
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

  @Option(names = "--latency", description = "also measure forward latency")
  boolean latency;

  @Option(
      names = {"--batch-size", "--batch_size"},
      description = "images per forward pass when measuring latency")
  int batchSize = 1;

  @Option(names = "--device", converter = Converters.Device.class, description = "cpu or gpu:N")
  DeviceSpec device = DeviceSpec.CPU;

  @Option(names = "--format", description = "table or json")
  Format format = Format.table;

  @Override
  public Integer call() throws JsonProcessingException {
    Map<String, Genotype> genotypes = selected();
    // Every setting is checked before the first line is printed.
    Map<String, NetworkSpec> nets = new LinkedHashMap<>();
    genotypes.forEach((name, g) -> nets.put(name, spec(g)));
    if (latency) {
      Devices.requireVisible(device);
    }
    Profiler profiler = new Profiler();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (format == Format.table) {
      out.printf(
          "%-34s %10s %16s %8s %12s%s%n",
          "NAME", "PARAMS", "PARAMS_WITH_AUX", "SIZE_MB", "FLOPS", latency ? "   LATENCY_MS" : "");
    }
    int done = 0;
    for (Map.Entry<String, NetworkSpec> e : nets.entrySet()) {
      NetworkSpec net = e.getValue();
      Profile p = profiler.count(net);
      if (latency) {
        // latency takes seconds to minutes per network: say what is being timed
        err.printf(
            "[%d/%d] %s: latency on %s, batch %d …%n",
            done + 1, nets.size(), e.getKey(), device, batchSize);
        err.flush();
        p =
            p.withLatency(
                profiler.latencyMs(net, Devices.of(device), batchSize),
                device.toString(),
                batchSize);
      }
      print(out, e.getKey(), p);
      out.flush();
      done++;
      if (nets.size() > 1 && !latency) {
        err.printf("[%d/%d] %s%n", done, nets.size(), e.getKey());
        err.flush();
      }
    }
    return 0;
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
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be ≥ 1, got " + batchSize);
    }
    return switch (network) {
      case cifar -> NetworkSpec.cifar(g, initChannels, layers, classes, false);
      case imagenet -> NetworkSpec.imagenet(g, initChannels, layers, classes, false);
    };
  }

  private void print(PrintWriter out, String name, Profile p) throws JsonProcessingException {
    String latencyKey = device.gpu() ? "latency_gpu_ms" : "latency_cpu_ms";
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
      if (p.latencyMs() != null) {
        row.put(latencyKey, p.latencyMs());
        row.put("batch_size", p.batchSize());
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
          p.latencyMs() == null ? "" : String.format("   %11.2f", p.latencyMs()));
    }
  }
}
