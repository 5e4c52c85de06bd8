package io.pgtrickle.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with its usual command line, then prints {@link JmhReport}'s table (µs per operator for
 * delta-SQL emission, and the emission target) and writes it to the file given with {@code --report FILE}.
 *
 * <pre>JmhMain [--report FILE] [any JMH option…]</pre>
 */
public final class JmhMain {

  private JmhMain() {}

  public static void main(String[] args) throws Exception {
    Path report = null;
    List<String> jmhArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--report")) {
        report = Path.of(args[++i]);
      } else {
        jmhArgs.add(args[i]);
      }
    }
    CommandLineOptions options = new CommandLineOptions(jmhArgs.toArray(String[]::new));
    if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams() || options.shouldListProfilers()
        || options.shouldListResultFormats()) {
      org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
      return;
    }
    Collection<RunResult> results = new Runner(options).run();
    String md = JmhReport.render(results);
    System.out.println();
    System.out.println(md);
    if (report != null) {
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, md, StandardCharsets.UTF_8);
      System.out.println("written: " + report.toAbsolutePath());
    }
  }
}
