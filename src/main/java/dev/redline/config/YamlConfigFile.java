package dev.redline.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a {@code redline.yaml}: every key must be one Redline knows (an unknown one is named, with
 * the nearest valid key); malformed YAML is reported with its line and column.
 */
public final class YamlConfigFile {
  private YamlConfigFile() {}

  /** The file's settings as a layer. */
  public static ConfigLayer read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ConfigError(
          "config file "
              + file.toAbsolutePath()
              + " is not UTF-8 text (a binary file?); give a YAML file such as redline.yaml");
    } catch (NoSuchFileException e) {
      throw new ConfigError(
          "config file " + file.toAbsolutePath() + " does not exist (given by redline.config)");
    } catch (IOException e) {
      throw new ConfigError(
          "cannot read config file " + file.toAbsolutePath() + ": " + e.getMessage());
    }
    Object root;
    try (Reader reader = new java.io.StringReader(text)) {
      LoaderOptions options = new LoaderOptions();
      // a key given twice is a mistake, not "the last one wins"
      options.setAllowDuplicateKeys(false);
      // SnakeYAML refuses documents over 3 M code points as if malformed; a file this JVM could
      // read is read whole, however many comments it holds
      options.setCodePointLimit(Math.max(options.getCodePointLimit(), text.length() + 1));
      root = new Yaml(new SafeConstructor(options)).load(reader);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where =
          mark == null
              ? ""
              : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
      throw new ConfigError("malformed YAML in " + file + where + ": " + e.getProblem());
    } catch (YAMLException | IOException e) {
      throw new ConfigError("malformed YAML in " + file + ": " + e.getMessage());
    }
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    if (root != null) {
      if (!(root instanceof Map<?, ?> map)) {
        throw new ConfigError(
            file
                + " must hold a mapping (redis:, test:, ...), not "
                + root.getClass().getSimpleName());
      }
      flatten(file, "", map, values);
    }
    return new ConfigLayer(file.getFileName().toString(), values);
  }

  private static void flatten(
      Path file, String prefix, Map<?, ?> map, Map<String, ConfigValue> values) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String path = prefix + e.getKey();
      ConfigKey key = ConfigKey.at(path);
      if (key != null) {
        if (e.getValue() != null) {
          values.put(path, new ConfigValue(e.getValue(), file.getFileName() + " key " + path));
        }
      } else if (e.getValue() instanceof Map<?, ?> nested && isSection(path)) {
        flatten(file, path + ".", nested, values);
      } else if (e.getValue() == null && isSection(path)) {
        // "redis:" followed only by comments: a section with nothing set, as the README shows
        continue;
      } else if (isSection(path)) {
        throw new ConfigError(
            "'"
                + path
                + "' in "
                + file
                + " is a section: its settings go beneath it, indented (e.g. "
                + ConfigKey.paths().stream()
                    .filter(p -> p.startsWith(path + "."))
                    .findFirst()
                    .orElseThrow()
                + "), not "
                + e.getValue());
      } else {
        throw new ConfigError(
            "unknown key '"
                + path
                + "' in "
                + file
                + NearestName.hint(path, namesAt(prefix), p -> "'" + p + "'"));
      }
    }
  }

  /** Keys and sections that may stand beside a key at this level, by full path. */
  private static java.util.Set<String> namesAt(String prefix) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (String p : ConfigKey.paths()) {
      if (p.startsWith(prefix)) {
        int dot = p.indexOf('.', prefix.length());
        names.add(dot < 0 ? p : p.substring(0, dot) + ":");
      }
    }
    names.addAll(ConfigKey.paths());
    return names;
  }

  private static boolean isSection(String path) {
    return ConfigKey.paths().stream().anyMatch(p -> p.startsWith(path + "."));
  }
}
