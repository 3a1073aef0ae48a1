package dev.redline.javaapi;

import java.util.List;

/**
 * An option of {@code SET}: {@link RedisDsl#ex(long)}, {@link RedisDsl#px(long)}, {@link
 * RedisDsl#nx()}, {@link RedisDsl#xx()}, {@link RedisDsl#keepTtl()}.
 *
 * <pre>{@code redis("SET session").set("session:#{id}", "#{token}", ex(60), nx())}</pre>
 */
public final class SetOption {
  private final List<String> words;

  SetOption(String... words) {
    this.words = List.of(words);
  }

  /** The words this option adds to the SET command. */
  List<String> words() {
    return words;
  }

  @Override
  public String toString() {
    return String.join(" ", words);
  }
}
