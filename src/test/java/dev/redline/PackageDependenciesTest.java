package dev.redline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Redline's packages depend one way: no package reaches, through any chain, back to itself. Counted
 * over imports and over fully-qualified names written in code (comments and strings left out), in
 * the Java and the Scala sources.
 */
class PackageDependenciesTest {
  private static final Pattern PACKAGE = Pattern.compile("^package dev\\.redline\\.(\\w+)", 8);
  private static final Pattern NAME = Pattern.compile("\\bdev\\.redline\\.(\\w+)\\.[A-Z]");

  @Test
  void noPackageDependsOnItselfThroughOthers() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/scala"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          String code = withoutCommentsAndStrings(Files.readString(file));
          Matcher own = PACKAGE.matcher(code);
          if (!own.find()) {
            continue;
          }
          Set<String> used = uses.computeIfAbsent(own.group(1), p -> new TreeSet<>());
          Matcher name = NAME.matcher(code.substring(own.end()));
          while (name.find()) {
            if (!name.group(1).equals(own.group(1))) {
              used.add(name.group(1));
            }
          }
        }
      }
    }
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      List<String> back = pathBack(start, uses);
      if (back != null) {
        cycles.add(String.join(" -> ", back));
      }
    }
    assertEquals(List.of(), cycles, "package dependencies: " + uses);
  }

  /** A chain of dependencies from {@code start} back to it, or null. */
  private static List<String> pathBack(String start, Map<String, Set<String>> uses) {
    Deque<List<String>> paths = new ArrayDeque<>();
    paths.add(List.of(start));
    Set<String> seen = new TreeSet<>();
    while (!paths.isEmpty()) {
      List<String> path = paths.poll();
      for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
        List<String> longer = new ArrayList<>(path);
        longer.add(next);
        if (next.equals(start)) {
          return longer;
        }
        if (seen.add(next)) {
          paths.add(longer);
        }
      }
    }
    return null;
  }

  private static String withoutCommentsAndStrings(String source) {
    return source
        .replaceAll("(?s)/\\*.*?\\*/", "")
        .replaceAll("//[^\n]*", "")
        .replaceAll("\"(?:\\\\.|[^\"\\\\\n])*\"", "\"\"");
  }
}
