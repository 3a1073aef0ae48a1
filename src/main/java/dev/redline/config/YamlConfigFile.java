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
          "config file "
              + file.toAbsolutePath()
              + " does not exist (given by redline.config)"
              + (file.toString().startsWith("~/")
                  ? "; the shell leaves a ~ after = as it is: write $HOME/"
                      + file.toString().substring(2)
                  : ""));
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        throw new ConfigError(
            "config file "
                + file.toAbsolutePath()
                + " is a folder: name the YAML file in it, e.g. "
                + file.resolve("redline.yaml"));
      }
      throw new ConfigError(
          "cannot read config file " + file.toAbsolutePath() + ": " + e.getMessage());
    }
    Object root;
    LoaderOptions options = new LoaderOptions();
    // a key given twice is a mistake, not "the last one wins"
    options.setAllowDuplicateKeys(false);
    // SnakeYAML refuses documents over 3 M code points as if malformed; a file this JVM could
    // read is read whole, however many comments it holds
    options.setCodePointLimit(Math.max(options.getCodePointLimit(), text.length() + 1));
    try (Reader reader = new java.io.StringReader(text)) {
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
      java.util.function.Supplier<org.yaml.snakeyaml.nodes.Node> tree = composedOnce(text, options);
      keepTextAsWritten(tree, values);
      cautionCommentAfterPassword(file, text, tree, values);
    }
    return new ConfigLayer(file.getFileName().toString(), values);
  }

  private static void flatten(
      Path file, String prefix, Map<?, ?> map, Map<String, ConfigValue> values) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String path = prefix + e.getKey();
      ConfigKey<?> key = ConfigKeys.at(path);
      if (key != null) {
        if (values.containsKey(path)) {
          // redis: {password: a} beside redis.password: b, which YAML's own check cannot see
          throw new ConfigError(
              "'" + path + "' is given twice in " + file + " (nested and dotted): keep one");
        }
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
                + ConfigKeys.paths().stream()
                    .filter(p -> p.startsWith(path + "."))
                    .findFirst()
                    .orElseThrow()
                + "), not "
                + e.getValue());
      } else {
        throw new ConfigError(
            "unknown key '" + path + "' in " + file + unknownKeyHint(prefix, path));
      }
    }
  }

  /**
   * The nearest key; for a key that is a known setting's last part at the top (duration: beneath a
   * test: that lost its indent), the setting and its section.
   */
  private static String unknownKeyHint(String prefix, String path) {
    if (prefix.isEmpty()) {
      java.util.List<String> owners =
          ConfigKeys.paths().stream().filter(p -> p.endsWith("." + path)).toList();
      if (!owners.isEmpty()) {
        String owner = owners.get(0);
        return "; did you mean '"
            + owner
            + "'? It goes indented beneath '"
            + owner.substring(0, owner.lastIndexOf('.')).replace(".", ":' and '")
            + ":'"
            + (owners.size() > 1
                ? " (or " + String.join(", ", owners.subList(1, owners.size())) + ")"
                : "");
      }
    }
    return NearestName.hint(path, namesAt(prefix), p -> "'" + p + "'");
  }

  /**
   * A free-text setting that YAML read as a number, a boolean or a date takes the scalar as written
   * in the file: {@code password: 0123456} is 0123456, not the octal number 42798.
   */
  private static void keepTextAsWritten(
      java.util.function.Supplier<org.yaml.snakeyaml.nodes.Node> tree,
      Map<String, ConfigValue> values) {
    for (Map.Entry<String, ConfigValue> e : values.entrySet()) {
      Object raw = e.getValue().raw();
      boolean readAsOther =
          raw instanceof Number || raw instanceof Boolean || raw instanceof java.util.Date;
      if (!readAsOther || !ConfigKeys.at(e.getKey()).takesText()) {
        continue;
      }
      org.yaml.snakeyaml.nodes.Node node = find(tree.get(), "", e.getKey());
      if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar) {
        e.setValue(new ConfigValue(scalar.getValue(), e.getValue().origin()));
      }
    }
  }

  /**
   * A password written plain and followed on its line by {@code " #"}: YAML reads the rest as a
   * comment, so {@code password: tea #1} is "tea". Nobody can tell that from an intended comment,
   * so the value runs as YAML read it and carries a caution that the failed login says (never the
   * text of the comment, which may be the password's end).
   */
  private static void cautionCommentAfterPassword(
      Path file,
      String text,
      java.util.function.Supplier<org.yaml.snakeyaml.nodes.Node> tree,
      Map<String, ConfigValue> values) {
    // the login the start check says; the sentinels' own password is answered per sentinel
    ConfigValue value = values.get("redis.password");
    if (value == null
        || !(find(tree.get(), "", "redis.password")
            instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar)
        || scalar.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
      return;
    }
    // SnakeYAML counts code points, String indexes count UTF-16 units (an emoji above differs)
    int end = text.offsetByCodePoints(0, scalar.getEndMark().getIndex());
    int lineEnd = text.indexOf('\n', end);
    String rest = text.substring(end, lineEnd < 0 ? text.length() : lineEnd);
    boolean commentFollows =
        !rest.isEmpty()
            && Character.isWhitespace(rest.charAt(0))
            && rest.stripLeading().startsWith("#");
    if (commentFollows) {
      values.put(
          "redis.password",
          new ConfigValue(
              value.raw(),
              value.origin(),
              "line "
                  + (scalar.getEndMark().getLine() + 1)
                  + " of "
                  + file
                  + " goes on after redis.password with ' #', which YAML reads as a comment: if"
                  + " the '#' is part of the password, quote it (password: '...')"));
    }
  }

  /** The file's node tree, composed at most once, and only when a pass needs it. */
  private static java.util.function.Supplier<org.yaml.snakeyaml.nodes.Node> composedOnce(
      String text, LoaderOptions options) {
    org.yaml.snakeyaml.nodes.Node[] root = {null};
    return () -> {
      if (root[0] == null) {
        root[0] = new Yaml(options).compose(new java.io.StringReader(text));
      }
      return root[0];
    };
  }

  /** The value node of a dotted path, written nested or with dots. */
  private static org.yaml.snakeyaml.nodes.Node find(
      org.yaml.snakeyaml.nodes.Node node, String prefix, String path) {
    if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode mapping)) {
      return null;
    }
    // flatten refuses a setting given twice, so the first spelling found is the only one
    for (org.yaml.snakeyaml.nodes.NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode key)) {
        continue;
      }
      String here = prefix + key.getValue();
      if (here.equals(path)) {
        return tuple.getValueNode();
      }
      if (path.startsWith(here + ".")) {
        org.yaml.snakeyaml.nodes.Node found = find(tuple.getValueNode(), here + ".", path);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Keys and sections that may stand beside a key at this level, by full path. */
  private static java.util.Set<String> namesAt(String prefix) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (String p : ConfigKeys.paths()) {
      if (p.startsWith(prefix)) {
        int dot = p.indexOf('.', prefix.length());
        names.add(dot < 0 ? p : p.substring(0, dot) + ":");
      }
    }
    names.addAll(ConfigKeys.paths());
    return names;
  }

  private static boolean isSection(String path) {
    return ConfigKeys.paths().stream().anyMatch(p -> p.startsWith(path + "."));
  }
}
